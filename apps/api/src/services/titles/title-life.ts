// 一村一档: a title's life after naming — its naming (the campaign, or the higher level's
// decision), daily checks, complaints and their answers, rectification orders and re-checks, as
// one timeline. The county writes everything; the township records daily checks and confirms
// rectifications of its villages; the village clerk reports a rectification done.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  campaigns,
  divisions,
  titleChecks,
  titleComplaints,
  titleDecisions,
  titleRechecks,
  titleRectifications,
  titles,
  type CampaignLevel,
  type complaintChannels,
  type titleCheckResults,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { mayKnowObjectors } from '../campaigns/objector-identity.js';

export type Title = typeof titles.$inferSelect;
export type CheckResult = (typeof titleCheckResults)[number];
export type ComplaintChannel = (typeof complaintChannels)[number];

/** Who acts: the role decides what they may write, the scope which titles. */
export interface Actor {
  id: string;
  role: Role;
  scope: Scope;
}

/** The years a revoked village waits before it may declare again (as the declaration rule). */
export const REVOKED_WAIT_YEARS = 2;

const titleText = { zh: '称号', en: 'Title' };

/** A title inside the actor's scope (locked for update when `lock`), or NOT_FOUND. */
export async function titleInScope(db: Db, scope: Scope, id: string, lock = false): Promise<Title> {
  const query = db
    .select()
    .from(titles)
    .where(and(eq(titles.id, id), scope.where(titles.villageCode)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) notFound(titleText);
  return row;
}

function requireActive(title: Title): void {
  if (title.status !== 'active') {
    fail('TITLE_NOT_ACTIVE', undefined, {
      zh: '该称号已被撤销或注销，不能再登记',
      en: 'This title has been revoked or cancelled; nothing more can be recorded on it',
    });
  }
}

/** A date of the record may not lie after today (the county's calendar day). */
function notInFuture(path: string, value: string, today: string): void {
  if (value > today) {
    invalidField(path, { zh: '日期不能晚于今天', en: 'The date cannot be in the future' });
  }
}

function notBefore(
  path: string,
  value: string,
  earliest: string,
  what: { zh: string; en: string },
) {
  if (value < earliest) {
    invalidField(path, {
      zh: `日期不能早于${what.zh}（${earliest}）`,
      en: `The date cannot be before ${what.en} (${earliest})`,
    });
  }
}

function stale(what: { zh: string; en: string }, version: number): never {
  fail(
    'RECORD_CONFLICT',
    { version },
    {
      zh: `${what.zh}已被他人修改，请刷新后再试`,
      en: `Someone else changed this ${what.en}; reload and try again`,
    },
  );
}

export function isCounty(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin';
}

/** The date a revoked village may declare again, or null. */
export function mayDeclareAgainOn(title: Title): string | null {
  if (title.status !== 'revoked' || !title.recheckedOn) return null;
  const year = Number(title.recheckedOn.slice(0, 4)) + REVOKED_WAIT_YEARS;
  return `${year}${title.recheckedOn.slice(4)}`;
}

/** Whether a rectification is past its deadline: open after it, or completed after it. */
export function rectificationOverdue(
  r: { deadline: string; completedOn: string | null },
  today: string,
): boolean {
  return r.completedOn ? r.completedOn > r.deadline : today > r.deadline;
}

// ——— reading ———

/** The head of a title's page: the title, its village and township, and how it was named. */
export async function getTitle(opts: { db: Db; actor: Actor; id: string; today: string }) {
  const { db, actor } = opts;
  const title = await titleInScope(db, actor.scope, opts.id);
  const [village] = await db.select().from(divisions).where(eq(divisions.code, title.villageCode));
  const [township] = village?.parentCode
    ? await db.select().from(divisions).where(eq(divisions.code, village.parentCode))
    : [];
  const [campaign] = title.campaignId
    ? await db
        .select({
          id: campaigns.id,
          name: campaigns.name,
          year: campaigns.year,
          level: campaigns.level,
        })
        .from(campaigns)
        .where(and(eq(campaigns.countyCode, title.countyCode), eq(campaigns.id, title.campaignId)))
    : [];
  const [decision] = await db
    .select()
    .from(titleDecisions)
    .where(
      and(eq(titleDecisions.countyCode, title.countyCode), eq(titleDecisions.titleId, title.id)),
    );
  const rectifications = await db
    .select()
    .from(titleRectifications)
    .where(
      and(
        eq(titleRectifications.countyCode, title.countyCode),
        eq(titleRectifications.titleId, title.id),
      ),
    );
  const [openRecheck] = await db
    .select()
    .from(titleRechecks)
    .where(
      and(
        eq(titleRechecks.countyCode, title.countyCode),
        eq(titleRechecks.titleId, title.id),
        isNull(titleRechecks.decidedOn),
      ),
    );
  return {
    id: title.id,
    villageCode: title.villageCode,
    villageName: village?.name ?? title.villageCode,
    townshipCode: township?.code ?? null,
    townshipName: township?.name ?? null,
    level: title.level,
    year: title.year,
    namedOn: title.namedOn,
    status: title.status,
    recheckedOn: title.recheckedOn,
    recheckOutcome: title.recheckOutcome,
    recheckReasons: title.recheckReasons,
    recheckNote: title.recheckNote,
    mayDeclareAgainOn: mayDeclareAgainOn(title),
    campaign: campaign ?? null,
    decision: decision
      ? {
          awardingBody: decision.awardingBody,
          documentNumber: decision.documentNumber,
          decidedOn: decision.decidedOn,
        }
      : null,
    openRectifications: rectifications.filter((r) => !r.completedOn).length,
    overdueRectifications: rectifications.filter(
      (r) => !r.completedOn && rectificationOverdue(r, opts.today),
    ).length,
    // a title revoked or cancelled from the titles list meanwhile has nothing left to decide
    openRecheck:
      openRecheck && title.status === 'active'
        ? { id: openRecheck.id, version: openRecheck.version, openedOn: openRecheck.openedOn }
        : null,
  };
}

export const timelineKinds = ['naming', 'check', 'complaint', 'rectification', 'recheck'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineEntry =
  | {
      kind: 'naming';
      id: string;
      date: string;
      campaignName: string | null;
      level: CampaignLevel;
      awardingBody: string | null;
      documentNumber: string | null;
    }
  | {
      kind: 'check';
      id: string;
      date: string;
      inspector: string;
      findings: string;
      result: CheckResult;
    }
  | {
      kind: 'complaint';
      id: string;
      date: string;
      version: number;
      channel: ComplaintChannel;
      substance: string;
      /** Null below the county, and when none was given. */
      complainantName: string | null;
      reply: string | null;
      repliedOn: string | null;
    }
  | {
      kind: 'rectification';
      id: string;
      date: string;
      version: number;
      findings: string;
      deadline: string;
      reportedOn: string | null;
      reportNote: string | null;
      completedOn: string | null;
      completionNote: string | null;
      overdue: boolean;
    }
  | {
      kind: 'recheck';
      id: string;
      date: string;
      version: number;
      batchId: string | null;
      decidedOn: string | null;
      outcome: 'keep' | 'revoke' | 'cancel' | null;
      reasons: string[] | null;
      note: string | null;
    };

/**
 * A title's timeline, newest first, one page at a time (optionally of one kind). A title has a
 * few dozen entries at most, so they are merged in memory and the page cut from them.
 */
export async function titleTimeline(opts: {
  db: Db;
  actor: Actor;
  user: { role: Role };
  id: string;
  kind?: TimelineKind | undefined;
  today: string;
  page: number;
  pageSize: number;
}) {
  const { db } = opts;
  const title = await titleInScope(db, opts.actor.scope, opts.id);
  const want = (k: TimelineKind) => !opts.kind || opts.kind === k;
  const mayKnow = mayKnowObjectors(opts.user, opts.actor.scope);
  const entries: TimelineEntry[] = [];

  if (want('naming')) {
    const [campaign] = title.campaignId
      ? await db
          .select({ name: campaigns.name })
          .from(campaigns)
          .where(
            and(eq(campaigns.countyCode, title.countyCode), eq(campaigns.id, title.campaignId)),
          )
      : [];
    const [decision] = await db
      .select()
      .from(titleDecisions)
      .where(
        and(eq(titleDecisions.countyCode, title.countyCode), eq(titleDecisions.titleId, title.id)),
      );
    entries.push({
      kind: 'naming',
      id: title.id,
      date: title.namedOn,
      campaignName: campaign?.name ?? null,
      level: title.level,
      awardingBody: decision?.awardingBody ?? null,
      documentNumber: decision?.documentNumber ?? null,
    });
  }
  if (want('check')) {
    const rows = await db
      .select()
      .from(titleChecks)
      .where(and(eq(titleChecks.countyCode, title.countyCode), eq(titleChecks.titleId, title.id)))
      .orderBy(desc(titleChecks.checkedOn));
    for (const r of rows) {
      entries.push({
        kind: 'check',
        id: r.id,
        date: r.checkedOn,
        inspector: r.inspector,
        findings: r.findings,
        result: r.result,
      });
    }
  }
  if (want('complaint')) {
    const rows = await db
      .select()
      .from(titleComplaints)
      .where(
        and(
          eq(titleComplaints.countyCode, title.countyCode),
          eq(titleComplaints.titleId, title.id),
        ),
      );
    for (const r of rows) {
      entries.push({
        kind: 'complaint',
        id: r.id,
        date: r.receivedOn,
        version: r.version,
        channel: r.channel,
        substance: r.substance,
        complainantName: mayKnow ? r.complainantName : null,
        reply: r.reply,
        repliedOn: r.repliedOn,
      });
    }
  }
  if (want('rectification')) {
    const rows = await db
      .select()
      .from(titleRectifications)
      .where(
        and(
          eq(titleRectifications.countyCode, title.countyCode),
          eq(titleRectifications.titleId, title.id),
        ),
      );
    for (const r of rows) {
      entries.push({
        kind: 'rectification',
        id: r.id,
        date: r.issuedOn,
        version: r.version,
        findings: r.findings,
        deadline: r.deadline,
        reportedOn: r.reportedOn,
        reportNote: r.reportNote,
        completedOn: r.completedOn,
        completionNote: r.completionNote,
        overdue: rectificationOverdue(r, opts.today),
      });
    }
  }
  if (want('recheck')) {
    const rows = await db
      .select()
      .from(titleRechecks)
      .where(
        and(eq(titleRechecks.countyCode, title.countyCode), eq(titleRechecks.titleId, title.id)),
      )
      .orderBy(asc(titleRechecks.openedOn));
    for (const r of rows) {
      entries.push({
        kind: 'recheck',
        id: r.id,
        date: r.decidedOn ?? r.openedOn,
        version: r.version,
        batchId: r.batchId,
        decidedOn: r.decidedOn,
        outcome: r.outcome,
        reasons: r.reasons,
        note: r.note,
      });
    }
    // a re-check recorded on the title directly (without a batch) shows too
    const recorded = rows.some(
      (r) => r.decidedOn === title.recheckedOn && r.outcome === title.recheckOutcome,
    );
    if (title.recheckedOn && title.recheckOutcome && !recorded) {
      entries.push({
        kind: 'recheck',
        id: `${title.id}:recheck`,
        date: title.recheckedOn,
        version: 0,
        batchId: null,
        decidedOn: title.recheckedOn,
        outcome: title.recheckOutcome,
        reasons: title.recheckReasons,
        note: title.recheckNote,
      });
    }
  }
  const order: Record<TimelineKind, number> = {
    recheck: 0,
    rectification: 1,
    complaint: 2,
    check: 3,
    naming: 4,
  };
  entries.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? 1
        : -1
      : order[a.kind] - order[b.kind] || a.id.localeCompare(b.id),
  );
  const start = (opts.page - 1) * opts.pageSize;
  return { items: entries.slice(start, start + opts.pageSize), total: entries.length };
}

// ——— writing ———

/**
 * Records a title named above the county by the higher level's decision (awarding body and
 * document number). A village holds one active title per level.
 */
export async function recordDecision(opts: {
  db: Db;
  actor: Actor;
  today: string;
  villageCode: string;
  level: CampaignLevel;
  year: number;
  namedOn: string;
  awardingBody: string;
  documentNumber: string;
}) {
  const { db, actor } = opts;
  if (!actor.scope.includes(opts.villageCode))
    invalidField('villageCode', {
      zh: '该村不在您的管辖范围内',
      en: 'The village is outside your scope',
    });
  const [village] = await db.select().from(divisions).where(eq(divisions.code, opts.villageCode));
  if (!village || village.level !== 'village' || !village.countyCode) {
    invalidField('villageCode', {
      zh: '请选择一个村（社区）',
      en: 'Choose a village or community',
    });
  }
  if (opts.level === 'county') {
    invalidField('level', {
      zh: '县级称号由本县创建活动命名，此处只登记上级命名',
      en: 'County titles are named by the county’s own campaigns; record only titles named above',
    });
  }
  notInFuture('namedOn', opts.namedOn, opts.today);
  if (Number(opts.namedOn.slice(0, 4)) < opts.year) {
    invalidField('namedOn', {
      zh: '命名日期不能早于称号年度',
      en: 'The naming date cannot be before the title’s year',
    });
  }
  const [held] = await db
    .select({ id: titles.id })
    .from(titles)
    .where(
      and(
        eq(titles.countyCode, village.countyCode),
        eq(titles.villageCode, opts.villageCode),
        eq(titles.level, opts.level),
        eq(titles.status, 'active'),
      ),
    )
    .for('update');
  if (held) {
    fail('ALREADY_NAMED', undefined, {
      zh: '该村已持有此级别的称号',
      en: 'The village already holds a title of this level',
    });
  }
  const [title] = await db
    .insert(titles)
    .values({
      countyCode: village.countyCode,
      villageCode: opts.villageCode,
      level: opts.level,
      year: opts.year,
      namedOn: opts.namedOn,
    })
    .returning();
  const [decision] = await db
    .insert(titleDecisions)
    .values({
      countyCode: village.countyCode,
      titleId: title!.id,
      awardingBody: opts.awardingBody,
      documentNumber: opts.documentNumber,
      decidedOn: opts.namedOn,
      createdBy: actor.id,
    })
    .returning();
  return { title: title!, decision: decision! };
}

/** A daily check (日常检查) of a titled village, by the county or the village's township. */
export async function addCheck(opts: {
  db: Db;
  actor: Actor;
  today: string;
  titleId: string;
  checkedOn: string;
  inspector: string;
  findings: string;
  result: CheckResult;
}) {
  const title = await titleInScope(opts.db, opts.actor.scope, opts.titleId, true);
  requireActive(title);
  notInFuture('checkedOn', opts.checkedOn, opts.today);
  notBefore('checkedOn', opts.checkedOn, title.namedOn, { zh: '命名日期', en: 'the naming date' });
  const [row] = await opts.db
    .insert(titleChecks)
    .values({
      countyCode: title.countyCode,
      titleId: title.id,
      villageCode: title.villageCode,
      checkedOn: opts.checkedOn,
      inspector: opts.inspector,
      findings: opts.findings,
      result: opts.result,
      createdBy: opts.actor.id,
    })
    .returning();
  return { title, check: row! };
}

/** A complaint received about a titled village (the county). No ID numbers are taken. */
export async function addComplaint(opts: {
  db: Db;
  actor: Actor;
  today: string;
  titleId: string;
  receivedOn: string;
  channel: ComplaintChannel;
  substance: string;
  complainantName?: string | undefined;
}) {
  const title = await titleInScope(opts.db, opts.actor.scope, opts.titleId, true);
  notInFuture('receivedOn', opts.receivedOn, opts.today);
  notBefore('receivedOn', opts.receivedOn, title.namedOn, {
    zh: '命名日期',
    en: 'the naming date',
  });
  const [row] = await opts.db
    .insert(titleComplaints)
    .values({
      countyCode: title.countyCode,
      titleId: title.id,
      villageCode: title.villageCode,
      receivedOn: opts.receivedOn,
      channel: opts.channel,
      substance: opts.substance,
      complainantName: opts.complainantName || null,
      version: 1,
    })
    .returning();
  return { title, complaint: row! };
}

async function complaintInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(titleComplaints)
    .where(and(eq(titleComplaints.id, id), scope.where(titleComplaints.villageCode)))
    .for('update');
  if (!row) notFound({ zh: '投诉', en: 'Complaint' });
  return row;
}

/** The county's answer to a complaint (reply and date); answering again replaces it. */
export async function answerComplaint(opts: {
  db: Db;
  actor: Actor;
  today: string;
  id: string;
  version: number;
  reply: string;
  repliedOn: string;
}) {
  const before = await complaintInScope(opts.db, opts.actor.scope, opts.id);
  notInFuture('repliedOn', opts.repliedOn, opts.today);
  notBefore('repliedOn', opts.repliedOn, before.receivedOn, {
    zh: '收到日期',
    en: 'the date received',
  });
  const [after] = await opts.db
    .update(titleComplaints)
    .set({
      reply: opts.reply,
      repliedOn: opts.repliedOn,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(titleComplaints.countyCode, before.countyCode),
        eq(titleComplaints.id, before.id),
        eq(titleComplaints.version, opts.version),
      ),
    )
    .returning();
  if (!after) stale({ zh: '投诉', en: 'complaint' }, before.version);
  return { before, after };
}

/** A rectification order (整改通知) with its deadline, issued by the county. */
export async function issueRectification(opts: {
  db: Db;
  actor: Actor;
  today: string;
  titleId: string;
  issuedOn: string;
  findings: string;
  deadline: string;
}) {
  const title = await titleInScope(opts.db, opts.actor.scope, opts.titleId, true);
  requireActive(title);
  notInFuture('issuedOn', opts.issuedOn, opts.today);
  notBefore('issuedOn', opts.issuedOn, title.namedOn, { zh: '命名日期', en: 'the naming date' });
  if (opts.deadline < opts.issuedOn) {
    invalidField('deadline', {
      zh: '整改期限不能早于下发日期',
      en: 'The deadline cannot be before the date the order was issued',
    });
  }
  const [row] = await opts.db
    .insert(titleRectifications)
    .values({
      countyCode: title.countyCode,
      titleId: title.id,
      villageCode: title.villageCode,
      issuedOn: opts.issuedOn,
      findings: opts.findings,
      deadline: opts.deadline,
    })
    .returning();
  return { title, rectification: row! };
}

async function rectificationInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(titleRectifications)
    .where(and(eq(titleRectifications.id, id), scope.where(titleRectifications.villageCode)))
    .for('update');
  if (!row) notFound({ zh: '整改通知', en: 'Rectification order' });
  return row;
}

function requireOpen(r: typeof titleRectifications.$inferSelect) {
  if (r.completedOn) {
    fail('RECTIFICATION_COMPLETED', undefined, {
      zh: `该整改已于${r.completedOn}确认完成`,
      en: `This rectification was confirmed complete on ${r.completedOn}`,
    });
  }
}

/** The village clerk reports a rectification done, with a note; the township then confirms. */
export async function reportRectification(opts: {
  db: Db;
  actor: Actor;
  today: string;
  id: string;
  version: number;
  note: string;
}) {
  const before = await rectificationInScope(opts.db, opts.actor.scope, opts.id);
  requireOpen(before);
  const [after] = await opts.db
    .update(titleRectifications)
    .set({
      reportedOn: opts.today,
      reportNote: opts.note,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(titleRectifications.countyCode, before.countyCode),
        eq(titleRectifications.id, before.id),
        eq(titleRectifications.version, opts.version),
      ),
    )
    .returning();
  if (!after) stale({ zh: '整改通知', en: 'rectification order' }, before.version);
  return { before, after };
}

/** The township (or county) confirms a rectification complete on a date. */
export async function completeRectification(opts: {
  db: Db;
  actor: Actor;
  today: string;
  id: string;
  version: number;
  completedOn: string;
  note?: string | undefined;
}) {
  const before = await rectificationInScope(opts.db, opts.actor.scope, opts.id);
  requireOpen(before);
  notInFuture('completedOn', opts.completedOn, opts.today);
  notBefore('completedOn', opts.completedOn, before.issuedOn, {
    zh: '下发日期',
    en: 'the date issued',
  });
  const [after] = await opts.db
    .update(titleRectifications)
    .set({
      completedOn: opts.completedOn,
      completionNote: opts.note || null,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(titleRectifications.countyCode, before.countyCode),
        eq(titleRectifications.id, before.id),
        eq(titleRectifications.version, opts.version),
      ),
    )
    .returning();
  if (!after) stale({ zh: '整改通知', en: 'rectification order' }, before.version);
  return { before, after };
}
