// 参与式预算: a key project carried through five stages with the people — the requests behind it,
// the design worked out at representatives' meetings and the agreed plan, the tender attended by
// representatives, construction inspected by representatives with the supervising engineer, and
// the residents' appraisal (民主评议) with its rectifications. The order of the stages, the dates
// and the appraisal's counts are checked by `@fazhi/domain`; each write bumps the project's
// version and is audited in the same transaction.
import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import {
  budgetStagesDone,
  checkAppraisal,
  checkAttendingRepresentatives,
  checkBudgetRecord,
  checkBudgetRecordDate,
  checkBudgetRecordRemoval,
  currentBudgetStage,
  emptyBudgetTally,
  type BudgetRecordKind,
  type BudgetRecordTally,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  keyProjectRecords,
  keyProjects,
  publicComments,
  villagerProjects,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { checkVersion } from '../records/common.js';
import { todayIso } from '../campaigns/participations.js';
import { divisionInScope, pageOf, prefixOf } from './common.js';
import { filesOfBudgetRecords, storedFilesOfBudgetRecord } from './files.js';

type Audit = (event: AuditInput) => Promise<void>;
type ProjectRow = typeof keyProjects.$inferSelect;
type RecordRow = typeof keyProjectRecords.$inferSelect;

export interface AppraisalRectification {
  text: string;
  doneOn: string | null;
}

const projectWord = { zh: '参与式预算项目', en: 'Key project' };
const recordWord = { zh: '参与式预算记录', en: 'Key project record' };

function presentProject(r: ProjectRow) {
  return {
    id: r.id,
    townshipCode: r.townshipCode,
    year: r.year,
    title: r.title,
    summary: r.summary,
    villagerProjectId: r.villagerProjectId,
    version: r.version,
  };
}

function presentRecord(r: RecordRow) {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    on: r.on,
    text: r.text,
    people: r.people,
    convenor: r.convenor,
    ideaId: r.ideaId,
    commentId: r.commentId,
    fileName: r.fileName,
    winningFirm: r.winningFirm,
    amountYuan: r.amountYuan,
    engineerPresent: r.engineerPresent,
    rectification: r.rectification,
    rectifiedOn: r.rectifiedOn,
    satisfied: r.satisfied,
    basicallySatisfied: r.basicallySatisfied,
    unsatisfied: r.unsatisfied,
    rectifications: r.rectifications as AppraisalRectification[],
  };
}

async function findProject(db: Db, scope: Scope, id: string): Promise<ProjectRow> {
  const [row] = await db
    .select()
    .from(keyProjects)
    .where(and(eq(keyProjects.id, id), scope.where(keyProjects.townshipCode)));
  if (!row) notFound(projectWord);
  return row;
}

/** How many records of each kind the project holds, and the latest date of each. */
async function tallyOf(db: Db, projectIds: string[]): Promise<Map<string, BudgetRecordTally>> {
  const tallies = new Map<string, ReturnType<typeof emptyBudgetTally>>();
  for (const id of projectIds) tallies.set(id, emptyBudgetTally());
  if (projectIds.length === 0) return tallies;
  const rows = await db
    .select({
      projectId: keyProjectRecords.projectId,
      kind: keyProjectRecords.kind,
      n: count(),
      latest: max(keyProjectRecords.on),
    })
    .from(keyProjectRecords)
    .where(sql`${keyProjectRecords.projectId} in ${projectIds}`)
    .groupBy(keyProjectRecords.projectId, keyProjectRecords.kind);
  for (const r of rows) {
    tallies.get(r.projectId)![r.kind] = { count: Number(r.n), latest: r.latest };
  }
  return tallies;
}

function stagesOf(tally: BudgetRecordTally) {
  return { stagesDone: budgetStagesDone(tally), currentStage: currentBudgetStage(tally) };
}

export interface KeyProjectSave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  year: number;
  title: string;
  summary?: string | undefined;
  villagerProjectId?: string | null | undefined;
}

/**
 * A key project entered (as key, or carrying a project the township congress voted through) or
 * its title and summary changed. Only the township's own voted projects may be carried, each once.
 */
export async function saveKeyProject(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: KeyProjectSave;
}) {
  const { db, scope, input } = opts;
  const township = await divisionInScope(db, scope, input.divisionCode, 'divisionCode');
  if (township.level !== 'township') {
    invalidField('divisionCode', {
      zh: '参与式预算项目按乡镇（街道）登记',
      en: 'Key projects are recorded per township',
    });
  }
  const found = input.id ? await findProject(db, scope, input.id) : null;
  if (found) checkVersion(found.version, input.version);
  if (found && found.townshipCode !== township.code) {
    invalidField('divisionCode', {
      zh: '项目所属乡镇不能更改',
      en: "A project's township cannot change",
    });
  }
  const linked = input.villagerProjectId ?? null;
  if (linked && linked !== found?.villagerProjectId) {
    const [voted] = await db
      .select()
      .from(villagerProjects)
      .where(
        and(eq(villagerProjects.id, linked), eq(villagerProjects.townshipCode, township.code)),
      );
    if (!voted || (voted.stage !== 'voted_through' && voted.stage !== 'done')) {
      invalidField('villagerProjectId', {
        zh: '只有本乡镇经人大票决通过的民生实事项目可以列为参与式预算项目',
        en: "Only a project the township's congress voted through can be carried",
      });
    }
    const [taken] = await db
      .select({ id: keyProjects.id })
      .from(keyProjects)
      .where(eq(keyProjects.villagerProjectId, linked));
    if (taken) {
      invalidField('villagerProjectId', {
        zh: '该民生实事项目已列为参与式预算项目',
        en: 'That project is already a key project',
      });
    }
  }
  const values = {
    countyCode: township.countyCode,
    townshipCode: township.code,
    year: input.year,
    title: input.title,
    summary: input.summary ?? found?.summary ?? '',
    villagerProjectId: linked,
  };
  const [row] = found
    ? ((await db
        .update(keyProjects)
        .set({ ...values, version: found.version + 1, updatedAt: new Date() })
        .where(eq(keyProjects.id, found.id))
        .returning()) as [ProjectRow])
    : ((await db.insert(keyProjects).values(values).returning()) as [ProjectRow]);
  const saved = presentProject(row);
  await opts.audit({
    action: found ? 'budget.update' : 'budget.create',
    entity: 'key_project',
    entityId: saved.id,
    divisionCode: saved.townshipCode,
    before: found && presentProject(found),
    after: saved,
  });
  return getKeyProject({ db, scope, id: saved.id });
}

/** A key project with its records in order, which stages have theirs, and the current one. */
export async function getKeyProject(opts: { db: Db; scope: Scope; id: string }) {
  const { db, scope } = opts;
  const project = await findProject(db, scope, opts.id);
  const records = await db
    .select()
    .from(keyProjectRecords)
    .where(eq(keyProjectRecords.projectId, project.id))
    .orderBy(asc(keyProjectRecords.on), asc(keyProjectRecords.createdAt));
  const tally = (await tallyOf(db, [project.id])).get(project.id)!;
  const files = await filesOfBudgetRecords(
    db,
    records.map((r) => r.id),
  );
  return {
    ...presentProject(project),
    ...stagesOf(tally),
    records: records.map((r) => ({ ...presentRecord(r), files: files.get(r.id) ?? [] })),
  };
}

/** A township's key projects of a year, a page at a time, with the stage each has reached. */
export async function listKeyProjects(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  const where = and(
    scope.where(keyProjects.townshipCode),
    eq(keyProjects.townshipCode, opts.divisionCode),
    eq(keyProjects.year, opts.year),
  );
  const [{ total }] = (await db.select({ total: count() }).from(keyProjects).where(where)) as [
    { total: number },
  ];
  const { limit, offset } = pageOf(opts.page, opts.pageSize);
  const rows = await db
    .select()
    .from(keyProjects)
    .where(where)
    .orderBy(desc(keyProjects.createdAt), asc(keyProjects.id))
    .limit(limit)
    .offset(offset);
  const tallies = await tallyOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...presentProject(r), ...stagesOf(tallies.get(r.id)!) })),
    total: Number(total),
  };
}

type RecordValues = Omit<typeof keyProjectRecords.$inferInsert, 'projectId' | 'kind' | 'on'>;

/**
 * Adds a record of `kind` on `on` to the project: the domain decides whether the stage may be
 * recorded now (the stage before has its record, the date is neither in the future nor before
 * it); a refusal names the field in Chinese and English and stores nothing.
 */
async function addRecord(
  opts: { db: Db; scope: Scope; audit: Audit; id: string; version: number },
  kind: BudgetRecordKind,
  on: string,
  values: RecordValues,
  action: string,
) {
  const { db, scope } = opts;
  const project = await findProject(db, scope, opts.id);
  checkVersion(project.version, opts.version);
  const tally = (await tallyOf(db, [project.id])).get(project.id)!;
  const refusal = checkBudgetRecord(kind, on, tally, todayIso());
  if (refusal) {
    invalidField(
      refusal.field,
      refusal.message,
      refusal.field === 'stage' ? 'WRONG_STAGE' : 'INVALID_INPUT',
    );
  }
  const [row] = (await db
    .insert(keyProjectRecords)
    .values({ ...values, projectId: project.id, kind, on })
    .returning()) as [RecordRow];
  await db
    .update(keyProjects)
    .set({ version: project.version + 1, updatedAt: new Date() })
    .where(eq(keyProjects.id, project.id));
  await opts.audit({
    action,
    entity: 'key_project_record',
    entityId: row.id,
    divisionCode: project.townshipCode,
    before: null,
    after: presentRecord(row),
  });
  return getKeyProject({ db, scope, id: project.id });
}

type Target = { db: Db; scope: Scope; audit: Audit; id: string; version: number };

/** Stage 1: a request behind the project, linked to the idea or comment it came from. */
export async function addRequest(
  opts: Target & {
    on: string;
    summary: string;
    raisedBy: number;
    ideaId?: string | null | undefined;
    commentId?: string | null | undefined;
  },
) {
  const { db, scope } = opts;
  const project = await findProject(db, scope, opts.id);
  checkRaisedBy(opts.raisedBy);
  if (opts.ideaId) {
    const [idea] = await db
      .select({ id: villagerProjects.id })
      .from(villagerProjects)
      .where(
        and(
          eq(villagerProjects.id, opts.ideaId),
          eq(villagerProjects.townshipCode, project.townshipCode),
        ),
      );
    if (!idea) {
      invalidField('ideaId', {
        zh: '该建议不是本乡镇征集的民生实事建议',
        en: "That idea is not one of the township's",
      });
    }
  }
  if (opts.commentId) {
    const [comment] = await db
      .select({ id: publicComments.id })
      .from(publicComments)
      .where(
        and(
          eq(publicComments.id, opts.commentId),
          sql`${publicComments.divisionCode} like ${prefixOf(project.townshipCode) + '%'}`,
        ),
      );
    if (!comment) {
      invalidField('commentId', {
        zh: '该意见不是本乡镇收到的群众意见',
        en: "That comment is not one of the township's",
      });
    }
  }
  return addRecord(
    opts,
    'request',
    opts.on,
    {
      text: opts.summary,
      people: opts.raisedBy,
      ideaId: opts.ideaId ?? null,
      commentId: opts.commentId ?? null,
    },
    'budget.addRequest',
  );
}

function checkAttending(field: string, n: number) {
  const refusal = checkAttendingRepresentatives(field, n);
  if (refusal) invalidField(refusal.field, refusal.message);
}

function checkRaisedBy(n: number) {
  if (n < 1)
    invalidField('raisedBy', { zh: '提出人数至少为 1', en: 'At least one person raised it' });
}

/** The appraisal's counts as the domain checks them (every problem a field error). */
function checkAppraisalCounts(counts: Parameters<typeof checkAppraisal>[0]) {
  const { problems } = checkAppraisal(counts);
  if (problems.length > 0) {
    fail(
      'INVALID_INPUT',
      undefined,
      problems[0]!.message,
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
}

/** Stage 2: a design meeting with villagers' representatives (a count; the convenor optional). */
export function addMeeting(
  opts: Target & { on: string; representatives: number; convenor?: string | null; summary: string },
) {
  checkAttending('representatives', opts.representatives);
  return addRecord(
    opts,
    'meeting',
    opts.on,
    { people: opts.representatives, convenor: opts.convenor || null, text: opts.summary },
    'budget.addMeeting',
  );
}

/** Stage 2: the plan agreed with the representatives (its text; its files are uploaded onto it). */
export function agreePlan(opts: Target & { on: string; plan: string }) {
  return addRecord(opts, 'plan', opts.on, { text: opts.plan }, 'budget.agreePlan');
}

/** Stage 3: the tender attended by representatives: how many, the winning firm and amount. */
export function recordTender(
  opts: Target & { on: string; representatives: number; winningFirm: string; amountYuan: number },
) {
  checkAttending('representatives', opts.representatives);
  return addRecord(
    opts,
    'tender',
    opts.on,
    { people: opts.representatives, winningFirm: opts.winningFirm, amountYuan: opts.amountYuan },
    'budget.recordTender',
  );
}

/** Stage 4: an inspection by representatives (with the supervising engineer or not). */
export function addInspection(
  opts: Target & {
    on: string;
    representatives: number;
    engineerPresent: boolean;
    findings: string;
    rectification?: string | null | undefined;
  },
) {
  checkAttending('representatives', opts.representatives);
  return addRecord(
    opts,
    'inspection',
    opts.on,
    {
      people: opts.representatives,
      engineerPresent: opts.engineerPresent,
      text: opts.findings,
      rectification: opts.rectification || null,
    },
    'budget.addInspection',
  );
}

/** Stage 5: the residents' appraisal (民主评议): counts checked, rectifications it asked for. */
export function recordAppraisal(
  opts: Target & {
    on: string;
    participants: number;
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    rectifications: string[];
  },
) {
  checkAppraisalCounts({
    participants: opts.participants,
    satisfied: opts.satisfied,
    basicallySatisfied: opts.basicallySatisfied,
    unsatisfied: opts.unsatisfied,
  });
  return addRecord(
    opts,
    'appraisal',
    opts.on,
    {
      people: opts.participants,
      satisfied: opts.satisfied,
      basicallySatisfied: opts.basicallySatisfied,
      unsatisfied: opts.unsatisfied,
      rectifications: opts.rectifications.map((text) => ({ text, doneOn: null })),
    },
    'budget.recordAppraisal',
  );
}

/**
 * A rectification done: the one an inspection asked for, or item `item` of those the appraisal
 * asked for. Dated neither in the future nor before the record that asked for it; done once.
 */
export async function markRectified(
  opts: Target & { recordId: string; item?: number | undefined; doneOn: string },
) {
  const { db, scope } = opts;
  const project = await findProject(db, scope, opts.id);
  checkVersion(project.version, opts.version);
  const [record] = await db
    .select()
    .from(keyProjectRecords)
    .where(
      and(eq(keyProjectRecords.id, opts.recordId), eq(keyProjectRecords.projectId, project.id)),
    );
  if (!record) notFound(recordWord);
  const today = todayIso();
  if (opts.doneOn > today) {
    invalidField('doneOn', {
      zh: `日期不能晚于今天（${today}）`,
      en: `The date cannot be in the future (today is ${today})`,
    });
  }
  if (opts.doneOn < record.on) {
    invalidField('doneOn', {
      zh: `整改完成日期不能早于提出整改的日期（${record.on}）`,
      en: `A rectification is not done before it was asked for (${record.on})`,
    });
  }
  const done = { zh: '该项整改已经完成', en: 'That rectification is already done' };
  let values: Partial<RecordValues>;
  if (record.kind === 'inspection' && record.rectification) {
    if (record.rectifiedOn) invalidField('recordId', done, 'RECTIFICATION_COMPLETED');
    values = { rectifiedOn: opts.doneOn };
  } else if (record.kind === 'appraisal') {
    const items = record.rectifications as AppraisalRectification[];
    const index = opts.item ?? -1;
    const target = items[index];
    if (!target) {
      invalidField('item', { zh: '没有这一项整改要求', en: 'No such rectification' });
    }
    if (target.doneOn) invalidField('item', done, 'RECTIFICATION_COMPLETED');
    values = {
      rectifications: items.map((r, i) => (i === index ? { ...r, doneOn: opts.doneOn } : r)),
    };
  } else {
    invalidField('recordId', {
      zh: '这条记录没有提出整改要求',
      en: 'That record asked for no rectification',
    });
  }
  const [row] = (await db
    .update(keyProjectRecords)
    .set(values)
    .where(eq(keyProjectRecords.id, record.id))
    .returning()) as [RecordRow];
  await db
    .update(keyProjects)
    .set({ version: project.version + 1, updatedAt: new Date() })
    .where(eq(keyProjects.id, project.id));
  await opts.audit({
    action: 'budget.markRectified',
    entity: 'key_project_record',
    entityId: row.id,
    divisionCode: project.townshipCode,
    before: presentRecord(record),
    after: presentRecord(row),
  });
  return getKeyProject({ db, scope, id: project.id });
}

/** A record of a project in scope, with its project and the project's other records. */
async function recordInScope(db: Db, scope: Scope, recordId: string, version: number) {
  const [found] = await db
    .select({ record: keyProjectRecords, project: keyProjects })
    .from(keyProjectRecords)
    .innerJoin(keyProjects, eq(keyProjects.id, keyProjectRecords.projectId))
    .where(and(eq(keyProjectRecords.id, recordId), scope.where(keyProjects.townshipCode)));
  if (!found) notFound(recordWord);
  checkVersion(found.record.version, version);
  const others = await db
    .select({ kind: keyProjectRecords.kind, on: keyProjectRecords.on })
    .from(keyProjectRecords)
    .where(
      and(
        eq(keyProjectRecords.projectId, found.project.id),
        sql`${keyProjectRecords.id} <> ${found.record.id}`,
      ),
    );
  return { ...found, others };
}

/** What of a stage record may be edited: its date and the fields of its kind. */
export interface BudgetRecordEdit {
  recordId: string;
  version: number;
  on?: string | undefined;
  /** A request's, a meeting's summary. */
  summary?: string | undefined;
  raisedBy?: number | undefined;
  representatives?: number | undefined;
  convenor?: string | null | undefined;
  plan?: string | undefined;
  winningFirm?: string | undefined;
  amountYuan?: number | undefined;
  engineerPresent?: boolean | undefined;
  findings?: string | undefined;
  rectification?: string | null | undefined;
  participants?: number | undefined;
  satisfied?: number | undefined;
  basicallySatisfied?: number | undefined;
  unsatisfied?: number | undefined;
}

/** The values an edit changes on a record of its kind (fields of other kinds are ignored). */
function editedValues(record: RecordRow, e: BudgetRecordEdit): Partial<RecordValues> {
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  switch (record.kind) {
    case 'request':
      if (e.raisedBy !== undefined) checkRaisedBy(e.raisedBy);
      return { text: pick(e.summary, record.text), people: pick(e.raisedBy, record.people) };
    case 'meeting':
      if (e.representatives !== undefined) checkAttending('representatives', e.representatives);
      return {
        text: pick(e.summary, record.text),
        people: pick(e.representatives, record.people),
        convenor: e.convenor === undefined ? record.convenor : e.convenor || null,
      };
    case 'plan':
      return { text: pick(e.plan, record.text) };
    case 'tender':
      if (e.representatives !== undefined) checkAttending('representatives', e.representatives);
      return {
        people: pick(e.representatives, record.people),
        winningFirm: pick(e.winningFirm, record.winningFirm),
        amountYuan: pick(e.amountYuan, record.amountYuan),
      };
    case 'inspection':
      if (e.representatives !== undefined) checkAttending('representatives', e.representatives);
      if (record.rectifiedOn && e.rectification !== undefined && !e.rectification) {
        invalidField('rectification', {
          zh: '整改已经完成，不能删去整改要求',
          en: 'The rectification is done; it cannot be taken away',
        });
      }
      return {
        people: pick(e.representatives, record.people),
        engineerPresent: pick(e.engineerPresent, record.engineerPresent),
        text: pick(e.findings, record.text),
        rectification:
          e.rectification === undefined ? record.rectification : e.rectification || null,
      };
    case 'appraisal': {
      const counts = {
        participants: pick(e.participants, record.people),
        satisfied: pick(e.satisfied, record.satisfied ?? 0),
        basicallySatisfied: pick(e.basicallySatisfied, record.basicallySatisfied ?? 0),
        unsatisfied: pick(e.unsatisfied, record.unsatisfied ?? 0),
      };
      checkAppraisalCounts(counts);
      return {
        people: counts.participants,
        satisfied: counts.satisfied,
        basicallySatisfied: counts.basicallySatisfied,
        unsatisfied: counts.unsatisfied,
      };
    }
  }
}

/**
 * A stage record corrected (its date and the fields of its kind), at the version it was read:
 * the date stays between the stage before and the stage after (`checkBudgetRecordDate`), and
 * not before a rectification already done. Bumps the record's and the project's version.
 */
export async function updateBudgetRecord(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: BudgetRecordEdit;
}) {
  const { db, scope, input } = opts;
  const { record, project, others } = await recordInScope(db, scope, input.recordId, input.version);
  const on = input.on ?? record.on;
  const refusal = checkBudgetRecordDate(record.kind, on, others, todayIso());
  if (refusal) invalidField(refusal.field, refusal.message);
  const doneDates = [
    record.rectifiedOn,
    ...(record.rectifications as AppraisalRectification[]).map((r) => r.doneOn),
  ].filter((d): d is string => d !== null);
  const firstDone = doneDates.reduce<string | null>((a, d) => (a === null || d < a ? d : a), null);
  if (firstDone && on > firstDone) {
    invalidField('on', {
      zh: `日期不能晚于已完成整改的日期（${firstDone}）`,
      en: `The date cannot be after a rectification already done (${firstDone})`,
    });
  }
  const [row] = (await db
    .update(keyProjectRecords)
    .set({ ...editedValues(record, input), on, version: record.version + 1 })
    .where(eq(keyProjectRecords.id, record.id))
    .returning()) as [RecordRow];
  await db
    .update(keyProjects)
    .set({ version: project.version + 1, updatedAt: new Date() })
    .where(eq(keyProjects.id, project.id));
  await opts.audit({
    action: 'budget.updateRecord',
    entity: 'key_project_record',
    entityId: row.id,
    divisionCode: project.townshipCode,
    before: presentRecord(record),
    after: presentRecord(row),
  });
  return getKeyProject({ db, scope, id: project.id });
}

/**
 * A stage record deleted (the user confirmed), at the version it was read, unless the records
 * left would break the order of the stages (`checkBudgetRecordRemoval`). Its files' rows go with
 * it; their stored paths are returned for the caller to delete after the commit.
 */
export async function removeBudgetRecord(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  recordId: string;
  version: number;
}) {
  const { db, scope } = opts;
  const { record, project, others } = await recordInScope(db, scope, opts.recordId, opts.version);
  const refusal = checkBudgetRecordRemoval(record.kind, others);
  if (refusal) invalidField(refusal.field, refusal.message, 'WRONG_STAGE');
  const files = await storedFilesOfBudgetRecord(db, record.id);
  await db.delete(keyProjectRecords).where(eq(keyProjectRecords.id, record.id));
  await db
    .update(keyProjects)
    .set({ version: project.version + 1, updatedAt: new Date() })
    .where(eq(keyProjects.id, project.id));
  await opts.audit({
    action: 'budget.removeRecord',
    entity: 'key_project_record',
    entityId: record.id,
    divisionCode: project.townshipCode,
    before: { ...presentRecord(record), files: files.length },
    after: null,
  });
  return { project: await getKeyProject({ db, scope, id: project.id }), files };
}

/**
 * What the public page shows of a township's key projects of a year: the five stages in counts,
 * dates, the agreed plan, the winning firm, findings and rectifications — never the requests'
 * words, who raised them, or a convenor.
 */
export async function publicKeyProjects(db: Db, townshipCode: string, year: number) {
  const projects = await db
    .select()
    .from(keyProjects)
    .where(and(eq(keyProjects.townshipCode, townshipCode), eq(keyProjects.year, year)))
    .orderBy(asc(keyProjects.createdAt))
    .limit(50);
  if (projects.length === 0) return [];
  const records = await db
    .select()
    .from(keyProjectRecords)
    .where(sql`${keyProjectRecords.projectId} in ${projects.map((p) => p.id)}`)
    .orderBy(asc(keyProjectRecords.on), asc(keyProjectRecords.createdAt));
  const tallies = await tallyOf(
    db,
    projects.map((p) => p.id),
  );
  // the names of the plans' uploaded files (names only: a public page serves no file)
  const planFiles = await filesOfBudgetRecords(
    db,
    records.filter((r) => r.kind === 'plan').map((r) => r.id),
  );
  return projects.map((p) => {
    const mine = records.filter((r) => r.projectId === p.id);
    const of = (kind: BudgetRecordKind) => mine.filter((r) => r.kind === kind);
    const plan = of('plan')[0];
    const tender = of('tender')[0];
    const appraisal = of('appraisal')[0];
    return {
      title: p.title,
      summary: p.summary,
      ...stagesOf(tallies.get(p.id)!),
      requests: {
        count: of('request').length,
        raisedBy: of('request').reduce((n, r) => n + r.people, 0),
      },
      meetings: of('meeting').map((r) => ({ on: r.on, representatives: r.people })),
      plan: plan
        ? {
            on: plan.on,
            text: plan.text,
            fileName: plan.fileName,
            files: (planFiles.get(plan.id) ?? []).map((f) => f.fileName),
          }
        : null,
      tender: tender
        ? {
            on: tender.on,
            representatives: tender.people,
            winningFirm: tender.winningFirm ?? '',
            amountYuan: tender.amountYuan,
          }
        : null,
      inspections: of('inspection').map((r) => ({
        on: r.on,
        representatives: r.people,
        engineerPresent: r.engineerPresent ?? false,
        findings: r.text,
        rectification: r.rectification,
        rectifiedOn: r.rectifiedOn,
      })),
      appraisal: appraisal
        ? {
            on: appraisal.on,
            participants: appraisal.people,
            satisfied: appraisal.satisfied ?? 0,
            basicallySatisfied: appraisal.basicallySatisfied ?? 0,
            unsatisfied: appraisal.unsatisfied ?? 0,
            rectifications: appraisal.rectifications as AppraisalRectification[],
          }
        : null,
    };
  });
}
