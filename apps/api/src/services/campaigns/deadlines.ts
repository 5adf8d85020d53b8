// Stage deadlines, enforced softly: the late subjects of a campaign per township, and the
// county's extensions of a deadline with a reason. A stage's deadline is its planned date
// (`stageDates[stage]`); an extension moves it later and is kept with its reason.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  campaignStageName,
  daysUntil,
  deadlineLight,
  hasTownshipReview,
  isLaterDay,
  lateStates,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  campaigns,
  deadlineExtensions,
  divisions,
  participations,
  type CampaignStage,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { invalidField } from '../../errors/app-error.js';
import { findCampaign } from './campaigns.js';
import { requireOpen } from './close.js';
import { reachableParticipations } from './cross-checks.js';

/**
 * The subjects still owing work in the campaign's current stage after its deadline, township by
 * township (inside the caller's scope, or a township's code), a page at a time.
 */
export async function lateSubjects(opts: {
  db: Db;
  scope: Scope;
  userId: string;
  id: string;
  townshipCode?: string | undefined;
  today: string;
  page: number;
  pageSize: number;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  const dueOn = campaign.stageDates[campaign.stage] ?? null;
  const light = campaign.closedAt ? 'none' : deadlineLight(dueOn, opts.today);
  const states = lateStates(campaign.stage, { townshipReview: hasTownshipReview(campaign) });
  const empty = { dueOn, light, items: [], total: 0, byTownship: [] };
  if (light !== 'red' || states.length === 0) return empty;
  const daysLate = -(daysUntil(dueOn, opts.today) ?? 0);
  const where = and(
    eq(participations.countyCode, campaign.countyCode),
    eq(participations.campaignId, campaign.id),
    inArray(participations.state, [...states]),
    reachableParticipations(opts.scope, opts.userId),
    opts.townshipCode ? eq(participations.townshipCode, opts.townshipCode) : undefined,
  );
  const townshipName = sql<
    string | null
  >`(select name from divisions t where t.code = ${participations.townshipCode})`;
  const [items, byTownship] = await Promise.all([
    opts.db
      .select({
        participationId: participations.id,
        villageCode: participations.villageCode,
        villageName: divisions.name,
        townshipCode: participations.townshipCode,
        townshipName,
        state: participations.state,
      })
      .from(participations)
      .innerJoin(divisions, eq(divisions.code, participations.villageCode))
      .where(where)
      .orderBy(asc(participations.townshipCode), asc(participations.villageCode))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db
      .select({ townshipCode: participations.townshipCode, townshipName, count: count() })
      .from(participations)
      .where(where)
      .groupBy(participations.townshipCode)
      .orderBy(asc(participations.townshipCode)),
  ]);
  return {
    dueOn,
    light,
    items: items.map((i) => ({ ...i, dueOn: dueOn!, daysLate })),
    total: byTownship.reduce((sum, t) => sum + Number(t.count), 0),
    byTownship: byTownship.map((t) => ({ ...t, count: Number(t.count) })),
  };
}

/** Moves a stage's deadline later, with a reason; the extension is kept. */
export async function extendDeadline(opts: {
  db: Db;
  scope: Scope;
  userId: string;
  id: string;
  stage: CampaignStage;
  to: string;
  reason: string;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  requireOpen(campaign);
  const from = campaign.stageDates[opts.stage] ?? null;
  if (!isLaterDay(opts.to, from)) {
    invalidField('to', {
      zh: `新的截止日期须晚于“${campaignStageName(opts.stage).zh}”阶段原定的${from}`,
      en: `The new deadline must be later than ${from}, the ${campaignStageName(opts.stage).en} stage's current one`,
    });
  }
  await opts.db
    .update(campaigns)
    .set({ stageDates: { ...campaign.stageDates, [opts.stage]: opts.to }, updatedAt: new Date() })
    .where(and(eq(campaigns.countyCode, campaign.countyCode), eq(campaigns.id, campaign.id)));
  const [row] = await opts.db
    .insert(deadlineExtensions)
    .values({
      countyCode: campaign.countyCode,
      campaignId: campaign.id,
      stage: opts.stage,
      fromDate: from,
      toDate: opts.to,
      reason: opts.reason,
      createdBy: opts.userId,
    })
    .returning();
  return row!;
}

/** The extensions of a campaign's deadlines, newest first. */
export async function listDeadlineExtensions(opts: {
  db: Db;
  scope: Scope;
  id: string;
  page: number;
  pageSize: number;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  const where = and(
    eq(deadlineExtensions.countyCode, campaign.countyCode),
    eq(deadlineExtensions.campaignId, campaign.id),
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select({
        id: deadlineExtensions.id,
        stage: deadlineExtensions.stage,
        fromDate: deadlineExtensions.fromDate,
        toDate: deadlineExtensions.toDate,
        reason: deadlineExtensions.reason,
        createdAt: deadlineExtensions.createdAt,
        createdBy: sql<
          string | null
        >`(select display_name from users u where u.id = ${deadlineExtensions.createdBy})`,
      })
      .from(deadlineExtensions)
      .where(where)
      .orderBy(desc(deadlineExtensions.createdAt), desc(deadlineExtensions.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(deadlineExtensions).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
