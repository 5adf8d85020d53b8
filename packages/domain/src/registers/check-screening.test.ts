import { describe, expect, it } from 'vitest';
import { checkScreening, type ScreeningFacts } from './check-screening.js';

const codes = (facts: Partial<ScreeningFacts>, today = '2026-04-10') =>
  checkScreening(
    { month: '2026-03', zeroReport: false, screenedOn: '2026-03-15', disputesFound: 1, ...facts },
    { today },
  ).map((p) => p.code);

describe('checkScreening', () => {
  it('a screening held in its month has no problem', () => {
    expect(codes({})).toEqual([]);
  });

  it.each([
    ['2026-03-31', ['MONTH_NOT_ENDED']],
    ['2026-04-01', []],
  ])('a zero report of March made on %s: %j', (today, expected) => {
    expect(codes({ zeroReport: true, screenedOn: null, disputesFound: 0 }, today)).toEqual(
      expected,
    );
  });

  it('a zero report finds no dispute', () => {
    expect(codes({ zeroReport: true, disputesFound: 2 })).toEqual(['ZERO_REPORT_WITH_DISPUTES']);
  });

  it.each([
    ['2026-02-28', ['SCREENED_OUTSIDE_MONTH']],
    ['2026-03-01', []],
    ['2026-03-31', []],
    ['2026-04-01', ['SCREENED_OUTSIDE_MONTH']],
  ])('a March screening held %s: %j', (screenedOn, expected) => {
    expect(codes({ screenedOn })).toEqual(expected);
  });

  it('a screening needs its date and cannot lie in the future', () => {
    expect(codes({ screenedOn: null })).toEqual(['SCREENED_ON_MISSING']);
    expect(codes({ screenedOn: '2026-03-20' }, '2026-03-19')).toEqual(['SCREENED_IN_FUTURE']);
  });
});
