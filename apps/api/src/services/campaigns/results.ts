// Results of a campaign: ranking and distribution by @fazhi/domain, progress per township.
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { rankScorecards, summarizeScorecards, type Grade } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, participations } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { findCampaign } from './campaigns.js';
import { fromHundredths } from './points.js';

/** Villages with a county score, ranked: non-vetoed by total (ties share a rank), vetoed last. */
export async function campaignRanking(db: Db, scope: Scope, campaignId: string) {
  const campaign = await findCampaign(db, scope, campaignId);
  const rows = await db
    .select({
      villageCode: participations.villageCode,
      villageName: divisions.name,
      townshipCode: participations.townshipCode,
      townshipName: sql<
        string | null
      >`(select name from divisions t where t.code = "participations"."township_code")`,
      total: participations.countyTotal,
      grade: participations.countyGrade,
      vetoed: participations.countyVetoed,
      state: participations.state,
    })
    .from(participations)
    .innerJoin(divisions, eq(divisions.code, participations.villageCode))
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        isNotNull(participations.countyTotal),
        scope.where(participations.villageCode),
      ),
    );
  const byCode = new Map(rows.map((r) => [r.villageCode, r]));
  const ranked = rankScorecards(
    rows.map((r) => ({
      id: r.villageCode,
      scorecard: {
        total: fromHundredths(r.total!),
        grade: (r.grade ?? 'fail') as Grade,
        vetoed: r.vetoed,
      },
    })),
  );
  return ranked.map((entry) => {
    const row = byCode.get(entry.id)!;
    return {
      villageCode: entry.id,
      villageName: row.villageName,
      townshipCode: row.townshipCode,
      townshipName: row.townshipName,
      state: row.state,
      rank: entry.rank,
      total: entry.total,
      grade: entry.grade,
      vetoed: entry.vetoed,
    };
  });
}

export async function campaignResults(db: Db, scope: Scope, campaignId: string) {
  const ranking = await campaignRanking(db, scope, campaignId);
  const summary = summarizeScorecards(ranking);
  const campaign = await findCampaign(db, scope, campaignId);
  const progress = await db
    .select({
      townshipCode: participations.townshipCode,
      townshipName: sql<string>`(select name from divisions t where t.code = "participations"."township_code")`,
      state: participations.state,
      n: count(),
    })
    .from(participations)
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        scope.where(participations.villageCode),
      ),
    )
    .groupBy(participations.townshipCode, participations.state)
    .orderBy(asc(participations.townshipCode));
  const townships = new Map<
    string,
    { townshipCode: string; townshipName: string; counts: Record<string, number>; total: number }
  >();
  for (const p of progress) {
    const t = townships.get(p.townshipCode) ?? {
      townshipCode: p.townshipCode,
      townshipName: p.townshipName,
      counts: {},
      total: 0,
    };
    t.counts[p.state] = Number(p.n);
    t.total += Number(p.n);
    townships.set(p.townshipCode, t);
  }
  return { ranking, summary, progress: [...townships.values()] };
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
        scope.where(participations.villageCode),
      ),
    )
    .orderBy(asc(participations.townshipCode), asc(participations.villageCode));
  return {
    campaign,
    rows: rows.map((r) => ({ ...r, total: r.total === null ? null : fromHundredths(r.total) })),
  };
}
