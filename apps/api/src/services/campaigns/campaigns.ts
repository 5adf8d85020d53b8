// Campaigns: created by a county, pinned to a framework version, advanced stage by stage by
// an explicit action that is refused, with reasons, while the current stage has open work.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  advanceBlockers as domainAdvanceBlockers,
  campaignLevelProblem,
  campaignStageName,
  campaignStagesOf,
  fromHundredths,
  hasTownshipReview,
  nextCampaignStage,
  toHundredths,
  type AdvanceBlocker,
  type CampaignFlow,
  type CampaignMode,
  type LocalizedText,
  type ParticipationState,
  type SubjectLevel,
  campaignRecordPeriod,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  campaigns,
  countyUnits,
  divisions,
  participations,
  users,
  type CampaignLevel,
  type CampaignStage,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { getFramework, usableIn } from './frameworks.js';
import { requireOpen } from './close.js';

/** What decides a campaign's path through the stages. */
export function flowOf(
  campaign: Pick<typeof campaigns.$inferSelect, 'mode' | 'subjectLevel' | 'publicNotice'>,
): CampaignFlow {
  return {
    mode: campaign.mode,
    subjectLevel: campaign.subjectLevel,
    publicNotice: campaign.publicNotice,
  };
}

export interface CampaignInput {
  countyCode: string;
  name: string;
  year: number;
  level: CampaignLevel;
  mode?: CampaignMode | undefined;
  subjectLevel?: SubjectLevel | undefined;
  publicNotice?: boolean | undefined;
  recommendationQuota?: number | null | undefined;
  frameworkId: string;
  stageDates?: Partial<Record<CampaignStage, string>> | undefined;
  recordPeriod?: { from: string; to: string } | null | undefined;
  noticeDays?: number | undefined;
  minSelfScore?: number | null | undefined;
  minAcceptedScore?: number | null | undefined;
  requireLowerTitle?: boolean | undefined;
  townshipScoreRequired?: boolean | undefined;
  pilotVillageCodes?: string[] | undefined;
  inspectorIds?: string[] | undefined;
}

/** Checks what a county gives for a campaign (create or update); the first problem is a field error. */
async function checkCampaignInput(db: Db, input: CampaignInput) {
  const [county] = await db
    .select({ level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, input.countyCode));
  if (!county || county.level !== 'county') {
    invalidField('countyCode', {
      zh: `区划${input.countyCode}不是系统中的县级区划`,
      en: `${input.countyCode} is not a county in the system`,
    });
  }
  // a shared framework or the county's own: never another county's
  const framework = await getFramework(db, input.frameworkId, usableIn(input.countyCode)).catch(
    () => invalidField('frameworkId', { zh: '指标体系不存在', en: 'Unknown framework' }),
  );
  const prefix = input.countyCode.slice(0, 6);
  for (const [i, code] of (input.pilotVillageCodes ?? []).entries()) {
    if (!code.startsWith(prefix)) {
      invalidField(`pilotVillageCodes.${i}`, {
        zh: `试点村${code}不在本县`,
        en: `The pilot village ${code} is not in this county`,
      });
    }
  }
  const mode = input.mode ?? 'creation';
  const subjectLevel = input.subjectLevel ?? 'village';
  const levelProblem = campaignLevelProblem(mode, input.level);
  if (levelProblem) invalidField('level', levelProblem.message, levelProblem.code);
  if (mode === 'recommendation' && input.recommendationQuota == null) {
    invalidField(
      'recommendationQuota',
      { zh: '请填写推荐名额', en: 'The recommendation quota is required' },
      'QUOTA_REQUIRED',
    );
  }
  if (subjectLevel !== 'village' && (input.pilotVillageCodes ?? []).length > 0) {
    invalidField('pilotVillageCodes', {
      zh: '只有以村为对象的活动才有试点村',
      en: 'Only campaigns over villages have pilot villages',
    });
  }
  if (input.recordPeriod && input.recordPeriod.from > input.recordPeriod.to) {
    invalidField('recordPeriod', {
      zh: '台账取数期间的结束日期不能早于开始日期',
      en: 'The records period cannot end before it starts',
    });
  }
  const inspectorIds = [...new Set(input.inspectorIds ?? [])];
  await checkInspectors(db, input.countyCode, inspectorIds);
  const max = framework.definition.totalPoints;
  for (const field of ['minSelfScore', 'minAcceptedScore'] as const) {
    const value = input[field];
    if (value !== null && value !== undefined && value > max) {
      invalidField(field, { zh: `不能超过总分${max}`, en: `Must not exceed the total of ${max}` });
    }
  }
  return { inspectorIds, mode, subjectLevel };
}

/** The stored columns of a campaign from what the county gave (scores in hundredths). */
function campaignValues(
  input: CampaignInput,
  checked: { inspectorIds: string[]; mode: CampaignMode; subjectLevel: SubjectLevel },
) {
  const { inspectorIds, mode, subjectLevel } = checked;
  return {
    countyCode: input.countyCode,
    name: input.name,
    year: input.year,
    level: input.level,
    mode,
    subjectLevel,
    publicNotice: mode === 'annual' && (input.publicNotice ?? false),
    recommendationQuota: mode === 'recommendation' ? (input.recommendationQuota ?? null) : null,
    frameworkId: input.frameworkId,
    stageDates: input.stageDates ?? {},
    recordFrom: input.recordPeriod?.from ?? null,
    recordTo: input.recordPeriod?.to ?? null,
    noticeDays: input.noticeDays ?? 7,
    minSelfScore: input.minSelfScore == null ? null : toHundredths(input.minSelfScore),
    minAcceptedScore: input.minAcceptedScore == null ? null : toHundredths(input.minAcceptedScore),
    requireLowerTitle: input.requireLowerTitle ?? false,
    townshipScoreRequired: input.townshipScoreRequired ?? true,
    pilotVillageCodes: input.pilotVillageCodes ?? [],
    inspectorIds,
  };
}

export async function createCampaign(db: Db, input: CampaignInput) {
  const checked = await checkCampaignInput(db, input);
  const [row] = await db.insert(campaigns).values(campaignValues(input, checked)).returning();
  const enrolled = checked.mode === 'annual' ? await enrollAll(db, row!) : 0;
  return { row: row!, enrolled };
}

/**
 * An annual campaign enrols every subject of its county at launch (no declaration): every
 * village (or only the pilot villages, if named), every township, or every active county unit.
 * Returns how many were enrolled.
 */
async function enrollAll(db: Db, campaign: typeof campaigns.$inferSelect): Promise<number> {
  const base = {
    countyCode: campaign.countyCode,
    campaignId: campaign.id,
    state: 'enrolled' as const,
  };
  let values: (typeof participations.$inferInsert)[];
  if (campaign.subjectLevel === 'county_unit') {
    const units = await db
      .select({ id: countyUnits.id })
      .from(countyUnits)
      .where(and(eq(countyUnits.countyCode, campaign.countyCode), eq(countyUnits.active, true)));
    values = units.map((u) => ({
      ...base,
      villageCode: campaign.countyCode,
      townshipCode: campaign.countyCode,
      unitId: u.id,
    }));
  } else {
    const prefix = campaign.countyCode.slice(0, 6);
    const found = await db
      .select({ code: divisions.code })
      .from(divisions)
      .where(
        and(
          eq(divisions.level, campaign.subjectLevel),
          sql`${divisions.code} like ${prefix + '%'}`,
        ),
      );
    const pilots = new Set(campaign.pilotVillageCodes);
    values = found
      .filter((d) => pilots.size === 0 || pilots.has(d.code))
      .map((d) => ({
        ...base,
        villageCode: d.code,
        townshipCode: d.code.slice(0, 9) + '000',
      }));
  }
  if (values.length === 0) return 0;
  // in chunks, to keep each statement's parameters well below the driver's limit
  for (let i = 0; i < values.length; i += 1000) {
    await db.insert(participations).values(values.slice(i, i + 1000));
  }
  return values.length;
}

/**
 * Each assigned inspector must be an existing, enabled user with the inspector role whose scope
 * lies inside the campaign's county; the first that is not is a field error.
 */
async function checkInspectors(db: Db, countyCode: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({
      id: users.id,
      role: users.role,
      scopeCode: users.scopeCode,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, [...ids]));
  const prefix = countyCode.slice(0, 6);
  for (const [i, id] of ids.entries()) {
    const user = found.find((u) => u.id === id);
    const problem: LocalizedText | null = !user
      ? { zh: '该用户不存在', en: 'There is no such user' }
      : user.role !== 'inspector'
        ? { zh: '该用户不是评审员', en: 'This user is not an inspector' }
        : !user.scopeCode.startsWith(prefix)
          ? { zh: '该评审员不在本县', en: 'This inspector is not in this county' }
          : user.disabled
            ? { zh: '该评审员已停用', en: 'This inspector is disabled' }
            : null;
    if (problem) invalidField(`inspectorIds.${i}`, problem, 'INVALID_INSPECTOR');
  }
}

/**
 * Whether a scope sees a county's campaigns whole: the whole deployment, or a county (not a
 * township or village inside it).
 */
export function seesWholeCounty(scope: Scope): boolean {
  if (scope.unitId) return false;
  return scope.isWholeDeployment || (scope.countyCode !== null && scope.prefix.length === 6);
}

/** Who a campaign is shown to. */
export interface CampaignViewer {
  scope: Scope;
  userId: string;
}

/** The records period the county set for a campaign, or null (the domain's rule applies). */
export function recordPeriodOf(row: { recordFrom: string | null; recordTo: string | null }) {
  return row.recordFrom && row.recordTo ? { from: row.recordFrom, to: row.recordTo } : null;
}

/** The period of village records a stored campaign's score sheet is derived from, as of a day. */
export function campaignRecordsPeriod(
  row: {
    year: number;
    stageDates: Partial<Record<string, string>>;
    recordFrom: string | null;
    recordTo: string | null;
  },
  asOf: string,
) {
  return campaignRecordPeriod({ ...row, recordPeriod: recordPeriodOf(row) }, { asOf });
}

/**
 * A campaign row as the API shows it (scores in points), cut to the viewer's scope: below the
 * county, only the pilot villages inside the scope (a clerk sees whether the village is a pilot;
 * `hasPilotVillages` says whether the campaign has any) and no inspector but oneself.
 */
export function present(row: typeof campaigns.$inferSelect, viewer: CampaignViewer) {
  const whole = seesWholeCounty(viewer.scope);
  return {
    ...row,
    stages: campaignStagesOf(flowOf(row)),
    recordPeriod: recordPeriodOf(row),
    minSelfScore: row.minSelfScore === null ? null : fromHundredths(row.minSelfScore),
    minAcceptedScore: row.minAcceptedScore === null ? null : fromHundredths(row.minAcceptedScore),
    hasPilotVillages: row.pilotVillageCodes.length > 0,
    pilotVillageCodes: whole
      ? row.pilotVillageCodes
      : row.pilotVillageCodes.filter((code) => viewer.scope.includes(code)),
    inspectorIds: whole ? row.inspectorIds : row.inspectorIds.filter((id) => id === viewer.userId),
  };
}

export async function findCampaign(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), scope.whereCounty(campaigns.countyCode)));
  if (!row) notFound({ zh: '创建活动', en: 'Campaign' });
  return row;
}

export async function listCampaigns(opts: {
  db: Db;
  scope: Scope;
  userId: string;
  year?: number | undefined;
  page: number;
  pageSize: number;
}) {
  const where = and(
    opts.scope.whereCounty(campaigns.countyCode),
    opts.year ? eq(campaigns.year, opts.year) : undefined,
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.year), asc(campaigns.name))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(campaigns).where(where),
  ]);
  const counts = await pageStateCounts(opts.db, opts.scope, items);
  return {
    items: items.map((row) => ({
      ...present(row, { scope: opts.scope, userId: opts.userId }),
      counts: counts.get(row.id) ?? {},
    })),
    total: Number(total?.n ?? 0),
  };
}

/**
 * How many participations each of the campaigns is in each state (inside the scope): one grouped
 * query for a whole page of campaigns.
 */
async function pageStateCounts(
  db: Db,
  scope: Scope,
  page: readonly { countyCode: string; id: string }[],
): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (page.length === 0) return counts;
  const rows = await db
    .select({ campaignId: participations.campaignId, state: participations.state, n: count() })
    .from(participations)
    .where(
      and(
        inArray(participations.countyCode, [...new Set(page.map((c) => c.countyCode))]),
        inArray(
          participations.campaignId,
          page.map((c) => c.id),
        ),
        scope.whereSubject(participations.villageCode, participations.unitId),
      ),
    )
    .groupBy(participations.campaignId, participations.state);
  for (const r of rows) {
    const forCampaign = counts.get(r.campaignId) ?? {};
    forCampaign[r.state] = Number(r.n);
    counts.set(r.campaignId, forCampaign);
  }
  return counts;
}

/** How many participations are in each state (inside the scope). */
export async function stateCounts(
  db: Db,
  scope: Scope,
  campaign: { countyCode: string; id: string },
) {
  const rows = await db
    .select({ state: participations.state, n: count() })
    .from(participations)
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        scope.whereSubject(participations.villageCode, participations.unitId),
      ),
    )
    .groupBy(participations.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
}

export type Blocker = AdvanceBlocker;

/**
 * What keeps the campaign from leaving its current stage (decided by the domain from counts):
 * in the whole county, or (`scope` below the county) the part of it inside the scope, counted
 * there only.
 */
export async function advanceBlockers(
  db: Db,
  campaign: typeof campaigns.$inferSelect,
  today: string,
  scope?: Scope,
): Promise<Blocker[]> {
  const all = await db
    .select({
      state: participations.state,
      n: count(),
      lastPosted: sql<string | null>`max(${participations.postedOn})`,
    })
    .from(participations)
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        scope && !seesWholeCounty(scope)
          ? scope.whereSubject(participations.villageCode, participations.unitId)
          : undefined,
      ),
    )
    .groupBy(participations.state);
  const flow = flowOf(campaign);
  const stages = campaignStagesOf(flow);
  const lastPosted = all
    .map((r) => r.lastPosted)
    .filter(Boolean)
    .map(String)
    .sort()
    .pop();
  return domainAdvanceBlockers({
    stage: campaign.stage,
    subjectLevel: campaign.subjectLevel,
    townshipReview: hasTownshipReview(flow),
    counts: Object.fromEntries(all.map((r) => [r.state, Number(r.n)])) as Partial<
      Record<ParticipationState, number>
    >,
    lastPostedOn: lastPosted ?? null,
    noticeDays: campaign.noticeDays,
    today,
    lastStage: stages.at(-1) === campaign.stage,
  });
}

export async function advanceCampaign(db: Db, scope: Scope, id: string, today: string) {
  const campaign = await findCampaign(db, scope, id);
  requireOpen(campaign);
  const blockers = await advanceBlockers(db, campaign, today);
  if (blockers.length > 0) {
    fail(
      'STAGE_BLOCKED',
      { blockers },
      {
        zh: `当前阶段“${campaignStageName(campaign.stage).zh}”还有未完成的工作：${blockers.map((b) => b.message.zh).join('；')}`,
        en: `The ${campaignStageName(campaign.stage).en} stage has open work: ${blockers.map((b) => b.message.en).join('; ')}`,
      },
    );
  }
  const next = nextCampaignStage(flowOf(campaign), campaign.stage);
  if (!next) {
    fail(
      'STAGE_BLOCKED',
      { blockers: [] },
      {
        zh: '已是最后阶段',
        en: 'This is the last stage',
      },
    );
  }
  const [row] = await db
    .update(campaigns)
    .set({ stage: next, updatedAt: new Date() })
    .where(and(eq(campaigns.countyCode, campaign.countyCode), eq(campaigns.id, campaign.id)))
    .returning();
  return { before: campaign, after: row! };
}

/**
 * What `campaigns.update` may change: any setting, each kept when not given; not the county, nor
 * the mode or subject level (they decide the flow).
 */
export type CampaignChanges = Partial<Omit<CampaignInput, 'countyCode' | 'mode' | 'subjectLevel'>>;

/** Refuses a change to a campaign a village has already declared for. */
function declaredAlready(): never {
  fail('CAMPAIGN_HAS_DECLARATIONS', undefined, {
    zh: '已有村申报本次创建活动，不能再修改或删除',
    en: 'Villages have declared for this campaign: it can no longer be changed or deleted',
  });
}

/** True when no village has declared for the campaign (not even one since withdrawn). */
function noDeclarations(campaign: { countyCode: string; id: string }) {
  return sql`not exists (select 1 from ${participations} where ${participations.countyCode} = ${campaign.countyCode} and ${participations.campaignId} = ${campaign.id})`;
}

/**
 * Changes a campaign's settings while no village has declared for it; refused afterwards.
 * The same checks as creating it.
 */
export async function updateCampaign(db: Db, scope: Scope, id: string, changes: CampaignChanges) {
  const before = await findCampaign(db, scope, id);
  requireOpen(before);
  const input: CampaignInput = {
    countyCode: before.countyCode,
    name: before.name,
    year: before.year,
    level: before.level,
    mode: before.mode,
    subjectLevel: before.subjectLevel,
    publicNotice: before.publicNotice,
    recommendationQuota: before.recommendationQuota,
    frameworkId: before.frameworkId,
    stageDates: before.stageDates,
    recordPeriod: recordPeriodOf(before),
    noticeDays: before.noticeDays,
    minSelfScore: before.minSelfScore === null ? null : fromHundredths(before.minSelfScore),
    minAcceptedScore:
      before.minAcceptedScore === null ? null : fromHundredths(before.minAcceptedScore),
    requireLowerTitle: before.requireLowerTitle,
    townshipScoreRequired: before.townshipScoreRequired,
    pilotVillageCodes: before.pilotVillageCodes,
    inspectorIds: before.inspectorIds,
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
  }
  const checked = await checkCampaignInput(db, input);
  const [after] = await db
    .update(campaigns)
    .set({ ...campaignValues(input, checked), updatedAt: new Date() })
    .where(
      and(
        eq(campaigns.countyCode, before.countyCode),
        eq(campaigns.id, id),
        noDeclarations(before),
      ),
    )
    .returning();
  if (!after) declaredAlready();
  return { before, after };
}

/** Deletes a campaign no village has declared for; refused afterwards. */
export async function removeCampaign(db: Db, scope: Scope, id: string) {
  const before = await findCampaign(db, scope, id);
  requireOpen(before);
  const [gone] = await db
    .delete(campaigns)
    .where(
      and(
        eq(campaigns.countyCode, before.countyCode),
        eq(campaigns.id, id),
        noDeclarations(before),
      ),
    )
    .returning();
  if (!gone) declaredAlready();
  return gone;
}
