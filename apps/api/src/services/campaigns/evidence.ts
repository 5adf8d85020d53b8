// Evidence files (images and PDF, at most 20 MB each), typed by their content, stored under
// the data directory with their metadata in the database.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evidenceFiles, participations, type SheetColumn } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../trpc/problem-error.js';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const signatures: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  {
    mime: 'application/pdf',
    ext: 'pdf',
    test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    mime: 'image/png',
    ext: 'png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/gif',
    ext: 'gif',
    test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  },
  {
    mime: 'image/webp',
    ext: 'webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

const notYourTurn = {
  attach: {
    zh: '当前阶段您不能为这一栏上传佐证材料',
    en: 'You may not attach evidence to this column at this stage',
  },
  remove: {
    zh: '当前阶段您不能删除这一栏的佐证材料',
    en: 'You may not remove evidence of this column at this stage',
  },
};

/**
 * Evidence follows the score sheet: a user attaches or removes files only in the column that is
 * theirs to edit right now (`editable`, from `editableColumn`). Fails with NOT_YOUR_TURN otherwise.
 */
export function requireEvidenceTurn(
  editable: SheetColumn | null,
  column: string | undefined,
  action: keyof typeof notYourTurn,
): asserts column is SheetColumn {
  if (editable === null || column !== editable) {
    fail('FORBIDDEN', 'NOT_YOUR_TURN', notYourTurn[action]);
  }
}

/** The type of a file by its first bytes, or null when it is not an accepted image or PDF. */
export function sniffEvidenceType(bytes: Buffer): { mime: string; ext: string } | null {
  const found = signatures.find((s) => s.test(bytes));
  return found ? { mime: found.mime, ext: found.ext } : null;
}

export async function storeEvidence(opts: {
  db: Db;
  dataDir: string;
  participation: typeof participations.$inferSelect;
  itemCode: string;
  column: SheetColumn;
  fileName: string;
  bytes: Buffer;
  type: { mime: string; ext: string };
  uploadedBy: string;
}) {
  const id = randomUUID();
  const relative = join(
    'evidence',
    opts.participation.countyCode,
    opts.participation.id,
    `${id}.${opts.type.ext}`,
  );
  const absolute = join(opts.dataDir, relative);
  await mkdir(
    join(opts.dataDir, 'evidence', opts.participation.countyCode, opts.participation.id),
    { recursive: true },
  );
  await writeFile(absolute, opts.bytes, { flag: 'wx' });
  try {
    const [row] = await opts.db
      .insert(evidenceFiles)
      .values({
        countyCode: opts.participation.countyCode,
        id,
        participationId: opts.participation.id,
        itemCode: opts.itemCode,
        column: opts.column,
        fileName: opts.fileName,
        mimeType: opts.type.mime,
        size: opts.bytes.length,
        sha256: createHash('sha256').update(opts.bytes).digest('hex'),
        storagePath: relative,
        uploadedBy: opts.uploadedBy,
      })
      .returning();
    return { row: row!, absolute };
  } catch (error) {
    await rm(absolute, { force: true });
    throw error;
  }
}

/** Evidence of a participation the scope may see. */
export async function listEvidence(db: Db, participationId: string) {
  return db
    .select({
      id: evidenceFiles.id,
      itemCode: evidenceFiles.itemCode,
      column: evidenceFiles.column,
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      size: evidenceFiles.size,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.participationId, participationId))
    .orderBy(asc(evidenceFiles.createdAt));
}

/** One evidence file, if its village lies inside the scope. */
export async function findEvidence(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ file: evidenceFiles, villageCode: participations.villageCode })
    .from(evidenceFiles)
    .innerJoin(
      participations,
      and(
        eq(participations.countyCode, evidenceFiles.countyCode),
        eq(participations.id, evidenceFiles.participationId),
      ),
    )
    .where(and(eq(evidenceFiles.id, id), scope.where(participations.villageCode)));
  return row ?? null;
}

/** Deletes the metadata row of an evidence file; null when it is already gone. */
export async function deleteEvidenceRow(
  db: Db,
  file: { countyCode: string; id: string },
): Promise<typeof evidenceFiles.$inferSelect | null> {
  const [row] = await db
    .delete(evidenceFiles)
    .where(and(eq(evidenceFiles.countyCode, file.countyCode), eq(evidenceFiles.id, file.id)))
    .returning();
  return row ?? null;
}

/**
 * Deletes a stored evidence file from disk (call it after its row is gone for good). A file that
 * is already missing is fine; any other failure is reported by id only, never by name or path.
 */
export async function deleteEvidenceFile(
  dataDir: string,
  file: { id: string; storagePath: string },
): Promise<void> {
  try {
    await rm(join(dataDir, file.storagePath), { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    console.warn(`evidence file ${file.id} could not be deleted from disk (${code})`);
  }
}
