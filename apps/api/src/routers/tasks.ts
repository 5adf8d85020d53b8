// 督查督办: supervision tasks (issue #13). Stable names: tasks.save, tasks.report, tasks.close,
// tasks.list({ divisionCode, state?, light? }).
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { trafficLights } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { taskRatings, taskSources, taskStates } from '../db/schema.js';
import {
  closeTask,
  decideExtension,
  getTask,
  listTasks,
  reportTask,
  requestExtension,
  returnTask,
  saveTask,
} from '../services/township/tasks.js';
import { taskBulletin, taskBulletinWorkbook } from '../services/township/bulletin.js';
import { taskRatingMetricsOf } from '../services/township/ratings.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import { isoDate, requiredText, shortText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';
import { townshipFile } from './budget.js';
import { removeTaskReportFile } from '../services/township/files.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';

const offices = ['system_admin', 'county_admin', 'township_officer'] as const;

const state = z.enum(taskStates, { error: bi('任务状态无效', 'Unknown task state') });
const light = z.enum(trafficLights as ['green', 'yellow', 'red'], {
  error: bi('灯色无效', 'Unknown light'),
});
const rating = z.enum(taskRatings, { error: bi('评价无效', 'Unknown rating') });
const percent = z
  .number()
  .int({ error: bi('完成比例应为整数', 'The percentage is a whole number') })
  .min(0, { error: bi('完成比例应在0至100之间', 'The percentage lies between 0 and 100') })
  .max(100, { error: bi('完成比例应在0至100之间', 'The percentage lies between 0 and 100') });

const milestone = z.object({ title: requiredText(200), due: isoDate, done: z.boolean() });

const task = z.object({
  id: z.string(),
  assignerCode: z.string(),
  assignerName: z.string(),
  ownerCode: z.string(),
  ownerName: z.string(),
  ownerUnit: z.string().nullable(),
  title: z.string(),
  source: z.enum(taskSources),
  detail: z.string(),
  responsible: z.string(),
  assignedOn: z.string(),
  deadline: z.string(),
  milestones: z.array(milestone),
  state,
  percentDone: z.number(),
  extensionPending: z.boolean(),
  extensionTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  rating: rating.nullable(),
  ratingNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  closedLate: z.boolean(),
  light: light.nullable(),
  redDays: z.number(),
  escalated: z.boolean(),
  version: z.number(),
});

const report = z.object({
  id: z.number(),
  kind: z.string(),
  on: z.string(),
  text: z.string(),
  percentDone: z.number().nullable(),
  /** Names of files recorded without their bytes (reports made before uploads). */
  files: z.array(z.string()),
  /** The files uploaded onto the report (download: `/api/evidence/:id`). */
  attachments: z.array(townshipFile),
  byName: z.string(),
});

const bulletinRow = z.object({
  ownerCode: z.string(),
  ownerName: z.string(),
  assigned: z.number(),
  closed: z.number(),
  closedLate: z.number(),
  overdueOpen: z.number(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  dissatisfied: z.number(),
});

const target = { id: uuid, version };
const bulletinInput = z.object({ divisionCode, from: isoDate, to: isoDate });

const changer = (ctx: {
  db: Parameters<typeof saveTask>[0]['db'];
  scope: Parameters<typeof saveTask>[0]['scope'];
  audit: Parameters<typeof saveTask>[0]['audit'];
  user: { displayName: string };
}) => ({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, byName: ctx.user.displayName });

export const tasksRouter = {
  /** Tasks owned or assigned inside a division, by state and light, a page at a time. */
  list: authedProcedure
    .input(
      z.object({
        divisionCode,
        state: state.optional(),
        light: light.optional(),
        /** Only open tasks escalated to the level above. */
        escalated: z.boolean().optional(),
        /** Only tasks closed after their deadline. */
        closedLate: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(task))
    .query(({ ctx, input }) => listTasks({ db: ctx.db, scope: ctx.scope, ...input })),

  /** A task with its reports, requests and decisions. */
  get: authedProcedure
    .input(z.object({ id: uuid }))
    .output(task.extend({ reports: z.array(report) }))
    .query(({ ctx, input }) => getTask({ db: ctx.db, scope: ctx.scope, id: input.id })),

  /** 立项交办 (or an edit before closing): the assigning township or county office. */
  save: writeProcedure
    .use(requireRole(offices))
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        assignerCode: divisionCode,
        ownerCode: divisionCode,
        ownerUnit: shortText(100).nullish(),
        title: requiredText(200),
        source: z.enum(taskSources, { error: bi('任务来源无效', 'Unknown source') }),
        detail: shortText(5000).optional(),
        responsible: requiredText(100),
        assignedOn: isoDate,
        deadline: isoDate,
        milestones: z.array(milestone).max(20).optional(),
      }),
    )
    .use(inTransaction)
    .output(task)
    .mutation(({ ctx, input }) =>
      saveTask({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /**
   * Progress from the owning division; `requestClose` asks to close. Returns the task and the new
   * report's id, onto which its files are uploaded.
   */
  report: writeProcedure
    .input(
      z.object({
        ...target,
        text: requiredText(5000),
        percentDone: percent.optional(),
        requestClose: z.boolean().optional(),
        milestonesDone: z.array(z.number().int().min(0).max(19)).max(20).optional(),
      }),
    )
    .use(inTransaction)
    .output(task.extend({ reportId: z.number() }))
    .mutation(({ ctx, input }) => reportTask({ ...changer(ctx), input })),

  /**
   * A file of a progress report removed by the owning division, before the task is closed
   * (uploads: `POST /api/tasks/:id/reports/:reportId/files`).
   */
  removeReportFile: writeProcedure
    .input(z.object({ id: uuid }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await removeTaskReportFile({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        id: input.id,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) ctx.afterCommit(() => deleteEvidenceFile(dataDir, row));
      return { id: row.id };
    }),

  /** 已办结 with the assigning office's rating (满意 / 基本满意 / 不满意). */
  close: writeProcedure
    .use(requireRole(offices))
    .input(z.object({ ...target, rating, note: shortText(1000).optional() }))
    .use(inTransaction)
    .output(task)
    .mutation(({ ctx, input }) => closeTask({ ...changer(ctx), input })),

  /** 退回重办: the request to close is refused, with the reason. */
  return: writeProcedure
    .use(requireRole(offices))
    .input(z.object({ ...target, reason: requiredText(1000) }))
    .use(inTransaction)
    .output(task)
    .mutation(({ ctx, input }) => returnTask({ ...changer(ctx), input })),

  /** 延期申请 by the owner: a later deadline and why. */
  requestExtension: writeProcedure
    .input(z.object({ ...target, to: isoDate, reason: requiredText(1000) }))
    .use(inTransaction)
    .output(task)
    .mutation(({ ctx, input }) => requestExtension({ ...changer(ctx), input })),

  /** The assigning office approves (the deadline moves) or refuses the extension. */
  decideExtension: writeProcedure
    .use(requireRole(offices))
    .input(z.object({ ...target, approve: z.boolean(), note: shortText(1000).optional() }))
    .use(inTransaction)
    .output(task)
    .mutation(({ ctx, input }) => decideExtension({ ...changer(ctx), input })),

  /** 通报: per owning unit, tasks assigned and closed in the period and those overdue now. */
  bulletin: authedProcedure
    .input(bulletinInput)
    .output(
      z.object({ from: z.string(), to: z.string(), today: z.string(), rows: z.array(bulletinRow) }),
    )
    .query(({ ctx, input }) => taskBulletin({ db: ctx.db, scope: ctx.scope, ...input })),

  /**
   * The assigning offices' ratings of the division's tasks closed in the period as record metrics
   * (`tasks.*` of @fazhi/domain: what `deriveAnswers` reads for the annual assessment).
   */
  ratingMetrics: authedProcedure
    .input(z.object({ divisionCode, from: isoDate, to: isoDate }))
    .output(
      z.object({
        divisionCode: z.string(),
        period: z.object({ from: z.string(), to: z.string() }),
        values: z.record(z.string(), z.number()),
      }),
    )
    .query(({ ctx, input }) => taskRatingMetricsOf({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The 通报 as an .xlsx workbook (base64); as Word: GET /api/reports/task-bulletin.docx. */
  bulletinWorkbook: authedProcedure
    .input(bulletinInput)
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(({ ctx, input }) => taskBulletinWorkbook({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
