import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, formatDate, parseDate, workingDaysBetween } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    [' 2025-01-01', false],
  ])('%s is a valid date: %s', (text, valid) => {
    expect(parseDate(text) !== undefined).toBe(valid);
  });

  it('round-trips through formatDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(parseDate(formatDate(day))).toBe(day);
      }),
    );
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-01-01', 4],
    ['2026-04-04', 6],
    ['2026-04-05', 0],
  ])('%s is weekday %i', (date, weekday) => {
    expect(dayOfWeek(parseDate(date) ?? NaN)).toBe(weekday);
  });
});

describe('workingDaysBetween', () => {
  it('does not count the first day and skips weekends and holidays', () => {
    const start = parseDate('2026-04-03') ?? NaN; // Friday
    const end = parseDate('2026-04-07') ?? NaN; // Tuesday
    expect(workingDaysBetween(start, end, new Set(), new Set())).toBe(2);
    expect(workingDaysBetween(start, end, new Set([end]), new Set())).toBe(1);
    expect(workingDaysBetween(start, end, new Set(), new Set([start + 1]))).toBe(3);
  });
});
