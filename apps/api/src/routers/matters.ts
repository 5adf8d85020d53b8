import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { deliberationSteps } from '@fazhi/domain';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { listMatters, removeMatter, saveMatter } from '../services/records/governance.js';
import { divisionCode, version } from './schemas.js';
import { checkOutput, isoDate, requiredText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const step = z.object({
  step: z.enum(deliberationSteps as [string, ...string[]], {
    error: bi('步骤无效', 'Unknown step'),
  }),
  on: isoDate,
  meetingId: uuid.nullish(),
  disclosureId: uuid.nullish(),
});

const matter = z.object({
  id: z.string(),
  villageCode: z.string(),
  title: z.string(),
  startedOn: z.string(),
  steps: z.array(step),
  secretaryIsChair: z.boolean(),
  check: checkOutput.extend({ complete: z.boolean(), nextSteps: z.array(z.string()).readonly() }),
  complete: z.boolean(),
  correctedAfterSubmission: z.boolean(),
  version: z.number(),
});

export const mattersRouter = {
  list: authedProcedure
    .input(z.object({ villageCode: divisionCode }))
    .output(z.array(matter))
    .query(({ ctx, input }) => listMatters({ db: ctx.db, scope: ctx.scope, ...input })),

  /** A 四议两公开 matter and its steps, checked by `checkFourDeliberations`. */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        title: requiredText(200),
        secretaryIsChair: z.boolean().optional(),
        steps: z
          .array(step)
          .min(1, { error: bi('至少记录一个步骤', 'Record at least one step') })
          .max(20),
      }),
    )
    .use(inTransaction)
    .output(matter)
    .mutation(({ ctx, input }) =>
      saveMatter({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        input: input as Parameters<typeof saveMatter>[0]['input'],
      }),
    ),

  /** Deletes a matter, unless its period's self-assessment has been submitted. */
  remove: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removeMatter({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),
} satisfies TRPCRouterRecord;
