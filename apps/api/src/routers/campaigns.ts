import { isWholeHundredths } from '@fazhi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { campaignNameLength } from '@fazhi/domain';
import { and, eq } from 'drizzle-orm';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { campaignLevels, campaignStages, campaigns, participationStates } from '../db/schema.js';
import { campaignModes, scorecardGrades, subjectLevels, type Grade } from '@fazhi/domain';
import {
  advanceBlockers,
  advanceCampaign,
  type CampaignViewer,
  createCampaign,
  findCampaign,
  listCampaigns,
  present,
  removeCampaign,
  stateCounts,
  updateCampaign,
  recordPeriodOf,
} from '../services/campaigns/campaigns.js';
import { getFramework } from '../services/campaigns/frameworks.js';
import { campaignRankingPage, campaignResults, noticeList } from '../services/campaigns/results.js';
import { todayIso } from '../services/campaigns/participations.js';
import { isPublished, noticeParticulars } from '../services/campaigns/public-notice.js';
import { bi } from '../trpc/messages.js';
import type { Scope } from '../auth/scope.js';
import { campaignOutput, divisionCode, paged, pagination, year } from './schemas.js';
import { campaignCloseProcedures } from './campaign-close.js';
import { campaignDateProcedures } from './campaign-dates.js';
import { campaignPilotProcedures } from './campaign-pilots.js';
import { requireOpen } from '../services/campaigns/close.js';

const countyAdmins = requireRole(['system_admin', 'county_admin']);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bi('日期格式应为YYYY-MM-DD', 'Use YYYY-MM-DD') });
const points = z
  .number()
  .min(0)
  .refine(isWholeHundredths, { error: bi('分数最多两位小数', 'At most two decimals') });

const campaign = campaignOutput;

/** A campaign's settings, as created (all of them) and updated (each optional). */
const campaignSettings = {
  name: z
    .string()
    .trim()
    .min(campaignNameLength.min, {
      error: bi(
        `名称至少${campaignNameLength.min}个字`,
        `The name needs at least ${campaignNameLength.min} characters`,
      ),
    })
    .max(campaignNameLength.max, {
      error: bi(
        `名称最多${campaignNameLength.max}个字`,
        `The name has at most ${campaignNameLength.max} characters`,
      ),
    }),
  year,
  level: z.enum(campaignLevels),
  publicNotice: z.boolean().optional(),
  recommendationQuota: z.number().int().min(0).max(10000).nullable().optional(),
  frameworkId: z.uuid({ error: bi('请选择指标体系', 'Choose a framework') }),
  stageDates: z.partialRecord(z.enum(campaignStages), isoDate).optional(),
  /** The records period the score sheet is derived from; null: the domain's rule. */
  recordPeriod: z.object({ from: isoDate, to: isoDate }).nullable().optional(),
  noticeDays: z.number().int().min(1).max(60).optional(),
  minSelfScore: points.nullable().optional(),
  minAcceptedScore: points.nullable().optional(),
  requireLowerTitle: z.boolean().optional(),
  townshipScoreRequired: z.boolean().optional(),
  pilotVillageCodes: z.array(divisionCode).max(1000).optional(),
  inspectorIds: z.array(z.uuid()).max(100).optional(),
};

/** What the audit log keeps of a campaign's settings. */
function auditSettings(row: typeof campaigns.$inferSelect) {
  return {
    name: row.name,
    year: row.year,
    level: row.level,
    frameworkId: row.frameworkId,
    stageDates: row.stageDates,
    recordPeriod: recordPeriodOf(row),
    noticeDays: row.noticeDays,
    minSelfScore: row.minSelfScore,
    minAcceptedScore: row.minAcceptedScore,
    requireLowerTitle: row.requireLowerTitle,
    townshipScoreRequired: row.townshipScoreRequired,
    pilotVillageCodes: row.pilotVillageCodes,
    inspectorIds: row.inspectorIds,
  };
}

const noticeParticularsOutput = z.object({
  issuer: z.string().nullable(),
  contact: z.string().nullable(),
  issuedOn: z.string().nullable(),
  days: z.number().int(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  complete: z.boolean(),
});

function viewer(ctx: { scope: Scope; user: { id: string } }): CampaignViewer {
  return { scope: ctx.scope, userId: ctx.user.id };
}

const rankingEntry = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  townshipCode: z.string(),
  /** Null when the township is not in the division table. */
  townshipName: z.string().nullable(),
  state: z.enum(participationStates),
  rank: z.number().int().nullable(),
  total: z.number(),
  grade: z.enum(scorecardGrades as readonly [Grade, ...Grade[]]),
  vetoed: z.boolean(),
});

const blocker = z.object({
  code: z.string(),
  count: z.number().optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
});

export const campaignsRouter = {
  list: authedProcedure
    .input(z.object({ year: year.optional(), ...pagination }))
    .output(
      paged(
        campaign.extend({
          /** Participations per state, inside the caller's scope (as `campaigns.get`). */
          counts: z.record(z.string(), z.number()),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      listCampaigns({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, ...input }),
    ),

  get: authedProcedure
    .input(z.object({ id: z.uuid({ error: bi('编号无效', 'Invalid id') }) }))
    .output(
      campaign.extend({
        frameworkName: z.string(),
        frameworkVersion: z.string(),
        counts: z.record(z.string(), z.number()),
        blockers: z.array(blocker),
      }),
    )
    .query(async ({ ctx, input }) => {
      const row = await findCampaign(ctx.db, ctx.scope, input.id);
      const framework = await getFramework(ctx.db, row.frameworkId);
      return {
        ...present(row, viewer(ctx)),
        frameworkName: framework.name,
        frameworkVersion: framework.version,
        counts: await stateCounts(ctx.db, ctx.scope, row),
        // below the county: what is open inside the caller's scope only
        blockers: await advanceBlockers(ctx.db, row, todayIso(), ctx.scope),
      };
    }),

  create: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        countyCode: divisionCode,
        mode: z.enum(campaignModes).default('creation'),
        subjectLevel: z.enum(subjectLevels).default('village'),
        ...campaignSettings,
      }),
    )
    .use(inTransaction)
    .output(campaign)
    .mutation(async ({ ctx, input }) => {
      const { row, enrolled } = await createCampaign(ctx.db, input);
      await ctx.audit({
        action: 'campaigns.create',
        entity: 'campaign',
        entityId: row.id,
        divisionCode: row.countyCode,
        after: {
          name: row.name,
          year: row.year,
          level: row.level,
          mode: row.mode,
          subjectLevel: row.subjectLevel,
          frameworkId: row.frameworkId,
          ...(row.mode === 'annual' ? { enrolled } : {}),
        },
      });
      return present(row, viewer(ctx));
    }),

  /** Changes a campaign's settings, only while no village has declared for it. */
  update: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: z.uuid({ error: bi('编号无效', 'Invalid id') }),
        ...z.object(campaignSettings).partial().shape,
      }),
    )
    .use(inTransaction)
    .output(campaign)
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      const { before, after } = await updateCampaign(ctx.db, ctx.scope, id, changes);
      await ctx.audit({
        action: 'campaigns.update',
        entity: 'campaign',
        entityId: after.id,
        divisionCode: after.countyCode,
        before: auditSettings(before),
        after: auditSettings(after),
      });
      return present(after, viewer(ctx));
    }),

  /** Deletes a campaign, only while no village has declared for it. */
  remove: writeProcedure
    .use(countyAdmins)
    .input(z.object({ id: z.uuid({ error: bi('编号无效', 'Invalid id') }) }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const gone = await removeCampaign(ctx.db, ctx.scope, input.id);
      await ctx.audit({
        action: 'campaigns.remove',
        entity: 'campaign',
        entityId: gone.id,
        divisionCode: gone.countyCode,
        before: auditSettings(gone),
      });
      return { id: gone.id };
    }),

  advance: writeProcedure
    .use(countyAdmins)
    .input(z.object({ id: z.uuid() }))
    .use(inTransaction)
    .output(campaign)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await advanceCampaign(ctx.db, ctx.scope, input.id, todayIso());
      await ctx.audit({
        action: 'campaigns.advance',
        entity: 'campaign',
        entityId: after.id,
        divisionCode: after.countyCode,
        before: { stage: before.stage },
        after: { stage: after.stage },
      });
      return present(after, viewer(ctx));
    }),

  /** 公示: the issuing body, where objections go, and the date of issue (the period's start). */
  setNotice: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: z.uuid(),
        issuer: z
          .string()
          .trim()
          .min(1, { error: bi('请填写发布单位', 'The issuing body is required') })
          .max(100, { error: bi('发布单位最多100个字', 'At most 100 characters') }),
        contact: z
          .string()
          .trim()
          .min(1, { error: bi('请填写异议受理方式', 'Where objections go is required') })
          .max(200, { error: bi('异议受理方式最多200个字', 'At most 200 characters') }),
        issuedOn: isoDate,
      }),
    )
    .use(inTransaction)
    .output(noticeParticularsOutput)
    .mutation(async ({ ctx, input }) => {
      const before = await findCampaign(ctx.db, ctx.scope, input.id);
      requireOpen(before);
      const [after] = await ctx.db
        .update(campaigns)
        .set({
          noticeIssuer: input.issuer,
          noticeContact: input.contact,
          noticeIssuedOn: input.issuedOn,
          updatedAt: new Date(),
        })
        .where(and(eq(campaigns.countyCode, before.countyCode), eq(campaigns.id, before.id)))
        .returning();
      await ctx.audit({
        action: 'campaigns.setNotice',
        entity: 'campaign',
        entityId: before.id,
        divisionCode: before.countyCode,
        before: {
          issuer: before.noticeIssuer,
          contact: before.noticeContact,
          issuedOn: before.noticeIssuedOn,
        },
        after: { issuer: input.issuer, contact: input.contact, issuedOn: input.issuedOn },
      });
      return noticeParticulars(after!);
    }),

  /**
   * One page of the ranking (ranked in SQL as `rankScorecards` ranks), narrowed by township,
   * grade or state, with the caller's own place where the caller is a subject.
   */
  ranking: authedProcedure
    .input(
      z.object({
        id: z.uuid(),
        townshipCode: divisionCode.optional(),
        grade: z.enum(scorecardGrades as readonly [Grade, ...Grade[]]).optional(),
        state: z.enum(participationStates).optional(),
        page: pagination.page,
        pageSize: pagination.pageSize.default(50),
      }),
    )
    .output(
      paged(rankingEntry).extend({
        own: z
          .object({ villageCode: z.string(), rank: z.number().int().nullable(), of: z.number() })
          .nullable(),
      }),
    )
    .query(({ ctx, input }) =>
      campaignRankingPage(ctx.db, ctx.scope, {
        campaignId: input.id,
        page: input.page,
        pageSize: input.pageSize,
        townshipCode: input.townshipCode,
        grade: input.grade,
        state: input.state,
        ownCode: ctx.user.role === 'village_clerk' ? ctx.user.scopeCode : null,
      }),
    ),

  /** Distribution, histogram and per-township progress, aggregated in SQL. */
  results: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(
      z.object({
        summary: z.object({
          count: z.number(),
          mean: z.number().nullable(),
          median: z.number().nullable(),
          min: z.number().nullable(),
          max: z.number().nullable(),
          byGrade: z.record(z.string(), z.number()),
          passed: z.number(),
          passRate: z.number().nullable(),
        }),
        histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
        progress: z.array(
          z.object({
            townshipCode: z.string(),
            townshipName: z.string(),
            counts: z.record(z.string(), z.number()),
            total: z.number(),
            scored: z.number(),
            average: z.number().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => campaignResults(ctx.db, ctx.scope, input.id)),

  noticeList: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(
      z.object({
        campaign,
        rows: z.array(
          z.object({
            villageCode: z.string(),
            villageName: z.string(),
            townshipName: z.string(),
            total: z.number().nullable(),
            state: z.string(),
            postedOn: z.string().nullable(),
          }),
        ),
        particulars: noticeParticularsOutput,
        /** The notice without login (from 公示 on), e.g. `/public/notices/<id>`; else null. */
        publicPath: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const list = await noticeList(ctx.db, ctx.scope, input.id);
      return {
        campaign: present(list.campaign, viewer(ctx)),
        rows: list.rows,
        particulars: noticeParticulars(list.campaign),
        publicPath: isPublished(list.campaign.stage) ? `/public/notices/${list.campaign.id}` : null,
      };
    }),

  ...campaignCloseProcedures,
  ...campaignDateProcedures,
  ...campaignPilotProcedures,
} satisfies TRPCRouterRecord;
