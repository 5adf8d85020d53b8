import { isIsoDate } from './_internal/dates.js';
import { lawDates } from './rules.js';

/** The versions of the 村民委员会组织法 the checks know: the 2018 text and the 2025 amendment. */
export type OrganicLawVersion = '2018' | '2025';

/**
 * The version of the 村民委员会组织法 in force on a date: `'2018'` before 2026-01-01, `'2025'`
 * from then on. A malformed date is a programming error and throws a `RangeError` (the checks
 * validate their dates first and report `INVALID_INPUT` instead).
 *
 * @example
 * organicLawVersion('2025-12-31'); // '2018'
 * organicLawVersion('2026-01-01'); // '2025'
 */
export function organicLawVersion(date: string): OrganicLawVersion {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  return date >= lawDates.organicLaw2025 ? '2025' : '2018';
}

/**
 * Whether the 农村集体经济组织法 is in force on a date (from 2025-05-01). Throws a `RangeError`
 * on a malformed date.
 *
 * @example
 * isCollectiveEconomicOrganizationsLawInForce('2025-04-30'); // false
 * isCollectiveEconomicOrganizationsLawInForce('2025-05-01'); // true
 */
export function isCollectiveEconomicOrganizationsLawInForce(date: string): boolean {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  return date >= lawDates.collectiveEconomicOrganizationsLaw;
}
