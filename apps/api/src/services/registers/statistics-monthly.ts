// The monthly 人民调解 statistics of a division for a year, as the Ministry's monthly table counts
// them: per month the cases received by dispute type, handled, settled, oral and written, the
// rates and the escalations, with the year's total. Each month and the year are statistics.mediation
// (the same SQL aggregate and definitions); the dispute types are one more aggregate.
import { and, gte, lte, sql } from 'drizzle-orm';
import { disputeTypes, monthEnd, type DisputeType } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { mediationCases } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { divisionPrefix } from './common.js';
import { mediationStatistics, type MediationFigures } from './statistics.js';

export interface MonthlyRow extends MediationFigures {
  /** `YYYY-MM`, or null for the year's total. */
  month: string | null;
  byType: Record<DisputeType, number>;
}

function noTypes(): Record<DisputeType, number> {
  return Object.fromEntries(disputeTypes.map((t) => [t, 0])) as Record<DisputeType, number>;
}

function figuresOf(stats: MediationFigures): MediationFigures {
  const { received, closed, succeeded, oral, written, petition, criminal } = stats;
  const { handlingRate, successRate } = stats;
  return {
    received,
    closed,
    succeeded,
    oral,
    written,
    petition,
    criminal,
    handlingRate,
    successRate,
  };
}

export async function mediationMonthly(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
}) {
  const { db, scope, divisionCode, year } = opts;
  const whole = await mediationStatistics({
    db,
    scope,
    divisionCode,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const c = mediationCases;
  const month = sql<string>`to_char(${c.receivedOn}, 'YYYY-MM')`;
  const types = await db
    .select({ month, type: c.type, n: sql<number>`count(*)::int` })
    .from(c)
    .where(
      and(
        sql`${c.divisionCode} like ${divisionPrefix(divisionCode) + '%'}`,
        scope.where(c.divisionCode),
        gte(c.receivedOn, `${year}-01-01`),
        lte(c.receivedOn, `${year}-12-31`),
      ),
    )
    .groupBy(sql.raw('1, 2'));
  const total: MonthlyRow = { month: null, ...figuresOf(whole), byType: noTypes() };
  const months: MonthlyRow[] = [];
  for (let m = 1; m <= 12; m++) {
    const key = `${year}-${String(m).padStart(2, '0')}`;
    const stats = await mediationStatistics({
      db,
      scope,
      divisionCode,
      from: `${key}-01`,
      to: monthEnd(key),
    });
    months.push({ month: key, ...figuresOf(stats), byType: noTypes() });
  }
  for (const row of types) {
    const target = months.find((m) => m.month === row.month);
    if (!target) continue;
    target.byType[row.type] += row.n;
    total.byType[row.type] += row.n;
  }
  return { code: whole.code, name: whole.name, year, months, total };
}
