// 参与式预算 for a key project (issue #13, item 3): five stages, each with its record, in order.
// A township officer of the township writes; the county reads every township's.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  budgetRecordKinds,
  budgetStages,
  type BudgetRecordKind,
  type BudgetStage,
} from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import {
  addInspection,
  addMeeting,
  addRequest,
  agreePlan,
  getKeyProject,
  listKeyProjects,
  markRectified,
  recordAppraisal,
  recordTender,
  removeBudgetRecord,
  saveKeyProject,
  updateBudgetRecord,
} from '../services/township/budget.js';
import { removeBudgetRecordFile } from '../services/township/files.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';
import { divisionCode, paged, pagination, version, year } from './schemas.js';
import { headCount, isoDate, requiredText, shortText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const township = requireRole(['system_admin', 'township_officer']);

const yuan = z
  .number()
  .int({ error: bi('金额以元为单位，应为整数', 'Amounts are whole yuan') })
  .min(0, { error: bi('金额不能为负数', 'An amount cannot be negative') })
  .max(100_000_000_000, { error: bi('金额过大', 'The amount is too large') });

const stage = z.enum(budgetStages as readonly [BudgetStage, ...BudgetStage[]]);
const stagesDone = z.record(stage, z.boolean());
const project = z.object({
  id: z.string(),
  townshipCode: z.string(),
  year: z.number(),
  title: z.string(),
  summary: z.string(),
  villagerProjectId: z.string().nullable(),
  version: z.number(),
  stagesDone,
  currentStage: z.union([stage, z.literal('complete')]),
});
/** A file kept with a stage record (download: `/api/evidence/:id`). */
export const townshipFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});
const record = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.enum(budgetRecordKinds as readonly [BudgetRecordKind, ...BudgetRecordKind[]]),
  on: z.string(),
  text: z.string(),
  people: z.number(),
  convenor: z.string().nullable(),
  ideaId: z.string().nullable(),
  commentId: z.string().nullable(),
  fileName: z.string().nullable(),
  winningFirm: z.string().nullable(),
  amountYuan: z.number().nullable(),
  engineerPresent: z.boolean().nullable(),
  rectification: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  satisfied: z.number().nullable(),
  basicallySatisfied: z.number().nullable(),
  unsatisfied: z.number().nullable(),
  rectifications: z.array(z.object({ text: z.string(), doneOn: z.string().nullable() })),
  files: z.array(townshipFile),
});
const detail = project.extend({ records: z.array(record) });

/** The project a stage's record is added to, at the version the form was read. */
const target = { id: uuid, version, on: isoDate };

export const budgetRouter = {
  /** A township's key projects of a year, with the stage each has reached. */
  list: authedProcedure
    .input(z.object({ divisionCode, year, ...pagination }))
    .output(paged(project))
    .query(({ ctx, input }) => listKeyProjects({ db: ctx.db, scope: ctx.scope, ...input })),

  /** A key project with the records of its five stages. */
  get: authedProcedure
    .input(z.object({ id: uuid }))
    .output(detail)
    .query(({ ctx, input }) => getKeyProject({ db: ctx.db, scope: ctx.scope, id: input.id })),

  /** A key project entered, or one the township congress voted through carried; or renamed. */
  save: writeProcedure
    .use(township)
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        year,
        title: requiredText(200),
        summary: shortText(1000).optional(),
        villagerProjectId: uuid.nullish(),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      saveKeyProject({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** Stage 1: a request behind the project (from an idea, a comment, or told at a meeting). */
  addRequest: writeProcedure
    .use(township)
    .input(
      z.object({
        ...target,
        summary: requiredText(500),
        raisedBy: headCount,
        ideaId: uuid.nullish(),
        commentId: uuid.nullish(),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      addRequest({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** Stage 2: a design meeting with villagers' representatives. */
  addMeeting: writeProcedure
    .use(township)
    .input(
      z.object({
        ...target,
        representatives: headCount,
        convenor: shortText(50).nullish(),
        summary: requiredText(2000),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      addMeeting({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /**
   * Stage 2: the plan agreed with the representatives (its files are uploaded onto the record:
   * `POST /api/budget/records/:id/files`).
   */
  agreePlan: writeProcedure
    .use(township)
    .input(z.object({ ...target, plan: requiredText(4000) }))
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      agreePlan({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** Stage 3: the tender attended by representatives, and its outcome. */
  recordTender: writeProcedure
    .use(township)
    .input(
      z.object({
        ...target,
        representatives: headCount,
        winningFirm: requiredText(200),
        amountYuan: yuan,
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      recordTender({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** Stage 4: an inspection of the construction by representatives. */
  addInspection: writeProcedure
    .use(township)
    .input(
      z.object({
        ...target,
        representatives: headCount,
        engineerPresent: z.boolean(),
        findings: requiredText(2000),
        rectification: shortText(1000).nullish(),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      addInspection({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** Stage 5: the residents' appraisal of the finished project (民主评议). */
  recordAppraisal: writeProcedure
    .use(township)
    .input(
      z.object({
        ...target,
        participants: headCount,
        satisfied: headCount,
        basicallySatisfied: headCount,
        unsatisfied: headCount,
        rectifications: z.array(requiredText(500)).max(20),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      recordAppraisal({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** A rectification asked by an inspection or by the appraisal, done. */
  markRectified: writeProcedure
    .use(township)
    .input(
      z.object({
        id: uuid,
        version,
        recordId: uuid,
        item: z.number().int().min(0).max(19).optional(),
        doneOn: isoDate,
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      markRectified({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /**
   * A stage record corrected: its date and the fields of its kind (those of other kinds are
   * ignored), at the version it was read (else RECORD_CONFLICT).
   */
  updateRecord: writeProcedure
    .use(township)
    .input(
      z.object({
        recordId: uuid,
        version,
        on: isoDate.optional(),
        summary: requiredText(2000).optional(),
        raisedBy: headCount.optional(),
        representatives: headCount.optional(),
        convenor: shortText(50).nullish(),
        plan: requiredText(4000).optional(),
        winningFirm: requiredText(200).optional(),
        amountYuan: yuan.optional(),
        engineerPresent: z.boolean().optional(),
        findings: requiredText(2000).optional(),
        rectification: shortText(1000).nullish(),
        participants: headCount.optional(),
        satisfied: headCount.optional(),
        basicallySatisfied: headCount.optional(),
        unsatisfied: headCount.optional(),
      }),
    )
    .use(inTransaction)
    .output(detail)
    .mutation(({ ctx, input }) =>
      updateBudgetRecord({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /**
   * A stage record deleted (confirmed by the user), at the version it was read, unless a later
   * stage's records depend on it; its files go with it.
   */
  removeRecord: writeProcedure
    .use(township)
    .input(z.object({ recordId: uuid, version }))
    .use(inTransaction)
    .output(detail)
    .mutation(async ({ ctx, input }) => {
      const { project, files } = await removeBudgetRecord({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        ...input,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) for (const f of files) ctx.afterCommit(() => deleteEvidenceFile(dataDir, f));
      return project;
    }),

  /**
   * A file of a stage record removed (uploads: `POST /api/budget/records/:recordId/files`).
   */
  removeRecordFile: writeProcedure
    .use(township)
    .input(z.object({ id: uuid }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await removeBudgetRecordFile({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        id: input.id,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) ctx.afterCommit(() => deleteEvidenceFile(dataDir, row));
      return { id: row.id };
    }),
} satisfies TRPCRouterRecord;
