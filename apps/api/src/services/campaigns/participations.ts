// A village's participation: declaration, its score sheet (one column per level, optimistically
// locked), and its transitions, all decided by @fazhi/domain.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  allowedParticipationEvents,
  revocationBarYears,
  scoreAssessment,
  transitionParticipation,
  type Framework,
  type ParticipationActor,
  type ParticipationEvent,
  type Scorecard,
  type TransitionResult,
  fromHundredths,
  toHundredths,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { campaigns } from '../../db/schema.js';
import {
  divisions,
  objections,
  participations,
  titles,
  type CampaignStage,
  type ScoreSheetData,
  type SheetColumn,
  type SheetColumnData,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/session-user.js';
import { fail, forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { findCampaign, present, stageNames } from './campaigns.js';
import { getFramework } from './frameworks.js';
import { mayKnowObjectors, presentObjection } from './objector-identity.js';
import { deleteEvidenceRow, findEvidence, listEvidence, requireEvidenceTurn } from './evidence.js';
import { repeatsDeclaration, repeatsLastChange, sameColumn } from './repeats.js';
import { requireOverrideReasons } from '../records/derived.js';
import { requireOpen } from './close.js';
import { reachableParticipations } from './cross-checks.js';

type Campaign = typeof campaigns.$inferSelect;
type Participation = typeof participations.$inferSelect;

/** A revoked title blocks the village from declaring again for this many years. */
export const REVOCATION_BAR_YEARS = revocationBarYears;

export function actorLevel(role: SessionUser['role']): ParticipationActor | null {
  switch (role) {
    case 'village_clerk':
      return 'village';
    case 'township_officer':
      return 'township';
    case 'county_admin':
    case 'system_admin':
      return 'county';
    default:
      return null;
  }
}

/** The stages in which each event may be sent. */
const eventStages: Record<ParticipationEvent['type'], readonly CampaignStage[]> = {
  submit_self_assessment: ['self_assess', 'township_review'],
  approve: ['township_review'],
  return: ['township_review'],
  accept: ['county_acceptance'],
  fail: ['county_acceptance'],
  post: ['public_notice'],
  object: ['public_notice'],
  resolve_objection: ['public_notice', 'naming'],
  name: ['naming'],
  withdraw: [
    'declare',
    'self_assess',
    'township_review',
    'county_acceptance',
    'public_notice',
    'naming',
  ],
};

const columnRules: Record<
  SheetColumn,
  { stages: CampaignStage[]; states: Participation['state'][] }
> = {
  self: { stages: ['self_assess', 'township_review'], states: ['declared', 'returned'] },
  township: { stages: ['township_review'], states: ['self_assessed'] },
  county: { stages: ['county_acceptance'], states: ['township_approved'] },
};

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
  if (campaign.stage !== 'declare') {
    fail('STAGE_CLOSED', undefined, {
      zh: `当前为“${stageNames[campaign.stage].zh}”阶段，不能申报`,
      en: `Declarations are closed in the ${stageNames[campaign.stage].en} stage`,
    });
  }
  if (actorLevel(opts.user.role) === null) forbidden();
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
  const bar = villageTitles.find(
    (t) =>
      t.status === 'revoked' &&
      t.recheckedOn !== null &&
      addYears(String(t.recheckedOn), REVOCATION_BAR_YEARS) > opts.today,
  );
  if (bar) {
    const until = addYears(String(bar.recheckedOn), REVOCATION_BAR_YEARS);
    fail('REVOKED_RECENTLY', undefined, {
      zh: `该村称号于${bar.recheckedOn}被撤销，${until}前不得再次申报`,
      en: `The village's title was revoked on ${bar.recheckedOn}; it may not declare before ${until}`,
    });
  }
  if (villageTitles.some((t) => t.status === 'active' && t.level === campaign.level)) {
    fail('ALREADY_NAMED', undefined, {
      zh: '该村已获得同级称号，不再重复命名',
      en: 'The village already holds a title of this level',
    });
  }
  if (campaign.requireLowerTitle && campaign.level !== 'county') {
    const lower = { municipal: 'county', provincial: 'municipal', national: 'provincial' }[
      campaign.level
    ];
    if (!villageTitles.some((t) => t.status === 'active' && t.level === lower)) {
      fail('LOWER_TITLE_REQUIRED', undefined, {
        zh: '申报本级称号须先获得下一级称号',
        en: 'A title of the level below is required first',
      });
    }
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

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February + 1 year → 1 March
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
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
  campaign: Pick<Campaign, 'stage' | 'inspectorIds' | 'closedAt'>,
  state: Participation['state'],
): SheetColumn | null {
  if (campaign.closedAt) return null;
  const byRole: Partial<Record<SessionUser['role'], SheetColumn>> = {
    village_clerk: 'self',
    township_officer: 'township',
    county_admin: 'county',
    system_admin: 'county',
    inspector: 'county',
  };
  const column = byRole[user.role];
  if (!column) return null;
  if (user.role === 'inspector' && !campaign.inspectorIds.includes(user.id)) return null;
  const rule = columnRules[column];
  if (!rule.stages.includes(campaign.stage) || !rule.states.includes(state)) return null;
  return column;
}

/** The events a participation may be sent, in the order of the state machine. */
export const participationEventTypes = Object.keys(eventStages) as [
  ParticipationEvent['type'],
  ...ParticipationEvent['type'][],
];

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
  const framework = (await getFramework(opts.db, campaign.frameworkId)).definition;
  const names = await opts.db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(inArray(divisions.code, [participation.villageCode, participation.townshipCode]));
  const nameOf = (code: string) => names.find((d) => d.code === code)?.name ?? null;
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
  const level = actorLevel(opts.user.role);
  const scorecards = {
    self: scoreColumn(framework, participation.sheet.self),
    township: scoreColumn(framework, participation.sheet.township),
    county: scoreColumn(framework, participation.sheet.county),
  };
  return {
    participation: presentParticipation(participation),
    villageName: nameOf(participation.villageCode) ?? participation.villageCode,
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
        ? allowedParticipationEvents(participation.state, level).filter((e) =>
            eventStages[e].includes(campaign.stage),
          )
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
  const participation = await findParticipation(opts.db, opts.scope, opts.id, opts.user.id);
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  requireOpen(campaign);
  if (participation.version !== opts.version) {
    const repeated = await repeatedSave(opts.db, campaign, participation, opts);
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
  const framework = (await getFramework(opts.db, campaign.frameworkId)).definition;
  const scored = scoreAssessment(framework, { items: opts.data.items, vetoes: opts.data.vetoes });
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
      participationId: participation.id,
      data: opts.data,
    });
  } else if (opts.data.overrides && Object.keys(opts.data.overrides).length > 0) {
    invalidField('overrides', {
      zh: '只有自评栏可以填写与台账不同的理由',
      en: 'Only the self-assessment column gives reasons for overriding the records',
    });
  }
  const sheet: ScoreSheetData = { ...participation.sheet, [opts.column]: opts.data };
  const totalColumn = {
    self: 'selfTotal',
    township: 'townshipTotal',
    county: 'countyTotal',
  } as const;
  const card = scored.scorecard;
  const [row] = await opts.db
    .update(participations)
    .set({
      sheet,
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
    .returning();
  if (!row) {
    const [current] = await opts.db
      .select()
      .from(participations)
      .where(eq(participations.id, participation.id));
    const repeated = await repeatedSave(opts.db, campaign, current!, opts);
    if (repeated) return repeated;
    conflict(current!, opts.column);
  }
  return { before: participation, after: row, scorecard: card, repeated: false };
}

/**
 * A save repeated by the same user (a double click, a retry) whose content is what is stored:
 * answered as that save, with the row as it is.
 */
async function repeatedSave(
  db: Db,
  campaign: Campaign,
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
  const framework = (await getFramework(db, campaign.frameworkId)).definition;
  const card = scoreColumn(framework, opts.data);
  if (!card) return null;
  return { before: current, after: current, scorecard: card, repeated: true };
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
  const level = actorLevel(opts.user.role);
  if (!level) forbidden();
  if (!eventStages[opts.event.type].includes(campaign.stage)) {
    fail('WRONG_STAGE', undefined, {
      zh: `“${stageNames[campaign.stage].zh}”阶段不能执行此操作`,
      en: `Not possible in the ${stageNames[campaign.stage].en} stage`,
    });
  }
  const snapshot = { state: participation.state, postedOn: participation.postedOn ?? undefined };
  const rules = {
    minSelfScore:
      campaign.minSelfScore === null ? undefined : fromHundredths(campaign.minSelfScore),
    minAcceptedScore:
      campaign.minAcceptedScore === null ? undefined : fromHundredths(campaign.minAcceptedScore),
    noticeDays: campaign.noticeDays,
  };
  // A transition the state does not allow is refused before anything else is looked at.
  // (The domain refuses on the state before it reads scores or dates, so none are needed here.)
  if (!allowedParticipationEvents(participation.state, level).includes(opts.event.type)) {
    const probe = { ...opts.event, selfScore: 0, acceptedScore: 0, on: opts.today };
    refuse(transitionParticipation(snapshot, probe as ParticipationEvent, level, rules));
  }
  const framework = (await getFramework(opts.db, campaign.frameworkId)).definition;
  let event: ParticipationEvent;
  // Scores come from the sheet and dates from the clock, never from the caller.
  if (opts.event.type === 'submit_self_assessment' || opts.event.type === 'accept') {
    const column = opts.event.type === 'accept' ? 'county' : 'self';
    const card = scoreColumn(framework, participation.sheet[column]);
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
  const changes: Partial<typeof participations.$inferInsert> = {
    state: result.state,
    updatedAt: new Date(),
  };
  if (event.type === 'post') changes.postedOn = opts.today;
  if (event.type === 'name') changes.namedOn = opts.today;
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
  const card = scoreColumn(framework, participation.sheet.township);
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
        villageName: divisions.name,
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
        updatedAt: participations.updatedAt,
      })
      .from(participations)
      .innerJoin(divisions, eq(divisions.code, participations.villageCode))
      .where(where)
      .orderBy(asc(participations.villageCode))
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
