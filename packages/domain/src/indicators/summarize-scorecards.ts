import { divideHalfUp, fromHundredths, toHundredths } from './_internal/decimal.js';
import type { Grade } from './types.js';

/** What a summary needs from a scorecard (a full `Scorecard` fits). */
export interface SummarizableScorecard {
  readonly total: number;
  readonly grade: Grade;
  readonly vetoed: boolean;
}

/** The distribution of a set of scorecards. */
export interface ScorecardSummary {
  /** Every scorecard, vetoed ones included. */
  readonly count: number;
  /** Mean total, rounded half up to 0.01; `null` when there are none. */
  readonly mean: number | null;
  /** Median total (the mean of the middle two for an even count, rounded half up to 0.01). */
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Counts for every grade; vetoed scorecards count as `fail`. */
  readonly byGrade: Readonly<Record<Grade, number>>;
  /** Non-vetoed scorecards graded pass or better. */
  readonly passed: number;
  /** `passed / count` (a fraction in 0–1, not rounded); `null` when there are none. */
  readonly passRate: number | null;
}

function hundredthsOf(total: number): number {
  const h = toHundredths(total);
  if (h === null)
    throw new RangeError(`A scorecard total must have at most two decimals: ${total}`);
  return h;
}

/**
 * Summarises scorecards: count, mean, median, min and max of the totals (all scorecards, vetoed
 * ones included, computed in integer hundredths; mean and median rounded half up to 0.01),
 * counts for every grade (a vetoed scorecard counts as `fail`), and the pass rate: the share of
 * all scorecards that are not vetoed and graded pass or better. Throws a `RangeError` for a total
 * with more than two decimals (a scorecard from `scoreAssessment` never has one).
 *
 * @example
 * summarizeScorecards([
 *   { total: 92, grade: 'excellent', vetoed: false },
 *   { total: 75.5, grade: 'pass', vetoed: false },
 *   { total: 60, grade: 'fail', vetoed: false },
 *   { total: 95, grade: 'fail', vetoed: true },
 * ]);
 * // → { count: 4, mean: 80.63, median: 83.75, min: 60, max: 95,
 * //     byGrade: { excellent: 1, good: 0, pass: 1, fail: 2 }, passed: 2, passRate: 0.5 }
 */
export function summarizeScorecards(
  scorecards: readonly SummarizableScorecard[],
): ScorecardSummary {
  const byGrade: Record<Grade, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
  const totals: number[] = [];
  let sum = 0;
  let passed = 0;
  for (const card of scorecards) {
    const h = hundredthsOf(card.total);
    totals.push(h);
    sum += h;
    const grade: Grade = card.vetoed ? 'fail' : card.grade;
    byGrade[grade] += 1;
    if (grade !== 'fail') passed += 1;
  }
  const count = totals.length;
  if (count === 0) {
    return {
      count,
      mean: null,
      median: null,
      min: null,
      max: null,
      byGrade,
      passed,
      passRate: null,
    };
  }
  totals.sort((a, b) => a - b);
  const middle = count >> 1;
  const median =
    count % 2 === 1
      ? totals[middle]!
      : divideHalfUpSigned(totals[middle - 1]! + totals[middle]!, 2);
  return {
    count,
    mean: fromHundredths(divideHalfUpSigned(sum, count)),
    median: fromHundredths(median),
    min: fromHundredths(totals[0]!),
    max: fromHundredths(totals[count - 1]!),
    byGrade,
    passed,
    passRate: passed / count,
  };
}

/** Half-up division that also handles negative numerators (rounding toward +∞ at .5). */
function divideHalfUpSigned(num: number, den: number): number {
  if (num >= 0) return divideHalfUp(num, den);
  // −x/den rounded half up = −(x/den rounded half down) = −ceil(x/den − 1/2)
  const x = -num;
  return -Math.ceil((2 * x - den) / (2 * den));
}
