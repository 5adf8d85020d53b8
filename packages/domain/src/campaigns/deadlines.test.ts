import { describe, expect, it } from 'vitest';
import {
  DEADLINE_WARNING_DAYS,
  daysUntil,
  deadlineLight,
  isLaterDay,
  lateStates,
} from './deadlines.js';

describe('deadlineLight', () => {
  const due = '2026-03-10';
  it.each([
    ['2026-03-01', 'none'], // 9 days ahead
    ['2026-03-06', 'none'], // 4 days ahead: one day before the warning starts
    ['2026-03-07', 'yellow'], // exactly 3 days ahead
    ['2026-03-09', 'yellow'],
    ['2026-03-10', 'yellow'], // due today is not late yet
    ['2026-03-11', 'red'], // one day past
    ['2026-05-01', 'red'],
  ] as const)('due %s seen on %s', (today, light) => {
    expect(deadlineLight(due, today)).toBe(light);
  });

  it('warns exactly DEADLINE_WARNING_DAYS days ahead', () => {
    expect(DEADLINE_WARNING_DAYS).toBe(3);
  });

  it('has no light without a valid deadline', () => {
    expect(deadlineLight(undefined, '2026-03-01')).toBe('none');
    expect(deadlineLight(null, '2026-03-01')).toBe('none');
    expect(deadlineLight('2026-02-30', '2026-03-01')).toBe('none');
  });

  it('counts across month and year ends', () => {
    expect(daysUntil('2027-01-02', '2026-12-30')).toBe(3);
    expect(deadlineLight('2027-01-02', '2026-12-30')).toBe('yellow');
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2); // leap year
  });
});

describe('isLaterDay', () => {
  it('accepts only a later valid day', () => {
    expect(isLaterDay('2026-03-11', '2026-03-10')).toBe(true);
    expect(isLaterDay('2026-03-10', '2026-03-10')).toBe(false);
    expect(isLaterDay('2026-03-09', '2026-03-10')).toBe(false);
    expect(isLaterDay('2026-03-09', undefined)).toBe(true);
    expect(isLaterDay('2026-02-31', undefined)).toBe(false);
  });
});

describe('lateStates', () => {
  it('names the states that still owe work in a stage', () => {
    expect(lateStates('self_assess')).toEqual(['declared', 'enrolled', 'returned']);
    expect(lateStates('county_acceptance')).toEqual(['township_approved']);
    expect(lateStates('county_acceptance', { townshipReview: true })).toEqual([
      'township_approved',
    ]);
    // an annual township assessment: the county scores self-assessed townships directly
    expect(lateStates('county_acceptance', { townshipReview: false })).toEqual(['self_assessed']);
    expect(lateStates('deploy')).toEqual([]);
    expect(lateStates('recheck')).toEqual([]);
  });
});
