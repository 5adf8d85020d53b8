import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeScorecards, summaryFromAggregates } from './summarize-scorecards.js';
import type { Grade } from './types.js';

const card = (total: number, grade: Grade, vetoed = false) => ({ total, grade, vetoed });

describe('summarizeScorecards', () => {
  it('counts vetoed scorecards in count and byGrade.fail, but never as passed', () => {
    const summary = summarizeScorecards([
      card(92, 'excellent'),
      card(75.5, 'pass'),
      card(60, 'fail'),
      card(95, 'excellent', true),
    ]);
    expect(summary).toEqual({
      count: 4,
      mean: 80.63, // 322.5 / 4 = 80.625, rounded half up
      median: 83.75,
      min: 60,
      max: 95,
      byGrade: { excellent: 1, good: 0, pass: 1, fail: 2 },
      passed: 2,
      passRate: 0.5,
    });
  });

  it('returns zero counts and null figures for no scorecards', () => {
    expect(summarizeScorecards([])).toEqual({
      count: 0,
      mean: null,
      median: null,
      min: null,
      max: null,
      byGrade: { excellent: 0, good: 0, pass: 0, fail: 0 },
      passed: 0,
      passRate: null,
    });
  });

  it.each([
    [[80], 80],
    [[70, 90], 80],
    [[80.01, 80], 80.01], // 80.005 rounds half up
    [[1, 2, 3], 2],
    [[4, 1, 3, 2], 2.5],
  ])('the median of %j is %s', (totals, median) => {
    expect(summarizeScorecards(totals.map((t) => card(t, 'pass'))).median).toBe(median);
  });

  it.each([
    [[0.1, 0.2], 0.15],
    [[0.29, 0.71, 1], 0.67], // 2/3 rounds to 0.67
    [[33.33, 33.33, 33.34], 33.33],
    [Array<number>(10).fill(0.1), 0.1],
  ])('the mean of %j is exactly %s', (totals, mean) => {
    expect(summarizeScorecards(totals.map((t) => card(t, 'pass'))).mean).toBe(mean);
  });

  it('the pass rate is the share of all scorecards graded pass or better and not vetoed', () => {
    const summary = summarizeScorecards([
      card(90, 'excellent'),
      card(85, 'good'),
      card(50, 'fail'),
    ]);
    expect(summary.passed).toBe(2);
    expect(summary.passRate).toBe(2 / 3);
  });

  it('counts a vetoed scorecard carrying a passing grade as fail', () => {
    expect(summarizeScorecards([card(99, 'excellent', true)]).byGrade).toEqual({
      excellent: 0,
      good: 0,
      pass: 0,
      fail: 1,
    });
  });

  it('rejects a total with more than two decimals as a broken invariant', () => {
    expect(() => summarizeScorecards([card(1.005, 'pass')])).toThrow(RangeError);
  });
});

describe('summaryFromAggregates', () => {
  const grades = ['excellent', 'good', 'pass', 'fail'] as const;

  it('gives what summarizeScorecards gives for the same scorecards (odd, even, none)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            h: fc.integer({ min: -5000, max: 12000 }),
            grade: fc.constantFrom(...grades),
            vetoed: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (cards) => {
          const sorted = cards.map((c) => c.h).sort((a, b) => a - b);
          const m = sorted.length >> 1;
          const byGrade = { excellent: 0, good: 0, pass: 0, fail: 0 };
          for (const c of cards) byGrade[c.vetoed ? 'fail' : c.grade] += 1;
          const fromAggregates = summaryFromAggregates({
            count: cards.length,
            sumHundredths: sorted.reduce((s, h) => s + h, 0),
            minHundredths: sorted[0] ?? null,
            maxHundredths: sorted.at(-1) ?? null,
            middleHundredths:
              sorted.length === 0
                ? []
                : sorted.length % 2
                  ? [sorted[m]!]
                  : [sorted[m - 1]!, sorted[m]!],
            byGrade,
          });
          const direct = summarizeScorecards(cards.map((c) => card(c.h / 100, c.grade, c.vetoed)));
          expect(fromAggregates).toEqual(direct);
        },
      ),
    );
  });

  it('refuses grade counts that do not add up to the count', () => {
    expect(() =>
      summaryFromAggregates({
        count: 2,
        sumHundredths: 100,
        minHundredths: 50,
        maxHundredths: 50,
        middleHundredths: [50, 50],
        byGrade: { excellent: 1, good: 0, pass: 0, fail: 0 },
      }),
    ).toThrow(RangeError);
  });

  it('refuses a middle that does not fit the count', () => {
    expect(() =>
      summaryFromAggregates({
        count: 3,
        sumHundredths: 150,
        minHundredths: 50,
        maxHundredths: 50,
        middleHundredths: [50, 50],
        byGrade: { excellent: 0, good: 0, pass: 3, fail: 0 },
      }),
    ).toThrow(RangeError);
  });
});
