import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { electionRecordKinds } from '../db/schema.js';
import { listElections, removeElection, saveElection } from '../services/records/governance.js';
import { divisionCode, version } from './schemas.js';
import { checkOutput, headCount, isoDate, requiredText, uuid } from './records-schemas.js';

const base = {
  id: uuid.optional(),
  version: version.optional(),
  villageCode: divisionCode,
  date: isoDate,
};

const input = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('election'),
    figures: z.object({
      registeredVoters: headCount,
      ballotsCast: headCount,
      seats: headCount,
      round: z.enum(['first', 'runoff']),
      /** Candidates by label (甲, 乙 or a seat number), never by name. */
      candidates: z.array(z.object({ id: requiredText(20), votes: headCount })).max(100),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('recall'),
    figures: z.object({
      registeredVoters: headCount,
      eligibleVoters: headCount.optional(),
      initiatingVoters: headCount.optional(),
      representatives: headCount.optional(),
      initiatingRepresentatives: headCount.optional(),
      ballotsCast: headCount.optional(),
      votesFor: headCount.optional(),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('representatives'),
    figures: z.object({
      households: headCount,
      representatives: headCount,
      womenRepresentatives: headCount,
      committeeMembers: headCount,
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('appraisal'),
    figures: z.object({
      /** The office appraised (主任, 委员一…), never a person's name. */
      member: requiredText(20),
      ratings: z
        .array(
          z.object({
            year: z.number().int().min(1988).max(2100),
            rating: z.enum(['competent', 'basically_competent', 'incompetent']),
          }),
        )
        .min(1)
        .max(20),
    }),
  }),
]);

const record = z.object({
  id: z.string(),
  villageCode: z.string(),
  kind: z.enum(electionRecordKinds),
  date: z.string(),
  figures: z.record(z.string(), z.unknown()),
  check: checkOutput.extend({
    valid: z.boolean().optional(),
    elected: z.array(z.string()).readonly().optional(),
    unfilledSeats: z.number().optional(),
    initiated: z.boolean().optional(),
    passed: z.boolean().optional(),
    ok: z.boolean().optional(),
    terminated: z.boolean().optional(),
  }),
  problemCount: z.number(),
  correctedAfterSubmission: z.boolean(),
  version: z.number(),
});

export const electionsRouter = {
  list: authedProcedure
    .input(z.object({ villageCode: divisionCode, kind: z.enum(electionRecordKinds).optional() }))
    .output(z.array(record))
    .query(({ ctx, input }) => listElections({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Elections, recalls, the representatives' make-up and appraisals, with their checks. */
  save: writeProcedure
    .input(input)
    .use(inTransaction)
    .output(record)
    .mutation(({ ctx, input }) =>
      saveElection({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** Deletes an election record, unless its period's self-assessment has been submitted. */
  remove: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removeElection({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),
} satisfies TRPCRouterRecord;
