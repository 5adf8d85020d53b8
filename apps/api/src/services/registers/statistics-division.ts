// The division and period a register's statistics are asked for: in scope, a valid period, and
// how many digits of a record's division code name the child division it rolls up into.
import { eq } from 'drizzle-orm';
import { parseDivisionCode, yearBefore } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { EARLIEST_RECORD_DATE } from '../records/common.js';
import { childPrefixLength } from './common.js';

/** Checks the division and the period `from`–`to` (both included) of a statistics request. */
export async function registerStatisticsDivision(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const { db, scope, divisionCode, from, to } = opts;
  if (!scope.includes(divisionCode)) forbidden();
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value < EARLIEST_RECORD_DATE || value > '2100-12-31') {
      invalidField(field, {
        zh: `日期应在 ${EARLIEST_RECORD_DATE} 至 2100-12-31 之间`,
        en: `The date must lie between ${EARLIEST_RECORD_DATE} and 2100-12-31`,
      });
    }
  }
  if (from > to) {
    invalidField('to', {
      zh: '结束日期不能早于开始日期',
      en: 'The end cannot be before the start',
    });
  }
  const parsed = parseDivisionCode(divisionCode);
  if (!parsed.ok)
    invalidField('divisionCode', { zh: '区划代码无效', en: 'Not a valid division code' });
  const [division] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  if (!division) notFound({ zh: '行政区划', en: 'Division' });
  return {
    division,
    parsed: parsed.division,
    prefix: parsed.division.prefix,
    keyLength: childPrefixLength(divisionCode) ?? 12,
  };
}

type Period = { from: string; to: string };
type Compared = { previousPeriod: Period };

/**
 * Adds the year-on-year comparison (同比, `yearBefore`: the same period a year earlier) beside
 * `previousPeriod` on a statistics answer and on each of its children: the figures `earlier`
 * gives for `range` (given in the form of `previousPeriod`'s from/to), read with the keys of
 * `previousPeriod`. A whole year's previous period is the year before itself: no second query.
 */
export async function withYearBefore<
  T extends Compared & { children: (Compared & { code: string })[] },
>(
  now: T,
  range: Period,
  earlier: (range: Period) => Promise<T>,
): Promise<
  Omit<T, 'children'> & {
    yearBefore: T['previousPeriod'];
    children: (T['children'][number] & { yearBefore: T['previousPeriod'] })[];
  }
> {
  type P = T['previousPeriod'];
  const same = now.previousPeriod.from === range.from && now.previousPeriod.to === range.to;
  const then = same ? null : await earlier(range);
  const keys = Object.keys(now.previousPeriod);
  const figuresOf = (row: Compared): P =>
    ({
      ...Object.fromEntries(keys.map((k) => [k, (row as unknown as Record<string, unknown>)[k]])),
      from: range.from,
      to: range.to,
    }) as P;
  const byCode = new Map((then?.children ?? []).map((c) => [c.code, c]));
  const of = (row: Compared, match: Compared | undefined): P =>
    then ? figuresOf(match ?? then) : row.previousPeriod;
  return {
    ...now,
    yearBefore: of(now, then ?? undefined),
    children: now.children.map((c) => ({ ...c, yearBefore: of(c, byCode.get(c.code)) })),
  };
}

/** The same days a year earlier, not before the earliest record date. */
export function yearBeforeDays(from: string, to: string): { from: string; to: string } {
  const range = yearBefore(from, to);
  const floor = (d: string) => (d < EARLIEST_RECORD_DATE ? EARLIEST_RECORD_DATE : d);
  return { from: floor(range.from), to: floor(range.to) };
}
