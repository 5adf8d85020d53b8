import type { LocalizedText } from '../../localized-text.js';
import type { Threshold } from '../rules.js';

/** Whether `count` reaches `threshold` of `base`, in integers. */
export function meetsThreshold(count: number, base: number, threshold: Threshold): boolean {
  const left = threshold.denominator * count;
  const right = threshold.numerator * base;
  return threshold.inclusive ? left >= right : left > right;
}

const zhNumerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "三分之二以上" / "at least 2/3", "超过二分之一" / "more than 1/2". */
export function describeThreshold(threshold: Threshold): LocalizedText {
  const { numerator, denominator, inclusive } = threshold;
  const zhFraction = `${zhNumerals[denominator] ?? denominator}分之${zhNumerals[numerator] ?? numerator}`;
  return inclusive
    ? { zh: `${zhFraction}以上`, en: `at least ${numerator}/${denominator}` }
    : { zh: `超过${zhFraction}`, en: `more than ${numerator}/${denominator}` };
}

/** The smallest count that reaches `threshold` of `base`. */
export function requiredCount(base: number, threshold: Threshold): number {
  const { numerator, denominator, inclusive } = threshold;
  const product = numerator * base;
  return inclusive ? Math.ceil(product / denominator) : Math.floor(product / denominator) + 1;
}
