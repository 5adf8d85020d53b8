import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inScope, scopePrefix } from './in-scope.js';
import { WHOLE_DEPLOYMENT } from './scope-levels.js';

describe('scopePrefix', () => {
  it.each([
    [WHOLE_DEPLOYMENT, ''],
    ['330000000000', '33'],
    ['330700000000', '3307'],
    ['330728000000', '330728'],
    ['330728101000', '330728101'],
    ['330728101201', '330728101201'],
    ['33072810120', null],
    ['3307281012011', null],
    ['abcdefghijkl', null],
    ['', null],
  ])('%j has the prefix %j', (code, prefix) => {
    expect(scopePrefix(code)).toBe(prefix);
  });
});

describe('inScope', () => {
  it('a county holds its townships and villages, and itself', () => {
    expect(inScope('330728000000', '330728000000')).toBe(true);
    expect(inScope('330728000000', '330728101000')).toBe(true);
    expect(inScope('330728000000', '330728101201')).toBe(true);
  });

  it('a township holds its own villages, not the neighbour’s, nor its county', () => {
    expect(inScope('330728101000', '330728101201')).toBe(true);
    expect(inScope('330728101000', '330728102201')).toBe(false);
    expect(inScope('330728101000', '330728000000')).toBe(false);
  });

  it('the boundary is the prefix digit: 330728 does not hold 330729…', () => {
    expect(inScope('330728000000', '330729101201')).toBe(false);
    expect(inScope('330728000000', '330720000000')).toBe(false);
  });

  it('the whole deployment holds everything, even a missing code', () => {
    expect(inScope(WHOLE_DEPLOYMENT, '110101001001')).toBe(true);
    expect(inScope(WHOLE_DEPLOYMENT, null)).toBe(true);
  });

  it('a malformed scope holds nothing (fail closed), and no scope holds a missing code', () => {
    expect(inScope('33072800000', '330728101201')).toBe(false);
    expect(inScope('', '330728101201')).toBe(false);
    expect(inScope('330728000000', null)).toBe(false);
    expect(inScope('330728000000', '')).toBe(false);
  });

  it('any code that starts with a scope’s prefix lies in it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), (tail) => {
        const code = `330728${tail}`;
        return inScope('330728000000', code);
      }),
    );
  });
});
