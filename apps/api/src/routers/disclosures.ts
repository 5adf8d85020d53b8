import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { disclosureCategories, disclosureChannels } from '../db/schema.js';
import {
  disclosureCompliance,
  listDisclosures,
  removeDisclosure,
  saveDisclosure,
} from '../services/records/disclosures.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import { checkOutput, isoDate, requiredText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';
import { removingFiles } from './record-files.js';

const category = z.enum(disclosureCategories, {
  error: bi('公开类别无效', 'Unknown disclosure category'),
});
const channel = z.enum(disclosureChannels, { error: bi('公开渠道无效', 'Unknown channel') });

export const disclosureOutput = z.object({
  id: z.string(),
  villageCode: z.string(),
  category,
  period: z.string(),
  postedOn: z.string(),
  takenDownOn: z.string().nullable(),
  channel,
  summary: z.string(),
  resolutionId: z.string().nullable(),
  /** The linked resolution (a major matter's): its title and its meeting's date. */
  resolution: z
    .object({ id: z.string(), title: z.string(), meetingId: z.string(), meetingDate: z.string() })
    .nullable(),
  correctedAfterSubmission: z.boolean(),
  version: z.number(),
  updatedAt: z.date(),
});

export const disclosuresRouter = {
  list: authedProcedure
    .input(
      z.object({
        villageCode: divisionCode,
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pagination,
      }),
    )
    .output(paged(disclosureOutput))
    .query(({ ctx, input }) => listDisclosures({ db: ctx.db, scope: ctx.scope, ...input })),

  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        category,
        period: requiredText(50),
        postedOn: isoDate,
        takenDownOn: isoDate.nullish(),
        channel,
        summary: requiredText(2000),
        resolutionId: uuid.nullish(),
      }),
    )
    .use(inTransaction)
    .output(disclosureOutput)
    .mutation(({ ctx, input }) =>
      saveDisclosure({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  remove: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removingFiles(ctx, 'disclosure', input.id, () =>
        removeDisclosure({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
      ),
    ),

  /** What `checkDisclosures` returns for the village from `from` to `asOf`. */
  compliance: authedProcedure
    .input(
      z.object({
        villageCode: divisionCode,
        from: isoDate,
        asOf: isoDate,
        frequentFinance: z.boolean().optional(),
      }),
    )
    .output(
      checkOutput.extend({
        overdue: z
          .array(
            z.object({
              category: z.enum(['general', 'finance', 'party']),
              period: z.string(),
              dueBy: z.string(),
            }),
          )
          .readonly(),
      }),
    )
    .query(({ ctx, input }) => disclosureCompliance({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
