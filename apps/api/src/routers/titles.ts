import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, requireRole, writeProcedure } from '../trpc/init.js';
import { campaignLevels } from '../db/schema.js';
import { listRevocationReasons, listTitles, recheckTitles } from '../services/campaigns/titles.js';
import { todayIso } from '../services/campaigns/participations.js';
import { bi } from '../trpc/messages.js';
import { paged, pagination } from './schemas.js';

const status = z.enum(['active', 'revoked', 'cancelled']);

export const titlesRouter = {
  list: authedProcedure
    .input(
      z.object({
        level: z.enum(campaignLevels).optional(),
        year: z.number().int().optional(),
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

  revocationReasons: authedProcedure
    .output(
      z.array(
        z.object({
          code: z.string(),
          nameZh: z.string(),
          nameEn: z.string(),
          active: z.boolean(),
          sortOrder: z.number(),
        }),
      ),
    )
    .query(({ ctx }) => listRevocationReasons(ctx.db)),

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
