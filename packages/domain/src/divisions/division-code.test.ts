import { describe, expect, it } from 'vitest';
import {
  divisionLevel,
  divisionPrefix,
  isDivisionCode,
  isUrbanRuralCode,
  isWithinDivision,
  parentDivisionCode,
  parseDivisionCode,
  provinceCodes,
  townshipKind,
  villageKind,
} from './division-code.js';

describe('parseDivisionCode', () => {
  it.each([
    ['330000000000', 'province', null, '33', null],
    ['330100000000', 'prefecture', '330000000000', '3301', null],
    ['330106000000', 'county', '330100000000', '330106', '330106000000'],
    ['330106001000', 'township', '330106000000', '330106001', '330106000000'],
    ['330106001201', 'village', '330106001000', '330106001201', '330106000000'],
    // 东莞: towns directly under a prefecture-level city without counties
    ['441900003000', 'township', '441900000000', '441900003', '441900000000'],
    ['441900003001', 'village', '441900003000', '441900003001', '441900000000'],
  ] as const)('%s is a %s with parent %s', (code, level, parentCode, prefix, countyCode) => {
    const result = parseDivisionCode(code);
    expect(result).toEqual({ ok: true, division: { code, level, parentCode, prefix, countyCode } });
  });

  it.each([
    ['', 'DIVISION_CODE_EMPTY'],
    ['33010600100', 'DIVISION_CODE_FORMAT'],
    ['3301060010001', 'DIVISION_CODE_FORMAT'],
    ['33010600100a', 'DIVISION_CODE_FORMAT'],
    [' 330106001000', 'DIVISION_CODE_FORMAT'],
    ['000000000000', 'DIVISION_CODE_PROVINCE'],
    ['990106001000', 'DIVISION_CODE_PROVINCE'],
  ])('rejects %j with %s and a message in both languages', (code, problem) => {
    const result = parseDivisionCode(code);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(problem);
    expect(result.problem.message.zh).not.toBe('');
    expect(result.problem.message.en).not.toBe('');
  });
});

describe('isWithinDivision', () => {
  it.each([
    ['330106001201', '330106001000', true],
    ['330106001201', '330106000000', true],
    ['330106001201', '330000000000', true],
    ['330106001000', '330106001000', true],
    ['330106002201', '330106001000', false],
    ['330105001201', '330106000000', false],
    ['330106000000', '330106001000', false],
    ['330106001201', 'not-a-code', false],
  ])('%s within %s is %s', (code, scope, expected) => {
    expect(isWithinDivision(code, scope)).toBe(expected);
  });
});

describe('helpers', () => {
  it('derive level, parent and prefix of valid codes and throw on malformed ones', () => {
    expect(divisionLevel('330106000000')).toBe('county');
    expect(parentDivisionCode('330000000000')).toBeNull();
    expect(divisionPrefix('330100000000')).toBe('3301');
    expect(() => divisionLevel('123')).toThrow(RangeError);
    expect(isDivisionCode('330106001201')).toBe(true);
    expect(isDivisionCode('33010600120')).toBe(false);
  });

  it.each([
    ['330106001000', 'subdistrict'],
    ['330106099000', 'subdistrict'],
    ['330106100000', 'town'],
    ['330106199000', 'town'],
    ['330106200000', 'township'],
    ['330106399000', 'township'],
    ['330106400000', 'other'],
  ] as const)('township %s is a %s', (code, kind) => {
    expect(townshipKind(code)).toBe(kind);
  });

  it.each([
    ['330106100001', 'community'],
    ['330106100199', 'community'],
    ['330106100200', 'village'],
    ['330106100399', 'village'],
    ['330106100498', 'other_community'],
    ['330106100598', 'other_village'],
  ] as const)('village %s is a %s', (code, kind) => {
    expect(villageKind(code)).toBe(kind);
  });

  it('knows the 城乡分类代码 values', () => {
    expect(isUrbanRuralCode('220')).toBe(true);
    expect(isUrbanRuralCode('113')).toBe(false);
    expect(isUrbanRuralCode('toString')).toBe(false);
  });
});

describe('provinceCodes', () => {
  it('lists the 34 province-level units, each a valid province code', () => {
    expect(provinceCodes).toHaveLength(34);
    for (const code of provinceCodes) {
      const parsed = parseDivisionCode(`${code}0000000000`);
      expect(parsed.ok && parsed.division.level).toBe('province');
    }
    expect(parseDivisionCode('990000000000').ok).toBe(false);
  });
});
