import type { IndicatorItem } from './indicators/types.js';
import { isRecordMetricKey, recordMetrics } from './records/record-metrics.js';

// How a rate (a ratio between 0 and 1) is presented: one rule for every table, sheet, report and
// explanation, rounded to one decimal of a per cent. The exact ratio stays where rules compare
// or score it (a threshold of 2/3 is met by 2/3, not by 66.7%).

/**
 * A number rounded half up to one decimal, as a per cent is shown.
 *
 * @example
 * tenths(33.3333333333) // 33.3
 */
export function tenths(n: number): number {
  // toPrecision first: a rate of 0.0055 is 0.5499999999999999 per cent in binary, shown 0.6
  return Math.round(Number((n * 10).toPrecision(12))) / 10;
}

/**
 * A ratio as a percentage rounded half up to one decimal.
 *
 * @example
 * ratePercent(1 / 3) // 33.3
 * ratePercent(2 / 3) // 66.7
 * ratePercent(0.8125) // 81.3
 */
export function ratePercent(ratio: number): number {
  return tenths(ratio * 100);
}

/**
 * A rate as the tables print it: a percentage with one decimal, or “—” without a denominator.
 *
 * @example
 * formatRate(0.8125) // '81.3%'
 * formatRate(1 / 3) // '33.3%'
 * formatRate(null) // '—'
 */
export function formatRate(value: number | null): string {
  if (value === null) return '—';
  return `${ratePercent(value).toFixed(1)}%`;
}

/**
 * Whether an item's number answer is a rate from the records in per cent (a ratio metric × 100):
 * the answer keeps the exact value the rule scores, and is shown with `tenths`.
 */
export function answersInPercent(item: Pick<IndicatorItem, 'metric'>): boolean {
  const key = item.metric?.key;
  return (
    key !== undefined &&
    isRecordMetricKey(key) &&
    recordMetrics[key].unit === 'ratio' &&
    item.metric?.scale === 100
  );
}
