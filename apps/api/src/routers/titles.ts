import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { campaignLevels } from '../db/schema.js';
import {
  listRevocationReasons,
  listTitles,
  recheckTitles,
  saveRevocationReason,
} from '../services/campaigns/titles.js';
import { todayIso } from '../services/campaigns/participations.js';
import { bi } from '../trpc/messages.js';
import { divisionCode, paged, pagination, version, year } from './schemas.js';
import {
  addCheck,
  addComplaint,
  answerComplaint,
  completeRectification,
  getTitle,
  issueRectification,
  recordDecision,
  reportRectification,
  titleTimeline,
  type Actor,
} from '../services/titles/title-life.js';
import { decideRecheck, openBatch, previewBatch } from '../services/titles/recheck-batches.js';
import {
  calendarDate,
  checkResult,
  complaintChannel,
  outcome,
  sampleSize,
  seed,
  text,
  timelineEntry,
  timelineKind,
} from './title-life-schemas.js';
import type { Scope } from '../auth/scope.js';
import type { SessionUser } from '../trpc/context.js';

const status = z.enum(['active', 'revoked', 'cancelled']);

/** Who writes a title's life: the county; the township for daily checks and completions. */
const county = requireRole(['system_admin', 'county_admin']);
const countyOrTownship = requireRole(['system_admin', 'county_admin', 'township_officer']);

function actor(ctx: { user: SessionUser; scope: Scope }): Actor {
  return { id: ctx.user.id, role: ctx.user.role, scope: ctx.scope };
}

const id = z.uuid({ error: '{"zh":"编号无效","en":"Invalid id"}' });

const batchFilter = {
  level: z.enum(campaignLevels).optional(),
  year: year.optional(),
  sample: sampleSize.optional(),
  seed: seed.optional(),
};

const batchTitle = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  level: z.enum(campaignLevels),
  year: z.number(),
  namedOn: z.string(),
});

const revocationReason = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number(),
});

export const titlesRouter = {
  list: authedProcedure
    .input(
      z.object({
        level: z.enum(campaignLevels).optional(),
        year: year.optional(),
        status: status.optional(),
        ...pagination,
      }),
    )
    .output(
      paged(
        z.object({
          id: z.string(),
          villageCode: z.string(),
          villageName: z.string(),
          level: z.enum(campaignLevels),
          year: z.number(),
          namedOn: z.string(),
          status,
          recheckedOn: z.string().nullable(),
          recheckOutcome: z.enum(['keep', 'revoke', 'cancel']).nullable(),
          recheckReasons: z.array(z.string()).nullable(),
          recheckNote: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => listTitles({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The reasons a revocation may give: the active ones, or all with `includeInactive`. */
  revocationReasons: authedProcedure
    .input(z.object({ includeInactive: z.boolean().default(false) }).optional())
    .output(z.array(revocationReason))
    .query(({ ctx, input }) =>
      listRevocationReasons(ctx.db, { includeInactive: input?.includeInactive ?? false }),
    ),

  /**
   * Adds or changes a revocation reason (by code); the list is shared by the deployment, so
   * only the system administrator keeps it. Reasons are deactivated, never deleted.
   */
  saveRevocationReason: writeProcedure
    .use(requireRole(['system_admin']))
    .input(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{1,49}$/, {
            error: bi(
              '代码须以小写字母开头，由2至50个小写字母、数字或下划线组成',
              'The code must start with a lowercase letter and have 2–50 lowercase letters, digits or underscores',
            ),
          }),
        nameZh: z
          .string()
          .trim()
          .min(1, { error: bi('请填写中文名称', 'Enter the Chinese name') })
          .max(200, {
            error: bi('中文名称不能超过200字', 'The Chinese name is at most 200 characters'),
          }),
        /** Optional: without it the English interface shows the Chinese name. */
        nameEn: z
          .string()
          .trim()
          .max(300, {
            error: bi('英文名称不能超过300字符', 'The English name is at most 300 characters'),
          })
          .default(''),
        active: z.boolean().default(true),
        sortOrder: z
          .number()
          .int({ error: bi('排序须为整数', 'The order must be a whole number') })
          .min(0, { error: bi('排序不能为负数', 'The order cannot be negative') })
          .max(1_000_000, { error: bi('排序不能超过1000000', 'The order is at most 1,000,000') })
          .default(0),
      }),
    )
    .use(inTransaction)
    .output(z.object({ reason: revocationReason, created: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after, created } = await saveRevocationReason(ctx.db, input);
      await ctx.audit({
        action: created ? 'titles.create_revocation_reason' : 'titles.update_revocation_reason',
        entity: 'revocation_reason',
        entityId: after.code,
        divisionCode: null,
        before,
        after,
      });
      return { reason: after, created };
    }),

  /** Records a re-check outcome for one or more titles: keep, revoke (with reasons) or cancel. */
  recheck: writeProcedure
    .use(requireRole(['system_admin', 'county_admin']))
    .input(
      z.object({
        ids: z
          .array(z.uuid())
          .min(1, { error: bi('请选择称号', 'Choose titles') })
          .max(500),
        outcome: z.enum(['keep', 'revoke', 'cancel']),
        reasons: z.array(z.string().max(50)).max(20).default([]),
        note: z.string().trim().max(1000).optional(),
      }),
    )
    .use(inTransaction)
    .output(z.object({ updated: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await recheckTitles({
        db: ctx.db,
        scope: ctx.scope,
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.recheck',
        entity: 'title',
        entityId: input.ids.length === 1 ? input.ids[0]! : null,
        divisionCode:
          before.length === 1 ? before[0]!.villageCode : (before[0]?.countyCode ?? null),
        before: before.map((t) => ({ id: t.id, villageCode: t.villageCode, status: t.status })),
        after: {
          outcome: input.outcome,
          reasons: input.reasons,
          note: input.note ?? null,
          ids: after.map((t) => t.id),
        },
      });
      return { updated: after.length };
    }),

  /** A title's page (一村一档): the title, its village, how it was named, what is open. */
  get: authedProcedure
    .input(z.object({ id }))
    .output(
      z.object({
        id: z.string(),
        villageCode: z.string(),
        villageName: z.string(),
        townshipCode: z.string().nullable(),
        townshipName: z.string().nullable(),
        level: z.enum(campaignLevels),
        year: z.number(),
        namedOn: z.string(),
        status,
        recheckedOn: z.string().nullable(),
        recheckOutcome: outcome.nullable(),
        recheckReasons: z.array(z.string()).nullable(),
        recheckNote: z.string().nullable(),
        mayDeclareAgainOn: z.string().nullable(),
        campaign: z
          .object({
            id: z.string(),
            name: z.string(),
            year: z.number(),
            level: z.enum(campaignLevels),
          })
          .nullable(),
        decision: z
          .object({ awardingBody: z.string(), documentNumber: z.string(), decidedOn: z.string() })
          .nullable(),
        openRectifications: z.number(),
        overdueRectifications: z.number(),
        openRecheck: z
          .object({ id: z.string(), version: z.number(), openedOn: z.string() })
          .nullable(),
      }),
    )
    .query(({ ctx, input }) =>
      getTitle({ db: ctx.db, actor: actor(ctx), id: input.id, today: todayIso() }),
    ),

  /** The title's timeline, newest first: naming, checks, complaints, rectifications, re-checks. */
  timeline: authedProcedure
    .input(z.object({ id, kind: timelineKind.optional(), ...pagination }))
    .output(paged(timelineEntry))
    .query(({ ctx, input }) =>
      titleTimeline({ db: ctx.db, actor: actor(ctx), user: ctx.user, today: todayIso(), ...input }),
    ),

  /** Records a title named above the county: the higher level's decision (body, document number). */
  recordDecision: writeProcedure
    .use(county)
    .input(
      z.object({
        villageCode: divisionCode,
        level: z.enum(campaignLevels),
        year,
        namedOn: calendarDate,
        awardingBody: text(200, { zh: '命名机关', en: 'awarding body' }),
        documentNumber: text(100, { zh: '文号', en: 'document number' }),
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { title, decision } = await recordDecision({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.record_decision',
        entity: 'title',
        entityId: title.id,
        divisionCode: title.villageCode,
        before: null,
        after: { title, decision },
      });
      return { id: title.id };
    }),

  /** A daily check of a titled village (the county, or the village's township). */
  addCheck: writeProcedure
    .use(countyOrTownship)
    .input(
      z.object({
        titleId: id,
        checkedOn: calendarDate,
        inspector: text(100, { zh: '检查人', en: 'inspector' }),
        findings: text(2000, { zh: '检查情况', en: 'findings' }),
        result: checkResult,
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { title, check } = await addCheck({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.add_check',
        entity: 'title',
        entityId: title.id,
        divisionCode: title.villageCode,
        before: null,
        after: check,
      });
      return { id: check.id };
    }),

  /**
   * A complaint received (the county). No ID number is taken; the complainant's name is optional
   * and shown to the county only, so it is kept out of the audit event.
   */
  addComplaint: writeProcedure
    .use(county)
    .input(
      z.object({
        titleId: id,
        receivedOn: calendarDate,
        channel: complaintChannel,
        substance: text(2000, { zh: '投诉内容', en: 'substance' }),
        complainantName: z
          .string()
          .trim()
          .max(50, { error: bi('姓名最多50个字符', 'The name has at most 50 characters') })
          .optional(),
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { title, complaint } = await addComplaint({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      const { complainantName, ...rest } = complaint;
      await ctx.audit({
        action: 'titles.add_complaint',
        entity: 'title',
        entityId: title.id,
        divisionCode: title.villageCode,
        before: null,
        after: { ...rest, complainantNamed: complainantName !== null },
      });
      return { id: complaint.id };
    }),

  /** The county's answer to a complaint. */
  answerComplaint: writeProcedure
    .use(county)
    .input(
      z.object({
        id,
        version,
        reply: text(2000, { zh: '答复内容', en: 'reply' }),
        repliedOn: calendarDate,
      }),
    )
    .use(inTransaction)
    .output(z.object({ version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await answerComplaint({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.answer_complaint',
        entity: 'title',
        entityId: after.titleId,
        divisionCode: after.villageCode,
        before: {
          id: before.id,
          reply: before.reply,
          repliedOn: before.repliedOn,
          version: before.version,
        },
        after: {
          id: after.id,
          reply: after.reply,
          repliedOn: after.repliedOn,
          version: after.version,
        },
      });
      return { version: after.version };
    }),

  /** A rectification order with its deadline (the county). */
  issueRectification: writeProcedure
    .use(county)
    .input(
      z.object({
        titleId: id,
        issuedOn: calendarDate,
        findings: text(2000, { zh: '整改事项', en: 'findings' }),
        deadline: calendarDate,
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { title, rectification } = await issueRectification({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.issue_rectification',
        entity: 'title',
        entityId: title.id,
        divisionCode: title.villageCode,
        before: null,
        after: rectification,
      });
      return { id: rectification.id };
    }),

  /** The village clerk reports a rectification done, with a note (the township confirms). */
  reportRectification: writeProcedure
    .use(requireRole(['village_clerk']))
    .input(z.object({ id, version, note: text(2000, { zh: '整改说明', en: 'note' }) }))
    .use(inTransaction)
    .output(z.object({ version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await reportRectification({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.report_rectification',
        entity: 'title',
        entityId: after.titleId,
        divisionCode: after.villageCode,
        before,
        after,
      });
      return { version: after.version };
    }),

  /** The township (or county) confirms a rectification complete. */
  completeRectification: writeProcedure
    .use(countyOrTownship)
    .input(
      z.object({
        id,
        version,
        completedOn: calendarDate,
        note: z
          .string()
          .trim()
          .max(2000, { error: bi('说明不能超过2000字', 'The note is at most 2000 characters') })
          .optional(),
      }),
    )
    .use(inTransaction)
    .output(z.object({ version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await completeRectification({
        db: ctx.db,
        actor: actor(ctx),
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.complete_rectification',
        entity: 'title',
        entityId: after.titleId,
        divisionCode: after.villageCode,
        before,
        after,
      });
      return { version: after.version };
    }),

  /**
   * What a re-check batch would hold (the county): active titles by level and year named, all
   * or a random sample; the seed that drew it is returned (a new one when none is given).
   */
  previewRecheckBatch: authedProcedure
    .use(county)
    .input(z.object({ ...batchFilter, ...pagination }))
    .output(paged(batchTitle).extend({ candidates: z.number(), seed: z.number().nullable() }))
    .query(({ ctx, input }) => {
      const { page, pageSize, ...filter } = input;
      return previewBatch({ db: ctx.db, scope: ctx.scope, filter, page, pageSize });
    }),

  /**
   * Opens a re-check record for every title of the batch, in one transaction; the filter, the
   * sample and its seed are stored in the audit event. `expectedTotal` is the preview's total.
   */
  openRecheckBatch: writeProcedure
    .use(county)
    .input(
      z.object({
        ...batchFilter,
        expectedTotal: z.number().int().min(1).max(1_000_000),
      }),
    )
    .use(inTransaction)
    .output(z.object({ batchId: z.string(), opened: z.number(), seed: z.number().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const { expectedTotal, ...filter } = input;
      const batch = await openBatch({
        db: ctx.db,
        scope: ctx.scope,
        filter,
        expectedTotal,
        today: todayIso(),
      });
      await ctx.audit({
        action: 'titles.open_recheck_batch',
        entity: 'title_recheck_batch',
        entityId: batch.batchId,
        divisionCode: ctx.scope.countyCode ?? batch.titles[0]?.countyCode ?? null,
        before: null,
        after: {
          filter: { level: filter.level ?? null, year: filter.year ?? null },
          sample: filter.sample ?? null,
          seed: batch.seed,
          candidates: batch.candidates,
          titleIds: batch.titles.map((t) => t.id),
        },
      });
      return { batchId: batch.batchId, opened: batch.records.length, seed: batch.seed };
    }),

  /** Decides an open re-check record: keep, revoke (with reasons) or cancel (with a note). */
  decideRecheck: writeProcedure
    .use(county)
    .input(
      z.object({
        id,
        version,
        outcome,
        reasons: z.array(z.string().max(50)).max(20).default([]),
        note: z.string().trim().max(1000).optional(),
      }),
    )
    .use(inTransaction)
    .output(z.object({ version: z.number(), status }))
    .mutation(async ({ ctx, input }) => {
      const { before, after, title } = await decideRecheck({
        db: ctx.db,
        scope: ctx.scope,
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'titles.decide_recheck',
        entity: 'title',
        entityId: after.titleId,
        divisionCode: after.villageCode,
        before,
        after,
      });
      return { version: after.version, status: title.status };
    }),
} satisfies TRPCRouterRecord;
