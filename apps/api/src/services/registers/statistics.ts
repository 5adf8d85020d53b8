// Live mediation statistics: for a division and a period, the figures of the division and of each
// child division, by one SQL aggregate of the cases or, above the county, of the monthly counts kept
// with every write (no batch job), with the period just before for comparison. 调处率 and 成功率
// come from the domain's definitions.
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import {
  handledOutcomes,
  mediationRateDefinitions,
  mediationRates,
  monthEnd,
  monthOf,
  previousPeriod,
  type MediationRates,
} from '@fazhi/domain';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { divisions, mediationCases, mediationMonthly } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import {
  registerStatisticsDivision,
  withYearBefore,
  yearBeforeDays,
} from './statistics-division.js';

export interface MediationFigures extends MediationRates {
  received: number;
  closed: number;
  succeeded: number;
  oral: number;
  written: number;
  petition: number;
  criminal: number;
}

export interface MediationRow extends MediationFigures {
  code: string;
  name: string;
  level: string;
  /** The township committee's own cases (a row beside its villages). */
  own: boolean;
  previousPeriod: MediationFigures & { from: string; to: string };
}

const zero = {
  received: 0,
  closed: 0,
  succeeded: 0,
  oral: 0,
  written: 0,
  petition: 0,
  criminal: 0,
};
type Counts = typeof zero;

function withRates(c: Counts): MediationFigures {
  return { ...c, ...mediationRates(c) };
}

function add(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] += b[k];
  return out;
}

type ByKey = Map<string, { now: Counts; then: Counts }>;

interface Where {
  db: Db;
  scope: Scope;
  prefix: string;
  keyLength: number;
  from: string;
  to: string;
  previous: { from: string; to: string };
}

/** Counts by child key straight from the cases: one SQL aggregate down to a few hundred groups. */
async function countsFromCases(
  w: Where & { countyCode: string | null; townshipCode: string | null },
): Promise<ByKey> {
  const { db, scope, prefix, keyLength, from, to, previous } = w;
  const c = mediationCases;
  const key = sql<string>`left(${c.divisionCode}, ${sql.raw(String(keyLength))})`;
  const current = sql<boolean>`${c.receivedOn} >= ${from}`;
  // closed by the end of the period the case was received in
  const closedInPeriod = sql<boolean>`coalesce(${c.closedOn} <= case when ${c.receivedOn} >= ${from} then ${to}::date else ${previous.to}::date end, false)`;
  const groups = await db
    .select({
      key,
      current,
      outcome: c.outcome,
      method: c.method,
      escalation: c.escalation,
      closedInPeriod,
      n: sql<number>`count(*)::int`,
    })
    .from(c)
    .where(
      and(
        w.countyCode ? eq(c.countyCode, w.countyCode) : undefined,
        w.townshipCode ? eq(c.townshipCode, w.townshipCode) : undefined,
        sql`${c.divisionCode} like ${prefix + '%'}`,
        scope.where(c.divisionCode),
        gte(c.receivedOn, previous.from),
        lte(c.receivedOn, to),
      ),
    )
    // by position: the expressions carry parameters PostgreSQL would not match up
    .groupBy(sql.raw('1, 2, 3, 4, 5, 6'));
  const byKey: ByKey = new Map();
  for (const g of groups) {
    const entry = byKey.get(g.key) ?? { now: { ...zero }, then: { ...zero } };
    byKey.set(g.key, entry);
    const target = g.current ? entry.now : entry.then;
    const handled = g.closedInPeriod && handledOutcomes.includes(g.outcome);
    target.received += g.n;
    if (handled) target.closed += g.n;
    if (handled && g.outcome === 'succeeded') target.succeeded += g.n;
    if (g.method === 'oral') target.oral += g.n;
    if (g.method === 'written') target.written += g.n;
    if (g.escalation === 'petition') target.petition += g.n;
    if (g.escalation === 'criminal') target.criminal += g.n;
  }
  return byKey;
}

/**
 * The same counts from the monthly rows (mediation_monthly) for a period of whole months and a
 * child key of at most six digits (the rows are per county): the cases of a month received in the
 * period and closed by its last month are exactly the rows whose `closed_month` is at most that
 * month.
 */
async function countsFromMonthly(w: Where): Promise<ByKey> {
  const { db, scope, prefix, keyLength, from, to, previous } = w;
  const m = mediationMonthly;
  const firstOf = (date: string) => `${date.slice(0, 7)}-01`;
  const closedBy = sql`${m.closedMonth} <= case when ${m.month} >= ${firstOf(from)}::date then ${firstOf(to)}::date else ${firstOf(previous.to)}::date end`;
  const sum = (column: AnyPgColumn, filter?: SQL) =>
    filter
      ? sql<number>`coalesce(sum(${column}) filter (where ${filter}), 0)::int`
      : sql<number>`sum(${column})::int`;
  const groups = await db
    .select({
      key: sql<string>`left(${m.countyCode}, ${sql.raw(String(keyLength))})`,
      current: sql<boolean>`${m.month} >= ${firstOf(from)}::date`,
      received: sum(m.received),
      closed: sum(m.received, closedBy),
      succeeded: sum(m.succeeded, closedBy),
      oral: sum(m.oral),
      written: sum(m.written),
      petition: sum(m.petition),
      criminal: sum(m.criminal),
    })
    .from(m)
    .where(
      and(
        // the index leads with the province (substr as written in the index, not a parameter)
        prefix.length >= 2 ? sql`substr(${m.countyCode}, 1, 2) = ${prefix.slice(0, 2)}` : undefined,
        sql`${m.countyCode} like ${prefix + '%'}`,
        scope.where(m.countyCode),
        gte(m.month, firstOf(previous.from)),
        lte(m.month, firstOf(to)),
      ),
    )
    .groupBy(sql.raw('1, 2'));
  const byKey: ByKey = new Map();
  for (const { key, current, ...counts } of groups) {
    const entry = byKey.get(key) ?? { now: { ...zero }, then: { ...zero } };
    byKey.set(key, entry);
    if (current) entry.now = add(entry.now, counts);
    else entry.then = add(entry.then, counts);
  }
  return byKey;
}

/** Whether `from`–`to` is a run of whole months (its previous period then is too). */
function wholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && to === monthEnd(monthOf(to));
}

/**
 * The figures of a division and of each child division for `from`–`to` (both included), with
 * those of the period just before (`previousPeriod`) and a year before (`yearBefore`). A
 * province or a prefecture over whole months reads the monthly rows; a county and below, or a
 * period cut inside a month, reads the cases (`source` forces one, for tests that compare them).
 */
export async function mediationStatistics(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
  source?: 'cases' | 'monthly';
}) {
  const now = await mediationFigures(opts);
  return withYearBefore(now, yearBeforeDays(opts.from, opts.to), (range) =>
    mediationFigures({ ...opts, ...range }),
  );
}

/** The figures of `mediationStatistics` with the period just before, without the year before. */
async function mediationFigures(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
  source?: 'cases' | 'monthly';
}) {
  const { db, scope, divisionCode, from, to } = opts;
  const checked = await registerStatisticsDivision(opts);
  const { division, prefix, keyLength } = checked;
  const parsed = { division: checked.parsed };
  const previous = previousPeriod(from, to);
  const monthlyFits = keyLength <= 6 && wholeMonths(from, to) && scope.prefix.length <= 6;
  const source = opts.source ?? (monthlyFits ? 'monthly' : 'cases');
  if (source === 'monthly' && !monthlyFits) {
    throw new Error('the monthly rows count whole months of counties and above');
  }
  const where = { db, scope, prefix, keyLength, from, to, previous };
  const byKey =
    source === 'monthly'
      ? await countsFromMonthly(where)
      : await countsFromCases({
          ...where,
          countyCode: parsed.division.countyCode,
          townshipCode:
            parsed.division.prefix.length >= 9 ? parsed.division.prefix.slice(0, 9) + '000' : null,
        });
  const row = (
    code: string,
    name: string,
    level: string,
    own: boolean,
    now: Counts,
    then: Counts,
  ): MediationRow => ({
    code,
    name,
    level,
    own,
    ...withRates(now),
    previousPeriod: { ...previous, ...withRates(then) },
  });

  const children: MediationRow[] = [];
  if (parsed.division.level !== 'village') {
    const kids = await db
      .select({ code: divisions.code, name: divisions.name, level: divisions.level })
      .from(divisions)
      .where(and(eq(divisions.parentCode, divisionCode), scope.where(divisions.code)))
      .orderBy(asc(divisions.code));
    if (parsed.division.level === 'township') {
      kids.unshift({ code: divisionCode, name: `${division.name}（本级）`, level: 'township' });
    }
    for (const kid of kids) {
      const kidKey = keyLength === 12 ? kid.code : kid.code.slice(0, keyLength);
      const found = byKey.get(kidKey);
      children.push(
        row(
          kid.code,
          kid.name,
          kid.level,
          kid.code === divisionCode,
          found?.now ?? zero,
          found?.then ?? zero,
        ),
      );
    }
  }
  let total = zero;
  let totalBefore = zero;
  for (const v of byKey.values()) {
    total = add(total, v.now);
    totalBefore = add(totalBefore, v.then);
  }
  return {
    ...row(division.code, division.name, division.level, false, total, totalBefore),
    from,
    to,
    children,
    definitions: mediationRateDefinitions,
  };
}
