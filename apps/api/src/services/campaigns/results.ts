// Results of a campaign: the ranking paged and the distribution aggregated by PostgreSQL, with
// the rules of @fazhi/domain (`rankScorecards` and `summarizeScorecards` stay the definitions
// the SQL is tested against in test/ranking-sql.test.ts); progress per township.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  fromHundredths,
  scorecardGrades,
  summaryFromAggregates,
  type Grade,
  type ParticipationState,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, participations, rankKey } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { findCampaign } from './campaigns.js';
import { rowsOf } from '../../db/rows-of.js';

/** A campaign's participations with a county score. */
function scoredIn(campaign: { id: string; countyCode: string }) {
  return and(
    eq(participations.countyCode, campaign.countyCode),
    eq(participations.campaignId, campaign.id),
    isNotNull(participations.countyTotal),
  );
}

/** What a ranking page may be narrowed to (after ranking: ranks stay those of the whole list). */
export interface RankingFilter {
  townshipCode?: string;
  grade?: Grade;
  state?: ParticipationState;
}

interface RankedRow {
  village_code: string;
  village_name: string;
  township_code: string;
  township_name: string | null;
  state: ParticipationState;
  rank: number | null;
  county_total: number;
  county_grade: Grade | null;
  county_vetoed: boolean;
}

/**
 * One page of the ranking, ranked by PostgreSQL as `rankScorecards` ranks (non-vetoed by total,
 * equal totals share a rank and the next skips; ties and vetoed by village code; vetoed last
 * with no rank), over the caller's scope, read in the order of `participations_rank_idx`; filters narrow the page, not the ranks. `own` is the
 * caller's own village among all of the campaign where the caller is a subject (a village clerk).
 */
export async function campaignRankingPage(
  db: Db,
  scope: Scope,
  query: {
    campaignId: string;
    page: number;
    pageSize: number;
    ownCode?: string | null;
  } & RankingFilter,
) {
  const campaign = await findCampaign(db, scope, query.campaignId);
  const p = participations;
  const scored = scoredIn(campaign);
  const filters = [
    query.townshipCode ? sql`r0.township_code = ${query.townshipCode}` : undefined,
    query.grade ? sql`r0.county_grade = ${query.grade}` : undefined,
    query.state ? sql`r0.state = ${query.state}` : undefined,
  ].filter((f) => f !== undefined);
  const narrowed = filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  const key = rankKey(p);
  const [rows, [counted], own] = await Promise.all([
    // ranked in the index's order, narrowed after ranking, joined to names after the limit
    db
      .execute(
        sql`select r.*, v.name as village_name, t.name as township_name from (
          select * from (
            select ${p.villageCode} as village_code, ${p.townshipCode} as township_code,
              ${p.state} as state, ${p.countyTotal} as county_total, ${p.countyGrade} as county_grade,
              ${p.countyVetoed} as county_vetoed, ${key} as rank_key,
              case when ${p.countyVetoed} then null
                else rank() over (partition by ${p.countyVetoed} order by ${key} desc) end as rank
            from ${p} where ${scored} and ${villagesInScope(scope, campaign.countyCode)}
          ) r0 ${narrowed}
          order by r0.county_vetoed, r0.rank_key desc, r0.village_code
          limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
        ) r
        join ${divisions} v on v.code = r.village_code
        left join ${divisions} t on t.code = r.township_code
        order by r.county_vetoed, r.rank_key desc, r.village_code`,
      )
      .then((result) => rowsOf<RankedRow>(result)),
    db
      .select({ n: count() })
      .from(p)
      .where(
        and(
          scored,
          villagesInScope(scope, campaign.countyCode),
          query.townshipCode ? eq(p.townshipCode, query.townshipCode) : undefined,
          query.grade ? eq(p.countyGrade, query.grade) : undefined,
          query.state ? eq(p.state, query.state) : undefined,
        ),
      ),
    query.ownCode ? ownPosition(db, campaign, query.ownCode) : Promise.resolve(null),
  ]);
  return {
    items: rows.map((r) => ({
      villageCode: r.village_code,
      villageName: r.village_name,
      townshipCode: r.township_code,
      townshipName: r.township_name,
      state: r.state,
      rank: r.rank === null ? null : Number(r.rank),
      total: fromHundredths(Number(r.county_total)),
      grade: r.county_grade ?? 'fail',
      vetoed: r.county_vetoed,
    })),
    total: Number(counted?.n ?? 0),
    own,
  };
}

/** Where a subject stands among every scored subject of the campaign (its rank and of how many). */
async function ownPosition(
  db: Db,
  campaign: { id: string; countyCode: string },
  code: string,
): Promise<{ villageCode: string; rank: number | null; of: number } | null> {
  const p = participations;
  const scored = scoredIn(campaign);
  const [mine] = await db
    .select({ total: p.countyTotal, vetoed: p.countyVetoed })
    .from(p)
    .where(and(scored, eq(p.villageCode, code)));
  if (!mine) return null;
  const [[counts], [above]] = await Promise.all([
    db.select({ of: count() }).from(p).where(scored),
    mine.vetoed
      ? Promise.resolve([{ n: 0 }])
      : db
          .select({ n: count() })
          .from(p)
          .where(and(scored, eq(p.countyVetoed, false), sql`${rankKey(p)} > ${mine.total}`)),
  ]);
  return {
    villageCode: code,
    rank: mine.vetoed ? null : Number(above!.n) + 1,
    of: Number(counts!.of),
  };
}

/**
 * The scope's condition on a campaign's villages; none when the scope covers the campaign's
 * county (a county user or above), so that counting a national campaign reads only its index.
 */
function villagesInScope(scope: Scope, countyCode: string) {
  return scope.coversCounty(countyCode)
    ? sql`true`
    : scope.whereSubject(participations.villageCode, participations.unitId);
}

/** Totals are binned by this many points for the histogram. */
const BIN_POINTS = 5;

/**
 * The distribution (by `summaryFromAggregates` over SQL aggregates, never every row), a
 * histogram of 5-point bins and the progress and average per township, over the caller's scope.
 */
export async function campaignResults(db: Db, scope: Scope, campaignId: string) {
  const campaign = await findCampaign(db, scope, campaignId);
  const p = participations;
  const inCampaign = and(
    eq(p.countyCode, campaign.countyCode),
    eq(p.campaignId, campaign.id),
    villagesInScope(scope, campaign.countyCode),
  );
  const gradeOf = sql`case when ${p.countyVetoed} then 'fail' else coalesce(${p.countyGrade}, 'fail') end`;
  const binOf = sql`least(floor(${p.countyTotal} / ${BIN_POINTS * 100}) * ${BIN_POINTS}, ${100 - BIN_POINTS})`;
  // two grouped scans (each parallel in PostgreSQL): per township and state, which also gives
  // the overall count, sum, min and max; and per grade and bin of the scored villages
  const [byTownship, byGradeAndBin] = await Promise.all([
    db
      .select({
        townshipCode: p.townshipCode,
        state: p.state,
        n: count(),
        scored: count(p.countyTotal),
        sum: sql<string | null>`sum(${p.countyTotal})`,
        min: sql<number | null>`min(${p.countyTotal})`,
        max: sql<number | null>`max(${p.countyTotal})`,
      })
      .from(p)
      .where(inCampaign)
      .groupBy(p.townshipCode, p.state)
      .orderBy(asc(p.townshipCode)),
    db
      .select({ grade: sql<Grade>`${gradeOf}`, bin: sql<string>`${binOf}`, n: count() })
      .from(p)
      .where(and(inCampaign, isNotNull(p.countyTotal)))
      .groupBy(sql`1`, sql`2`),
  ]);
  const overall = { scored: 0, sum: 0, min: null as number | null, max: null as number | null };
  for (const row of byTownship) {
    overall.scored += Number(row.scored);
    overall.sum += Number(row.sum ?? 0);
    if (row.min !== null) overall.min = Math.min(overall.min ?? row.min, row.min);
    if (row.max !== null) overall.max = Math.max(overall.max ?? row.max, row.max);
  }
  const n = overall.scored;
  const middle =
    n === 0
      ? []
      : (
          await db
            .select({ total: p.countyTotal })
            .from(p)
            .where(and(inCampaign, isNotNull(p.countyTotal)))
            .orderBy(asc(p.countyTotal))
            .limit(n % 2 === 1 ? 1 : 2)
            .offset(n % 2 === 1 ? (n - 1) / 2 : n / 2 - 1)
        ).map((r) => r.total!);
  const byGrade = Object.fromEntries(scorecardGrades.map((g) => [g, 0])) as Record<Grade, number>;
  const bins = new Map<number, number>();
  for (const row of byGradeAndBin) {
    byGrade[row.grade] += Number(row.n);
    bins.set(Number(row.bin), (bins.get(Number(row.bin)) ?? 0) + Number(row.n));
  }
  const summary = summaryFromAggregates({
    count: n,
    sumHundredths: overall.sum,
    minHundredths: overall.min,
    maxHundredths: overall.max,
    middleHundredths: middle,
    byGrade,
  });
  const histogram = [...bins]
    .map(([from, binCount]) => ({ from, to: from + BIN_POINTS, count: binCount }))
    .sort((x, y) => x.from - y.from);

  const names = new Map(
    byTownship.length === 0
      ? []
      : (
          await db
            .select({ code: divisions.code, name: divisions.name })
            .from(divisions)
            .where(inArray(divisions.code, [...new Set(byTownship.map((r) => r.townshipCode))]))
        ).map((d) => [d.code, d.name]),
  );
  const townships = new Map<
    string,
    {
      townshipCode: string;
      townshipName: string;
      counts: Record<string, number>;
      total: number;
      scored: number;
      sum: number;
    }
  >();
  for (const row of byTownship) {
    const code = row.townshipCode;
    const t = townships.get(code) ?? {
      townshipCode: code,
      townshipName: names.get(code) ?? code,
      counts: {},
      total: 0,
      scored: 0,
      sum: 0,
    };
    t.counts[row.state] = Number(row.n);
    t.total += Number(row.n);
    t.scored += Number(row.scored);
    t.sum += Number(row.sum ?? 0);
    townships.set(code, t);
  }
  return {
    summary,
    histogram,
    progress: [...townships.values()].map(({ sum, ...t }) => ({
      ...t,
      /** Mean county total of the township's scored villages, to 0.01; null when none. */
      average: t.scored === 0 ? null : fromHundredths(Math.round(sum / t.scored)),
    })),
  };
}

/** The list to post publicly (公示名单): village, township, county score. */
export async function noticeList(db: Db, scope: Scope, campaignId: string) {
  const campaign = await findCampaign(db, scope, campaignId);
  const rows = await db
    .select({
      villageCode: participations.villageCode,
      villageName: divisions.name,
      townshipName: sql<string>`(select name from divisions t where t.code = "participations"."township_code")`,
      total: participations.countyTotal,
      state: participations.state,
      postedOn: participations.postedOn,
    })
    .from(participations)
    .innerJoin(divisions, eq(divisions.code, participations.villageCode))
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        sql`${participations.state} in ('posted', 'objected', 'named')`,
        scope.whereSubject(participations.villageCode, participations.unitId),
      ),
    )
    .orderBy(asc(participations.townshipCode), asc(participations.villageCode));
  return {
    campaign,
    rows: rows.map((r) => ({ ...r, total: r.total === null ? null : fromHundredths(r.total) })),
  };
}
