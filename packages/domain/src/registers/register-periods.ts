// Monthly reporting periods of the registers (YYYY-MM), their end, and the reporting deadline.

/** A month as `YYYY-MM`. */
export type RegisterMonth = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Whether a string is a month `YYYY-MM`.
 *
 * @example
 * isRegisterMonth('2026-02') // true
 * isRegisterMonth('2026-13') // false
 */
export function isRegisterMonth(value: string): boolean {
  return monthPattern.test(value);
}

/**
 * The month (`YYYY-MM`) of an ISO date.
 *
 * @example
 * monthOf('2026-02-28') // '2026-02'
 */
export function monthOf(date: string): RegisterMonth {
  return date.slice(0, 7);
}

/**
 * The last day of a month, as an ISO date.
 *
 * @example
 * monthEnd('2024-02') // '2024-02-29'
 */
export function monthEnd(month: RegisterMonth): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * The month `count` months after `month` (before, when negative).
 *
 * @example
 * addMonths('2026-01', -1) // '2025-12'
 */
export function addMonths(month: RegisterMonth, count: number): RegisterMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Whether a month has ended on `today` (its last day is before today): its figures may be
 * reported as complete only then.
 *
 * @example
 * monthEnded('2026-02', '2026-02-28') // false
 * monthEnded('2026-02', '2026-03-01') // true
 */
export function monthEnded(month: RegisterMonth, today: string): boolean {
  return monthEnd(month) < today;
}

/**
 * The day of the following month by which a village's monthly report is due. A county practice,
 * not a statute: kept as data so a county's own deadline can replace it.
 */
export const REPORT_DUE_DAY = 5;

/**
 * The date a month's report is due: the `dueDay`-th of the following month.
 *
 * @example
 * reportDueOn('2026-12') // '2027-01-05'
 */
export function reportDueOn(month: RegisterMonth, options: { dueDay?: number } = {}): string {
  const day = options.dueDay ?? REPORT_DUE_DAY;
  return `${addMonths(month, 1)}-${String(day).padStart(2, '0')}`;
}

/** A village's report of a month: missing, on time (by the due date) or late. */
export type ReportTimeliness = 'missing' | 'on_time' | 'late';

/**
 * How timely a month's report was, from the date it was first recorded (null: never).
 *
 * @example
 * reportTimeliness('2026-01', '2026-02-05') // 'on_time'
 * reportTimeliness('2026-01', '2026-02-06') // 'late'
 * reportTimeliness('2026-01', null) // 'missing'
 */
export function reportTimeliness(
  month: RegisterMonth,
  reportedOn: string | null,
  options: { dueDay?: number } = {},
): ReportTimeliness {
  if (reportedOn === null) return 'missing';
  return reportedOn <= reportDueOn(month, options) ? 'on_time' : 'late';
}

/**
 * The period of the same length just before `from`–`to` (both included): whole months shift by
 * their number of months (a year gives the previous year), other ranges by their number of days.
 *
 * @example
 * previousPeriod('2026-01-01', '2026-12-31') // { from: '2025-01-01', to: '2025-12-31' }
 * previousPeriod('2026-03-01', '2026-03-31') // { from: '2026-02-01', to: '2026-02-28' }
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const wholeMonths = from.endsWith('-01') && to === monthEnd(monthOf(to));
  if (wholeMonths) {
    const [fy, fm] = monthOf(from).split('-').map(Number) as [number, number];
    const [ty, tm] = monthOf(to).split('-').map(Number) as [number, number];
    const months = ty * 12 + tm - (fy * 12 + fm) + 1;
    return {
      from: `${addMonths(monthOf(from), -months)}-01`,
      to: monthEnd(addMonths(monthOf(to), -months)),
    };
  }
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - days * day), to: iso(start - day) };
}

/**
 * The same period a year earlier (同比): both days a year back, 29 February read as the 28th;
 * whole months stay whole months (a period ending on the last day of February ends on the last
 * day of February a year before).
 *
 * @example
 * yearBefore('2026-01-01', '2026-09-30') // { from: '2025-01-01', to: '2025-09-30' }
 * yearBefore('2028-02-01', '2028-02-29') // { from: '2027-02-01', to: '2027-02-28' }
 */
export function yearBefore(from: string, to: string): { from: string; to: string } {
  const back = (day: string) => {
    const month = `${Number(day.slice(0, 4)) - 1}-${day.slice(5, 7)}`;
    const last = monthEnd(month);
    // the month's last day stays its last day; other days keep their number
    return day === monthEnd(monthOf(day)) || `${month}-${day.slice(8, 10)}` > last
      ? last
      : `${month}-${day.slice(8, 10)}`;
  };
  return { from: back(from), to: back(to) };
}

/**
 * The months a village owes a monthly report for in `from`–`to` (both days included) as of
 * `today`: the whole months of the period that have ended (a month cut by the period's start or
 * end, or not yet over, is not owed).
 *
 * @example
 * monthsDue('2026-01-01', '2026-12-31', '2026-04-01') // ['2026-01', '2026-02', '2026-03']
 * monthsDue('2026-01-15', '2026-03-31', '2027-01-01') // ['2026-02', '2026-03']
 */
export function monthsDue(from: string, to: string, today: string): RegisterMonth[] {
  const out: RegisterMonth[] = [];
  if (from > to) return out;
  let month = from.endsWith('-01') ? monthOf(from) : addMonths(monthOf(from), 1);
  while (monthEnd(month) <= to && monthEnded(month, today)) {
    out.push(month);
    month = addMonths(month, 1);
  }
  return out;
}
