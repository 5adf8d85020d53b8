// Uploads of register files (POST the raw bytes, the file name in x-file-name): 普法 activity
// photos at `/api/pufa/activities/:id/photos` and mediation case files (调解协议书 and other papers)
// at `/api/mediation/cases/:id/files`. Downloads go through `/api/evidence/:id`, which serves
// evidence, record files and these files alike.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES } from '@fazhi/domain';
import type { ContextFor } from './server.js';
import { headerFileName, sendError } from './replies.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import type { Role } from '../auth/roles.js';
import { readOnlyRoles } from '../auth/roles.js';
import type { Db } from '../db/client.js';
import { discardEvidenceFile, publishEvidenceFile } from '../services/campaigns/evidence.js';
import { addPufaActivityPhoto } from '../services/registers/pufa-photos.js';
import { addMediationCaseFile } from '../services/registers/mediation-files.js';

const recordId = z.uuid();
const invalidId = { zh: '编号无效', en: 'Invalid id' };

/** What every register upload hands its service. */
interface Upload {
  db: Db;
  dataDir: string;
  scope: Scope;
  role: Role;
  actor: { id: string; username: string };
  requestId: string;
  id: string;
  fileName: string;
  bytes: Buffer;
  onStored: (paths: { absolute: string; part: string }) => void;
}

/** The register uploads: the URL, the name of its id (for field errors), a default file name. */
const uploads: {
  url: string;
  idField: string;
  defaultName: string;
  add: (u: Upload) => Promise<unknown>;
}[] = [
  {
    url: '/api/pufa/activities/:id/photos',
    idField: 'activityId',
    defaultName: '活动照片',
    add: ({ id, ...u }) => addPufaActivityPhoto({ ...u, activityId: id }),
  },
  {
    url: '/api/mediation/cases/:id/files',
    idField: 'caseId',
    defaultName: '调解协议书',
    add: ({ id, ...u }) => addMediationCaseFile({ ...u, caseId: id }),
  },
];

export function registerFileRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_RECORD_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );

    for (const upload of uploads) {
      app.post<{ Params: { id: string } }>(
        upload.url,
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
            if (!recordId.safeParse(req.params.id).success) {
              fail('INVALID_INPUT', undefined, invalidId, [
                { path: upload.idField, message: invalidId },
              ]);
            }
            const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
            const fileName = headerFileName(req.headers['x-file-name'], 200) ?? upload.defaultName;
            const saved = await ctx.db.transaction((tx) =>
              upload.add({
                db: tx,
                dataDir: deps.dataDir,
                scope: new Scope(user.scopeCode, user.role, user.unitId),
                role: user.role,
                actor: { id: user.id, username: user.username },
                requestId: ctx.requestId,
                id: req.params.id,
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
    }
  };
}
