import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { resolutionMatters } from '@fazhi/domain';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { recordMeetingBodies } from '../db/schema.js';
import {
  getMeeting,
  listMeetings,
  removeMeeting,
  saveMeeting,
} from '../services/records/meetings.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import {
  checkOutput,
  headCount,
  isoDate,
  requiredText,
  shortText,
  uuid,
  warningOutput,
} from './records-schemas.js';
import { bi } from '../trpc/messages.js';
import { removingFiles } from './record-files.js';

const body = z.enum(recordMeetingBodies, { error: bi('会议类型无效', 'Unknown meeting kind') });
const matter = z.enum(resolutionMatters as [string, ...string[]], {
  error: bi('决议事项无效', 'Unknown matter'),
});

const resolutionInput = z.object({
  title: requiredText(200),
  matter: matter.optional(),
  votesFor: headCount,
  votesAgainst: headCount,
  abstentions: headCount,
  representatives: headCount.optional(),
  representativesVotesFor: headCount.optional(),
});

export const meetingOutput = z.object({
  id: z.string(),
  villageCode: z.string(),
  groupId: z.string().nullable(),
  body,
  date: z.string(),
  convenor: z.string(),
  eligible: z.number(),
  registerEligible: z.number().nullable(),
  attendees: z.number(),
  minutes: z.string(),
  correctedAfterSubmission: z.boolean(),
  version: z.number(),
  updatedAt: z.date(),
  warnings: z.array(warningOutput),
  resolutions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      matter: z.string().optional(),
      votesFor: z.number(),
      votesAgainst: z.number(),
      abstentions: z.number(),
      representatives: z.number().nullable(),
      representativesVotesFor: z.number().nullable(),
      check: checkOutput
        .extend({
          quorumMet: z.boolean(),
          passed: z.boolean(),
          approvalsRequired: z.array(z.string()).readonly(),
        })
        .nullable(),
      passed: z.boolean().nullable(),
      problemCount: z.number(),
      ruleVersion: z.string(),
    }),
  ),
});

export const meetingsRouter = {
  list: authedProcedure
    .input(
      z.object({
        villageCode: divisionCode,
        from: isoDate.optional(),
        to: isoDate.optional(),
        problemsOnly: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(meetingOutput))
    .query(({ ctx, input }) => listMeetings({ db: ctx.db, scope: ctx.scope, ...input })),

  get: authedProcedure
    .input(z.object({ id: uuid }))
    .output(meetingOutput)
    .query(({ ctx, input }) => getMeeting(ctx.db, ctx.scope, input.id)),

  /** Creates a meeting, or corrects one (`id` and the `version` read). */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        groupId: uuid.nullish(),
        body,
        date: isoDate,
        convenor: shortText(100).optional(),
        eligible: headCount.min(1, { error: bi('应到人数至少为1', 'At least 1 eligible') }),
        attendees: headCount,
        minutes: shortText(20_000).optional(),
        resolutions: z
          .array(resolutionInput)
          .max(50, { error: bi('决议最多50项', 'At most 50 resolutions') }),
      }),
    )
    .use(inTransaction)
    .output(meetingOutput)
    .mutation(({ ctx, input }) =>
      saveMeeting({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        input: input as Parameters<typeof saveMeeting>[0]['input'],
      }),
    ),

  /** Deletes a meeting, unless its period's self-assessment has been submitted. */
  remove: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removingFiles(ctx, 'meeting', input.id, () =>
        removeMeeting({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
      ),
    ),
} satisfies TRPCRouterRecord;
