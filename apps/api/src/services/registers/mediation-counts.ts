// The monthly mediation counts (mediation_monthly) kept beside the cases: every write of a case moves
// its count out of the row it was in and into the row it now belongs to, in the write's own
// transaction, so a province's statistics read a few hundred rows and never wait for a batch job.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { handledOutcomes } from '@fazhi/domain';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { mediationCases, mediationMonthly } from '../../db/schema.js';

/** What of a case the monthly counts depend on. */
export interface CountedCase {
  divisionCode: string;
  receivedOn: string;
  closedOn: string | null;
  method: string;
  outcome: string;
  escalation: string;
}

type Counts = Omit<typeof mediationMonthly.$inferInsert, 'countyCode' | 'month' | 'closedMonth'>;
type Row = typeof mediationMonthly.$inferInsert & Counts;

const countKeys = ['received', 'succeeded', 'oral', 'written', 'petition', 'criminal'] as const;

/** The county row a division's cases count in: the first six digits of its code. */
export function countyOf(divisionCode: string): string {
  return divisionCode.slice(0, 6) + '000000';
}

/** The first day of a date's month. */
function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The row a case counts in, with its contribution (`sign` 1 to add it, -1 to take it out). */
function contribution(c: CountedCase, sign: 1 | -1): Row {
  const closed = c.closedOn !== null && handledOutcomes.some((o) => o === c.outcome);
  return {
    countyCode: countyOf(c.divisionCode),
    month: monthStart(c.receivedOn),
    closedMonth: closed ? monthStart(c.closedOn!) : null,
    received: sign,
    succeeded: closed && c.outcome === 'succeeded' ? sign : 0,
    oral: c.method === 'oral' ? sign : 0,
    written: c.method === 'written' ? sign : 0,
    petition: c.escalation === 'petition' ? sign : 0,
    criminal: c.escalation === 'criminal' ? sign : 0,
  };
}

const keyOf = (r: Row) => `${r.countyCode}|${r.month}|${r.closedMonth ?? ''}`;

/**
 * Moves a case's count from where it was (`before`, null for a new case) to where it is now
 * (`after`, null for a removed case). Call inside the transaction that writes the case.
 */
export async function moveMediationCount(
  db: Db,
  before: CountedCase | null,
  after: CountedCase | null,
): Promise<void> {
  const deltas = new Map<string, Row>();
  for (const [c, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!c) continue;
    const row = contribution(c, sign);
    const found = deltas.get(keyOf(row));
    if (!found) deltas.set(keyOf(row), row);
    else for (const k of countKeys) found[k] += row[k];
  }
  // in key order, so two writes touching the same two rows lock them in the same order
  const rows = [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, row]) => row)
    .filter((row) => countKeys.some((k) => row[k] !== 0));
  const m = mediationMonthly;
  const add = Object.fromEntries(
    countKeys.map((k) => [k, sql`${m[k]} + excluded.${sql.identifier(m[k].name)}`]),
  );
  for (const row of rows) {
    if (countKeys.every((k) => row[k] >= 0)) {
      await db
        .insert(m)
        .values(row)
        .onConflictDoUpdate({ target: [m.countyCode, m.month, m.closedMonth], set: add });
      continue;
    }
    // a case taken out: its row is there (PostgreSQL checks an insert's counts before its
    // conflict, so a negative count cannot go through the upsert)
    const key = and(
      eq(m.countyCode, row.countyCode),
      eq(m.month, row.month),
      sql`${m.closedMonth} is not distinct from ${row.closedMonth}::date`,
    );
    const [left] = await db
      .update(m)
      .set(Object.fromEntries(countKeys.map((k) => [k, sql`${m[k]} + ${row[k]}::int`])))
      .where(key)
      .returning({ received: m.received });
    if (!left) throw new Error(`mediation_monthly has no row ${keyOf(row)} to take a case from`);
    if (left.received === 0) await db.delete(m).where(key);
  }
}

/**
 * The monthly counts as one aggregate of the cases (`where` narrows the cases): what the writes
 * maintain, what the migration filled the table with, and what the benchmark builds.
 */
export function mediationMonthlyAggregate(where?: SQL) {
  const c = mediationCases;
  const handled = sql`${c.outcome} in (${sql.join(
    handledOutcomes.map((o) => sql`${o}`),
    sql`, `,
  )}) and ${c.closedOn} is not null`;
  // date minus the day of month: the month's first day, whatever the session's time zone
  const firstDay = (d: AnyPgColumn) => sql`(${d} - extract(day from ${d})::int + 1)`;
  return sql`
    select left(${c.divisionCode}, 6) || '000000',
           ${firstDay(c.receivedOn)},
           case when ${handled} then ${firstDay(c.closedOn)} end,
           count(*)::int,
           (count(*) filter (where ${handled} and ${c.outcome} = 'succeeded'))::int,
           (count(*) filter (where ${c.method} = 'oral'))::int,
           (count(*) filter (where ${c.method} = 'written'))::int,
           (count(*) filter (where ${c.escalation} = 'petition'))::int,
           (count(*) filter (where ${c.escalation} = 'criminal'))::int
    from ${c}
    ${where ? sql`where ${where}` : sql``}
    group by 1, 2, 3`;
}

/** Recounts the monthly rows of the counties `countyPrefix` starts (all with ''), from the cases. */
export async function recountMediationMonthly(db: Db, countyPrefix = ''): Promise<void> {
  const m = mediationMonthly;
  await db.delete(m).where(sql`${m.countyCode} like ${countyPrefix + '%'}`);
  await db.execute(sql`
    insert into ${m} (county_code, month, closed_month, received, succeeded, oral, written,
      petition, criminal)
    ${mediationMonthlyAggregate(sql`${mediationCases.divisionCode} like ${countyPrefix + '%'}`)}`);
}
