import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isRegisterMonth,
  monthEnd,
  monthEnded,
  monthsDue,
  previousPeriod,
  reportDueOn,
  reportTimeliness,
  yearBefore,
} from './register-periods.js';

describe('isRegisterMonth', () => {
  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-1', false],
  ])('%s: %s', (value, expected) => expect(isRegisterMonth(value)).toBe(expected));
});

describe('monthEnd', () => {
  it.each([
    ['2024-02', '2024-02-29'],
    ['2026-02', '2026-02-28'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, end) => expect(monthEnd(month)).toBe(end));
});

describe('addMonths', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-05', -12, '2025-05'],
  ])('%s %+i is %s', (month, n, expected) => expect(addMonths(month, n)).toBe(expected));
});

describe('monthEnded', () => {
  it.each([
    ['2026-02-28', false],
    ['2026-03-01', true],
  ])('February 2026 has ended on %s: %s', (today, expected) =>
    expect(monthEnded('2026-02', today)).toBe(expected),
  );
});

describe('reportTimeliness', () => {
  it('is due on the 5th of the following month', () => {
    expect(reportDueOn('2026-12')).toBe('2027-01-05');
  });
  it.each([
    ['2026-02-05', 'on_time'],
    ['2026-02-06', 'late'],
    ['2026-01-20', 'on_time'],
    [null, 'missing'],
  ] as const)('the January report recorded %s is %s', (on, expected) =>
    expect(reportTimeliness('2026-01', on)).toBe(expected),
  );
  it('takes a county deadline', () => {
    expect(reportTimeliness('2026-01', '2026-02-08', { dueDay: 10 })).toBe('on_time');
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31'],
    ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['2024-03-01', '2024-04-30', '2024-01-01', '2024-02-29'],
    ['2026-03-10', '2026-03-19', '2026-02-28', '2026-03-09'],
  ])('before %s–%s comes %s–%s', (from, to, pf, pt) =>
    expect(previousPeriod(from, to)).toEqual({ from: pf, to: pt }),
  );
});

describe('yearBefore', () => {
  it.each([
    ['2026-01-01', '2026-09-30', '2025-01-01', '2025-09-30'],
    ['2026-03-10', '2026-03-19', '2025-03-10', '2025-03-19'],
    ['2028-02-01', '2028-02-29', '2027-02-01', '2027-02-28'],
    ['2029-01-01', '2029-02-28', '2028-01-01', '2028-02-29'],
    ['2028-02-29', '2028-03-31', '2027-02-28', '2027-03-31'],
  ])('a year before %s–%s is %s–%s', (from, to, pf, pt) =>
    expect(yearBefore(from, to)).toEqual({ from: pf, to: pt }),
  );
});

describe('monthsDue', () => {
  it('owes the whole months of the period that have ended', () => {
    expect(monthsDue('2026-01-01', '2026-12-31', '2026-04-01')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
  it('does not owe the month still running on its last day', () => {
    expect(monthsDue('2026-01-01', '2026-12-31', '2026-03-31')).toEqual(['2026-01', '2026-02']);
  });
  it('does not owe months cut by the start or the end of the period', () => {
    expect(monthsDue('2026-01-15', '2026-03-30', '2027-01-01')).toEqual(['2026-02']);
    expect(monthsDue('2026-01-01', '2026-03-31', '2027-01-01')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
  it('owes nothing before the first month ends or for an empty period', () => {
    expect(monthsDue('2026-01-01', '2026-12-31', '2026-01-31')).toEqual([]);
    expect(monthsDue('2026-02-01', '2026-01-31', '2027-01-01')).toEqual([]);
  });
  it('crosses the year', () => {
    expect(monthsDue('2025-11-01', '2026-01-31', '2026-06-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
  });
});
