import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, requireRole, writeProcedure } from '../trpc/init.js';
import { campaignLevels } from '../db/schema.js';
import {
  listRevocationReasons,
  listTitles,
  recheckTitles,
  saveRevocationReason,
} from '../services/campaigns/titles.js';
import { todayIso } from '../services/campaigns/participations.js';
import { bi } from '../trpc/messages.js';
import { paged, pagination, year } from './schemas.js';

const status = z.enum(['active', 'revoked', 'cancelled']);

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
        nameEn: z
          .string()
          .trim()
          .min(1, { error: bi('请填写英文名称', 'Enter the English name') })
          .max(300, {
            error: bi('英文名称不能超过300字符', 'The English name is at most 300 characters'),
          }),
        active: z.boolean().default(true),
        sortOrder: z
          .number()
          .int({ error: bi('排序须为整数', 'The order must be a whole number') })
          .min(0, { error: bi('排序不能为负数', 'The order cannot be negative') })
          .max(1_000_000, { error: bi('排序不能超过1000000', 'The order is at most 1,000,000') })
          .default(0),
      }),
    )
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
} satisfies TRPCRouterRecord;
