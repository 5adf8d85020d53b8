import { describe, expect, it } from 'vitest';
import { addYears, declarationProblem, type HeldTitle } from './declaration-eligibility.js';
import type { TitleLevel } from './title-level.js';

const check = (
  level: TitleLevel,
  titles: HeldTitle[],
  today = '2026-03-01',
  requireLowerTitle = false,
) => declarationProblem({ level, titles, today, requireLowerTitle })?.code ?? null;

describe('declarationProblem', () => {
  it.each([
    ['2024-03-01', null],
    ['2024-03-02', 'REVOKED_RECENTLY'],
  ])('a title revoked on %s bars a declaration on 2026-03-01: %s', (recheckedOn, code) => {
    expect(check('county', [{ level: 'county', status: 'revoked', recheckedOn }])).toBe(code);
  });

  it('one title per level', () => {
    expect(check('county', [{ level: 'county', status: 'active' }])).toBe('ALREADY_NAMED');
    expect(check('county', [{ level: 'county', status: 'cancelled' }])).toBeNull();
    expect(check('municipal', [{ level: 'county', status: 'active' }])).toBeNull();
  });

  it.each([
    ['municipal', [], 'LOWER_TITLE_REQUIRED'],
    ['municipal', [{ level: 'county', status: 'active' }], null],
    [
      'municipal',
      [{ level: 'county', status: 'revoked', recheckedOn: '2020-01-01' }],
      'LOWER_TITLE_REQUIRED',
    ],
    ['provincial', [{ level: 'county', status: 'active' }], 'LOWER_TITLE_REQUIRED'],
    ['national', [{ level: 'provincial', status: 'active' }], null],
    ['county', [], null],
  ] as [TitleLevel, HeldTitle[], string | null][])(
    'the ladder: %s with %j → %s',
    (level, titles, code) => {
      expect(check(level, titles, '2026-03-01', true)).toBe(code);
      expect(check(level, titles, '2026-03-01', false)).toBeNull();
    },
  );

  it('counts years on the calendar, 29 February to 1 March', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-03-01');
    expect(addYears('2025-06-30', 2)).toBe('2027-06-30');
  });
});
