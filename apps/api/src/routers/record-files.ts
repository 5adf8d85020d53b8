import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { recordFileKinds, recordFilePurposes } from '@fazhi/domain';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { deleteEvidenceFile } from '../services/campaigns/evidence.js';
import type { RecordFileKind } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import { filesOfRecord, listRecordFiles, removeRecordFile } from '../services/records/files.js';
import { bi } from '../trpc/messages.js';
import { uuid } from './records-schemas.js';

export const recordKind = z.enum(recordFileKinds, {
  error: bi('记录类型无效', 'Unknown kind of record'),
});

const file = z.object({
  id: z.string(),
  recordKind,
  purpose: z.enum(recordFilePurposes),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});

/**
 * The files of village records (minutes, photos, rules texts). Uploads go to
 * `POST /api/records/:recordKind/:recordId/files?purpose=…`; downloads to `/api/evidence/:id`.
 */
export const recordFilesRouter = {
  list: authedProcedure
    .input(z.object({ recordKind, recordId: uuid }))
    .output(z.array(file))
    .query(({ ctx, input }) =>
      listRecordFiles({
        db: ctx.db,
        scope: ctx.scope,
        kind: input.recordKind,
        recordId: input.recordId,
      }),
    ),

  /** Removes a file, unless its record's period has a submitted self-assessment. */
  remove: writeProcedure
    .input(z.object({ id: uuid }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await removeRecordFile({
        db: ctx.db,
        scope: ctx.scope,
        audit: ctx.audit,
        id: input.id,
      });
      const dataDir = ctx.dataDir;
      if (dataDir) ctx.afterCommit(() => deleteEvidenceFile(dataDir, row));
      return { id: row.id };
    }),
} satisfies TRPCRouterRecord;

/**
 * Deletes a record with `remove` and, once the transaction has committed, the bytes of its files
 * (their rows go with the record).
 */
export async function removingFiles<T>(
  ctx: { db: Db; dataDir: string | null; afterCommit: (task: () => Promise<void>) => void },
  kind: RecordFileKind,
  recordId: string,
  remove: () => Promise<T>,
): Promise<T> {
  const files = await filesOfRecord(ctx.db, kind, recordId);
  const result = await remove();
  const dataDir = ctx.dataDir;
  if (dataDir) for (const f of files) ctx.afterCommit(() => deleteEvidenceFile(dataDir, f));
  return result;
}
