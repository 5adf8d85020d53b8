// Uploads of township work's files (POST the raw bytes, the file name in x-file-name): onto a
// supervision task's progress report, `/api/tasks/:taskId/reports/:reportId/files` (the owning
// division), and onto a participatory budget's stage record, `/api/budget/records/:recordId/files`
// (the township). Downloads go through `/api/evidence/:id`; removals are `tasks.removeReportFile`
// and `budget.removeRecordFile`.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES } from '@fazhi/domain';
import type { ContextFor } from './server.js';
import { headerFileName, sendError } from './replies.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import { readOnlyRoles, type Role } from '../auth/roles.js';
import { writeAudit } from '../services/audit.js';
import { discardEvidenceFile, publishEvidenceFile } from '../services/campaigns/evidence.js';
import { addBudgetRecordFile, addTaskReportFile } from '../services/township/files.js';
import type { Db } from '../db/client.js';

const uuid = z.uuid();
const reportId = z.coerce.number().int().positive();
const invalidId = { zh: '编号无效', en: 'Invalid id' };

type Upload = Parameters<typeof addTaskReportFile>[0];

export function townshipFileRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  /**
   * Checks the caller and the ids, then stores the bytes with `add` in one transaction with its
   * audit event; the `.part` file is named for good only after the commit (removed otherwise).
   */
  async function upload(
    req: FastifyRequest,
    reply: FastifyReply,
    check: (role: Role) => string | null,
    add: (opts: Omit<Upload, 'taskId' | 'reportId'> & { db: Db }) => Promise<unknown>,
  ) {
    let stored: { absolute: string; part: string } | undefined;
    try {
      const ctx = await deps.contextFor(req, reply);
      if (!ctx.user) fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
      const user = ctx.user;
      if (readOnlyRoles.has(user.role)) {
        fail('READ_ONLY_ROLE', undefined, {
          zh: '您的角色为只读，不能修改数据',
          en: 'Your role is read-only',
        });
      }
      const badField = check(user.role);
      if (badField)
        fail('INVALID_INPUT', undefined, invalidId, [{ path: badField, message: invalidId }]);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const fileName = headerFileName(req.headers['x-file-name'], 200) ?? '附件';
      const actor = { id: user.id, username: user.username };
      const saved = await ctx.db.transaction((tx) =>
        add({
          db: tx,
          dataDir: deps.dataDir,
          scope: new Scope(user.scopeCode, user.role, user.unitId),
          actor,
          audit: (event) => writeAudit(tx, actor, ctx.requestId, event),
          fileName,
          bytes,
          onStored: (paths) => {
            stored = paths;
          },
        }),
      );
      const committed = stored!;
      stored = undefined;
      await publishEvidenceFile(committed);
      return reply.code(201).send(saved);
    } catch (error) {
      if (stored) await discardEvidenceFile(stored);
      return sendError(reply, error);
    }
  }

  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_RECORD_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Params: { taskId: string; reportId: string } }>(
      '/api/tasks/:taskId/reports/:reportId/files',
      { bodyLimit: MAX_RECORD_FILE_BYTES },
      (req, reply) =>
        upload(
          req,
          reply,
          () =>
            !uuid.safeParse(req.params.taskId).success
              ? 'taskId'
              : !reportId.safeParse(req.params.reportId).success
                ? 'reportId'
                : null,
          (opts) =>
            addTaskReportFile({
              ...opts,
              taskId: req.params.taskId,
              reportId: Number(req.params.reportId),
            }),
        ),
    );

    app.post<{ Params: { recordId: string } }>(
      '/api/budget/records/:recordId/files',
      { bodyLimit: MAX_RECORD_FILE_BYTES },
      (req, reply) =>
        upload(
          req,
          reply,
          (role) => {
            // the township keeps its key projects (as the budget.* procedures)
            if (role !== 'system_admin' && role !== 'township_officer') {
              fail('ROLE_FORBIDDEN', undefined, {
                zh: '您的角色无权执行此操作',
                en: 'Your role may not do this',
              });
            }
            return uuid.safeParse(req.params.recordId).success ? null : 'recordId';
          },
          (opts) => addBudgetRecordFile({ ...opts, recordId: req.params.recordId }),
        ),
    );
  };
}
