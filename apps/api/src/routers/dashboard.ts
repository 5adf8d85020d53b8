import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { deadlineLights, subjectLevels } from '@fazhi/domain';
import { authedProcedure } from '../trpc/init.js';
import { scopeCounts } from '../services/divisions/queries.js';
import { listTodo, todoTasks } from '../services/campaigns/todo.js';
import { campaignStages } from '../db/schema.js';
import { noticeKinds, recentNotices } from '../services/campaigns/notices.js';

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
          subjectLevel: z.enum(subjectLevels),
          task: z.enum(todoTasks),
          count: z.number(),
          /** The stage's deadline and its light: yellow within 3 days, red once past. */
          dueOn: z.string().nullable(),
          light: z.enum(deadlineLights),
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

  /** 最近的通知: sheets of the caller's scope returned, approved, accepted or failed lately. */
  notices: authedProcedure
    .output(
      z.array(
        z.object({
          id: z.number(),
          at: z.date(),
          kind: z.enum(noticeKinds),
          participationId: z.string(),
          villageCode: z.string(),
          villageName: z.string().nullable(),
          campaignId: z.string(),
          campaignName: z.string(),
          reason: z.string().nullable(),
          isNew: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => recentNotices({ db: ctx.db, scope: ctx.scope, user: ctx.user })),
} satisfies TRPCRouterRecord;
