// Legal-adviser coverage (一村一法律顾问覆盖率), live from the contracts: for a division and a
// period, the villages with an adviser under contract on the period's last day out of all its
// villages, with the duty days and services of the period, for the division and each child, and
// the same figures of the period just before (同比 for a year, 环比 for a month).
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  adviserCoverage,
  adviserServiceKinds,
  previousPeriod,
  type AdviserServiceKind,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { adviserContracts, adviserDutyDays, adviserServices, divisions } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import {
  registerStatisticsDivision,
  withYearBefore,
  yearBeforeDays,
} from './statistics-division.js';

type ServiceCounts = Record<AdviserServiceKind, number>;

interface Counts {
  villages: number;
  covered: number;
  dutyDays: number;
  services: ServiceCounts;
}

const zeroServices = (): ServiceCounts =>
  Object.fromEntries(adviserServiceKinds.map((k) => [k, 0])) as ServiceCounts;
const zero = (): Counts => ({ villages: 0, covered: 0, dutyDays: 0, services: zeroServices() });

function withCoverage(c: Counts) {
  return { ...c, coverage: adviserCoverage(c) };
}

/** Whether a village has an adviser under contract on `day` (the record metric's reading). */
export async function villageUnderContract(db: Db, villageCode: string, day: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(adviserContracts)
    .where(
      and(
        eq(adviserContracts.villageCode, villageCode),
        lte(adviserContracts.startsOn, day),
        gte(adviserContracts.endsOn, day),
      ),
    );
  return Number(row?.n ?? 0) > 0;
}

type Checked = Awaited<ReturnType<typeof registerStatisticsDivision>>;

/**
 * The coverage, duty days and services of a division and of each child division, with those of
 * the period just before (`previousPeriod`) and a year before (`yearBefore`) on every row.
 */
export async function adviserStatistics(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const now = await adviserComparison(opts);
  return withYearBefore(now, yearBeforeDays(opts.from, opts.to), (range) =>
    adviserComparison({ ...opts, ...range }),
  );
}

async function adviserComparison(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const checked = await registerStatisticsDivision(opts);
  const previous = previousPeriod(opts.from, opts.to);
  const [now, then] = await Promise.all([
    adviserFigures({ ...opts, checked }),
    adviserFigures({ ...opts, ...previous, checked }),
  ]);
  const before = new Map(then.children.map((c) => [c.code, c]));
  const strip = ({
    villages,
    covered,
    coverage,
    dutyDays,
    services,
  }: ReturnType<typeof withCoverage>) => ({
    villages,
    covered,
    coverage,
    dutyDays,
    services,
  });
  return {
    ...now,
    previousPeriod: { ...previous, ...strip(then) },
    children: now.children.map((c) => ({
      ...c,
      previousPeriod: { ...previous, ...strip(before.get(c.code) ?? then) },
    })),
  };
}

async function adviserFigures(opts: {
  db: Db;
  scope: Scope;
  from: string;
  to: string;
  checked: Checked;
}) {
  const { db, scope, from, to } = opts;
  const { division, prefix, keyLength } = opts.checked;
  const key = (column: Parameters<typeof sql>[1]) =>
    sql<string>`left(${column}, ${sql.raw(String(keyLength))})`;
  const like = (column: Parameters<typeof sql>[1]) => sql`${column} like ${prefix + '%'}`;
  const c = adviserContracts;
  const d = adviserDutyDays;
  const s = adviserServices;
  const [villages, covered, duty, services] = await Promise.all([
    db
      .select({ key: key(divisions.code), n: sql<number>`count(*)::int` })
      .from(divisions)
      .where(and(eq(divisions.level, 'village'), like(divisions.code), scope.where(divisions.code)))
      .groupBy(sql.raw('1')),
    db
      .select({ key: key(c.villageCode), n: sql<number>`count(distinct ${c.villageCode})::int` })
      .from(c)
      .where(
        and(
          like(c.villageCode),
          scope.where(c.villageCode),
          lte(c.startsOn, to),
          gte(c.endsOn, to),
        ),
      )
      .groupBy(sql.raw('1')),
    db
      .select({ key: key(d.townshipCode), n: sql<number>`count(*)::int` })
      .from(d)
      .where(
        and(like(d.townshipCode), scope.where(d.townshipCode), gte(d.date, from), lte(d.date, to)),
      )
      .groupBy(sql.raw('1')),
    db
      .select({ key: key(s.divisionCode), kind: s.kind, n: sql<number>`sum(${s.count})::int` })
      .from(s)
      .where(
        and(like(s.divisionCode), scope.where(s.divisionCode), gte(s.date, from), lte(s.date, to)),
      )
      .groupBy(sql.raw('1, 2')),
  ]);
  const byKey = new Map<string, Counts>();
  const entry = (k: string) => {
    const found = byKey.get(k) ?? zero();
    byKey.set(k, found);
    return found;
  };
  for (const r of villages) entry(r.key).villages += Number(r.n);
  for (const r of covered) entry(r.key).covered += Number(r.n);
  for (const r of duty) entry(r.key).dutyDays += Number(r.n);
  for (const r of services) entry(r.key).services[r.kind] += Number(r.n);

  const total = zero();
  for (const v of byKey.values()) {
    total.villages += v.villages;
    total.covered += v.covered;
    total.dutyDays += v.dutyDays;
    for (const k of adviserServiceKinds) total.services[k] += v.services[k];
  }
  const children = [];
  if (division.level !== 'village') {
    const kids = await db
      .select({ code: divisions.code, name: divisions.name, level: divisions.level })
      .from(divisions)
      .where(and(eq(divisions.parentCode, division.code), scope.where(divisions.code)))
      .orderBy(asc(divisions.code));
    for (const kid of kids) {
      const found = byKey.get(keyLength === 12 ? kid.code : kid.code.slice(0, keyLength));
      children.push({ ...kid, ...withCoverage(found ?? zero()) });
    }
  }
  return {
    code: division.code,
    name: division.name,
    level: division.level,
    from,
    to,
    ...withCoverage(total),
    children,
  };
}
