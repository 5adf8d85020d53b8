/** The period of records a campaign's score sheet is derived from, both days included. */
export interface RecordPeriod {
  readonly from: string;
  readonly to: string;
}

/** What `campaignRecordPeriod` reads of a campaign. */
export interface CampaignForRecordPeriod {
  /** The campaign's year (年度). */
  readonly year: number;
  /** Planned start dates per stage, `YYYY-MM-DD`; only `self_assess` is read. */
  readonly stageDates?: Readonly<Partial<Record<string, string>>> | undefined;
  /**
   * The period the county set for this campaign (both days `YYYY-MM-DD`, `from` ≤ `to`): when
   * given, it replaces the rule below.
   */
  readonly recordPeriod?: RecordPeriod | null | undefined;
}

export interface CampaignRecordPeriodOptions {
  /** Today (`YYYY-MM-DD`): the period never ends after it. */
  readonly asOf: string;
}

function isDay(raw: unknown): raw is string {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const time = Date.parse(`${raw}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(raw);
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The period whose records feed a campaign's self-assessment (来自台账).
 *
 * When the county has set the campaign's period (`recordPeriod`), that is the period. Otherwise
 * an assumption (no rule fixes it; documented in the README, and why the county may set its own):
 * a campaign assesses the village's
 * last year of work before it assesses itself, counted in whole calendar quarters because the
 * law's schedules (村民代表会议 each quarter, 村务 and 财务 postings each quarter) are quarterly.
 * So when the campaign plans a start of the self-assessment stage (`stageDates.self_assess`),
 * the period is the four calendar quarters before the quarter in which it starts (self-assessment
 * from 2027-04-15 → 2026-04-01 to 2027-03-31); without that date it is the campaign's calendar
 * year. The period never ends after `asOf` (records cannot exist after today; a schedule not yet
 * due is not missed), and never before its own first day.
 *
 * @example
 * campaignRecordPeriod({ year: 2027, stageDates: { self_assess: '2027-04-15' } }, { asOf: '2027-05-01' });
 * // → { from: '2026-04-01', to: '2027-03-31' }
 * campaignRecordPeriod({ year: 2026 }, { asOf: '2026-09-10' });
 * // → { from: '2026-01-01', to: '2026-09-10' }
 * campaignRecordPeriod(
 *   { year: 2027, recordPeriod: { from: '2026-07-01', to: '2027-06-30' } },
 *   { asOf: '2027-08-01' },
 * );
 * // → { from: '2026-07-01', to: '2027-06-30' }
 */
export function campaignRecordPeriod(
  campaign: CampaignForRecordPeriod,
  options: CampaignRecordPeriodOptions,
): RecordPeriod {
  if (!Number.isSafeInteger(campaign.year)) throw new TypeError('campaign.year must be a year');
  if (!isDay(options.asOf)) throw new TypeError('asOf must be a YYYY-MM-DD day');
  const start = campaign.stageDates?.self_assess;
  const set = campaign.recordPeriod;
  let from: string;
  let to: string;
  if (set && isDay(set.from) && isDay(set.to) && set.from <= set.to) {
    from = set.from;
    to = set.to;
  } else if (isDay(start)) {
    const year = Number(start.slice(0, 4));
    const quarterStartMonth = Math.floor((Number(start.slice(5, 7)) - 1) / 3) * 3 + 1;
    from = `${year - 1}-${String(quarterStartMonth).padStart(2, '0')}-01`;
    to =
      quarterStartMonth === 1 ? `${year - 1}-12-31` : lastDayOfMonth(year, quarterStartMonth - 1);
  } else {
    from = `${campaign.year}-01-01`;
    to = `${campaign.year}-12-31`;
  }
  if (options.asOf < to) to = options.asOf < from ? from : options.asOf;
  return { from, to };
}
