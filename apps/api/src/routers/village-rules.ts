import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { VillageRulesFinding } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { rulesReviewStates, villageRulesKinds } from '../db/schema.js';
import { listRules, reviewRules, saveRules } from '../services/records/governance.js';
import { divisionCode, version } from './schemas.js';
import { checkOutput, isoDate, requiredText, shortText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const kind = z.enum(villageRulesKinds, { error: bi('规则类别无效', 'Unknown kind of rules') });

const rules = z.object({
  id: z.string(),
  villageCode: z.string(),
  kind,
  label: z.string(),
  text: z.string(),
  meetingId: z.string().nullable(),
  adoptedOn: z.string(),
  filedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewState: z.enum(rulesReviewStates),
  reviewFindings: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  check: checkOutput.extend({ ok: z.boolean() }).nullable(),
  /** `screenVillageRules`' findings: warnings for the reviewer, never a verdict. */
  screen: z.array(z.custom<VillageRulesFinding>()).nullable(),
  correctedAfterSubmission: z.boolean(),
  version: z.number(),
});

export const villageRulesRouter = {
  list: authedProcedure
    .input(z.object({ villageCode: divisionCode }))
    .output(z.array(rules))
    .query(({ ctx, input }) => listRules({ db: ctx.db, scope: ctx.scope, ...input })),

  /** A version of the village's rules: text, adopting meeting, filing and publication. */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        kind,
        label: requiredText(100),
        text: requiredText(100_000),
        meetingId: uuid.nullish(),
        adoptedOn: isoDate,
        filedOn: isoDate.nullish(),
        publishedOn: isoDate.nullish(),
      }),
    )
    .use(inTransaction)
    .output(rules)
    .mutation(({ ctx, input }) =>
      saveRules({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** The township's receipt and legality review (合法性审查): approved, or returned with findings. */
  review: writeProcedure
    .use(requireRole(['system_admin', 'county_admin', 'township_officer']))
    .input(
      z.object({
        id: uuid,
        version,
        receivedOn: isoDate,
        reviewedOn: isoDate,
        state: z.enum(['approved', 'returned']),
        findings: shortText(5000).optional(),
      }),
    )
    .use(inTransaction)
    .output(rules)
    .mutation(({ ctx, input }) =>
      reviewRules({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        reviewerName: ctx.user.displayName,
        input,
      }),
    ),
} satisfies TRPCRouterRecord;
