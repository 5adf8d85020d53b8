import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  annualOutcomes,
  maxAnswerValue,
  maxBulkParticipations,
  participationEventTypes,
  type Framework,
  type Scorecard,
} from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { participationStates, sheetColumns } from '../db/schema.js';
import {
  declare,
  getParticipation,
  listParticipations,
  removeEvidence,
  saveSheet,
  setOutcome,
  todayIso,
  transition,
} from '../services/campaigns/participations.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';
import { applyBulk, bulkEvents, previewBulk } from '../services/campaigns/bulk-transitions.js';
import { bi } from '../trpc/messages.js';
import { campaignOutput, divisionCode, paged, pagination, version } from './schemas.js';
import { isoDate } from './records-schemas.js';

const reason = z.string().trim().max(1000);
const countyAdmins = requireRole(['system_admin', 'county_admin']);

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit_self_assessment') }),
  z.object({ type: z.literal('approve') }),
  z.object({
    type: z.literal('return'),
    reason: reason.min(1, { error: bi('请填写退回理由', 'Give the reason') }),
  }),
  z.object({ type: z.literal('accept') }),
  z.object({
    type: z.literal('fail'),
    reason: reason.min(1, { error: bi('请填写理由', 'Give the reason') }),
  }),
  z.object({ type: z.literal('post') }),
  z.object({
    type: z.literal('object'),
    objector: z.object({
      name: z
        .string()
        .trim()
        .min(1, { error: bi('请填写异议人姓名', 'The objector’s name is required') })
        .max(50),
      contact: z
        .string()
        .trim()
        .min(1, { error: bi('请填写联系方式', 'A contact is required') })
        .max(100),
      content: z
        .string()
        .trim()
        .min(1, { error: bi('请填写异议内容', 'The objection is required') })
        .max(2000),
    }),
  }),
  z.object({
    type: z.literal('resolve_objection'),
    upheld: z.boolean(),
    reason: reason.min(1, { error: bi('请填写处理意见', 'Give the resolution') }),
  }),
  z.object({ type: z.literal('name') }),
  z.object({ type: z.literal('recommend') }),
  z.object({
    type: z.literal('record_decision'),
    awarded: z.boolean(),
    awardingBody: z.string().trim().max(200).optional(),
    documentNumber: z.string().trim().max(100).optional(),
    decidedOn: isoDate.optional(),
  }),
  z.object({
    type: z.literal('withdraw'),
    reason: reason.min(1, { error: bi('请填写撤回理由', 'Give the reason') }),
  }),
]);

/** A number answer: a typing error such as 99999999999999999999 is refused, not saved. */
const answerNumber = z
  .number()
  .min(-maxAnswerValue, {
    error: bi(`不能小于${-maxAnswerValue}`, `Must be at least ${-maxAnswerValue}`),
  })
  .max(maxAnswerValue, {
    error: bi(`数值过大，不能超过${maxAnswerValue}`, `Too large: at most ${maxAnswerValue}`),
  });

const columnData = z.object({
  items: z.record(
    z.string().max(50),
    z.union([z.boolean(), answerNumber, z.array(z.string().max(50)).max(100)]),
  ),
  vetoes: z.array(z.string().max(50)).max(100),
  comments: z.record(z.string().max(50), z.string().max(2000)),
  /** Self-assessment: why an answer differs from the one derived from the records. */
  overrides: z
    .record(
      z.string().max(50),
      z
        .string()
        .trim()
        .max(1000, { error: bi('理由最多1000字', 'At most 1000 characters') }),
    )
    .optional(),
});

/** A stored column of a score sheet (as saved: its limits were checked on the way in). */
const storedColumn = z.object({
  items: z.record(z.string(), z.union([z.boolean(), z.number(), z.array(z.string())])),
  vetoes: z.array(z.string()),
  comments: z.record(z.string(), z.string()),
  overrides: z.record(z.string(), z.string()).optional(),
});

const scorecard = z.custom<Scorecard>().nullable();

/** What `participations.get` answers: everything the score-sheet page shows, totals in points. */
const detail = z.object({
  participation: z.object({
    id: z.string(),
    countyCode: z.string(),
    campaignId: z.string(),
    villageCode: z.string(),
    townshipCode: z.string(),
    state: z.enum(participationStates),
    sheet: z.object({
      self: storedColumn.optional(),
      township: storedColumn.optional(),
      county: storedColumn.optional(),
    }),
    version: z.number().int(),
    sheetUpdatedBy: z.string().nullable(),
    sheetUpdatedAt: z.date().nullable(),
    selfTotal: z.number().nullable(),
    townshipTotal: z.number().nullable(),
    countyTotal: z.number().nullable(),
    countyGrade: z.string().nullable(),
    countyVetoed: z.boolean(),
    postedOn: z.string().nullable(),
    namedOn: z.string().nullable(),
    /** The township's reason of the last return, until the sheet is submitted again. */
    returnedReason: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  villageName: z.string(),
  /** Null when the township is not in the division table. */
  townshipName: z.string().nullable(),
  campaign: campaignOutput,
  framework: z.custom<Framework>(),
  scorecards: z.object({ self: scorecard, township: scorecard, county: scorecard }),
  objections: z.array(
    z.object({
      id: z.string(),
      /** Who objected: for the county only (null below it); the content is for everyone. */
      name: z.string().nullable(),
      contact: z.string().nullable(),
      content: z.string(),
      status: z.enum(['open', 'upheld', 'dismissed']),
      resolution: z.string().nullable(),
      createdAt: z.date(),
      resolvedAt: z.date().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.string(),
      itemCode: z.string(),
      column: z.enum(sheetColumns),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      createdAt: z.date(),
    }),
  ),
  editableColumn: z.enum(sheetColumns).nullable(),
  allowedEvents: z.array(z.enum(participationEventTypes)),
});

const summary = z.object({
  id: z.string(),
  villageCode: z.string(),
  /** The county unit, when the subject is one (`villageName` is then the unit's name). */
  unitId: z.string().nullable(),
  villageName: z.string(),
  townshipCode: z.string(),
  townshipName: z.string().nullable(),
  state: z.enum(participationStates),
  version: z.number().int(),
  selfTotal: z.number().nullable(),
  townshipTotal: z.number().nullable(),
  countyTotal: z.number().nullable(),
  countyGrade: z.string().nullable(),
  countyVetoed: z.boolean(),
  postedOn: z.string().nullable(),
  namedOn: z.string().nullable(),
  /** The township's reason of the last return, until the sheet is submitted again. */
  returnedReason: z.string().nullable(),
  /** Annual assessments: the county's 奖惩 outcome. */
  outcome: z.enum(annualOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  updatedAt: z.date(),
});

function auditView(p: {
  state: string;
  version: number;
  selfTotal: number | null;
  townshipTotal: number | null;
  countyTotal: number | null;
}) {
  return {
    state: p.state,
    version: p.version,
    selfTotal: p.selfTotal,
    townshipTotal: p.townshipTotal,
    countyTotal: p.countyTotal,
  };
}

export const participationsRouter = {
  list: authedProcedure
    .input(
      z.object({
        campaignId: z.uuid(),
        state: z.enum(participationStates).optional(),
        townshipCode: divisionCode.optional(),
        ...pagination,
      }),
    )
    .output(paged(summary))
    .query(({ ctx, input }) =>
      listParticipations({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, ...input }),
    ),

  /** The participation with its framework, sheet, scorecards and what the caller may do next. */
  get: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(detail)
    .query(({ ctx, input }) =>
      getParticipation({ db: ctx.db, scope: ctx.scope, user: ctx.user, id: input.id }),
    ),

  declare: writeProcedure
    .input(z.object({ campaignId: z.uuid(), villageCode: divisionCode }))
    .use(inTransaction)
    .output(z.object({ id: z.string(), state: z.enum(participationStates), version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const row = await declare({
        db: ctx.db,
        scope: ctx.scope,
        user: ctx.user,
        today: todayIso(),
        ...input,
      });
      await ctx.audit({
        action: 'participations.declare',
        entity: 'participation',
        entityId: row.id,
        divisionCode: row.villageCode,
        after: { campaignId: row.campaignId, state: row.state },
      });
      return { id: row.id, state: row.state, version: row.version };
    }),

  /**
   * Saves one column of the score sheet; `version` is the one the caller read (optimistic lock).
   * Any signed-in role: the service decides by role and turn (an assigned inspector's scores).
   */
  saveSheet: authedProcedure
    .input(
      z.object({
        id: z.uuid(),
        version,
        column: z.enum(sheetColumns),
        data: columnData,
      }),
    )
    .use(inTransaction)
    .output(
      z.object({
        version: z.number(),
        total: z.number(),
        grade: z.string(),
        vetoed: z.boolean(),
        complete: z.boolean(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { before, after, totals, repeated } = await saveSheet({
        db: ctx.db,
        scope: ctx.scope,
        user: ctx.user,
        id: input.id,
        version: input.version,
        column: input.column,
        data: input.data,
      });
      await ctx.audit({
        action: 'participations.save_sheet',
        entity: 'participation',
        entityId: after.id,
        divisionCode: after.villageCode,
        before: {
          column: input.column,
          ...(before.sheet[input.column] ?? {}),
          version: before.version,
        },
        after: {
          column: input.column,
          ...input.data,
          version: after.version,
          total: totals.total,
          // the same save sent again (a double click): nothing changed
          ...(repeated ? { repeated: true } : {}),
        },
      });
      return {
        version: after.version,
        total: totals.total,
        grade: totals.grade,
        vetoed: totals.vetoed,
        complete: totals.complete,
      };
    }),

  /**
   * Removes a wrongly attached evidence file. Like uploading, only in the column the caller may
   * edit now (so an assigned inspector may, in acceptance: the service decides by role and turn).
   * The file on disk goes once the removal has committed.
   */
  removeEvidence: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .use(inTransaction)
    .output(z.object({ id: z.string(), participationId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { file, villageCode } = await removeEvidence({
        db: ctx.db,
        scope: ctx.scope,
        user: ctx.user,
        id: input.id,
      });
      await ctx.audit({
        action: 'participations.remove_evidence',
        entity: 'evidence',
        entityId: file.id,
        divisionCode: villageCode,
        before: {
          itemCode: file.itemCode,
          column: file.column,
          fileName: file.fileName,
          size: file.size,
          sha256: file.sha256,
        },
      });
      const dataDir = ctx.dataDir;
      if (dataDir) ctx.afterCommit(() => deleteEvidenceFile(dataDir, file));
      return { id: file.id, participationId: file.participationId };
    }),

  /**
   * 验收 or 公示 for every village of a campaign that is ready for it: what would change and
   * what cannot (with the reason the single action gives), changing nothing.
   */
  bulkPreview: authedProcedure
    .input(z.object({ campaignId: z.uuid(), event: z.enum(bulkEvents) }))
    .output(
      z.object({
        changes: z.array(
          z.object({
            id: z.string(),
            version: z.number().int(),
            villageCode: z.string(),
            villageName: z.string(),
            from: z.enum(participationStates),
            to: z.enum(participationStates),
          }),
        ),
        refused: z.array(
          z.object({
            id: z.string(),
            villageCode: z.string(),
            villageName: z.string(),
            reason: z.object({ zh: z.string(), en: z.string() }),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) =>
      previewBulk({ db: ctx.db, scope: ctx.scope, user: ctx.user, today: todayIso(), ...input }),
    ),

  /**
   * Applies 验收 or 公示 to the villages a preview listed, at the versions it showed, in one
   * transaction with one audit event per village; the first that cannot fails the whole.
   */
  bulkTransition: writeProcedure
    .input(
      z.object({
        campaignId: z.uuid(),
        event: z.enum(bulkEvents),
        items: z
          .array(z.object({ id: z.uuid(), version }))
          .min(1, { error: bi('请至少选择一个村', 'Choose at least one village') })
          .max(maxBulkParticipations, {
            error: bi(
              `一次最多${maxBulkParticipations}个村`,
              `At most ${maxBulkParticipations} villages at once`,
            ),
          }),
      }),
    )
    .use(inTransaction)
    .output(
      z.array(
        z.object({ id: z.string(), state: z.enum(participationStates), version: z.number() }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const done = await applyBulk({
        db: ctx.db,
        scope: ctx.scope,
        user: ctx.user,
        today: todayIso(),
        ...input,
      });
      await ctx.auditEach(
        done.map(({ before, after, repeated }) => ({
          action: `participations.${input.event}`,
          entity: 'participation',
          entityId: after.id,
          divisionCode: after.villageCode,
          before: auditView(before),
          after: {
            ...auditView(after),
            event: { type: input.event },
            bulk: true,
            ...(repeated ? { repeated: true } : {}),
          },
        })),
      );
      return done.map(({ after }) => ({
        id: after.id,
        state: after.state,
        version: after.version,
      }));
    }),

  transition: writeProcedure
    .input(z.object({ id: z.uuid(), version, event }))
    .use(inTransaction)
    .output(z.object({ id: z.string(), state: z.enum(participationStates), version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after, repeated } = await transition({
        db: ctx.db,
        scope: ctx.scope,
        user: ctx.user,
        id: input.id,
        version: input.version,
        event: input.event,
        today: todayIso(),
      });
      await ctx.audit({
        action: `participations.${input.event.type}`,
        entity: 'participation',
        entityId: after.id,
        divisionCode: after.villageCode,
        before: auditView(before),
        after: {
          ...auditView(after),
          event: input.event,
          // the same event sent again (a double click): nothing changed
          ...(repeated ? { repeated: true } : {}),
        },
      });
      return { id: after.id, state: after.state, version: after.version };
    }),

  /** The county records an annual assessment's 奖惩 outcome for an assessed subject. */
  setOutcome: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: z.uuid(),
        version,
        outcome: z.enum(annualOutcomes, { error: bi('请选择奖惩结果', 'Choose the outcome') }),
        note: z.string().trim().max(1000).nullable().optional(),
      }),
    )
    .use(inTransaction)
    .output(z.object({ id: z.string(), outcome: z.enum(annualOutcomes), version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await setOutcome({
        db: ctx.db,
        scope: ctx.scope,
        id: input.id,
        version: input.version,
        outcome: input.outcome,
        note: input.note || null,
      });
      await ctx.audit({
        action: 'participations.set_outcome',
        entity: 'participation',
        entityId: after.id,
        divisionCode: after.villageCode,
        before: { outcome: before.outcome, outcomeNote: before.outcomeNote },
        after: { outcome: input.outcome, outcomeNote: input.note || null },
      });
      return { id: after.id, outcome: input.outcome, version: after.version };
    }),
} satisfies TRPCRouterRecord;
