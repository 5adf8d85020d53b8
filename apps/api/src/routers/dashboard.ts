import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure } from '../trpc/init.js';
import { scopeCounts } from '../services/divisions/queries.js';
import { listTodo, todoTasks } from '../services/campaigns/todo.js';
import { campaignStages } from '../db/schema.js';

export const dashboardRouter = {
  summary: authedProcedure
    .output(z.object({ townships: z.number(), villages: z.number(), users: z.number() }))
    .query(({ ctx }) => scopeCounts({ db: ctx.db, scope: ctx.scope })),

  /** What awaits the caller: sheets whose column is theirs now, objections to resolve. */
  todo: authedProcedure
    .output(
      z.array(
        z.object({
          campaignId: z.string(),
          campaignName: z.string(),
          year: z.number(),
          stage: z.enum(campaignStages),
          task: z.enum(todoTasks),
          count: z.number(),
          /** Returned sheets among them with the township's reason (self-assessment only). */
          returned: z.array(
            z.object({
              participationId: z.string(),
              villageCode: z.string(),
              villageName: z.string(),
              reason: z.string().nullable(),
            }),
          ),
        }),
      ),
    )
    .query(({ ctx }) => listTodo({ db: ctx.db, scope: ctx.scope, user: ctx.user })),
} satisfies TRPCRouterRecord;
