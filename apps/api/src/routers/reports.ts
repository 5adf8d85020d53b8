// Reports generated from the records: the annual 法治建设 report of a county or a township. Its
// .docx is downloaded from POST /api/reports/annual.docx (http/report-routes.ts) with the prose
// the officer edited, which goes through `annual`'s `prose` (validated here).
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ANNUAL_REPORT_PROSE_MAX, annualReportSections } from '@fazhi/domain';
import { bi } from '../trpc/messages.js';
import { authedProcedure } from '../trpc/init.js';
import { divisionCode, year } from './schemas.js';
import { annualReport } from '../services/reports/annual-report.js';

const localized = z.object({ zh: z.string(), en: z.string() });
const kind = z.enum(['count', 'rate']);

export const annualReportOutput = z.object({
  division: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['county', 'township']),
  }),
  year: z.number(),
  sections: z.array(
    z.object({
      key: z.enum(annualReportSections),
      title: localized,
      figures: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          kind,
          unit: z.string(),
          value: z.number().nullable(),
          previous: z.number().nullable(),
          source: z.string(),
        }),
      ),
      tables: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          source: z.string(),
          columns: z.array(z.object({ label: z.string(), kind })),
          rows: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              values: z.array(z.number().nullable()),
            }),
          ),
        }),
      ),
      prose: z.string(),
    }),
  ),
});

export const reportsRouter = {
  /** The annual report of a county or a township: its sections, figures and generated prose. */
  annual: authedProcedure
    .input(
      z.object({
        divisionCode,
        year,
        /** The officer's prose of some sections, replacing the generated (the .docx route). */
        prose: z
          .partialRecord(
            z.enum(annualReportSections, { error: bi('报告章节无效', 'Unknown report section') }),
            z
              .string({ error: bi('报告正文应为文字', 'The report text is text') })
              .max(ANNUAL_REPORT_PROSE_MAX, {
                error: bi(
                  `每节正文不能超过${ANNUAL_REPORT_PROSE_MAX}字`,
                  `A section's text is at most ${ANNUAL_REPORT_PROSE_MAX} characters`,
                ),
              }),
          )
          .optional(),
      }),
    )
    .output(annualReportOutput)
    .query(({ ctx, input }) => annualReport({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
