import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure } from '../trpc/init.js';
import { scopeCounts } from '../services/divisions/queries.js';

export const dashboardRouter = {
  summary: authedProcedure
    .output(z.object({ townships: z.number(), villages: z.number(), users: z.number() }))
    .query(({ ctx }) => scopeCounts({ db: ctx.db, scope: ctx.scope })),
} satisfies TRPCRouterRecord;
