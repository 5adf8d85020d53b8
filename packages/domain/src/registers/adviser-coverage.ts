import type { AdviserContractPeriod } from './check-adviser.js';

/**
 * Whether a contract runs on a day (its first and last day included).
 *
 * @example
 * contractCovers({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, '2026-12-31') // true
 * contractCovers({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, '2027-01-01') // false
 */
export function contractCovers(contract: AdviserContractPeriod, day: string): boolean {
  return contract.startsOn <= day && day <= contract.endsOn;
}

/**
 * 法律顾问覆盖率: the share of a division's villages with an adviser under contract on a day; null
 * (shown as “—”) for a division without villages, never 0% or 100%.
 *
 * @example
 * adviserCoverage({ villages: 20, covered: 18 }) // 0.9
 * adviserCoverage({ villages: 0, covered: 0 }) // null
 */
export function adviserCoverage(counts: { villages: number; covered: number }): number | null {
  if (counts.villages === 0) return null;
  return counts.covered / counts.villages;
}
