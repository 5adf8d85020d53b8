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
  for (const card of scorecards) {
    const h = hundredthsOf(card.total);
    totals.push(h);
    sum += h;
    byGrade[card.vetoed ? 'fail' : card.grade] += 1;
  }
  totals.sort((a, b) => a - b);
  const middle = totals.length >> 1;
  return summaryFromAggregates({
    count: totals.length,
    sumHundredths: sum,
    minHundredths: totals[0] ?? null,
    maxHundredths: totals.at(-1) ?? null,
    middleHundredths:
      totals.length === 0
        ? []
        : totals.length % 2 === 1
          ? [totals[middle]!]
          : [totals[middle - 1]!, totals[middle]!],
    byGrade,
  });
}

/**
 * What a database can aggregate of a set of scorecards, in integer hundredths, for
 * `summaryFromAggregates`: so that a summary computed by SQL over stored totals follows the same
 * rules (vetoed count as `fail`; mean and median rounded half up) as `summarizeScorecards`.
 */
export interface ScorecardAggregates {
  readonly count: number;
  /** Sum of all totals (vetoed included), in hundredths. */
  readonly sumHundredths: number;
  readonly minHundredths: number | null;
  readonly maxHundredths: number | null;
  /** The middle total (odd count) or the middle two (even count), ascending; empty for none. */
  readonly middleHundredths: readonly number[];
  /** Counts per grade, a vetoed scorecard counted as `fail`. */
  readonly byGrade: Readonly<Record<Grade, number>>;
}

/**
 * The summary of `summarizeScorecards`, from aggregates (count, sum, min, max, the middle one or
 * two, counts per grade with vetoed as `fail`) instead of every scorecard: what a database
 * computes without sending every row. Throws a `RangeError` when the parts disagree (a middle
 * that does not fit the count, grade counts that do not add up to it).
 *
 * @example
 * summaryFromAggregates({ count: 4, sumHundredths: 32250, minHundredths: 6000,
 *   maxHundredths: 9500, middleHundredths: [7550, 9200],
 *   byGrade: { excellent: 1, good: 0, pass: 1, fail: 2 } });
 * // → { count: 4, mean: 80.63, median: 83.75, min: 60, max: 95, …, passed: 2, passRate: 0.5 }
 */
export function summaryFromAggregates(aggregates: ScorecardAggregates): ScorecardSummary {
  const { count, byGrade } = aggregates;
  const graded = byGrade.excellent + byGrade.good + byGrade.pass + byGrade.fail;
  if (graded !== count)
    throw new RangeError(`Grade counts add up to ${graded}, not the count ${count}`);
  const middle = aggregates.middleHundredths;
  if (middle.length !== (count === 0 ? 0 : count % 2 === 1 ? 1 : 2))
    throw new RangeError(`${middle.length} middle totals do not fit a count of ${count}`);
  const passed = count - byGrade.fail;
  const grades = { ...byGrade };
  if (count === 0) {
    return {
      count,
      mean: null,
      median: null,
      min: null,
      max: null,
      byGrade: grades,
      passed,
      passRate: null,
    };
  }
  const median = middle.length === 1 ? middle[0]! : divideHalfUpSigned(middle[0]! + middle[1]!, 2);
  return {
    count,
    mean: fromHundredths(divideHalfUpSigned(aggregates.sumHundredths, count)),
    median: fromHundredths(median),
    min: fromHundredths(aggregates.minHundredths!),
    max: fromHundredths(aggregates.maxHundredths!),
    byGrade: grades,
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
