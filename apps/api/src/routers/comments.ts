// 件件有反馈: villagers' comments, each with an owner, a deadline and a reply (issue #13).
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { trafficLights } from '@fazhi/domain';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { commentChannels } from '../db/schema.js';
import { listComments, replyComment, saveComment } from '../services/township/comments.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import { isoDate, requiredText, shortText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const light = z.enum(trafficLights as ['green', 'yellow', 'red'], {
  error: bi('灯色无效', 'Unknown light'),
});

const comment = z.object({
  id: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  ownerCode: z.string(),
  ownerName: z.string(),
  channel: z.enum(commentChannels),
  subject: z.string(),
  content: z.string(),
  contact: z.string().nullable(),
  receivedOn: z.string(),
  deadline: z.string(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  daysTaken: z.number().nullable(),
  light: light.nullable(),
  redDays: z.number(),
  escalated: z.boolean(),
  version: z.number(),
});

export const commentsRouter = {
  /** Comments owned inside a division, unanswered and most urgent first, a page at a time. */
  list: authedProcedure
    .input(
      z.object({
        divisionCode,
        answered: z.boolean().optional(),
        light: light.optional(),
        /** Answered after the deadline (true) or on time (false). */
        late: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(comment))
    .query(({ ctx, input }) => listComments({ db: ctx.db, scope: ctx.scope, ...input })),

  /** A comment received by phone or at the office, with its owner and deadline. */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        ownerCode: divisionCode,
        channel: z.enum(['phone', 'office'], { error: bi('来源渠道无效', 'Unknown channel') }),
        subject: requiredText(100),
        content: requiredText(2000),
        contact: shortText(100).nullish(),
        receivedOn: isoDate,
        deadline: isoDate.optional(),
      }),
    )
    .use(inTransaction)
    .output(comment)
    .mutation(({ ctx, input }) =>
      saveComment({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** The owner's reply; it is shown on the public page with the days it took. */
  reply: writeProcedure
    .input(z.object({ id: uuid, version, reply: requiredText(2000) }))
    .use(inTransaction)
    .output(comment)
    .mutation(({ ctx, input }) =>
      replyComment({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),
} satisfies TRPCRouterRecord;
