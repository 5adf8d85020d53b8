// Uploads of 普法 activity photos (POST the raw bytes, the file name in x-file-name):
// `/api/pufa/activities/:activityId/photos`. Downloads go through `/api/evidence/:id`, which serves
// evidence, record files and these photos alike.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES } from '@fazhi/domain';
import type { ContextFor } from './server.js';
import { headerFileName, sendError } from './replies.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import { readOnlyRoles } from '../auth/roles.js';
import { discardEvidenceFile, publishEvidenceFile } from '../services/campaigns/evidence.js';
import { addPufaActivityPhoto } from '../services/registers/pufa-photos.js';

const activityId = z.uuid();
const invalidId = { zh: '编号无效', en: 'Invalid id' };

export function pufaPhotoRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_RECORD_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Params: { activityId: string } }>(
      '/api/pufa/activities/:activityId/photos',
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
          if (!activityId.safeParse(req.params.activityId).success) {
            fail('INVALID_INPUT', undefined, invalidId, [
              { path: 'activityId', message: invalidId },
            ]);
          }
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const fileName = headerFileName(req.headers['x-file-name'], 200) ?? '活动照片';
          const saved = await ctx.db.transaction((tx) =>
            addPufaActivityPhoto({
              db: tx,
              dataDir: deps.dataDir,
              scope: new Scope(user.scopeCode, user.role, user.unitId),
              role: user.role,
              actor: { id: user.id, username: user.username },
              requestId: ctx.requestId,
              activityId: req.params.activityId,
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
  };
}
