// Uploads of village records' files (POST the raw bytes, with the file name in x-file-name):
// `/api/records/:recordKind/:recordId/files?purpose=minutes|photo|text`. Downloads go through
// `/api/evidence/:id`, which serves evidence and record files alike. `/api/records/rules-text`
// reads the plain text of a Word document (.docx) for a rules version's text; it stores nothing:
// the form keeps the document as the saved version's text file (purpose=text) once it is saved.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES, recordFilePurposes } from '@fazhi/domain';
import type { ContextFor } from './server.js';
import { headerFileName, sendError } from './replies.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import { readOnlyRoles } from '../auth/roles.js';
import { discardEvidenceFile, publishEvidenceFile } from '../services/campaigns/evidence.js';
import { addRecordFile } from '../services/records/files.js';
import { docxText } from '../services/records/docx-text.js';
import { recordKind } from '../routers/record-files.js';
import { bi, unpack } from '../trpc/messages.js';

const params = z.object({
  recordKind,
  recordId: z.uuid({ error: bi('编号无效', 'Invalid id') }),
  purpose: z.enum(recordFilePurposes, { error: bi('附件类型无效', 'Unknown kind of file') }),
});

export function recordFileRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_RECORD_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post<{
      Params: { recordKind: string; recordId: string };
      Querystring: { purpose?: string };
    }>(
      '/api/records/:recordKind/:recordId/files',
      { bodyLimit: MAX_RECORD_FILE_BYTES },
      async (req, reply) => {
        // the bytes are written as `.part` and named for good only once their row is committed
        let stored: { absolute: string; part: string } | undefined;
        try {
          const ctx = await deps.contextFor(req, reply);
          if (!ctx.user)
            fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
          const user = ctx.user;
          if (readOnlyRoles.has(user.role)) {
            fail('READ_ONLY_ROLE', undefined, {
              zh: '您的角色为只读，不能修改数据',
              en: 'Your role is read-only',
            });
          }
          const parsed = params.safeParse({ ...req.params, purpose: req.query.purpose });
          if (!parsed.success) {
            const fields = parsed.error.issues.map((issue) => ({
              path: issue.path.join('.'),
              message: unpack(issue.message),
            }));
            fail('INVALID_INPUT', undefined, fields[0]!.message, fields);
          }
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const fileName =
            headerFileName(req.headers['x-file-name'], 200) ?? `${parsed.data.purpose}`;
          const saved = await ctx.db.transaction((tx) =>
            addRecordFile({
              db: tx,
              dataDir: deps.dataDir,
              scope: new Scope(user.scopeCode, user.role, user.unitId),
              actor: { id: user.id, username: user.username },
              requestId: ctx.requestId,
              kind: parsed.data.recordKind,
              recordId: parsed.data.recordId,
              purpose: parsed.data.purpose,
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
      },
    );

    // the text of a .docx (POST the raw bytes): `{ text }`, or a field error on `file`
    app.post(
      '/api/records/rules-text',
      { bodyLimit: MAX_RECORD_FILE_BYTES },
      async (req, reply) => {
        try {
          const ctx = await deps.contextFor(req, reply);
          if (!ctx.user)
            fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
          if (readOnlyRoles.has(ctx.user.role)) {
            fail('READ_ONLY_ROLE', undefined, {
              zh: '您的角色为只读，不能修改数据',
              en: 'Your role is read-only',
            });
          }
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          return reply.code(200).send({ text: await docxText(bytes) });
        } catch (error) {
          return sendError(reply, error);
        }
      },
    );
  };
}
