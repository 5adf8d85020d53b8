// Stage deadlines (campaigns.lateSubjects, extendDeadline, deadlineExtensions) and cross-checking
// (campaigns.grantCrossCheck, revokeCrossCheck, crossChecks) of a campaign.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { deadlineLights } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { campaignStages, participationStates } from '../db/schema.js';
import { todayIso } from '../services/campaigns/participations.js';
import {
  extendDeadline,
  lateSubjects,
  listDeadlineExtensions,
} from '../services/campaigns/deadlines.js';
import {
  grantCrossCheck,
  listCrossChecks,
  revokeCrossCheck,
} from '../services/campaigns/cross-checks.js';
import { bi } from '../trpc/messages.js';
import { calendarDate } from './title-life-schemas.js';
import { divisionCode, paged, pagination } from './schemas.js';

const countyAdmins = requireRole(['system_admin', 'county_admin']);
const campaignId = z.uuid({ error: bi('编号无效', 'Invalid id') });

export const campaignDateProcedures = {
  /** The subjects still owing work in the current stage after its deadline, per township. */
  lateSubjects: authedProcedure
    .input(z.object({ id: campaignId, townshipCode: divisionCode.optional(), ...pagination }))
    .output(
      z.object({
        dueOn: z.string().nullable(),
        light: z.enum(deadlineLights),
        items: z.array(
          z.object({
            participationId: z.string(),
            villageCode: z.string(),
            villageName: z.string(),
            townshipCode: z.string(),
            townshipName: z.string().nullable(),
            state: z.enum(participationStates),
            dueOn: z.string(),
            daysLate: z.number().int(),
          }),
        ),
        total: z.number().int(),
        byTownship: z.array(
          z.object({
            townshipCode: z.string(),
            townshipName: z.string().nullable(),
            count: z.number().int(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) =>
      lateSubjects({
        db: ctx.db,
        scope: ctx.scope,
        userId: ctx.user.id,
        today: todayIso(),
        ...input,
      }),
    ),

  extendDeadline: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: campaignId,
        stage: z.enum(campaignStages, { error: bi('阶段无效', 'Unknown stage') }),
        to: calendarDate,
        reason: z
          .string()
          .trim()
          .min(1, { error: bi('请填写延期理由', 'The reason is required') })
          .max(500, { error: bi('理由最多500个字', 'At most 500 characters') }),
      }),
    )
    .use(inTransaction)
    .output(
      z.object({
        id: z.string(),
        stage: z.enum(campaignStages),
        fromDate: z.string().nullable(),
        toDate: z.string(),
        reason: z.string(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await extendDeadline({
        db: ctx.db,
        scope: ctx.scope,
        userId: ctx.user.id,
        ...input,
      });
      await ctx.audit({
        action: 'campaigns.extendDeadline',
        entity: 'campaign',
        entityId: row.campaignId,
        divisionCode: row.countyCode,
        before: { stage: row.stage, deadline: row.fromDate },
        after: { stage: row.stage, deadline: row.toDate, reason: row.reason },
      });
      return row;
    }),

  deadlineExtensions: authedProcedure
    .input(z.object({ id: campaignId, ...pagination }))
    .output(
      paged(
        z.object({
          id: z.string(),
          stage: z.enum(campaignStages),
          fromDate: z.string().nullable(),
          toDate: z.string(),
          reason: z.string(),
          createdAt: z.date(),
          createdBy: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => listDeadlineExtensions({ db: ctx.db, scope: ctx.scope, ...input })),

  /** 交叉检查: a township officer inspects another township's villages in this campaign. */
  grantCrossCheck: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: campaignId,
        userId: z.uuid({ error: bi('请选择乡镇干部', 'Choose a township officer') }),
        townshipCode: divisionCode,
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string(), userId: z.string(), townshipCode: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { grant } = await grantCrossCheck({
        db: ctx.db,
        scope: ctx.scope,
        grantedBy: ctx.user.id,
        ...input,
      });
      await ctx.audit({
        action: 'campaigns.grantCrossCheck',
        entity: 'campaign',
        entityId: grant.campaignId,
        divisionCode: grant.townshipCode,
        after: { userId: grant.userId, townshipCode: grant.townshipCode },
      });
      return grant;
    }),

  /** Ends a cross-check grant before the campaign closes. */
  revokeCrossCheck: writeProcedure
    .use(countyAdmins)
    .input(z.object({ id: campaignId, grantId: z.uuid({ error: bi('编号无效', 'Invalid id') }) }))
    .use(inTransaction)
    .output(z.object({ id: z.string(), userId: z.string(), townshipCode: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const grant = await revokeCrossCheck({ db: ctx.db, scope: ctx.scope, ...input });
      await ctx.audit({
        action: 'campaigns.revokeCrossCheck',
        entity: 'campaign',
        entityId: grant.campaignId,
        divisionCode: grant.townshipCode,
        before: { userId: grant.userId, townshipCode: grant.townshipCode },
      });
      return grant;
    }),

  crossChecks: authedProcedure
    .input(z.object({ id: campaignId, ...pagination }))
    .output(
      paged(
        z.object({
          id: z.string(),
          userId: z.string(),
          userName: z.string(),
          userScopeCode: z.string(),
          townshipCode: z.string(),
          townshipName: z.string(),
          createdAt: z.date(),
          /** False once the campaign is closed: the grant has ended. */
          active: z.boolean(),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      listCrossChecks({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, ...input }),
    ),
} satisfies TRPCRouterRecord;
