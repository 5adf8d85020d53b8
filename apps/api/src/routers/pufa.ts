// The 普法 register (法治宣传教育台账): activities of villages and townships, the villages' rosters
// of 法律明白人 and 宣讲员, the annual 普法 plans, and the live 普法 statistics.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { pufaActivityTypes, pufaExamResults, pufaRosterRoles } from '@fazhi/domain';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { bi } from '../trpc/messages.js';
import { divisionCode, paged, pagination, version, year } from './schemas.js';
import {
  headCount,
  isoDate,
  requiredText,
  shortText,
  uuid,
  warningOutput,
} from './records-schemas.js';
import {
  listPufaActivities,
  removePufaActivity,
  savePufaActivity,
} from '../services/registers/pufa-activities.js';
import {
  listPufaRoster,
  removePufaRosterMember,
  savePufaRosterMember,
} from '../services/registers/pufa-roster.js';
import {
  listPufaPlan,
  removePufaPlanItem,
  savePufaPlanItem,
} from '../services/registers/pufa-plan.js';
import { pufaStatistics } from '../services/registers/pufa-statistics.js';
import {
  listPufaActivityPhotos,
  photosOfActivity,
  removePufaActivityPhoto,
} from '../services/registers/pufa-photos.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';
import {
  exportPufaActivities,
  exportPufaRoster,
  importPufaActivities,
  importPufaRoster,
} from '../services/registers/register-workbooks.js';

const activityType = z.enum(pufaActivityTypes, {
  error: bi('活动类型无效', 'Unknown kind of activity'),
});

const activityOutput = z.object({
  id: z.string(),
  divisionCode: z.string(),
  townshipCode: z.string(),
  type: z.enum(pufaActivityTypes),
  heldOn: z.string(),
  place: z.string(),
  organiser: z.string(),
  participants: z.number(),
  materials: z.number(),
  notes: z.string(),
  photos: z.number(),
  version: z.number(),
  updatedAt: z.date(),
  warnings: z.array(warningOutput),
});

const photoOutput = z.object({
  id: z.string(),
  activityId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});

const rosterOutput = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  role: z.enum(pufaRosterRoles),
  name: z.string().nullable(),
  trainingHours: z.number(),
  examResult: z.enum(pufaExamResults),
  examOn: z.string().nullable(),
  notes: z.string(),
  version: z.number(),
  warnings: z.array(warningOutput),
});

const planOutput = z.object({
  id: z.string(),
  divisionCode: z.string(),
  year: z.number(),
  title: z.string(),
  activityType: z.enum(pufaActivityTypes).nullable(),
  targetCount: z.number().nullable(),
  held: z.number().nullable(),
  dueOn: z.string(),
  progress: z.number(),
  notes: z.string(),
  version: z.number(),
  warnings: z.array(warningOutput),
});

const trainingHours = z
  .number({ error: bi('培训学时应为数字', 'Training hours are a number') })
  .min(0, { error: bi('培训学时不能为负数', 'Training hours cannot be negative') })
  .max(2000, { error: bi('培训学时不能超过2000', 'At most 2,000 training hours') })
  .multipleOf(0.5, { error: bi('培训学时以0.5学时为单位', 'Training hours go by half hours') });

const progress = z
  .number()
  .int({ error: bi('进度应为整数', 'Progress is a whole number') })
  .min(0, { error: bi('进度应在0至100之间', 'Progress lies between 0 and 100') })
  .max(100, { error: bi('进度应在0至100之间', 'Progress lies between 0 and 100') });

const workbookFile = z.object({ fileName: z.string(), base64: z.string() });
const workbook = z.base64({ error: bi('文件内容无效', 'Invalid file content') }).max(1_000_000, {
  error: bi('文件过大', 'The file is too large'),
});
const importResult = z.object({ added: z.number(), updated: z.number() });
const activityFilter = {
  divisionCode,
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: activityType.optional(),
  ownOnly: z.boolean().optional(),
};
const rosterRole = z.enum(pufaRosterRoles, { error: bi('名册类别无效', 'Unknown roster') });

export const pufaRouter = {
  /** The activities of a village, of a township (its own and its villages') or of a county, paged. */
  listActivities: authedProcedure
    .input(z.object({ ...activityFilter, ...pagination }))
    .output(paged(activityOutput))
    .query(({ ctx, input }) => listPufaActivities({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The activities as listed (same filters, not paged) as an .xlsx workbook (base64). */
  exportActivities: authedProcedure
    .input(z.object(activityFilter))
    .output(workbookFile)
    .query(({ ctx, input }) => exportPufaActivities({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports activities from the exported workbook (base64): every row or none. */
  importActivities: writeProcedure
    .input(z.object({ divisionCode, workbook }))
    .use(inTransaction)
    .output(importResult)
    .mutation(({ ctx, input }) =>
      importPufaActivities({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** Records an activity, or corrects one (`id` and the `version` read). */
  saveActivity: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        type: activityType,
        heldOn: isoDate,
        place: requiredText(100),
        organiser: requiredText(100),
        participants: headCount,
        materials: headCount.optional(),
        notes: shortText(2000).optional(),
      }),
    )
    .use(inTransaction)
    .output(activityOutput)
    .mutation(({ ctx, input }) =>
      savePufaActivity({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        input,
      }),
    ),

  /** Deletes an activity of a month not locked, and after the commit its photos' bytes. */
  removeActivity: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const photos = await photosOfActivity(ctx.db, input.id);
      const result = await removePufaActivity({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) for (const p of photos) ctx.afterCommit(() => deleteEvidenceFile(dataDir, p));
      return result;
    }),

  /**
   * The photos of an activity. Uploads go to `POST /api/pufa/activities/:activityId/photos`;
   * downloads to `/api/evidence/:id`.
   */
  activityPhotos: authedProcedure
    .input(z.object({ activityId: uuid }))
    .output(z.array(photoOutput))
    .query(({ ctx, input }) =>
      listPufaActivityPhotos({ db: ctx.db, scope: ctx.scope, activityId: input.activityId }),
    ),

  /** Removes a photo of an activity of a month not locked. */
  removeActivityPhoto: writeProcedure
    .input(z.object({ id: uuid }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await removePufaActivityPhoto({
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

  /** The 法律明白人 and 宣讲员 of a village, or of a township's or county's villages, paged. */
  listRoster: authedProcedure
    .input(z.object({ divisionCode, role: rosterRole.optional(), ...pagination }))
    .output(paged(rosterOutput))
    .query(({ ctx, input }) => listPufaRoster({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The roster as listed (not paged) as an .xlsx workbook (base64). */
  exportRoster: authedProcedure
    .input(z.object({ divisionCode, role: rosterRole.optional() }))
    .output(workbookFile)
    .query(({ ctx, input }) => exportPufaRoster({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports roster members from the exported workbook (base64): every row or none. */
  importRoster: writeProcedure
    .input(z.object({ divisionCode, workbook }))
    .use(inTransaction)
    .output(importResult)
    .mutation(({ ctx, input }) =>
      importPufaRoster({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** Adds a member to a village's roster, or corrects one. No ID numbers. */
  saveRosterMember: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        role: z.enum(pufaRosterRoles, { error: bi('名册类别无效', 'Unknown roster') }),
        name: shortText(50).optional(),
        trainingHours,
        examResult: z.enum(pufaExamResults, { error: bi('考核结果无效', 'Unknown exam result') }),
        examOn: isoDate.nullish(),
        notes: shortText(500).optional(),
      }),
    )
    .use(inTransaction)
    .output(rosterOutput)
    .mutation(({ ctx, input }) =>
      savePufaRosterMember({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        input,
      }),
    ),

  /** Takes a member off a village's roster. */
  removeRosterMember: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removePufaRosterMember({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** The annual 普法 plan of a township, or of a county and its townships, paged. */
  listPlan: authedProcedure
    .input(z.object({ divisionCode, year, ...pagination }))
    .output(paged(planOutput))
    .query(({ ctx, input }) => listPufaPlan({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Adds an item to a township's or the county's plan, or updates it and its progress. */
  savePlanItem: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        year,
        title: requiredText(200),
        activityType: activityType.nullish(),
        targetCount: headCount.nullish(),
        dueOn: isoDate,
        progress,
        notes: shortText(2000).optional(),
      }),
    )
    .use(inTransaction)
    .output(planOutput)
    .mutation(({ ctx, input }) =>
      savePufaPlanItem({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        input,
      }),
    ),

  /** Takes an item off a plan. */
  removePlanItem: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removePufaPlanItem({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),
} satisfies TRPCRouterRecord;

const activityFigures = {
  activities: z.number(),
  participants: z.number(),
  materials: z.number(),
  byType: z.record(z.enum(pufaActivityTypes), z.number()),
};
const pufaStatisticsRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  own: z.boolean(),
  ...activityFigures,
  legalLiterate: z.number(),
  trained: z.number(),
  passed: z.number(),
  lecturers: z.number(),
  previousPeriod: z.object({ from: z.string(), to: z.string(), ...activityFigures }),
  /** The same period a year earlier (同比). */
  yearBefore: z.object({ from: z.string(), to: z.string(), ...activityFigures }),
});

/** `statistics.pufa`: the 普法 figures of a division and of each child division, live. */
export const pufaStatisticsProcedure = authedProcedure
  .input(z.object({ divisionCode, from: isoDate, to: isoDate }))
  .output(
    pufaStatisticsRow.extend({
      from: z.string(),
      to: z.string(),
      trainedHours: z.number(),
      children: z.array(pufaStatisticsRow),
    }),
  )
  .query(({ ctx, input }) => pufaStatistics({ db: ctx.db, scope: ctx.scope, ...input }));
