// The month-by-month trend of a register for a division and a period (the 统计 page's line
// charts): 普法 activities, participants and materials; the advisers' duty days and services;
// the townships' community-correction figures. One SQL aggregate per register, live.
import { and, gte, lte, sql } from 'drizzle-orm';
import { addMonths, monthOf } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  adviserDutyDays,
  adviserServices,
  correctionFigures,
  pufaActivities,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { registerStatisticsDivision } from './statistics-division.js';

export const trendRegisters = ['pufa', 'advisers', 'corrections'] as const;
export type TrendRegister = (typeof trendRegisters)[number];

/** The figures each register's trend gives for a month. */
export const trendSeries: Record<TrendRegister, readonly string[]> = {
  pufa: ['activities', 'participants', 'materials'],
  advisers: ['dutyDays', 'services'],
  corrections: ['underCorrection', 'newlyReceived', 'released', 'helped', 'filesOpened'],
};

/** The months from `from`'s to `to`'s, both included. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Each month of `from`–`to` with the register's figures of the division (zero when none). */
export async function registerTrend(opts: {
  db: Db;
  scope: Scope;
  register: TrendRegister;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const { db, scope, from, to } = opts;
  const { division, prefix } = await registerStatisticsDivision(opts);
  const like = (column: Parameters<typeof sql>[1]) => sql`${column} like ${prefix + '%'}`;
  const month = (column: Parameters<typeof sql>[1]) => sql<string>`to_char(${column}, 'YYYY-MM')`;
  let rows: { month: string; [k: string]: string | number }[];
  if (opts.register === 'pufa') {
    const a = pufaActivities;
    rows = await db
      .select({
        month: month(a.heldOn),
        activities: sql<number>`count(*)::int`,
        participants: sql<number>`coalesce(sum(${a.participants}), 0)::int`,
        materials: sql<number>`coalesce(sum(${a.materials}), 0)::int`,
      })
      .from(a)
      .where(
        and(
          like(a.divisionCode),
          scope.where(a.divisionCode),
          gte(a.heldOn, from),
          lte(a.heldOn, to),
        ),
      )
      .groupBy(sql.raw('1'));
  } else if (opts.register === 'advisers') {
    const d = adviserDutyDays;
    const s = adviserServices;
    const [duty, services] = await Promise.all([
      db
        .select({ month: month(d.date), dutyDays: sql<number>`count(*)::int` })
        .from(d)
        .where(
          and(
            like(d.townshipCode),
            scope.where(d.townshipCode),
            gte(d.date, from),
            lte(d.date, to),
          ),
        )
        .groupBy(sql.raw('1')),
      db
        .select({ month: month(s.date), services: sql<number>`coalesce(sum(${s.count}), 0)::int` })
        .from(s)
        .where(
          and(
            like(s.divisionCode),
            scope.where(s.divisionCode),
            gte(s.date, from),
            lte(s.date, to),
          ),
        )
        .groupBy(sql.raw('1')),
    ]);
    rows = [...duty, ...services];
  } else {
    const f = correctionFigures;
    rows = await db
      .select({
        month: f.month,
        underCorrection: sql<number>`sum(${f.underCorrection})::int`,
        newlyReceived: sql<number>`sum(${f.newlyReceived})::int`,
        released: sql<number>`sum(${f.released})::int`,
        helped: sql<number>`sum(${f.helped})::int`,
        filesOpened: sql<number>`sum(${f.filesOpened})::int`,
      })
      .from(f)
      .where(
        and(
          like(f.townshipCode),
          scope.where(f.townshipCode),
          gte(f.month, monthOf(from)),
          lte(f.month, monthOf(to)),
        ),
      )
      .groupBy(f.month);
  }
  const series = trendSeries[opts.register];
  const byMonth = new Map<string, Record<string, number>>();
  for (const m of monthsOf(from, to)) {
    byMonth.set(m, Object.fromEntries(series.map((k) => [k, 0])));
  }
  for (const row of rows) {
    const target = byMonth.get(row.month);
    if (!target) continue;
    for (const k of series) if (k in row) target[k] = Number(row[k]);
  }
  return {
    code: division.code,
    name: division.name,
    register: opts.register,
    series: [...series],
    months: [...byMonth].map(([m, values]) => ({ month: m, values })),
  };
}
