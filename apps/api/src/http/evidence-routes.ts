// Evidence uploads (POST the raw bytes, with the file name in x-file-name) and downloads.
// Only the role whose turn it is may attach evidence to its column; only users in scope read it.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ContextFor } from './server.js';
import { contentDisposition, headerFileName, sendError } from './replies.js';
import { createCaller } from '../trpc/root.js';
import { fail } from '../errors/app-error.js';
import { Scope } from '../auth/scope.js';
import { writeAudit } from '../services/audit.js';
import {
  discardEvidenceFile,
  findEvidence,
  MAX_EVIDENCE_BYTES,
  publishEvidenceFile,
  requireEvidenceTurn,
  sniffEvidenceType,
  storeEvidence,
} from '../services/campaigns/evidence.js';
import { findPufaActivityPhoto } from '../services/registers/pufa-photos.js';
import { findTownshipFile } from '../services/township/files.js';
import { findMediationCaseFile } from '../services/registers/mediation-files.js';
import { findRecordFile } from '../services/records/files.js';
import { findParticipation } from '../services/campaigns/participations.js';
import { requireOpen } from '../services/campaigns/close.js';

const uuid = z.uuid();

export function evidenceRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Params: { id: string }; Querystring: { item?: string; column?: string } }>(
      '/api/participations/:id/evidence',
      { bodyLimit: MAX_EVIDENCE_BYTES },
      async (req, reply) => {
        // the bytes are written as `.part` and named for good only once their row is committed
        let stored: { absolute: string; part: string } | undefined;
        try {
          const ctx = await deps.contextFor(req, reply);
          if (!uuid.safeParse(req.params.id).success) {
            fail('INVALID_INPUT', undefined, { zh: '编号无效', en: 'Invalid id' }, [
              { path: 'id', message: { zh: '编号无效', en: 'Invalid id' } },
            ]);
          }
          // the same checks as the score sheet: session, scope, and whose turn it is
          const detail = await createCaller(ctx).participations.get({ id: req.params.id });
          requireOpen(detail.campaign);
          const column = req.query.column;
          requireEvidenceTurn(detail.editableColumn, column, 'attach');
          const itemCodes = new Set(
            detail.framework.areas.flatMap((a) => a.items.map((i) => i.code)),
          );
          if (!req.query.item || !itemCodes.has(req.query.item)) {
            fail('INVALID_INPUT', undefined, { zh: '未知的指标', en: 'Unknown item' }, [
              { path: 'item', message: { zh: '未知的指标', en: 'Unknown item' } },
            ]);
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
            headerFileName(req.headers['x-file-name'], 200) ?? `evidence.${type.ext}`;
          const user = ctx.user!;
          const saved = await ctx.db.transaction(async (tx) => {
            const participation = await findParticipation(
              tx,
              new Scope(user.scopeCode, user.role, user.unitId),
              req.params.id,
              user.id,
            );
            const { row, ...paths } = await storeEvidence({
              db: tx,
              dataDir: deps.dataDir,
              participation,
              itemCode: req.query.item!,
              column,
              fileName,
              bytes,
              type,
              uploadedBy: user.id,
            });
            stored = paths;
            await writeAudit(tx, { id: user.id, username: user.username }, ctx.requestId, {
              action: 'participations.add_evidence',
              entity: 'evidence',
              entityId: row.id,
              divisionCode: participation.villageCode,
              after: {
                itemCode: row.itemCode,
                column: row.column,
                fileName,
                size: row.size,
                sha256: row.sha256,
              },
            });
            return row;
          });
          const committed = stored!;
          stored = undefined;
          await publishEvidenceFile(committed);
          return reply.code(201).send({
            id: saved.id,
            itemCode: saved.itemCode,
            column: saved.column,
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

    app.get<{ Params: { id: string } }>('/api/evidence/:id', async (req, reply) => {
      try {
        const ctx = await deps.contextFor(req, reply);
        if (!ctx.user) fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
        if (!uuid.safeParse(req.params.id).success) {
          fail('NOT_FOUND', undefined, { zh: '文件不存在', en: 'No such file' });
        }
        const scope = new Scope(ctx.user.scopeCode, ctx.user.role, ctx.user.unitId);
        // an evidence file of a score sheet, else a file of a village record, a 普法 photo, a
        // mediation case's file or a file of township work (a task's progress report, a budget
        // stage record)
        const evidence = await findEvidence(ctx.db, scope, req.params.id, ctx.user.id);
        const found = evidence ?? {
          file:
            (await findRecordFile(ctx.db, scope, req.params.id)) ??
            (await findPufaActivityPhoto(ctx.db, scope, req.params.id)) ??
            (await findMediationCaseFile(ctx.db, scope, req.params.id)) ??
            (await findTownshipFile(ctx.db, scope, req.params.id)),
        };
        if (!found.file) {
          fail('NOT_FOUND', undefined, {
            zh: '文件不存在或不在您的管辖范围内',
            en: 'No such file, or outside your scope',
          });
        }
        return reply
          .type(found.file.mimeType)
          .header('content-disposition', contentDisposition('inline', found.file.fileName))
          .header('cache-control', 'private, max-age=0')
          .send(createReadStream(join(deps.dataDir, found.file.storagePath)));
      } catch (error) {
        return sendError(reply, error);
      }
    });
  };
}
