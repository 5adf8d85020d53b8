// Live mediation statistics: for a division and a period, the figures of the division and of each
// child division, straight from the cases by one SQL aggregate (no batch job), with the period just
// before for comparison. 调处率 and 成功率 come from the domain's definitions.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  handledOutcomes,
  mediationRateDefinitions,
  mediationRates,
  previousPeriod,
  type MediationRates,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, mediationCases } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { registerStatisticsDivision } from './statistics-division.js';

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

/** The figures of a division and of each child division for `from`–`to` (both included). */
export async function mediationStatistics(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const { db, scope, divisionCode, from, to } = opts;
  const checked = await registerStatisticsDivision(opts);
  const { division, prefix, keyLength } = checked;
  const parsed = { division: checked.parsed };
  const previous = previousPeriod(from, to);
  const c = mediationCases;
  const key = sql<string>`left(${c.divisionCode}, ${sql.raw(String(keyLength))})`;
  const current = sql<boolean>`${c.receivedOn} >= ${from}`;
  // closed by the end of the period the case was received in
  const closedInPeriod = sql<boolean>`coalesce(${c.closedOn} <= case when ${c.receivedOn} >= ${from} then ${to}::date else ${previous.to}::date end, false)`;
  // one SQL aggregate down to a few hundred groups; the domain's rules then count them
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
        parsed.division.countyCode ? eq(c.countyCode, parsed.division.countyCode) : undefined,
        parsed.division.prefix.length >= 9
          ? eq(c.townshipCode, parsed.division.prefix.slice(0, 9) + '000')
          : undefined,
        sql`${c.divisionCode} like ${prefix + '%'}`,
        scope.where(c.divisionCode),
        gte(c.receivedOn, previous.from),
        lte(c.receivedOn, to),
      ),
    )
    // by position: the expressions carry parameters PostgreSQL would not match up
    .groupBy(sql.raw('1, 2, 3, 4, 5, 6'));
  const byKey = new Map<string, { now: Counts; then: Counts }>();
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
