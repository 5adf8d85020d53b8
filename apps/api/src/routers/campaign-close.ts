// campaigns.closingPreview / campaigns.close: the county's summary (总结) of a campaign.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { present } from '../services/campaigns/campaigns.js';
import { closeCampaign, closingPreview, presentFigures } from '../services/campaigns/close.js';
import { bi } from '../trpc/messages.js';
import { campaignOutput } from './schemas.js';

const countyAdmins = requireRole(['system_admin', 'county_admin']);

const figures = z.object({
  subjects: z.number().int(),
  byGrade: z.record(z.string(), z.number().int()),
  named: z.number().int(),
  returned: z.number().int(),
  withdrawn: z.number().int(),
  /** Mean county score in points; null when nothing was scored. */
  average: z.number().nullable(),
  townships: z.array(
    z.object({
      townshipCode: z.string(),
      townshipName: z.string(),
      subjects: z.number().int(),
      scored: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
});

export const campaignCloseProcedures = {
  /** The figures closing would record (or, once closed, those recorded) and the summary. */
  closingPreview: authedProcedure
    .use(countyAdmins)
    .input(z.object({ id: z.uuid({ error: bi('编号无效', 'Invalid id') }) }))
    .output(z.object({ closedAt: z.date().nullable(), summary: z.string().nullable(), figures }))
    .query(({ ctx, input }) => closingPreview(ctx.db, ctx.scope, input.id)),

  close: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: z.uuid({ error: bi('编号无效', 'Invalid id') }),
        summary: z
          .string()
          .trim()
          .min(1, { error: bi('请填写总结', 'The summary is required') })
          .max(5000, { error: bi('总结最多5000个字', 'At most 5000 characters') }),
      }),
    )
    .use(inTransaction)
    .output(campaignOutput.extend({ figures }))
    .mutation(async ({ ctx, input }) => {
      const { after, figures: computed } = await closeCampaign(
        ctx.db,
        ctx.scope,
        input.id,
        input.summary,
      );
      await ctx.audit({
        action: 'campaigns.close',
        entity: 'campaign',
        entityId: after.id,
        divisionCode: after.countyCode,
        before: { closedAt: null },
        after: { closedAt: after.closedAt, summary: after.closingSummary, figures: computed },
      });
      return {
        ...present(after, { scope: ctx.scope, userId: ctx.user.id }),
        figures: await presentFigures(ctx.db, computed),
      };
    }),
} satisfies TRPCRouterRecord;
