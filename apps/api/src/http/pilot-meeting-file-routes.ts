// The files of a pilot on-site meeting (现场会): the county uploads them (POST the raw bytes,
// the file name in x-file-name) with the evidence files' types and size limit; everyone who sees
// the campaign downloads them.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ContextFor } from './server.js';
import { contentDisposition, headerFileName, sendError } from './replies.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import { writeAudit } from '../services/audit.js';
import {
  discardEvidenceFile,
  MAX_EVIDENCE_BYTES,
  publishEvidenceFile,
  sniffEvidenceType,
} from '../services/campaigns/evidence.js';
import {
  findPilotMeetingFile,
  storePilotMeetingFile,
} from '../services/campaigns/pilot-meeting-files.js';
import type { SessionUser } from '../auth/session-user.js';

const uuid = z.uuid();
const invalidId = { zh: '编号无效', en: 'Invalid id' };

function signedIn(user: SessionUser | null | undefined): SessionUser {
  if (!user) fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
  return user;
}

export function pilotMeetingFileRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Params: { id: string; meetingId: string } }>(
      '/api/campaigns/:id/pilot-meetings/:meetingId/files',
      { bodyLimit: MAX_EVIDENCE_BYTES },
      async (req, reply) => {
        let stored: { absolute: string; part: string } | undefined;
        try {
          const ctx = await deps.contextFor(req, reply);
          const user = signedIn(ctx.user);
          // the county keeps the pilot phase's records (as campaigns.recordPilotMeeting)
          if (user.role !== 'system_admin' && user.role !== 'county_admin') {
            fail('ROLE_FORBIDDEN', undefined, {
              zh: '您的角色无权执行此操作',
              en: 'Your role may not do this',
            });
          }
          if (
            !uuid.safeParse(req.params.id).success ||
            !uuid.safeParse(req.params.meetingId).success
          ) {
            fail('INVALID_INPUT', undefined, invalidId, [{ path: 'id', message: invalidId }]);
          }
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          if (bytes.length === 0) {
            fail('EMPTY_FILE', undefined, { zh: '文件为空', en: 'The file is empty' });
          }
          const type = sniffEvidenceType(bytes);
          if (!type) {
            fail('FILE_TYPE', undefined, {
              zh: '只能上传图片（JPG、PNG、GIF、WebP）或PDF文件',
              en: 'Only images (JPG, PNG, GIF, WebP) and PDF files are accepted',
            });
          }
          const fileName =
            headerFileName(req.headers['x-file-name'], 200) ?? `现场会材料.${type.ext}`;
          const saved = await ctx.db.transaction(async (tx) => {
            const { row, campaign, ...paths } = await storePilotMeetingFile({
              db: tx,
              dataDir: deps.dataDir,
              scope: new Scope(user.scopeCode, user.role, user.unitId),
              campaignId: req.params.id,
              meetingId: req.params.meetingId,
              fileName,
              bytes,
              type,
              uploadedBy: user.id,
            });
            stored = paths;
            await writeAudit(tx, { id: user.id, username: user.username }, ctx.requestId, {
              action: 'campaigns.addPilotMeetingFile',
              entity: 'campaign',
              entityId: campaign.id,
              divisionCode: campaign.countyCode,
              after: { meetingId: row.meetingId, fileName, size: row.size, sha256: row.sha256 },
            });
            return row;
          });
          const committed = stored!;
          stored = undefined;
          await publishEvidenceFile(committed);
          return reply.code(201).send({
            id: saved.id,
            fileName: saved.fileName,
            mimeType: saved.mimeType,
            size: saved.size,
          });
        } catch (error) {
          if (stored) await discardEvidenceFile(stored);
          return sendError(reply, error);
        }
      },
    );

    app.get<{ Params: { id: string } }>('/api/pilot-meeting-files/:id', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        const user = signedIn(ctx.user);
        if (!uuid.safeParse(req.params.id).success) {
          fail('NOT_FOUND', undefined, { zh: '文件不存在', en: 'No such file' });
        }
        const file = await findPilotMeetingFile(
          ctx.db,
          new Scope(user.scopeCode, user.role, user.unitId),
          req.params.id,
        );
        return reply
          .type(file.mimeType)
          .header('content-disposition', contentDisposition('inline', file.fileName))
          .header('cache-control', 'private, max-age=0')
          .send(createReadStream(join(deps.dataDir, file.storagePath)));
      } catch (error) {
        return sendError(reply, error);
      }
    });
  };
}
