// Calendar arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian, no time zones.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a strict ISO `YYYY-MM-DD` date, or `undefined` when malformed. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = isoDate.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

/** Whether a value is a strict, existing ISO `YYYY-MM-DD` date. */
export function isIsoDate(value: unknown): value is string {
  return parseDate(value) !== undefined;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The ISO `YYYY-MM-DD` form of a day number. */
export function formatDate(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Days from `start` to `end` counted as 民法典 Art. 201 counts a period: the first day is not
 * counted, so a period that starts on the 1st and ends on the 31st lasts 30 days.
 */
export function daysBetween(start: number, end: number): number {
  return end - start;
}

/**
 * Working days after `start` up to and including `end` (the first day is not counted).
 * Monday to Friday count unless listed in `holidays`; any day in `extraWorkingDays`
 * (make-up working days such as a 调休 Saturday) counts.
 */
export function workingDaysBetween(
  start: number,
  end: number,
  holidays: ReadonlySet<number>,
  extraWorkingDays: ReadonlySet<number>,
): number {
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    const weekday = dayOfWeek(day);
    if (extraWorkingDays.has(day) || (weekday >= 1 && weekday <= 5 && !holidays.has(day))) {
      count += 1;
    }
  }
  return count;
}
