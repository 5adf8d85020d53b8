// 件件有反馈: villagers' comments and complaints, each with an owner, a deadline and a reply.
// Entered by officials (phone, office) or sent from the public page; unanswered ones turn
// yellow and red like tasks. The public page shows the reply and the time it took, never the
// commenter's contact.
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { commentDeadline, daysTaken, type TrafficLight } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, publicComments, type commentChannels } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkRecordDate, checkVersion } from '../records/common.js';
import {
  divisionInScope,
  divisionNames,
  lightCondition,
  lightOf,
  pageOf,
  prefixOf,
} from './common.js';

type Audit = (event: AuditInput) => Promise<void>;
type CommentRow = typeof publicComments.$inferSelect;
type Channel = (typeof commentChannels)[number];

function present(r: CommentRow, names: Map<string, string>, today: string) {
  return {
    id: r.id,
    divisionCode: r.divisionCode,
    divisionName: names.get(r.divisionCode) ?? r.divisionCode,
    ownerCode: r.ownerCode,
    ownerName: names.get(r.ownerCode) ?? r.ownerCode,
    channel: r.channel,
    subject: r.subject,
    content: r.content,
    contact: r.contact,
    receivedOn: r.receivedOn,
    deadline: r.deadline,
    reply: r.reply,
    repliedOn: r.repliedOn,
    daysTaken: r.repliedOn ? daysTaken(r.receivedOn, r.repliedOn) : null,
    ...lightOf(r.deadline, today, r.repliedOn !== null),
    version: r.version,
  };
}

async function presentRows(db: Db, rows: CommentRow[], today = todayIso()) {
  const names = await divisionNames(
    db,
    rows.flatMap((r) => [r.divisionCode, r.ownerCode]),
  );
  return rows.map((r) => present(r, names, today));
}

const commentWord = { zh: '群众意见', en: 'Comment' };

export interface CommentSave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  ownerCode: string;
  channel: Exclude<Channel, 'public_page'>;
  subject: string;
  content: string;
  contact?: string | null | undefined;
  receivedOn: string;
  deadline?: string | undefined;
}

/** A comment entered by an official, or its owner and deadline changed while unanswered. */
export async function saveComment(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: CommentSave;
}) {
  const { db, scope, input } = opts;
  const division = await divisionInScope(db, scope, input.divisionCode, 'divisionCode');
  const owner = await divisionInScope(db, scope, input.ownerCode, 'ownerCode');
  if (!division.code.startsWith(owner.prefix) && !owner.code.startsWith(division.prefix)) {
    invalidField('ownerCode', {
      zh: '承办单位应为意见所涉区划或其上级、下级',
      en: 'The owner is the division concerned, above it or below it',
    });
  }
  checkRecordDate('receivedOn', input.receivedOn);
  const deadline = input.deadline ?? commentDeadline(input.receivedOn);
  if (deadline < input.receivedOn) {
    invalidField('deadline', {
      zh: '答复期限不能早于收到日期',
      en: 'The deadline cannot be before the day the comment was received',
    });
  }
  const values = {
    countyCode: division.countyCode,
    divisionCode: division.code,
    ownerCode: owner.code,
    subject: input.subject,
    content: input.content,
    contact: input.contact ?? null,
    receivedOn: input.receivedOn,
    deadline,
  };
  let before = null;
  let row: CommentRow;
  if (input.id) {
    const found = await findComment(db, scope, input.id);
    checkVersion(found.version, input.version);
    if (found.repliedOn) {
      fail('COMMENT_ANSWERED', undefined, {
        zh: '该意见已答复，不能修改',
        en: 'The comment has been answered and cannot be changed',
      });
    }
    before = (await presentRows(db, [found]))[0]!;
    [row] = (await db
      .update(publicComments)
      .set({ ...values, version: found.version + 1, updatedAt: new Date() })
      .where(eq(publicComments.id, found.id))
      .returning()) as [CommentRow];
  } else {
    [row] = (await db
      .insert(publicComments)
      .values({ ...values, channel: input.channel })
      .returning()) as [CommentRow];
  }
  const saved = (await presentRows(db, [row]))[0]!;
  await opts.audit({
    action: input.id ? 'comments.update' : 'comments.create',
    entity: 'public_comment',
    entityId: saved.id,
    divisionCode: saved.ownerCode,
    before: before && { ...before, contact: undefined },
    after: { ...saved, contact: undefined },
  });
  return saved;
}

async function findComment(db: Db, scope: Scope, id: string): Promise<CommentRow> {
  const [row] = await db
    .select()
    .from(publicComments)
    .where(and(eq(publicComments.id, id), scope.where(publicComments.ownerCode)));
  if (!row) notFound(commentWord);
  return row;
}

/** The owner's reply (answered once; a later correction keeps the first day). */
export async function replyComment(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: { id: string; version: number; reply: string };
}) {
  const { db, scope, input } = opts;
  const found = await findComment(db, scope, input.id);
  checkVersion(found.version, input.version);
  const [row] = (await db
    .update(publicComments)
    .set({
      reply: input.reply,
      repliedOn: found.repliedOn ?? todayIso(),
      version: found.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(publicComments.id, found.id))
    .returning()) as [CommentRow];
  const [before, after] = await presentRows(db, [found, row]);
  await opts.audit({
    action: 'comments.reply',
    entity: 'public_comment',
    entityId: found.id,
    divisionCode: found.ownerCode,
    before: { ...before, contact: undefined },
    after: { ...after, contact: undefined },
  });
  return after!;
}

/** Comments about or owned inside `divisionCode`, unanswered and most urgent first. */
export async function listComments(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  answered?: boolean | undefined;
  light?: TrafficLight | undefined;
  /** Answered after the deadline (true) or on time (false). */
  late?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  const today = todayIso();
  const c = publicComments;
  const where = and(
    scope.where(c.ownerCode),
    sql`${c.ownerCode} like ${`${prefixOf(opts.divisionCode)}%`}`,
    opts.answered === undefined
      ? undefined
      : opts.answered
        ? isNotNull(c.repliedOn)
        : isNull(c.repliedOn),
    opts.light ? lightCondition(opts.light, today, c.deadline, isNull(c.repliedOn)) : undefined,
    opts.late === undefined
      ? undefined
      : opts.late
        ? sql`${c.repliedOn} > ${c.deadline}`
        : sql`${c.repliedOn} <= ${c.deadline}`,
  );
  const [{ total }] = (await db.select({ total: count() }).from(c).where(where)) as [
    { total: number },
  ];
  const { limit, offset } = pageOf(opts.page, opts.pageSize);
  const rows = await db
    .select()
    .from(c)
    .where(where)
    .orderBy(
      sql`case when ${c.repliedOn} is null then 0 else 1 end`,
      asc(c.deadline),
      desc(c.receivedOn),
    )
    .limit(limit)
    .offset(offset);
  return { items: await presentRows(db, rows, today), total: Number(total) };
}

/** The township (or village) a public page is for, or null. */
export async function publicDivision(db: Db, code: string) {
  if (!/^\d{12}$/.test(code)) return null;
  const [row] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  return row && (row.level === 'township' || row.level === 'village') ? row : null;
}

/**
 * What the public page shows of the comments about `code`: the answered ones with subject,
 * reply, dates and days taken (never content details or contact), newest first, and how many
 * are still waiting.
 */
export async function publicCommentPage(db: Db, code: string, limit = 50) {
  const c = publicComments;
  const inside = sql`${c.divisionCode} like ${`${prefixOf(code)}%`}`;
  const answered = await db
    .select({
      subject: c.subject,
      receivedOn: c.receivedOn,
      reply: c.reply,
      repliedOn: c.repliedOn,
      divisionCode: c.divisionCode,
    })
    .from(c)
    .where(and(inside, isNotNull(c.repliedOn)))
    .orderBy(desc(c.repliedOn))
    .limit(limit);
  const [{ waiting }] = (await db
    .select({ waiting: count() })
    .from(c)
    .where(and(inside, isNull(c.repliedOn)))) as [{ waiting: number }];
  const names = await divisionNames(
    db,
    answered.map((r) => r.divisionCode),
  );
  return {
    waiting: Number(waiting),
    answered: answered.map((r) => ({
      subject: r.subject,
      divisionName: names.get(r.divisionCode) ?? '',
      receivedOn: r.receivedOn,
      reply: r.reply ?? '',
      repliedOn: r.repliedOn!,
      daysTaken: daysTaken(r.receivedOn, r.repliedOn!),
    })),
  };
}

/**
 * A comment sent from the public page: owned by the township of `code`, due after the default
 * reply days. `audit` records it in the same transaction (the actor is nobody).
 */
export async function submitPublicComment(opts: {
  db: Db;
  audit: Audit;
  code: string;
  subject: string;
  content: string;
  contact: string | null;
}) {
  const receivedOn = todayIso();
  const ownerCode = opts.code.slice(0, 9) + '000';
  const [row] = (await opts.db
    .insert(publicComments)
    .values({
      countyCode: opts.code.slice(0, 6) + '000000',
      divisionCode: opts.code,
      ownerCode,
      channel: 'public_page',
      subject: opts.subject,
      content: opts.content,
      contact: opts.contact,
      receivedOn,
      deadline: commentDeadline(receivedOn),
    })
    .returning()) as [CommentRow];
  await opts.audit({
    action: 'comments.submitPublic',
    entity: 'public_comment',
    entityId: row.id,
    divisionCode: ownerCode,
    after: { subject: row.subject, receivedOn, deadline: row.deadline },
  });
  return row;
}
