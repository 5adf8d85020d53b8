// 督查督办: supervision tasks. The assigning office (township or county) assigns, edits, closes
// and rates, returns and decides extensions; the owning division reports progress, asks to close
// and asks for more time. Every state change is `transitionTask` of @fazhi/domain.
import { and, asc, count, desc, eq, lte, or, sql } from 'drizzle-orm';
import {
  taskActorOf,
  taskRatingNames,
  transitionTask,
  type TaskAction,
  type TaskRating,
  type TaskSource,
  type TaskState,
  type TrafficLight,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { taskReportKinds } from '../../db/schema.js';
import { supervisionTasks, taskReports } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkRecordDate, checkVersion } from '../records/common.js';
import { filesOfReports } from './files.js';
import {
  divisionInScope,
  divisionNames,
  escalationDeadline,
  lightCondition,
  lightOf,
  pageOf,
  prefixOf,
  tasksVisibleTo,
} from './common.js';

type Audit = (event: AuditInput) => Promise<void>;
type TaskRow = typeof supervisionTasks.$inferSelect;

export interface Milestone {
  title: string;
  due: string;
  done: boolean;
}

const taskWord = { zh: '督办任务', en: 'Task' };

function present(r: TaskRow, names: Map<string, string>, today: string) {
  return {
    id: r.id,
    assignerCode: r.assignerCode,
    assignerName: names.get(r.assignerCode) ?? r.assignerCode,
    ownerCode: r.ownerCode,
    ownerName: names.get(r.ownerCode) ?? r.ownerCode,
    ownerUnit: r.ownerUnit,
    title: r.title,
    source: r.source,
    detail: r.detail,
    responsible: r.responsible,
    assignedOn: r.assignedOn,
    deadline: r.deadline,
    milestones: r.milestones as Milestone[],
    state: r.state,
    percentDone: r.percentDone,
    extensionPending: r.extensionPending,
    extensionTo: r.extensionTo,
    extensionReason: r.extensionReason,
    rating: r.rating,
    ratingNote: r.ratingNote,
    closedOn: r.closedOn,
    closedLate: r.closedOn !== null && r.closedOn > r.deadline,
    ...lightOf(r.deadline, today, r.state === 'closed'),
    version: r.version,
  };
}

async function presentRows(db: Db, rows: TaskRow[], today = todayIso()) {
  const names = await divisionNames(
    db,
    rows.flatMap((r) => [r.assignerCode, r.ownerCode]),
  );
  return rows.map((r) => present(r, names, today));
}

export type TaskView = ReturnType<typeof present>;

const visible = tasksVisibleTo;

async function findTask(db: Db, scope: Scope, id: string): Promise<TaskRow> {
  const [row] = await db
    .select()
    .from(supervisionTasks)
    .where(and(eq(supervisionTasks.id, id), visible(scope)));
  if (!row) notFound(taskWord);
  return row;
}

/** Who the user is to this task for `action`; refuses with the domain's reason. */
function act(scope: Scope, task: TaskRow, action: TaskAction): TaskState {
  const actor = taskActorOf({
    coversAssigner: scope.includes(task.assignerCode),
    coversOwner: scope.includes(task.ownerCode),
  });
  if (!actor) notFound(taskWord);
  const result = transitionTask(
    { state: task.state, extensionPending: task.extensionPending },
    action,
    actor,
  );
  if (!result.ok) {
    fail(result.code, undefined, result.message);
  }
  return result.state;
}

export interface TaskSave {
  id?: string | undefined;
  version?: number | undefined;
  assignerCode: string;
  ownerCode: string;
  ownerUnit?: string | null | undefined;
  title: string;
  source: TaskSource;
  detail?: string | undefined;
  responsible: string;
  assignedOn: string;
  deadline: string;
  milestones?: Milestone[] | undefined;
}

/** Assigns a task (立项交办), or edits one not yet closed: the assigning office only. */
export async function saveTask(opts: { db: Db; scope: Scope; audit: Audit; input: TaskSave }) {
  const { db, scope, input } = opts;
  const assigner = await divisionInScope(db, scope, input.assignerCode, 'assignerCode');
  if (assigner.level !== 'township' && assigner.level !== 'county') {
    invalidField('assignerCode', {
      zh: '交办单位应为乡镇（街道）或县（市、区）',
      en: 'The assigning office is a township or a county',
    });
  }
  const owner = await divisionInScope(db, scope, input.ownerCode, 'ownerCode');
  if (!owner.code.startsWith(assigner.prefix)) {
    invalidField('ownerCode', {
      zh: '承办单位应在交办单位辖区内',
      en: "The owner must lie inside the assigning office's area",
    });
  }
  checkRecordDate('assignedOn', input.assignedOn);
  if (input.deadline < input.assignedOn) {
    invalidField('deadline', {
      zh: '办结期限不能早于交办日期',
      en: 'The deadline cannot be before the day the task was assigned',
    });
  }
  (input.milestones ?? []).forEach((m, i) => {
    if (m.due < input.assignedOn || m.due > input.deadline) {
      invalidField(`milestones.${i}.due`, {
        zh: '节点日期应在交办日期与办结期限之间',
        en: 'A milestone falls between the assignment and the deadline',
      });
    }
  });
  const values = {
    countyCode: assigner.countyCode,
    assignerCode: assigner.code,
    ownerCode: owner.code,
    ownerUnit: input.ownerUnit ?? null,
    title: input.title,
    source: input.source,
    detail: input.detail ?? '',
    responsible: input.responsible,
    assignedOn: input.assignedOn,
    deadline: input.deadline,
    milestones: input.milestones ?? [],
  };
  let before: TaskView | null = null;
  let row: TaskRow;
  if (input.id) {
    const found = await findTask(db, scope, input.id);
    if (!scope.includes(found.assignerCode)) {
      fail('TASK_ACTOR_NOT_ALLOWED', undefined, {
        zh: '只有交办单位可以修改任务',
        en: 'Only the assigning office may edit the task',
      });
    }
    checkVersion(found.version, input.version);
    if (found.state === 'closed') {
      fail('TASK_TRANSITION_NOT_ALLOWED', undefined, {
        zh: '任务已办结，不能修改',
        en: 'The task is closed and cannot be edited',
      });
    }
    before = (await presentRows(db, [found]))[0]!;
    [row] = (await db
      .update(supervisionTasks)
      .set({ ...values, version: found.version + 1, updatedAt: new Date() })
      .where(eq(supervisionTasks.id, found.id))
      .returning()) as [TaskRow];
  } else {
    [row] = (await db.insert(supervisionTasks).values(values).returning()) as [TaskRow];
  }
  const saved = (await presentRows(db, [row]))[0]!;
  await opts.audit({
    action: input.id ? 'tasks.update' : 'tasks.create',
    entity: 'supervision_task',
    entityId: saved.id,
    divisionCode: saved.ownerCode,
    before,
    after: saved,
  });
  return saved;
}

async function change(
  opts: { db: Db; scope: Scope; audit: Audit; byName: string },
  input: { id: string; version: number },
  action: TaskAction,
  step: {
    kind: (typeof taskReportKinds)[number];
    text: string;
    percentDone?: number | null;
    set?: Partial<typeof supervisionTasks.$inferInsert>;
    auditAction: string;
  },
) {
  const { db, scope } = opts;
  const found = await findTask(db, scope, input.id);
  checkVersion(found.version, input.version);
  const state = act(scope, found, action);
  const today = todayIso();
  const [row] = (await db
    .update(supervisionTasks)
    .set({ state, ...step.set, version: found.version + 1, updatedAt: new Date() })
    .where(eq(supervisionTasks.id, found.id))
    .returning()) as [TaskRow];
  const [report] = await db
    .insert(taskReports)
    .values({
      taskId: found.id,
      kind: step.kind,
      on: today,
      text: step.text,
      percentDone: step.percentDone ?? null,
      byName: opts.byName,
    })
    .returning({ id: taskReports.id });
  const [before, after] = await presentRows(db, [found, row], today);
  await opts.audit({
    action: step.auditAction,
    entity: 'supervision_task',
    entityId: found.id,
    divisionCode: found.ownerCode,
    before,
    after,
  });
  // the report's id: the files of a progress report are uploaded onto it
  return { ...after!, reportId: report!.id };
}

type ChangeOpts = { db: Db; scope: Scope; audit: Audit; byName: string };

/** Progress from the owner (办理中), optionally asking to close (申请办结). */
export function reportTask(
  opts: ChangeOpts & {
    input: {
      id: string;
      version: number;
      text: string;
      percentDone?: number | undefined;
      requestClose?: boolean | undefined;
      milestonesDone?: number[] | undefined;
    };
  },
) {
  const { input } = opts;
  return (async () => {
    const found = await findTask(opts.db, opts.scope, input.id);
    const milestones = (found.milestones as Milestone[]).map((m, i) =>
      input.milestonesDone?.includes(i) ? { ...m, done: true } : m,
    );
    const percent = input.requestClose ? 100 : input.percentDone;
    return change(opts, input, input.requestClose ? 'request_close' : 'report', {
      kind: input.requestClose ? 'close_request' : 'progress',
      text: input.text,
      percentDone: percent ?? null,
      set: { milestones, ...(percent !== undefined ? { percentDone: percent } : {}) },
      auditAction: input.requestClose ? 'tasks.requestClose' : 'tasks.report',
    });
  })();
}

/** The assigning office closes (已办结) a task whose closure was requested, and rates it. */
export function closeTask(
  opts: ChangeOpts & {
    input: { id: string; version: number; rating: TaskRating; note?: string | undefined };
  },
) {
  const { input } = opts;
  return change(opts, input, 'close', {
    kind: 'close',
    text: `${taskRatingNames[input.rating].zh}${input.note ? `：${input.note}` : ''}`,
    set: { rating: input.rating, ratingNote: input.note ?? null, closedOn: todayIso() },
    auditAction: 'tasks.close',
  });
}

/** The assigning office refuses the request to close (退回重办), with the reason. */
export function returnTask(
  opts: ChangeOpts & { input: { id: string; version: number; reason: string } },
) {
  return change(opts, opts.input, 'return', {
    kind: 'return',
    text: opts.input.reason,
    auditAction: 'tasks.return',
  });
}

/** The owner asks for a later deadline (延期申请). */
export async function requestExtension(
  opts: ChangeOpts & { input: { id: string; version: number; to: string; reason: string } },
) {
  const found = await findTask(opts.db, opts.scope, opts.input.id);
  if (opts.input.to <= found.deadline) {
    invalidField('to', {
      zh: `延期后的期限应晚于当前期限（${found.deadline}）`,
      en: `The new deadline must be after the current one (${found.deadline})`,
    });
  }
  return change(opts, opts.input, 'request_extension', {
    kind: 'extension_request',
    text: `${opts.input.to}：${opts.input.reason}`,
    set: { extensionPending: true, extensionTo: opts.input.to, extensionReason: opts.input.reason },
    auditAction: 'tasks.requestExtension',
  });
}

/** The assigning office approves (the deadline moves) or refuses a pending extension. */
export async function decideExtension(
  opts: ChangeOpts & {
    input: { id: string; version: number; approve: boolean; note?: string | undefined };
  },
) {
  const found = await findTask(opts.db, opts.scope, opts.input.id);
  const { approve, note } = opts.input;
  return change(opts, opts.input, 'decide_extension', {
    kind: 'extension_decision',
    text: `${approve ? '同意延期' : '不同意延期'}${note ? `：${note}` : ''}`,
    set: {
      extensionPending: false,
      extensionTo: null,
      extensionReason: null,
      ...(approve && found.extensionTo ? { deadline: found.extensionTo } : {}),
    },
    auditAction: 'tasks.decideExtension',
  });
}

/** A task with its history. */
export async function getTask(opts: { db: Db; scope: Scope; id: string }) {
  const row = await findTask(opts.db, opts.scope, opts.id);
  const reports = await opts.db
    .select()
    .from(taskReports)
    .where(eq(taskReports.taskId, row.id))
    .orderBy(asc(taskReports.id));
  const attached = await filesOfReports(
    opts.db,
    reports.map((r) => r.id),
  );
  return {
    ...(await presentRows(opts.db, [row]))[0]!,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      on: r.on,
      text: r.text,
      percentDone: r.percentDone,
      files: r.files as string[],
      attachments: attached.get(r.id) ?? [],
      byName: r.byName,
    })),
  };
}

/**
 * Tasks owned or assigned inside `divisionCode` (and the scope), by state and light, most urgent
 * first, a page at a time.
 */
export async function listTasks(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  state?: TaskState | undefined;
  light?: TrafficLight | undefined;
  /** Open tasks escalated to the level above (red for the set number of days). */
  escalated?: boolean | undefined;
  /** Only tasks closed after their deadline (the dashboard's 逾期办结). */
  closedLate?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  const today = todayIso();
  const escalatedBy = escalationDeadline(today);
  const inside = `${prefixOf(opts.divisionCode)}%`;
  const isOpen = sql`${supervisionTasks.state} <> 'closed'`;
  const where = and(
    visible(scope),
    or(
      sql`${supervisionTasks.ownerCode} like ${inside}`,
      sql`${supervisionTasks.assignerCode} like ${inside}`,
    ),
    opts.state ? eq(supervisionTasks.state, opts.state) : undefined,
    opts.light ? lightCondition(opts.light, today, supervisionTasks.deadline, isOpen) : undefined,
    opts.escalated ? and(isOpen, lte(supervisionTasks.deadline, escalatedBy)) : undefined,
    opts.closedLate
      ? and(
          eq(supervisionTasks.state, 'closed'),
          sql`${supervisionTasks.closedOn} > ${supervisionTasks.deadline}`,
        )
      : undefined,
  );
  const [{ total }] = (await db.select({ total: count() }).from(supervisionTasks).where(where)) as [
    { total: number },
  ];
  const rows = await db
    .select()
    .from(supervisionTasks)
    .where(where)
    .orderBy(
      sql`case when ${supervisionTasks.state} = 'closed' then 1 else 0 end`,
      asc(supervisionTasks.deadline),
      desc(supervisionTasks.createdAt),
    )
    .limit(pageOf(opts.page, opts.pageSize).limit)
    .offset(pageOf(opts.page, opts.pageSize).offset);
  return { items: await presentRows(db, rows, today), total: Number(total) };
}
