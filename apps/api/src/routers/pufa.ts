// The 普法 register (法治宣传教育台账): activities of villages and townships, the villages' rosters
// of 法律明白人 and 宣讲员, the annual 普法 plans, and the live 普法 statistics.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { pufaActivityTypes, pufaExamResults, pufaRosterRoles } from '@fazhi/domain';
import { authedProcedure, writeProcedure } from '../trpc/init.js';
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
  version: z.number(),
  updatedAt: z.date(),
  warnings: z.array(warningOutput),
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

export const pufaRouter = {
  /** The activities of a village, of a township (its own and its villages') or of a county, paged. */
  listActivities: authedProcedure
    .input(
      z.object({
        divisionCode,
        from: isoDate.optional(),
        to: isoDate.optional(),
        type: activityType.optional(),
        ownOnly: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(activityOutput))
    .query(({ ctx, input }) => listPufaActivities({ db: ctx.db, scope: ctx.scope, ...input })),

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

  /** Deletes an activity of a month not locked. */
  removeActivity: writeProcedure
    .input(z.object({ id: uuid, version }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removePufaActivity({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** The 法律明白人 and 宣讲员 of a village, or of a township's or county's villages, paged. */
  listRoster: authedProcedure
    .input(
      z.object({
        divisionCode,
        role: z.enum(pufaRosterRoles, { error: bi('名册类别无效', 'Unknown roster') }).optional(),
        ...pagination,
      }),
    )
    .output(paged(rosterOutput))
    .query(({ ctx, input }) => listPufaRoster({ db: ctx.db, scope: ctx.scope, ...input })),

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
