// The Excel round trip: a village's score sheet (考核评分表) as .xlsx, the import of one column
// back from the same file, the public-notice list (公示名单) and the ranking (得分排名). Every route goes through the
// tRPC procedures (participations.get / saveSheet, campaigns.noticeList) with the caller's
// session, so scope, roles, the optimistic lock, audit and transactions stay in one place; these
// routes only turn workbooks into data and back (see services/campaigns/score-sheet-*.ts).
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { TRPCError } from '@trpc/server';
import type { ContextFor } from './server.js';
import { contentDisposition, safeFileName, sendError } from './replies.js';
import { createCaller } from '../trpc/root.js';
import { AppError, fail, notFound } from '../errors/app-error.js';
import { toTRPCError } from '../trpc/app-error-code.js';
import {
  buildNoticeWorkbook,
  buildRankingWorkbook,
  buildScoreSheetWorkbook,
} from '../services/campaigns/score-sheet-export.js';
import {
  buildAdvisersWorkbook,
  buildCorrectionsWorkbook,
  buildPufaWorkbook,
  REGISTER_SHEET_NAMES,
} from '../services/registers/statistics-xlsx-registers.js';
import { parseScoreSheetWorkbook } from '../services/campaigns/score-sheet-import.js';
import { XLSX_MIME } from '../services/campaigns/score-sheet-layout.js';
import { readFrameworkWorkbook } from '../services/campaigns/framework-workbook.js';
import { frameworkImportRoles } from '../routers/frameworks.js';
import {
  buildMediationWorkbook,
  buildMonthlyWorkbook,
} from '../services/registers/statistics-xlsx.js';

/** The largest workbook accepted for import. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

/** Errors Fastify raises before a handler runs (body too large, wrong content type…). */
function fromFastifyError(error: FastifyError): TRPCError {
  const problem = (
    problemCode: 'FILE_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_REQUEST',
    zh: string,
    en: string,
  ) => toTRPCError(new AppError(problemCode, undefined, { zh, en }));
  if (error.statusCode === 413) {
    return problem(
      'FILE_TOO_LARGE',
      'Excel文件不能超过20 MB',
      'The workbook must not exceed 20 MB',
    );
  }
  if (error.statusCode === 415) {
    return problem(
      'UNSUPPORTED_MEDIA_TYPE',
      '请上传Excel工作簿（.xlsx）',
      'Upload an Excel workbook (.xlsx)',
    );
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return problem('BAD_REQUEST', '请求格式有误', 'Malformed request');
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}

function sendWorkbook(reply: FastifyReply, bytes: Buffer, fileName: string, fallback: string) {
  return reply
    .type(XLSX_MIME)
    .header(
      'content-disposition',
      contentDisposition('attachment', safeFileName(fileName), fallback),
    )
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

export function excelRoutes(deps: { contextFor: ContextFor }): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      [XLSX_MIME, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_XLSX_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError, _req, reply) =>
      sendError(reply, fromFastifyError(error)),
    );

    app.get<{ Params: { id: string } }>(
      '/api/participations/:id/sheet.xlsx',
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          const detail = await createCaller(ctx).participations.get({
            id: req.params.id,
          });
          const p = detail.participation;
          const bytes = await buildScoreSheetWorkbook({
            participationId: p.id,
            version: p.version,
            state: p.state,
            campaignName: detail.campaign.name,
            subjectLevel: detail.campaign.subjectLevel,
            villageName: detail.villageName,
            townshipName: detail.townshipName,
            villageCode: p.villageCode,
            framework: detail.framework,
            sheet: p.sheet,
            scorecards: detail.scorecards,
          });
          return sendWorkbook(
            reply,
            bytes,
            `考核评分表-${detail.villageName}.xlsx`,
            `score-sheet-${p.villageCode}.xlsx`,
          );
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    // the 统计 page's table: statistics.mediation with the caller's session and scope
    app.get<{ Querystring: { divisionCode?: string; from?: string; to?: string } }>(
      '/api/statistics/mediation.xlsx',
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          const { divisionCode, from, to } = req.query;
          const stats = await createCaller(ctx).statistics.mediation({
            divisionCode: String(divisionCode ?? ''),
            from: String(from ?? ''),
            to: String(to ?? ''),
          });
          const bytes = await buildMediationWorkbook(stats);
          return sendWorkbook(
            reply,
            bytes,
            `人民调解统计-${stats.name}-${stats.from}-${stats.to}.xlsx`,
            `mediation-${stats.code}.xlsx`,
          );
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    // the 统计 page's other tables: 普法, advisers and community correction, with the caller's scope
    app.get<{
      Params: { register: string };
      Querystring: { divisionCode?: string; from?: string; to?: string };
    }>('/api/statistics/:register.xlsx', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        const caller = createCaller(ctx);
        const input = {
          divisionCode: String(req.query.divisionCode ?? ''),
          from: String(req.query.from ?? ''),
          to: String(req.query.to ?? ''),
        };
        const register = req.params.register;
        const named = (stats: { name: string; code: string; from: string; to: string }) => ({
          zh: `${REGISTER_SHEET_NAMES[register as keyof typeof REGISTER_SHEET_NAMES]}-${stats.name}-${stats.from}-${stats.to}.xlsx`,
          en: `${register}-${stats.code}.xlsx`,
        });
        let bytes: Buffer;
        let names: { zh: string; en: string };
        if (register === 'pufa') {
          const stats = await caller.statistics.pufa(input);
          bytes = await buildPufaWorkbook(stats);
          names = named(stats);
        } else if (register === 'advisers') {
          const stats = await caller.advisers.coverage(input);
          bytes = await buildAdvisersWorkbook(stats);
          names = named(stats);
        } else if (register === 'corrections') {
          // months: the page sends the dates of its period
          const stats = await caller.corrections.statistics({
            ...input,
            from: input.from.slice(0, 7),
            to: input.to.slice(0, 7),
          });
          bytes = await buildCorrectionsWorkbook(stats);
          names = named(stats);
        } else {
          notFound({ zh: '统计表', en: 'Statistics table' });
        }
        return sendWorkbook(reply, bytes, names.zh, names.en);
      } catch (error) {
        return sendError(reply, error);
      }
    });

    // the Ministry-style monthly table: statistics.mediationMonthly with the caller's scope
    app.get<{ Querystring: { divisionCode?: string; year?: string } }>(
      '/api/statistics/mediation-monthly.xlsx',
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          const stats = await createCaller(ctx).statistics.mediationMonthly({
            divisionCode: String(req.query.divisionCode ?? ''),
            year: Number(req.query.year),
          });
          const bytes = await buildMonthlyWorkbook(stats);
          return sendWorkbook(
            reply,
            bytes,
            `人民调解统计月报-${stats.name}-${stats.year}.xlsx`,
            `mediation-monthly-${stats.code}-${stats.year}.xlsx`,
          );
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    app.post<{ Params: { id: string } }>(
      '/api/participations/:id/sheet.xlsx',
      { bodyLimit: MAX_XLSX_BYTES },
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          const caller = createCaller(ctx);
          // session, scope and whose turn it is: the same answers as the score-sheet page
          const detail = await caller.participations.get({
            id: req.params.id,
          });
          const column = detail.editableColumn;
          if (!column) {
            fail('NOT_YOUR_TURN', undefined, {
              zh: '当前阶段您不能填写这份评分表',
              en: 'You may not enter scores in this sheet at this stage',
            });
          }
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const parsed = await parseScoreSheetWorkbook(bytes, {
            framework: detail.framework,
            column,
            participationId: detail.participation.id,
          });
          if (!parsed.ok) {
            const n = parsed.errors.length;
            fail(
              'XLSX_INVALID',
              { errors: parsed.errors },
              {
                zh: `Excel文件有${n}处错误，未导入任何数据`,
                en: `The workbook has ${n} ${n === 1 ? 'problem' : 'problems'}; nothing was imported`,
              },
            );
          }
          // the workbook has no column for the reasons of overriding a derived answer: the
          // stored ones are kept (an answer changed in the file without one is refused)
          const overrides = detail.participation.sheet[column]?.overrides;
          // the version the file was exported at: a stale file gets the lock's conflict
          const result = await caller.participations.saveSheet({
            id: detail.participation.id,
            version: parsed.version,
            column,
            data: overrides ? { ...parsed.data, overrides } : parsed.data,
          });
          return reply.send(result);
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );

    // a county's own 考核评分表 → a framework draft (nothing is stored: the county completes the
    // draft in the 指标体系 page and saves it through frameworks.import)
    app.post('/api/frameworks/import.xlsx', { bodyLimit: MAX_XLSX_BYTES }, async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        if (!ctx.user) {
          fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
        }
        if (!(frameworkImportRoles as readonly string[]).includes(ctx.user.role)) {
          fail('ROLE_FORBIDDEN', undefined, {
            zh: '您的角色无权执行此操作',
            en: 'Your role may not do this',
          });
        }
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const read = await readFrameworkWorkbook(bytes);
        if (!read.ok) {
          const n = read.problems.length;
          fail(
            'FRAMEWORK_XLSX_INVALID',
            { problems: read.problems },
            {
              zh: `Excel文件有${n}处错误，未生成指标体系草稿`,
              en: `The workbook has ${n} ${n === 1 ? 'problem' : 'problems'}; no framework draft was made`,
            },
          );
        }
        return reply.header('cache-control', 'private, no-store').send(read);
      } catch (error) {
        return sendError(reply, error);
      }
    });

    app.get<{ Params: { id: string } }>('/api/campaigns/:id/ranking.xlsx', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        const caller = createCaller(ctx);
        const campaign = await caller.campaigns.get({ id: req.params.id });
        // every page of the ranking, in ranking order, through the procedure (scope and all)
        const rows = [];
        for (let page = 1; ; page += 1) {
          const ranking = await caller.campaigns.ranking({
            id: req.params.id,
            page,
            pageSize: 200,
          });
          rows.push(...ranking.items);
          if (ranking.items.length === 0 || rows.length >= ranking.total) break;
        }
        const bytes = await buildRankingWorkbook({
          campaignName: campaign.name,
          subjectLevel: campaign.subjectLevel,
          rows,
        });
        return sendWorkbook(
          reply,
          bytes,
          `得分排名-${campaign.name}.xlsx`,
          `ranking-${campaign.year}.xlsx`,
        );
      } catch (error) {
        return sendError(reply, error);
      }
    });

    app.get<{ Params: { id: string } }>('/api/campaigns/:id/notice.xlsx', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        const list = await createCaller(ctx).campaigns.noticeList({ id: req.params.id });
        const bytes = await buildNoticeWorkbook({
          campaignName: list.campaign.name,
          noticeDays: list.campaign.noticeDays,
          rows: list.rows,
        });
        return sendWorkbook(
          reply,
          bytes,
          `公示名单-${list.campaign.name}.xlsx`,
          `notice-list-${list.campaign.year}.xlsx`,
        );
      } catch (error) {
        return sendError(reply, error);
      }
    });
  };
}
