// Rule-of-law work registers (法治台账): the mediation register, monthly dispute screening, the
// township's monthly periods, and the live statistics rolled up from the records.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  disputeTypes,
  isRegisterMonth,
  mediationEscalations,
  mediationMethods,
  mediationOutcomes,
} from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { bi } from '../trpc/messages.js';
import { divisionCode, paged, pagination, version, year } from './schemas.js';
import { headCount, isoDate, shortText, uuid, warningOutput } from './records-schemas.js';
import { listMediation, removeMediation, saveMediation } from '../services/registers/mediation.js';
import {
  filesOfCase,
  listMediationCaseFiles,
  removeMediationCaseFile,
} from '../services/registers/mediation-files.js';
import { exportMediation, importMediation } from '../services/registers/mediation-workbook.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';
import {
  listScreenings,
  saveScreening,
  screeningReporting,
} from '../services/registers/screenings.js';
import {
  listPeriods,
  lockPeriod,
  periodLockRoles,
  periodReopenRoles,
  reopenPeriod,
} from '../services/registers/periods.js';
import { mediationStatistics } from '../services/registers/statistics.js';
import { pufaStatisticsProcedure } from './pufa.js';
import { mediationMonthly } from '../services/registers/statistics-monthly.js';
import { registerTrend, trendRegisters } from '../services/registers/statistics-trend.js';

export const month = z
  .string()
  .refine(isRegisterMonth, { error: bi('月份格式应为 YYYY-MM', 'A month is written YYYY-MM') });

const monthRange = { from: month, to: month };

const parties = z
  .number()
  .int({ error: bi('当事人数应为整数', 'The number of parties is a whole number') })
  .min(1, { error: bi('当事人至少一方', 'At least one party') })
  .max(10_000, { error: bi('当事人数不能超过10000', 'At most 10,000 parties') });

const mediationCaseOutput = z.object({
  id: z.string(),
  divisionCode: z.string(),
  townshipCode: z.string(),
  receivedOn: z.string(),
  type: z.enum(disputeTypes),
  parties: z.number(),
  partyNames: z.string().nullable(),
  mediator: z.string(),
  method: z.enum(mediationMethods),
  outcome: z.enum(mediationOutcomes),
  closedOn: z.string().nullable(),
  escalation: z.enum(mediationEscalations),
  agreementNo: z.string().nullable(),
  notes: z.string(),
  files: z.number(),
  version: z.number(),
  updatedAt: z.date(),
  warnings: z.array(warningOutput),
});

const caseFileOutput = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});

const mediationFilter = {
  divisionCode,
  from: isoDate.optional(),
  to: isoDate.optional(),
  ownOnly: z.boolean().optional(),
};

const workbook = z.base64({ error: bi('文件内容无效', 'Invalid file content') }).max(1_000_000, {
  error: bi('文件过大', 'The file is too large'),
});

export const mediationRouter = {
  /** The cases of a village, of a township (its own and its villages') or of a county, paged. */
  list: authedProcedure
    .input(z.object({ ...mediationFilter, ...pagination }))
    .output(paged(mediationCaseOutput))
    .query(({ ctx, input }) => listMediation({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The cases as listed (same filters, not paged) as an .xlsx workbook (base64). */
  export: authedProcedure
    .input(z.object(mediationFilter))
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(({ ctx, input }) => exportMediation({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports cases from the exported workbook (base64): every row or none. */
  import: writeProcedure
    .input(z.object({ divisionCode, workbook }))
    .use(inTransaction)
    .output(z.object({ added: z.number(), updated: z.number() }))
    .mutation(({ ctx, input }) =>
      importMediation({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /**
   * The files of a case (its 调解协议书 among them). Uploads go to
   * `POST /api/mediation/cases/:id/files`; downloads to `/api/evidence/:id`.
   */
  files: authedProcedure
    .input(z.object({ caseId: uuid }))
    .output(z.array(caseFileOutput))
    .query(({ ctx, input }) =>
      listMediationCaseFiles({ db: ctx.db, scope: ctx.scope, caseId: input.caseId }),
    ),

  /** Removes a file of a case of open months (not the last one of a settled written agreement). */
  removeFile: writeProcedure
    .input(z.object({ id: uuid }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await removeMediationCaseFile({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        id: input.id,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) ctx.afterCommit(() => deleteEvidenceFile(dataDir, row));
      return { id: row.id };
    }),

  /** Records a case, or corrects one (`id` and the `version` read). */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        receivedOn: isoDate,
        type: z.enum(disputeTypes, { error: bi('纠纷类型无效', 'Unknown dispute type') }),
        parties,
        partyNames: shortText(200).optional(),
        mediator: shortText(50).optional(),
        method: z.enum(mediationMethods, { error: bi('调解方式无效', 'Unknown method') }),
        outcome: z.enum(mediationOutcomes, { error: bi('调解结果无效', 'Unknown outcome') }),
        closedOn: isoDate.nullish(),
        escalation: z
          .enum(mediationEscalations, { error: bi('激化情况无效', 'Unknown escalation') })
          .optional(),
        agreementNo: shortText(100).optional(),
        notes: shortText(2000).optional(),
      }),
    )
    .use(inTransaction)
    .output(mediationCaseOutput)
    .mutation(({ ctx, input }) =>
      saveMediation({ db: ctx.db, scope: ctx.scope, role: ctx.user.role, audit: ctx.audit, input }),
    ),

  /** Deletes a case of a month not locked, and after the commit its files' bytes. */
  remove: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const files = await filesOfCase(ctx.db, input.id);
      const result = await removeMediation({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) for (const f of files) ctx.afterCommit(() => deleteEvidenceFile(dataDir, f));
      return result;
    }),
} satisfies TRPCRouterRecord;

const screeningOutput = z.object({
  id: z.string(),
  villageCode: z.string(),
  month: z.string(),
  zeroReport: z.boolean(),
  screenedOn: z.string().nullable(),
  disputesFound: z.number(),
  notes: z.string(),
  reportedOn: z.string(),
  timeliness: z.enum(['missing', 'on_time', 'late']),
  version: z.number(),
});

export const screeningsRouter = {
  list: authedProcedure
    .input(z.object({ divisionCode, ...monthRange, ...pagination }))
    .output(paged(screeningOutput))
    .query(({ ctx, input }) => listScreenings({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Records a village's monthly screening, or its 零报告; one report a month, corrected in place. */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        month,
        zeroReport: z.boolean(),
        screenedOn: isoDate.nullish(),
        disputesFound: headCount,
        notes: shortText(2000).optional(),
      }),
    )
    .use(inTransaction)
    .output(screeningOutput)
    .mutation(({ ctx, input }) =>
      saveScreening({ db: ctx.db, scope: ctx.scope, role: ctx.user.role, audit: ctx.audit, input }),
    ),

  /** Reporting rate and timeliness per month, and each village's months (villages paged). */
  reporting: authedProcedure
    .input(z.object({ divisionCode, ...monthRange, ...pagination }))
    .output(
      z.object({
        months: z.array(
          z.object({
            month: z.string(),
            villages: z.number(),
            reported: z.number(),
            onTime: z.number(),
            reportingRate: z.number().nullable(),
            lockedTownships: z.number(),
          }),
        ),
        items: z.array(
          z.object({
            villageCode: z.string(),
            name: z.string(),
            months: z.array(
              z.object({
                month: z.string(),
                timeliness: z.enum(['missing', 'on_time', 'late']),
                zeroReport: z.boolean().nullable(),
              }),
            ),
          }),
        ),
        total: z.number(),
      }),
    )
    .query(({ ctx, input }) => screeningReporting({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;

const periodOutput = z.object({
  townshipCode: z.string(),
  month: z.string(),
  locked: z.boolean(),
  lockedAt: z.date().nullable(),
  lockedBy: z.string().nullable(),
  reopenReason: z.string().nullable(),
  version: z.number(),
});

export const periodsRouter = {
  list: authedProcedure
    .input(z.object({ divisionCode, ...monthRange }))
    .output(z.array(periodOutput))
    .query(({ ctx, input }) => listPeriods({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The township closes a month: its registers are approved and locked. */
  lock: writeProcedure
    .use(requireRole(periodLockRoles))
    .input(z.object({ townshipCode: divisionCode, month }))
    .use(inTransaction)
    .output(periodOutput)
    .mutation(({ ctx, input }) =>
      lockPeriod({ db: ctx.db, scope: ctx.scope, user: ctx.user, audit: ctx.audit, ...input }),
    ),

  /** The county reopens a locked month, with its reason. */
  reopen: writeProcedure
    .use(requireRole(periodReopenRoles))
    .input(
      z.object({
        townshipCode: divisionCode,
        month,
        reason: shortText(500).min(2, {
          error: bi('请填写解锁原因', 'Give the reason for reopening'),
        }),
      }),
    )
    .use(inTransaction)
    .output(periodOutput)
    .mutation(({ ctx, input }) =>
      reopenPeriod({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),
} satisfies TRPCRouterRecord;

const figures = {
  received: z.number(),
  closed: z.number(),
  succeeded: z.number(),
  oral: z.number(),
  written: z.number(),
  petition: z.number(),
  criminal: z.number(),
  handlingRate: z.number().nullable(),
  successRate: z.number().nullable(),
};
const statisticsRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  own: z.boolean(),
  ...figures,
  previousPeriod: z.object({ from: z.string(), to: z.string(), ...figures }),
  /** The same period a year earlier (同比). */
  yearBefore: z.object({ from: z.string(), to: z.string(), ...figures }),
});
const localized = z.object({ zh: z.string(), en: z.string() });
const definition = z.object({
  numerator: z.string(),
  denominator: z.string(),
  name: localized,
  formula: localized,
  source: z.object({ text: localized, verified: z.boolean() }),
});

const monthlyRow = z.object({
  month: z.string().nullable(),
  ...figures,
  byType: z.record(z.enum(disputeTypes), z.number()),
});

export const mediationStatisticsOutput = statisticsRow.extend({
  from: z.string(),
  to: z.string(),
  children: z.array(statisticsRow),
  definitions: z.object({ handlingRate: definition, successRate: definition }),
});

export const statisticsRouter = {
  /** The mediation figures of a division and of each child division, live from the records. */
  mediation: authedProcedure
    .input(z.object({ divisionCode, from: isoDate, to: isoDate }))
    .output(mediationStatisticsOutput)
    .query(({ ctx, input }) => mediationStatistics({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The 普法 figures of a division and of each child division, live from the register. */
  pufa: pufaStatisticsProcedure,
  /**
   * A register's figures month by month for a division and a period (普法, advisers' duty and
   * services, community correction): the 统计 page's trend charts.
   */
  trend: authedProcedure
    .input(
      z.object({
        register: z.enum(trendRegisters, { error: bi('台账类别无效', 'Unknown register') }),
        divisionCode,
        from: isoDate,
        to: isoDate,
      }),
    )
    .output(
      z.object({
        code: z.string(),
        name: z.string(),
        register: z.enum(trendRegisters),
        series: z.array(z.string()),
        months: z.array(z.object({ month: z.string(), values: z.record(z.string(), z.number()) })),
      }),
    )
    .query(({ ctx, input }) => registerTrend({ db: ctx.db, scope: ctx.scope, ...input })),
  /** The Ministry-style monthly table: each month of the year by dispute type, and the total. */
  mediationMonthly: authedProcedure
    .input(z.object({ divisionCode, year }))
    .output(
      z.object({
        code: z.string(),
        name: z.string(),
        year: z.number(),
        months: z.array(monthlyRow),
        total: monthlyRow,
      }),
    )
    .query(({ ctx, input }) => mediationMonthly({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
