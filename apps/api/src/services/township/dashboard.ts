// The township work dashboard (issue #13 item 5): for a township or the county, per division one
// level below, tasks by state and light, projects by stage with budget and spending, comments by
// reply time. SQL aggregates over the records at the moment of asking (no batch job), inside the
// scope. Each figure names the filter its record list is drilled down with.
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  deadlineRange,
  projectStages,
  taskStates,
  type ProjectStage,
  type TaskState,
  type TrafficLight,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { publicComments, supervisionTasks, villagerProjects } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { invalidField } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { divisionInScope, divisionNames, escalationDeadline, prefixOf } from './common.js';

export interface TaskFigures {
  byState: Record<TaskState, number>;
  /** Open tasks by light today. */
  byLight: Record<TrafficLight, number>;
  /** Open red tasks escalated to the level above. */
  escalated: number;
  /** Tasks closed after their deadline. */
  closedLate: number;
}

export interface ProjectFigures {
  byStage: Record<ProjectStage, number>;
  /** Budget and spending of the voted-through and done projects, in whole yuan. */
  budgetYuan: number;
  spentYuan: number;
}

export interface CommentFigures {
  /** Answered on or before the deadline. */
  onTime: number;
  /** Answered after the deadline. */
  late: number;
  /** Not answered yet, of which `openRed` are past the deadline. */
  open: number;
  openRed: number;
}

export interface DashboardRow {
  code: string;
  name: string;
  tasks: TaskFigures;
  projects: ProjectFigures;
  comments: CommentFigures;
}

const n = (condition: SQL | undefined) =>
  sql<number>`count(*) filter (where ${condition ?? sql`true`})::int`;

function inRange(column: AnyPgColumn, light: TrafficLight, today: string) {
  const r = deadlineRange(light, today);
  return and(r.from ? gte(column, r.from) : undefined, r.to ? lte(column, r.to) : undefined);
}

/** The division one level below `code` that holds `column` (a county's township, a village). */
function childOf(level: string, column: AnyPgColumn): SQL<string> {
  return level === 'county' ? sql<string>`left(${column}, 9) || '000'` : sql<string>`${column}`;
}

const emptyTasks = (): TaskFigures => ({
  byState: Object.fromEntries(taskStates.map((s) => [s, 0])) as Record<TaskState, number>,
  byLight: { green: 0, yellow: 0, red: 0 },
  escalated: 0,
  closedLate: 0,
});
const emptyProjects = (): ProjectFigures => ({
  byStage: Object.fromEntries(projectStages.map((s) => [s, 0])) as Record<ProjectStage, number>,
  budgetYuan: 0,
  spentYuan: 0,
});
const emptyComments = (): CommentFigures => ({ onTime: 0, late: 0, open: 0, openRed: 0 });

/**
 * The dashboard of a township or the county for `year`: tasks assigned in the year or still open,
 * the year's projects, comments received in the year or still unanswered; one row per division
 * one level below (townships of a county; the township itself and its villages) and the total.
 */
export async function townshipDashboard(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
}) {
  const { db, scope, year } = opts;
  const division = await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  if (division.level !== 'county' && division.level !== 'township') {
    invalidField('divisionCode', {
      zh: '工作看板按乡镇（街道）或县（市、区）查看',
      en: 'The dashboard is for a township or a county',
    });
  }
  const today = todayIso();
  const inside = `${prefixOf(division.code)}%`;
  const yearFrom = `${year}-01-01`;
  const yearTo = `${year}-12-31`;

  const t = supervisionTasks;
  const taskKey = childOf(division.level, t.ownerCode);
  const open = sql`${t.state} <> 'closed'`;
  // escalated: red for `escalateAfterRedDays` days or more
  const escalatedBy = escalationDeadline(today);
  const taskRows = await db
    .select({
      key: taskKey,
      ...Object.fromEntries(taskStates.map((s) => [s, n(eq(t.state, s))])),
      green: n(and(open, inRange(t.deadline, 'green', today))),
      yellow: n(and(open, inRange(t.deadline, 'yellow', today))),
      red: n(and(open, inRange(t.deadline, 'red', today))),
      escalated: n(and(open, lte(t.deadline, escalatedBy))),
      closedLate: n(and(eq(t.state, 'closed'), sql`${t.closedOn} > ${t.deadline}`)),
    })
    .from(t)
    .where(
      and(
        or(scope.where(t.ownerCode), scope.where(t.assignerCode)),
        sql`${t.ownerCode} like ${inside}`,
        or(open, and(gte(t.assignedOn, yearFrom), lte(t.assignedOn, yearTo))),
      ),
    )
    .groupBy(taskKey);

  const p = villagerProjects;
  const projectKey = childOf(division.level, p.townshipCode);
  const built = sql`${p.stage} in ('voted_through', 'done')`;
  const projectRows = await db
    .select({
      key: projectKey,
      ...Object.fromEntries(projectStages.map((s) => [s, n(eq(p.stage, s))])),
      budgetYuan: sql<number>`coalesce(sum(${p.budgetYuan}) filter (where ${built}), 0)::bigint`,
      spentYuan: sql<number>`coalesce(sum(${p.spentYuan}) filter (where ${built}), 0)::bigint`,
    })
    .from(p)
    .where(
      and(scope.where(p.townshipCode), sql`${p.townshipCode} like ${inside}`, eq(p.year, year)),
    )
    .groupBy(projectKey);

  const c = publicComments;
  const commentKey = childOf(division.level, c.ownerCode);
  const commentRows = await db
    .select({
      key: commentKey,
      onTime: n(sql`${c.repliedOn} <= ${c.deadline}`),
      late: n(sql`${c.repliedOn} > ${c.deadline}`),
      open: n(isNull(c.repliedOn)),
      openRed: n(and(isNull(c.repliedOn), inRange(c.deadline, 'red', today))),
    })
    .from(c)
    .where(
      and(
        scope.where(c.ownerCode),
        sql`${c.ownerCode} like ${inside}`,
        or(isNull(c.repliedOn), and(gte(c.receivedOn, yearFrom), lte(c.receivedOn, yearTo))),
      ),
    )
    .groupBy(commentKey);

  const rows = new Map<string, Omit<DashboardRow, 'name'>>();
  const rowOf = (code: string) => {
    let row = rows.get(code);
    if (!row) {
      row = { code, tasks: emptyTasks(), projects: emptyProjects(), comments: emptyComments() };
      rows.set(code, row);
    }
    return row;
  };
  const num = (v: unknown) => Number(v ?? 0);
  for (const r of taskRows as (Record<string, unknown> & { key: string })[]) {
    const f = rowOf(r.key).tasks;
    for (const s of taskStates) f.byState[s] = num(r[s]);
    f.byLight = { green: num(r.green), yellow: num(r.yellow), red: num(r.red) };
    f.escalated = num(r.escalated);
    f.closedLate = num(r.closedLate);
  }
  for (const r of projectRows as (Record<string, unknown> & { key: string })[]) {
    const f = rowOf(r.key).projects;
    for (const s of projectStages) f.byStage[s] = num(r[s]);
    f.budgetYuan = num(r.budgetYuan);
    f.spentYuan = num(r.spentYuan);
  }
  for (const r of commentRows) {
    rowOf(r.key).comments = {
      onTime: num(r.onTime),
      late: num(r.late),
      open: num(r.open),
      openRed: num(r.openRed),
    };
  }
  const names = await divisionNames(db, [division.code, ...rows.keys()]);
  const list = [...rows.values()]
    .map((r) => ({ ...r, name: names.get(r.code) ?? r.code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const total: DashboardRow = {
    code: division.code,
    name: names.get(division.code) ?? division.code,
    tasks: emptyTasks(),
    projects: emptyProjects(),
    comments: emptyComments(),
  };
  for (const r of list) {
    for (const s of taskStates) total.tasks.byState[s] += r.tasks.byState[s];
    for (const l of ['green', 'yellow', 'red'] as const)
      total.tasks.byLight[l] += r.tasks.byLight[l];
    total.tasks.escalated += r.tasks.escalated;
    total.tasks.closedLate += r.tasks.closedLate;
    for (const s of projectStages) total.projects.byStage[s] += r.projects.byStage[s];
    total.projects.budgetYuan += r.projects.budgetYuan;
    total.projects.spentYuan += r.projects.spentYuan;
    for (const k of ['onTime', 'late', 'open', 'openRed'] as const)
      total.comments[k] += r.comments[k];
  }
  return { divisionCode: division.code, level: division.level, year, today, total, rows: list };
}
