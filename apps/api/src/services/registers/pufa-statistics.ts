// Live 普法 statistics: for a division and a period, the activities (by type), participants and
// materials of the division and of each child division, straight from the register by one SQL
// aggregate, with the period just before; and the rosters as they stand (法律明白人 trained).
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  parseDivisionCode,
  previousPeriod,
  PUFA_TRAINED_HOURS,
  pufaActivityTypes,
  type PufaActivityType,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, pufaActivities, pufaRoster } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { withYearBefore, yearBeforeDays } from './statistics-division.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { EARLIEST_RECORD_DATE } from '../records/common.js';
import { childPrefixLength } from './common.js';

export interface PufaActivityFigures {
  activities: number;
  participants: number;
  materials: number;
  byType: Record<PufaActivityType, number>;
}

export interface PufaRosterFigures {
  /** 法律明白人 on the rosters, those trained (hours ≥ PUFA_TRAINED_HOURS) and those passed. */
  legalLiterate: number;
  trained: number;
  passed: number;
  lecturers: number;
}

export interface PufaRow extends PufaActivityFigures, PufaRosterFigures {
  code: string;
  name: string;
  level: string;
  /** The township's own activities (a row beside its villages). */
  own: boolean;
  previousPeriod: PufaActivityFigures & { from: string; to: string };
}

const zeroActivities = (): PufaActivityFigures => ({
  activities: 0,
  participants: 0,
  materials: 0,
  byType: Object.fromEntries(pufaActivityTypes.map((t) => [t, 0])) as Record<
    PufaActivityType,
    number
  >,
});
const zeroRoster = (): PufaRosterFigures => ({
  legalLiterate: 0,
  trained: 0,
  passed: 0,
  lecturers: 0,
});

function addActivities(a: PufaActivityFigures, b: PufaActivityFigures): PufaActivityFigures {
  const byType = { ...a.byType };
  for (const t of pufaActivityTypes) byType[t] += b.byType[t];
  return {
    activities: a.activities + b.activities,
    participants: a.participants + b.participants,
    materials: a.materials + b.materials,
    byType,
  };
}

function addRoster(a: PufaRosterFigures, b: PufaRosterFigures): PufaRosterFigures {
  return {
    legalLiterate: a.legalLiterate + b.legalLiterate,
    trained: a.trained + b.trained,
    passed: a.passed + b.passed,
    lecturers: a.lecturers + b.lecturers,
  };
}

function checkPeriod(from: string, to: string) {
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
}

/**
 * The 普法 figures of a division and of each child division for `from`–`to` (both included),
 * with those of the period just before (`previousPeriod`) and a year before (`yearBefore`).
 */
export async function pufaStatistics(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const now = await pufaFigures(opts);
  return withYearBefore(now, yearBeforeDays(opts.from, opts.to), (range) =>
    pufaFigures({ ...opts, ...range }),
  );
}

async function pufaFigures(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const { db, scope, divisionCode, from, to } = opts;
  if (!scope.includes(divisionCode)) forbidden();
  checkPeriod(from, to);
  const parsed = parseDivisionCode(divisionCode);
  if (!parsed.ok) {
    invalidField('divisionCode', { zh: '区划代码无效', en: 'Not a valid division code' });
  }
  const [division] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  if (!division) notFound({ zh: '行政区划', en: 'Division' });
  const prefix = parsed.division.prefix;
  const keyLength = String(childPrefixLength(divisionCode) ?? 12);
  const previous = previousPeriod(from, to);
  const a = pufaActivities;
  const r = pufaRoster;
  const [groups, rosterGroups] = await Promise.all([
    db
      .select({
        key: sql<string>`left(${a.divisionCode}, ${sql.raw(keyLength)})`,
        current: sql<boolean>`${a.heldOn} >= ${from}`,
        type: a.type,
        n: sql<number>`count(*)::int`,
        participants: sql<number>`coalesce(sum(${a.participants}), 0)::int`,
        materials: sql<number>`coalesce(sum(${a.materials}), 0)::int`,
      })
      .from(a)
      .where(
        and(
          parsed.division.countyCode ? eq(a.countyCode, parsed.division.countyCode) : undefined,
          sql`${a.divisionCode} like ${prefix + '%'}`,
          scope.where(a.divisionCode),
          gte(a.heldOn, previous.from),
          lte(a.heldOn, to),
        ),
      )
      // by position: the expressions carry parameters PostgreSQL would not match up
      .groupBy(sql.raw('1, 2, 3')),
    db
      .select({
        key: sql<string>`left(${r.villageCode}, ${sql.raw(keyLength)})`,
        role: r.role,
        trained: sql<boolean>`${r.trainingHours} >= ${PUFA_TRAINED_HOURS}`,
        passed: sql<boolean>`${r.examResult} = 'passed'`,
        n: sql<number>`count(*)::int`,
      })
      .from(r)
      .where(
        and(
          parsed.division.countyCode ? eq(r.countyCode, parsed.division.countyCode) : undefined,
          sql`${r.villageCode} like ${prefix + '%'}`,
          scope.where(r.villageCode),
        ),
      )
      .groupBy(sql.raw('1, 2, 3, 4')),
  ]);
  const byKey = new Map<
    string,
    { now: PufaActivityFigures; then: PufaActivityFigures; roster: PufaRosterFigures }
  >();
  const entry = (key: string) => {
    const found = byKey.get(key);
    if (found) return found;
    const made = { now: zeroActivities(), then: zeroActivities(), roster: zeroRoster() };
    byKey.set(key, made);
    return made;
  };
  for (const g of groups) {
    const target = g.current ? entry(g.key).now : entry(g.key).then;
    target.activities += g.n;
    target.participants += Number(g.participants);
    target.materials += Number(g.materials);
    target.byType[g.type] += g.n;
  }
  for (const g of rosterGroups) {
    const roster = entry(g.key).roster;
    if (g.role === 'lecturer') {
      roster.lecturers += g.n;
      continue;
    }
    roster.legalLiterate += g.n;
    if (g.trained) roster.trained += g.n;
    if (g.passed) roster.passed += g.n;
  }
  const row = (
    code: string,
    name: string,
    level: string,
    own: boolean,
    found: ReturnType<typeof entry> | undefined,
  ): PufaRow => ({
    code,
    name,
    level,
    own,
    ...(found?.now ?? zeroActivities()),
    ...(found?.roster ?? zeroRoster()),
    previousPeriod: { ...previous, ...(found?.then ?? zeroActivities()) },
  });

  const children: PufaRow[] = [];
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
      const kidKey = keyLength === '12' ? kid.code : kid.code.slice(0, Number(keyLength));
      children.push(
        row(kid.code, kid.name, kid.level, kid.code === divisionCode, byKey.get(kidKey)),
      );
    }
  }
  let now = zeroActivities();
  let then = zeroActivities();
  let roster = zeroRoster();
  for (const v of byKey.values()) {
    now = addActivities(now, v.now);
    then = addActivities(then, v.then);
    roster = addRoster(roster, v.roster);
  }
  return {
    code: division.code,
    name: division.name,
    level: division.level,
    own: false,
    ...now,
    ...roster,
    previousPeriod: { ...previous, ...then },
    from,
    to,
    trainedHours: PUFA_TRAINED_HOURS,
    children,
  };
}
