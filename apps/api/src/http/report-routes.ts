// The annual report's Word document: `POST /api/reports/annual.docx` with the JSON body
// `{ divisionCode, year, prose? }` (the prose the officer edited, by section) and
// `GET /api/reports/annual.docx?divisionCode&year` (the generated prose). Both go through
// reports.annual with the caller's session, so scope and validation stay in one place; the
// figures are always the records', only the prose comes from the request.
// The 通报 of supervised tasks: `GET /api/reports/task-bulletin.docx?divisionCode&from&to`
// (tasks.bulletin with the caller's session, as a Word document).
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { TRPCError } from '@trpc/server';
import type { ContextFor } from './server.js';
import { contentDisposition, problemError, safeFileName, sendError } from './replies.js';
import { createCaller } from '../trpc/root.js';
import type { Context } from '../trpc/context.js';
import { buildAnnualReportDocx, DOCX_MIME } from '../services/reports/annual-docx.js';
import { buildBulletinDocx } from '../services/township/bulletin-docx.js';
import { divisionNames } from '../services/township/common.js';

async function sendReport(reply: FastifyReply, ctx: Context, input: unknown) {
  const report = await createCaller(ctx).reports.annual(
    input as Parameters<ReturnType<typeof createCaller>['reports']['annual']>[0],
  );
  const bytes = await buildAnnualReportDocx(report);
  const name = `${report.division.name}${report.year}年法治建设工作情况报告.docx`;
  return reply
    .type(DOCX_MIME)
    .header(
      'content-disposition',
      contentDisposition(
        'attachment',
        safeFileName(name),
        `annual-report-${report.division.code}-${report.year}.docx`,
      ),
    )
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

export function reportRoutes(deps: { contextFor: ContextFor }): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler((error: FastifyError, _req, reply) =>
      sendError(
        reply,
        error.statusCode === 413
          ? problemError('FILE_TOO_LARGE', {
              zh: '报告正文过长',
              en: 'The report text is too long',
            })
          : error.statusCode !== undefined && error.statusCode < 500
            ? problemError('BAD_REQUEST', { zh: '请求格式有误', en: 'Malformed request' })
            : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }),
      ),
    );

    app.get<{ Querystring: { divisionCode?: string; year?: string } }>(
      '/api/reports/annual.docx',
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          return await sendReport(reply, ctx, {
            divisionCode: String(req.query.divisionCode ?? ''),
            year: Number(req.query.year),
          });
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    app.get<{ Querystring: { divisionCode?: string; from?: string; to?: string } }>(
      '/api/reports/task-bulletin.docx',
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          const bulletin = await createCaller(ctx).tasks.bulletin({
            divisionCode: String(req.query.divisionCode ?? ''),
            from: String(req.query.from ?? ''),
            to: String(req.query.to ?? ''),
          });
          const code = String(req.query.divisionCode);
          const divisionName = (await divisionNames(ctx.db, [code])).get(code) ?? code;
          const bytes = await buildBulletinDocx({ ...bulletin, divisionName });
          return await reply
            .type(DOCX_MIME)
            .header(
              'content-disposition',
              contentDisposition(
                'attachment',
                safeFileName(`${divisionName}督查督办通报-${bulletin.from}-${bulletin.to}.docx`),
                `task-bulletin-${code}-${bulletin.from}-${bulletin.to}.docx`,
              ),
            )
            .header('cache-control', 'private, no-store')
            .send(bytes);
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    app.post('/api/reports/annual.docx', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        const body = (req.body ?? {}) as Record<string, unknown>;
        return await sendReport(reply, ctx, {
          divisionCode: body.divisionCode,
          year: body.year,
          prose: body.prose,
        });
      } catch (error) {
        return sendError(reply, error);
      }
    });
  };
}
