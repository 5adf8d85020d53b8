import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import {
  complianceCounts,
  complianceTable,
  importLedger,
  ledgerWorkbook,
  recordMetrics,
} from '../services/records/records.js';
import { derivedAnswers, evidenceRegisters } from '../services/records/derived.js';
import { divisionCode, paged, pagination, year } from './schemas.js';
import { isoDate } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

export const recordsRouter = {
  /** Every village in scope under `code` (a township or county): its compliance counts. */
  compliance: authedProcedure
    .input(
      z.object({
        code: divisionCode,
        from: isoDate,
        to: isoDate,
        ...pagination,
        sort: z
          .object({
            field: z.enum(['villageCode', ...complianceCounts]),
            order: z.enum(['asc', 'desc']),
          })
          .optional(),
        /** Only villages with a problem to follow up (resolutions, matters, postings, rules). */
        onlyProblems: z.boolean().optional(),
        townshipCode: divisionCode.optional(),
        /** Part of a village's name, or the start of its code. */
        search: z.string().trim().max(50).optional(),
      }),
    )
    .output(
      paged(
        z.object({
          villageCode: z.string(),
          villageName: z.string(),
          townshipCode: z.string(),
          townshipName: z.string(),
          meetingsHeld: z.number(),
          resolutionsWithProblems: z.number(),
          mattersOpen: z.number(),
          disclosuresOverdue: z.number(),
          overdue: z.array(
            z.object({ category: z.string(), period: z.string(), dueBy: z.string() }),
          ),
          rulesNotFiledOrReviewed: z.number(),
          corrections: z.number(),
        }),
      ).extend({ townships: z.array(z.object({ code: z.string(), name: z.string() })) }),
    )
    .query(({ ctx, input }) => complianceTable({ db: ctx.db, scope: ctx.scope, ...input })),

  /** The metrics the village's records give for a period (what `deriveAnswers` reads). */
  metrics: authedProcedure
    .input(z.object({ villageCode: divisionCode, from: isoDate, to: isoDate }))
    .output(
      z.object({
        villageCode: z.string(),
        period: z.object({ from: z.string(), to: z.string() }),
        /** By `RecordMetricKey` of @fazhi/domain; a metric the records cannot give is absent. */
        values: z.record(z.string(), z.union([z.number(), z.boolean()])),
      }),
    )
    .query(({ ctx, input }) => recordMetrics({ db: ctx.db, scope: ctx.scope, ...input })),

  /**
   * The self-assessment answers the village's records give for the campaign's period
   * (`campaignRecordPeriod`), each with its explanation and the records it rests on (来自台账).
   */
  derivedAnswers: authedProcedure
    .input(z.object({ participationId: z.uuid({ error: bi('编号无效', 'Invalid id') }) }))
    .output(
      z.object({
        villageCode: z.string(),
        period: z.object({ from: z.string(), to: z.string() }),
        /** False when the village has no record in the period: nothing is derived. */
        hasRecords: z.boolean(),
        items: z.array(
          z.object({
            itemId: z.string(),
            missing: z.boolean(),
            /** Absent when `missing`: the records give no answer, a person gives it. */
            answer: z.union([z.boolean(), z.number(), z.array(z.string()).readonly()]).optional(),
            explanation: z.object({ zh: z.string(), en: z.string() }),
            metrics: z.array(z.string()),
            evidence: z.array(
              z.object({
                register: z.enum(evidenceRegisters),
                total: z.number(),
                /** Records corrected after the period's self-assessment was submitted. */
                corrected: z.number(),
                records: z.array(
                  z.object({
                    register: z.string(),
                    id: z.string(),
                    date: z.string(),
                    kind: z.string(),
                    title: z.string().optional(),
                    corrected: z.boolean(),
                  }),
                ),
              }),
            ),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => derivedAnswers({ db: ctx.db, scope: ctx.scope, ...input })),

  /** One village's ledger (台账) for a year: an .xlsx workbook (base64), a sheet per register. */
  ledger: authedProcedure
    .input(z.object({ villageCode: divisionCode, year }))
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(({ ctx, input }) => ledgerWorkbook({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports a year's meetings and disclosures ledger (.xlsx, base64): all or nothing. */
  importLedger: writeProcedure
    .input(
      z.object({
        villageCode: divisionCode,
        year,
        workbook: z.base64({ error: bi('文件内容无效', 'Invalid file content') }).max(1_000_000, {
          error: bi('文件过大', 'The file is too large'),
        }),
      }),
    )
    .use(inTransaction)
    .output(z.object({ meetings: z.number(), disclosures: z.number() }))
    .mutation(({ ctx, input }) =>
      importLedger({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),
} satisfies TRPCRouterRecord;
