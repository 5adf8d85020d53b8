// A village's participation: declaration, its score sheet (one column per level, optimistically
// locked), and its transitions, all decided by @fazhi/domain.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  allowedParticipationEvents,
  campaignStageName,
  declarationProblem,
  eventAllowedAt,
  hasTownshipReview,
  openColumn,
  participationActor,
  recommendationQuotaProblem,
  scoreAssessment,
  scoreTotals,
  subjectsDeclare,
  transitionParticipation,
  type AnnualOutcome,
  type Framework,
  type ParticipationActor,
  type ParticipationEvent,
  type Scorecard,
  type ScoreTotals,
  type TransitionResult,
  fromHundredths,
  toHundredths,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { campaigns } from '../../db/schema.js';
import {
  countyUnits,
  divisions,
  objections,
  titleDecisions,
  participations,
  titles,
  type SheetColumn,
  type SheetColumnData,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/session-user.js';
import { fail, forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { findCampaign, present } from './campaigns.js';
import { pinnedDefinition } from './frameworks.js';
import { mayKnowObjectors, presentObjection } from './objector-identity.js';
import { deleteEvidenceRow, findEvidence, listEvidence, requireEvidenceTurn } from './evidence.js';
import { repeatsDeclaration, repeatsLastChange, sameColumn } from './repeats.js';
import { requireOverrideReasons } from '../records/derived.js';
import { requireOpen } from './close.js';
import { reachableParticipations } from './cross-checks.js';

type Campaign = typeof campaigns.$inferSelect;
type Participation = typeof participations.$inferSelect;

/**
 * Who the user acts as on a participation of `campaign` (the domain's `participationActor`):
 * the subject itself, its township or the county; null for a role that sends no events.
 */
export function actorLevel(
  role: SessionUser['role'],
  campaign: Pick<Campaign, 'subjectLevel'>,
): ParticipationActor | null {
  return participationActor(role, campaign.subjectLevel);
}

function townshipOf(villageCode: string): string {
  return villageCode.slice(0, 9) + '000';
}

export function todayIso(now = new Date()): string {
  // the county's calendar day (China Standard Time, UTC+8)
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function declare(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  campaignId: string;
  villageCode: string;
  today: string;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.campaignId);
  requireOpen(campaign);
  if (!subjectsDeclare(campaign) || campaign.subjectLevel !== 'village') {
    fail('NO_DECLARATIONS', undefined, {
      zh: '本次活动的对象已全部纳入，无需申报',
      en: 'This campaign enrols its subjects; nobody declares',
    });
  }
  if (campaign.stage !== 'declare') {
    fail('STAGE_CLOSED', undefined, {
      zh: `当前为“${campaignStageName(campaign.stage).zh}”阶段，不能申报`,
      en: `Declarations are closed in the ${campaignStageName(campaign.stage).en} stage`,
    });
  }
  if (actorLevel(opts.user.role, campaign) === null) forbidden();
  const [village] = await opts.db
    .select({ level: divisions.level, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, opts.villageCode));
  if (
    !village ||
    village.level !== 'village' ||
    !opts.villageCode.startsWith(campaign.countyCode.slice(0, 6))
  ) {
    invalidField('villageCode', {
      zh: '所选区划不是本县的村（社区）',
      en: 'Not a village or community of this county',
    });
  }
  if (
    campaign.pilotVillageCodes.length > 0 &&
    campaign.rolledOutAt === null &&
    !campaign.pilotVillageCodes.includes(opts.villageCode)
  ) {
    invalidField(
      'villageCode',
      {
        zh: '本次创建仅限试点村参加',
        en: 'Only the pilot villages take part in this campaign',
      },
      'NOT_A_PILOT',
    );
  }
  const villageTitles = await opts.db
    .select()
    .from(titles)
    .where(
      and(eq(titles.countyCode, campaign.countyCode), eq(titles.villageCode, opts.villageCode)),
    );
  const problem = declarationProblem({
    level: campaign.level,
    requireLowerTitle: campaign.requireLowerTitle,
    titles: villageTitles.map((t) => ({
      level: t.level,
      status: t.status,
      recheckedOn: t.recheckedOn === null ? null : String(t.recheckedOn),
    })),
    today: opts.today,
  });
  if (problem) {
    fail(problem.code, undefined, problem.message);
  }
  const findExisting = async () => {
    const [found] = await opts.db
      .select()
      .from(participations)
      .where(
        and(
          eq(participations.countyCode, campaign.countyCode),
          eq(participations.campaignId, campaign.id),
          eq(participations.villageCode, opts.villageCode),
        ),
      );
    return found;
  };
  const existing = await findExisting();
  if (existing) return repeatedDeclaration(opts.db, existing, opts.user.id);
  const [row] = await opts.db
    .insert(participations)
    .values({
      countyCode: campaign.countyCode,
      campaignId: campaign.id,
      villageCode: opts.villageCode,
      townshipCode: townshipOf(opts.villageCode),
    })
    .onConflictDoNothing()
    .returning();
  // declared meanwhile (a double click that raced this request)
  if (!row) return repeatedDeclaration(opts.db, (await findExisting())!, opts.user.id);
  return row;
}

/** The same user's declaration, repeated, is that declaration; anything else is a conflict. */
async function repeatedDeclaration(db: Db, existing: Participation, userId: string) {
  if (await repeatsDeclaration(db, existing, userId)) return existing;
  fail('ALREADY_DECLARED', undefined, {
    zh: existing.state === 'withdrawn' ? '该村已退出本次创建，不能再次申报' : '该村已申报',
    en:
      existing.state === 'withdrawn'
        ? 'The village has left this campaign and may not declare again'
        : 'The village has already declared',
  });
}

/** A participation inside the scope, or (given the user) one they cross-check (交叉检查). */
export async function findParticipation(db: Db, scope: Scope, id: string, userId?: string) {
  const [row] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.id, id), reachableParticipations(scope, userId)));
  if (!row) notFound({ zh: '申报记录', en: 'Participation' });
  return row;
}

/** Scores one column of a sheet with the campaign's framework. */
export function scoreColumn(
  framework: Framework,
  data: SheetColumnData | undefined,
): Scorecard | null {
  if (!data) return null;
  const result = scoreAssessment(framework, { items: data.items, vetoes: data.vetoes });
  return result.ok ? result.scorecard : null;
}

/**
 * The totals of one column (total, grade, vetoes, missing items) without the item explanations:
 * what a save stores and a transition checks, the domain's fast path.
 */
export function totalsOfColumn(
  framework: Framework,
  data: SheetColumnData | undefined,
): ScoreTotals | null {
  if (!data) return null;
  const result = scoreTotals(framework, { items: data.items, vetoes: data.vetoes });
  return result.ok ? result.totals : null;
}

/** Which column the user may edit now, or null. */
export function editableColumn(
  user: SessionUser,
  campaign: Campaign,
  participation: Participation,
): SheetColumn | null {
  return columnFor(user, campaign, participation.state);
}

/** The column a user fills in a participation in `state` of a campaign at its current stage. */
export function columnFor(
  user: Pick<SessionUser, 'id' | 'role'>,
  campaign: Pick<Campaign, 'stage' | 'inspectorIds' | 'subjectLevel' | 'closedAt'>,
  state: Participation['state'],
): SheetColumn | null {
  if (campaign.closedAt) return null;
  const actor =
    user.role === 'inspector'
      ? campaign.inspectorIds.includes(user.id)
        ? 'county'
        : null
      : participationActor(user.role, campaign.subjectLevel);
  if (!actor) return null;
  return openColumn(actor, campaign.stage, state, {
    townshipReview: hasTownshipReview(campaign),
  });
}

/** A participation row as the API shows it (totals in points). */
export function presentParticipation(row: Participation) {
  const points = (h: number | null) => (h === null ? null : fromHundredths(h));
  return {
    ...row,
    selfTotal: points(row.selfTotal),
    townshipTotal: points(row.townshipTotal),
    countyTotal: points(row.countyTotal),
  };
}

export async function getParticipation(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  id: string;
}) {
  const participation = await findParticipation(opts.db, opts.scope, opts.id, opts.user.id);
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  const framework = await pinnedDefinition(opts.db, campaign.frameworkId);
  const names = await opts.db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(inArray(divisions.code, [participation.villageCode, participation.townshipCode]));
  const nameOf = (code: string) => names.find((d) => d.code === code)?.name ?? null;
  const [unit] = participation.unitId
    ? await opts.db
        .select({ name: countyUnits.name })
        .from(countyUnits)
        .where(
          and(
            eq(countyUnits.countyCode, participation.countyCode),
            eq(countyUnits.id, participation.unitId),
          ),
        )
    : [];
  const openObjections = await opts.db
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.countyCode, participation.countyCode),
        eq(objections.participationId, participation.id),
      ),
    )
    .orderBy(asc(objections.createdAt));
  const level = actorLevel(opts.user.role, campaign);
  const scorecards = {
    self: scoreColumn(framework, participation.sheet.self),
    township: scoreColumn(framework, participation.sheet.township),
    county: scoreColumn(framework, participation.sheet.county),
  };
  return {
    participation: presentParticipation(participation),
    villageName: unit?.name ?? nameOf(participation.villageCode) ?? participation.villageCode,
    townshipName: nameOf(participation.townshipCode),
    campaign: present(campaign, { scope: opts.scope, userId: opts.user.id }),
    framework,
    scorecards,
    objections: openObjections.map((o) =>
      presentObjection(o, mayKnowObjectors(opts.user, opts.scope)),
    ),
    evidence: await listEvidence(opts.db, participation.id),
    editableColumn: editableColumn(opts.user, campaign, participation),
    allowedEvents:
      level && !campaign.closedAt
        ? allowedParticipationEvents(participation.state, level, {
            townshipReview: hasTownshipReview(campaign),
          }).filter((e) => eventAllowedAt(e, campaign.stage))
        : [],
  };
}

function conflict(current: Participation, column?: SheetColumn): never {
  fail(
    'SHEET_CONFLICT',
    {
      version: current.version,
      state: current.state,
      updatedBy: current.sheetUpdatedBy,
      updatedAt: current.sheetUpdatedAt?.toISOString() ?? null,
      ...(column ? { column: current.sheet[column] ?? null } : {}),
    },
    {
      zh: `${current.sheetUpdatedBy ?? '其他用户'}已在您之后修改了这份记录，请查看对方的修改后再保存`,
      en: `${current.sheetUpdatedBy ?? 'Someone else'} changed this record after you opened it; review their change and save again`,
    },
  );
}

export async function saveSheet(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  id: string;
  version: number;
  column: SheetColumn;
  data: SheetColumnData;
}) {
  const { participation, campaign, framework } = await findSheetTarget(
    opts.db,
    opts.scope,
    opts.id,
    opts.user.id,
  );
  requireOpen(campaign);
  if (participation.version !== opts.version) {
    const repeated = await repeatedSave(opts.db, framework, participation, opts);
    if (repeated) return repeated;
    conflict(participation, opts.column);
  }
  const allowed = editableColumn(opts.user, campaign, participation);
  if (allowed !== opts.column) {
    fail('NOT_YOUR_TURN', undefined, {
      zh: '当前阶段您不能填写这一栏的分数',
      en: 'You may not enter scores in this column at this stage',
    });
  }
  const scored = scoreTotals(framework, { items: opts.data.items, vetoes: opts.data.vetoes });
  if (!scored.ok) {
    fail(
      'ANSWERS_INVALID',
      undefined,
      {
        zh: `评分有${scored.problems.length}处错误`,
        en: `The scores have ${scored.problems.length} problems`,
      },
      scored.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  const itemCodes = new Set(framework.areas.flatMap((a) => a.items.map((i) => i.code)));
  for (const field of ['comments', 'overrides'] as const) {
    for (const code of Object.keys(opts.data[field] ?? {})) {
      if (!itemCodes.has(code)) {
        invalidField(`${field}.${code}`, { zh: `未知的指标${code}`, en: `Unknown item ${code}` });
      }
    }
  }
  if (opts.column === 'self') {
    await requireOverrideReasons({
      db: opts.db,
      scope: opts.scope,
      villageCode: participation.villageCode,
      campaign,
      framework,
      data: opts.data,
    });
  } else if (opts.data.overrides && Object.keys(opts.data.overrides).length > 0) {
    invalidField('overrides', {
      zh: '只有自评栏可以填写与台账不同的理由',
      en: 'Only the self-assessment column gives reasons for overriding the records',
    });
  }
  const totalColumn = {
    self: 'selfTotal',
    township: 'townshipTotal',
    county: 'countyTotal',
  } as const;
  const card = scored.totals;
  const [row] = await opts.db
    .update(participations)
    .set({
      // only this column is sent and replaced; the others stay as stored
      sheet: sql`jsonb_set(${participations.sheet}, ${`{${opts.column}}`}::text[], ${JSON.stringify(opts.data)}::jsonb)`,
      version: sql`${participations.version} + 1`,
      sheetUpdatedBy: opts.user.displayName,
      sheetUpdatedAt: new Date(),
      updatedAt: new Date(),
      [totalColumn[opts.column]]: toHundredths(card.total),
      ...(opts.column === 'county' ? { countyGrade: card.grade, countyVetoed: card.vetoed } : {}),
    })
    .where(
      and(
        eq(participations.countyCode, participation.countyCode),
        eq(participations.id, participation.id),
        eq(participations.version, opts.version),
      ),
    )
    .returning({ version: participations.version });
  if (!row) {
    const [current] = await opts.db
      .select()
      .from(participations)
      .where(eq(participations.id, participation.id));
    const repeated = await repeatedSave(opts.db, framework, current!, opts);
    if (repeated) return repeated;
    conflict(current!, opts.column);
  }
  return {
    before: participation,
    after: { ...participation, ...row },
    totals: card,
    repeated: false,
  };
}

/**
 * The participation a save writes and its campaign, read in one query, and the campaign's pinned
 * framework (a save is the most frequent write: one round trip instead of three).
 */
async function findSheetTarget(db: Db, scope: Scope, id: string, userId: string) {
  const [row] = await db
    .select({ participation: participations, campaign: campaigns })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .where(
      and(
        eq(participations.id, id),
        reachableParticipations(scope, userId),
        scope.whereCounty(campaigns.countyCode),
      ),
    );
  if (!row) notFound({ zh: '申报记录', en: 'Participation' });
  const framework = await pinnedDefinition(db, row.campaign.frameworkId);
  return { ...row, framework };
}

/**
 * A save repeated by the same user (a double click, a retry) whose content is what is stored:
 * answered as that save, with the row as it is.
 */
async function repeatedSave(
  db: Db,
  framework: Framework,
  current: Participation,
  opts: { user: SessionUser; version: number; column: SheetColumn; data: SheetColumnData },
) {
  if (!sameColumn(current.sheet[opts.column], opts.data)) return null;
  const repeated = await repeatsLastChange(db, current, {
    sentVersion: opts.version,
    action: 'participations.save_sheet',
    userId: opts.user.id,
  });
  if (!repeated) return null;
  const card = totalsOfColumn(framework, opts.data);
  if (!card) return null;
  return { before: current, after: current, totals: card, repeated: true };
}

/**
 * Removes the metadata of an evidence file inside the scope, if its column is the one the user
 * may edit now (the same rule as uploading). The caller deletes the file once this commits.
 */
export async function removeEvidence(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  id: string;
}) {
  const found = await findEvidence(opts.db, opts.scope, opts.id, opts.user.id);
  if (!found) notFound({ zh: '佐证材料', en: 'Evidence file' });
  const participation = await findParticipation(
    opts.db,
    opts.scope,
    found.file.participationId,
    opts.user.id,
  );
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  requireOpen(campaign);
  requireEvidenceTurn(
    editableColumn(opts.user, campaign, participation),
    found.file.column,
    'remove',
  );
  const removed = await deleteEvidenceRow(opts.db, found.file);
  // removed meanwhile by someone else
  if (!removed) notFound({ zh: '佐证材料', en: 'Evidence file' });
  return { file: removed, villageCode: participation.villageCode };
}

/** What a caller asks for: the domain event without the scores and dates the server supplies. */
type ServerSupplied = 'selfScore' | 'acceptedScore' | 'vetoed' | 'on';
export type RequestedEvent = ParticipationEvent extends infer E
  ? E extends ParticipationEvent
    ? Omit<E, ServerSupplied>
    : never
  : never;

/** Fails with every problem of a refused transition. */
function refuse(result: TransitionResult): never {
  const problems = result.ok ? [] : result.problems;
  fail(
    problems[0]?.code ?? 'TRANSITION_NOT_ALLOWED',
    { problems },
    {
      zh: problems.map((p) => p.message.zh).join('；'),
      en: problems.map((p) => p.message.en).join('; '),
    },
  );
}

export async function transition(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  id: string;
  version: number;
  event: RequestedEvent;
  today: string;
}) {
  const participation = await findParticipation(opts.db, opts.scope, opts.id, opts.user.id);
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  requireOpen(campaign);
  if (participation.version !== opts.version) {
    if (await repeatedTransition(opts.db, participation, opts)) {
      return { before: participation, after: participation, campaign, repeated: true };
    }
    conflict(participation);
  }
  const level = actorLevel(opts.user.role, campaign);
  if (!level) forbidden();
  if (!eventAllowedAt(opts.event.type, campaign.stage)) {
    fail('WRONG_STAGE', undefined, {
      zh: `“${campaignStageName(campaign.stage).zh}”阶段不能执行此操作`,
      en: `Not possible in the ${campaignStageName(campaign.stage).en} stage`,
    });
  }
  const snapshot = { state: participation.state, postedOn: participation.postedOn ?? undefined };
  const rules = {
    minSelfScore:
      campaign.minSelfScore === null ? undefined : fromHundredths(campaign.minSelfScore),
    minAcceptedScore:
      campaign.minAcceptedScore === null ? undefined : fromHundredths(campaign.minAcceptedScore),
    noticeDays: campaign.noticeDays,
    townshipReview: hasTownshipReview(campaign),
  };
  // A transition the state does not allow is refused before anything else is looked at.
  // (The domain refuses on the state before it reads scores or dates, so none are needed here.)
  if (!allowedParticipationEvents(participation.state, level, rules).includes(opts.event.type)) {
    const probe = { ...opts.event, selfScore: 0, acceptedScore: 0, on: opts.today };
    refuse(transitionParticipation(snapshot, probe as ParticipationEvent, level, rules));
  }
  const framework = await pinnedDefinition(opts.db, campaign.frameworkId);
  let event: ParticipationEvent;
  // Scores come from the sheet and dates from the clock, never from the caller.
  if (opts.event.type === 'submit_self_assessment' || opts.event.type === 'accept') {
    const column = opts.event.type === 'accept' ? 'county' : 'self';
    const card = totalsOfColumn(framework, participation.sheet[column]);
    if (!card || !card.complete) {
      fail('SHEET_INCOMPLETE', undefined, {
        zh: card
          ? `评分表尚未填写完整（还有${card.missing.length}项未评分）`
          : '评分表尚未填写完整（还没有评分）',
        en: card
          ? `The score sheet is incomplete (${card.missing.length} items unscored)`
          : 'The score sheet is incomplete (nothing scored yet)',
      });
    }
    event =
      opts.event.type === 'accept'
        ? { type: 'accept', acceptedScore: card.total, vetoed: card.vetoed }
        : { type: 'submit_self_assessment', selfScore: card.total };
  } else if (opts.event.type === 'approve') {
    requireTownshipColumn(campaign, framework, participation);
    event = opts.event;
  } else if (opts.event.type === 'post' || opts.event.type === 'name') {
    event = { type: opts.event.type, on: opts.today };
  } else {
    event = opts.event;
  }
  const result = transitionParticipation(snapshot, event, level, rules);
  if (!result.ok) refuse(result);
  if (event.type === 'recommend') await requireQuota(opts.db, campaign);
  const changes: Partial<typeof participations.$inferInsert> = {
    state: result.state,
    updatedAt: new Date(),
  };
  if (event.type === 'post') changes.postedOn = opts.today;
  if (event.type === 'name') changes.namedOn = opts.today;
  if (event.type === 'record_decision' && event.awarded) changes.namedOn = event.decidedOn!;
  Object.assign(changes, returnedReasonChange(event));
  const [row] = await opts.db
    .update(participations)
    .set({ ...changes, version: sql`${participations.version} + 1` })
    .where(
      and(
        eq(participations.countyCode, participation.countyCode),
        eq(participations.id, participation.id),
        eq(participations.version, opts.version),
      ),
    )
    .returning();
  if (!row) {
    const [current] = await opts.db
      .select()
      .from(participations)
      .where(eq(participations.id, participation.id));
    if (await repeatedTransition(opts.db, current!, opts)) {
      return { before: current!, after: current!, campaign, repeated: true };
    }
    conflict(current!);
  }
  if (event.type === 'object') {
    await opts.db.insert(objections).values({
      countyCode: participation.countyCode,
      participationId: participation.id,
      ...event.objector,
    });
  }
  if (event.type === 'resolve_objection') {
    await opts.db
      .update(objections)
      .set({
        status: event.upheld ? 'upheld' : 'dismissed',
        resolution: event.reason,
        resolvedAt: new Date(),
      })
      .where(
        and(
          eq(objections.countyCode, participation.countyCode),
          eq(objections.participationId, participation.id),
          eq(objections.status, 'open'),
        ),
      );
  }
  if (event.type === 'record_decision' && event.awarded) {
    // the title is held at the higher level, from its decision
    const [title] = await opts.db
      .insert(titles)
      .values({
        countyCode: participation.countyCode,
        villageCode: participation.villageCode,
        level: campaign.level,
        year: campaign.year,
        campaignId: campaign.id,
        namedOn: event.decidedOn!,
      })
      .returning();
    await opts.db.insert(titleDecisions).values({
      countyCode: participation.countyCode,
      titleId: title!.id,
      awardingBody: event.awardingBody!.trim(),
      documentNumber: event.documentNumber!.trim(),
      decidedOn: event.decidedOn!,
      createdBy: opts.user.id,
    });
  }
  if (event.type === 'name') {
    await opts.db.insert(titles).values({
      countyCode: participation.countyCode,
      villageCode: participation.villageCode,
      level: campaign.level,
      year: campaign.year,
      campaignId: campaign.id,
      namedOn: opts.today,
    });
  }
  return { before: participation, after: row, campaign, repeated: false };
}

/** The same event by the same user, repeated (a double click, a retry): that event, done. */
function repeatedTransition(
  db: Db,
  current: Participation,
  opts: { user: SessionUser; version: number; event: RequestedEvent },
) {
  return repeatsLastChange(db, current, {
    sentVersion: opts.version,
    action: `participations.${opts.event.type}`,
    userId: opts.user.id,
  });
}

/** A return keeps its reason for the village until the sheet is submitted again. */
function returnedReasonChange(event: ParticipationEvent): { returnedReason?: string | null } {
  if (event.type === 'return') return { returnedReason: event.reason };
  if (event.type === 'submit_self_assessment' || event.type === 'withdraw') {
    return { returnedReason: null };
  }
  return {};
}

/**
 * Where the campaign requires it (the default), the township approves only a complete township
 * column, as self-assessment and acceptance require theirs.
 */
function requireTownshipColumn(
  campaign: Campaign,
  framework: Framework,
  participation: Participation,
) {
  if (!campaign.townshipScoreRequired) return;
  const card = totalsOfColumn(framework, participation.sheet.township);
  if (card?.complete) return;
  const missing = card ? card.missing.length : null;
  invalidField(
    'sheet.township',
    {
      zh:
        missing === null
          ? '乡镇初审栏尚未评分，请先逐项评分并保存后再通过初审'
          : `乡镇初审栏还有${missing}项未评分，请评完并保存后再通过初审`,
      en:
        missing === null
          ? 'The township column is not scored yet: score every item and save before approving'
          : `${missing} items of the township column are unscored: score them and save before approving`,
    },
    'TOWNSHIP_SCORE_INCOMPLETE',
  );
}

export async function listParticipations(opts: {
  db: Db;
  scope: Scope;
  /** The caller: their cross-checked villages are listed too. */
  userId?: string | undefined;
  campaignId: string;
  state?: Participation['state'] | undefined;
  townshipCode?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.campaignId);
  const township = sql`(select name from divisions t where t.code = "participations"."township_code")`;
  const where = and(
    eq(participations.countyCode, campaign.countyCode),
    eq(participations.campaignId, campaign.id),
    reachableParticipations(opts.scope, opts.userId),
    opts.state ? eq(participations.state, opts.state) : undefined,
    opts.townshipCode ? eq(participations.townshipCode, opts.townshipCode) : undefined,
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select({
        id: participations.id,
        villageCode: participations.villageCode,
        unitId: participations.unitId,
        // the subject's name: the village's or township's, or the county unit's
        villageName: sql<string>`coalesce(${countyUnits.name}, ${divisions.name})`,
        townshipCode: participations.townshipCode,
        townshipName: sql<string | null>`${township}`,
        state: participations.state,
        version: participations.version,
        selfTotal: participations.selfTotal,
        townshipTotal: participations.townshipTotal,
        countyTotal: participations.countyTotal,
        countyGrade: participations.countyGrade,
        countyVetoed: participations.countyVetoed,
        postedOn: participations.postedOn,
        namedOn: participations.namedOn,
        returnedReason: participations.returnedReason,
        outcome: participations.outcome,
        outcomeNote: participations.outcomeNote,
        updatedAt: participations.updatedAt,
      })
      .from(participations)
      .innerJoin(divisions, eq(divisions.code, participations.villageCode))
      .leftJoin(
        countyUnits,
        and(
          eq(countyUnits.countyCode, participations.countyCode),
          eq(countyUnits.id, participations.unitId),
        ),
      )
      .where(where)
      .orderBy(asc(participations.villageCode), asc(countyUnits.name))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(participations).where(where),
  ]);
  const points = (h: number | null) => (h === null ? null : fromHundredths(h));
  return {
    items: items.map((i) => ({
      ...i,
      selfTotal: points(i.selfTotal),
      townshipTotal: points(i.townshipTotal),
      countyTotal: points(i.countyTotal),
    })),
    total: Number(total?.n ?? 0),
  };
}

/**
 * The county records an annual assessment's 奖惩 outcome for a subject it has accepted or failed
 * (optimistically locked like every change of a participation).
 */
export async function setOutcome(opts: {
  db: Db;
  scope: Scope;
  id: string;
  version: number;
  outcome: AnnualOutcome;
  note: string | null;
}) {
  const participation = await findParticipation(opts.db, opts.scope, opts.id);
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  if (campaign.mode !== 'annual') {
    fail('NOT_ANNUAL', undefined, {
      zh: '只有年度考核记录奖惩结果',
      en: 'Only annual assessments record an outcome',
    });
  }
  if (participation.state !== 'county_accepted' && participation.state !== 'county_failed') {
    fail('NOT_ASSESSED', undefined, {
      zh: '县级考核完成后才能记录奖惩结果',
      en: 'The outcome is recorded once the county has assessed the subject',
    });
  }
  if (participation.version !== opts.version) conflict(participation);
  const [row] = await opts.db
    .update(participations)
    .set({
      outcome: opts.outcome,
      outcomeNote: opts.note,
      version: sql`${participations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(participations.countyCode, participation.countyCode),
        eq(participations.id, participation.id),
        eq(participations.version, opts.version),
      ),
    )
    .returning();
  if (!row) {
    const [current] = await opts.db
      .select()
      .from(participations)
      .where(eq(participations.id, participation.id));
    conflict(current!);
  }
  return { before: participation, after: row };
}

/** A recommendation stays within the campaign's quota (名额), counting every one already sent up. */
async function requireQuota(db: Db, campaign: Campaign) {
  // one recommendation at a time per campaign, so that two at once cannot both take the last place
  await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.countyCode, campaign.countyCode), eq(campaigns.id, campaign.id)))
    .for('update');
  const [row] = await db
    .select({ n: count() })
    .from(participations)
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        inArray(participations.state, ['recommended', 'named', 'not_selected']),
      ),
    );
  const problem = recommendationQuotaProblem({
    recommended: Number(row?.n ?? 0),
    quota: campaign.recommendationQuota,
  });
  if (problem) fail(problem.code, undefined, problem.message);
}
