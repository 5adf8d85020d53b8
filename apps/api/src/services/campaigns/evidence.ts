// Evidence files (images and PDF, at most 20 MB each), typed by their content, stored under
// the data directory with their metadata in the database.
//
// File and row stay consistent through a crash: the bytes are written to `<name>.part`, the row
// is inserted in the caller's transaction, and the file gets its final name only after the commit
// (`publishEvidenceFile`). `sweepEvidence` (at start-up and periodically) finishes what a crash
// interrupted: a `.part` file whose row exists is renamed, an old `.part` file without a row is
// removed, and so is a final file without a row (left by a crash after a delete's commit).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maxEvidenceBytes } from '@fazhi/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { reachableParticipations } from './cross-checks.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows-of.js';
import { evidenceFiles, participations, type SheetColumn } from '../../db/schema.js';
import { storedFileTables } from '../../db/stored-file-tables.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';

export const MAX_EVIDENCE_BYTES = maxEvidenceBytes;

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
    fail('NOT_YOUR_TURN', undefined, notYourTurn[action]);
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
  return storeFile({
    db: opts.db,
    table: evidenceFiles,
    values: {
      participationId: opts.participation.id,
      itemCode: opts.itemCode,
      column: opts.column,
      fileName: opts.fileName,
      uploadedBy: opts.uploadedBy,
    },
    dataDir: opts.dataDir,
    countyCode: opts.participation.countyCode,
    folder: opts.participation.id,
    bytes: opts.bytes,
    type: opts.type,
  });
}

/** What a stored file's row records of its bytes (the id names the file). */
export interface StoredFile {
  id: string;
  mimeType: string;
  size: number;
  sha256: string;
  storagePath: string;
}

/** Refuses an upload without bytes (a field error on `file`). */
export function refuseEmptyFile(bytes: Buffer): void {
  if (bytes.length === 0) {
    const empty = { zh: '文件为空', en: 'The file is empty' };
    fail('EMPTY_FILE', undefined, empty, [{ path: 'file', message: empty }]);
  }
}

/**
 * Stores an upload: writes its bytes as a `.part` file of the folder, hands the paths to
 * `onStored` (to publish after the commit, or discard on a rollback), and inserts its row into
 * `table` in the caller's transaction: `values`, with the county and what the row records of the
 * bytes (`StoredFile`). The `.part` file is removed when the insert fails.
 */
export async function storeFile<T extends PgTable>(opts: {
  db: Db;
  table: T;
  values: Omit<T['$inferInsert'], keyof StoredFile | 'countyCode'>;
  dataDir: string;
  countyCode: string;
  folder: string;
  bytes: Buffer;
  type: { mime: string; ext: string };
  onStored?: (paths: { absolute: string; part: string }) => void;
}): Promise<{ row: T['$inferSelect']; absolute: string; part: string }> {
  const { file, absolute, part } = await writeStoredFile(
    opts.dataDir,
    opts.countyCode,
    opts.folder,
    opts.bytes,
    opts.type,
  );
  opts.onStored?.({ absolute, part });
  try {
    const [row] = (await opts.db
      .insert(opts.table)
      .values({ ...opts.values, ...file, countyCode: opts.countyCode } as T['$inferInsert'])
      .returning()) as T['$inferSelect'][];
    return { row: row!, absolute, part };
  } catch (error) {
    await discardEvidenceFile({ part });
    throw error;
  }
}

/** Writes the bytes of a new file (`writePartFile`) and returns what its row records of them. */
export async function writeStoredFile(
  dataDir: string,
  countyCode: string,
  folder: string,
  bytes: Buffer,
  type: { mime: string; ext: string },
): Promise<{ file: StoredFile; absolute: string; part: string }> {
  const { id, relative, absolute, part } = await writePartFile(
    dataDir,
    countyCode,
    folder,
    bytes,
    type.ext,
  );
  const file = {
    id,
    mimeType: type.mime,
    size: bytes.length,
    sha256: sha256Of(bytes),
    storagePath: relative,
  };
  return { file, absolute, part };
}

/**
 * Writes the bytes of a new file as `evidence/<county>/<folder>/<id>.<ext>.part` (a folder is a
 * participation's or a village record's id); its row names it for good (see the top of the file).
 */
async function writePartFile(
  dataDir: string,
  countyCode: string,
  folder: string,
  bytes: Buffer,
  ext: string,
) {
  const id = randomUUID();
  const relative = join('evidence', countyCode, folder, `${id}.${ext}`);
  const absolute = join(dataDir, relative);
  await mkdir(join(dataDir, 'evidence', countyCode, folder), { recursive: true });
  const part = `${absolute}${PART_SUFFIX}`;
  await writeFile(part, bytes, { flag: 'wx' });
  return { id, relative, absolute, part };
}

/** The SHA-256 of a stored file's bytes, in hex (kept with its row and in the audit log). */
function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The suffix of an evidence file whose row is not committed yet. */
export const PART_SUFFIX = '.part';

/**
 * Gives a stored file its final name once its row is committed. Fine when a sweep of another
 * process has already done it.
 */
export async function publishEvidenceFile(stored: { absolute: string; part: string }) {
  try {
    await rename(stored.part, stored.absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes the `.part` file of an upload whose transaction did not commit. */
export async function discardEvidenceFile(stored: { part: string }) {
  await rm(stored.part, { force: true });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const fileNamePattern =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[a-z]+(\.part)?$/;

export interface SweepResult {
  /** `.part` files whose row was committed, renamed to their final name. */
  published: number;
  /** Files removed: `.part` files older than the grace period and files without a row. */
  removed: number;
}

/**
 * Makes the evidence directory agree with the evidence rows (see the top of this file). Only
 * names this module writes (`<uuid>.<ext>` and `<uuid>.<ext>.part`) are touched; a `.part` file
 * younger than `partMinutes` may belong to an upload in flight (of any process) and is kept.
 * When the database holds no evidence row at all, no file is removed (a warning is printed).
 */
export async function sweepEvidence(opts: {
  db: Db;
  dataDir: string;
  partMinutes?: number;
  now?: Date;
}): Promise<SweepResult> {
  const result: SweepResult = { published: 0, removed: 0 };
  const root = join(opts.dataDir, 'evidence');
  // A database without a single evidence row next to a directory full of files is most likely
  // the wrong database (a new one, a mistyped DATABASE_URL): remove nothing then.
  // (every table whose files live under this directory counts), asked in one statement
  const anyFile = rowsOf<{ found: boolean }>(
    await opts.db.execute(
      sql`select (${sql.join(
        storedFileTables.map((t) => sql`exists (select 1 from ${t.table})`),
        sql` or `,
      )}) as found`,
    ),
  );
  const removeOrphans = anyFile[0]?.found === true;
  let orphansKept = 0;
  const cutoff = (opts.now ?? new Date()).getTime() - (opts.partMinutes ?? 60) * 60_000;
  for (const county of await listDir(root)) {
    if (!/^\d{12}$/.test(county)) continue;
    for (const participation of await listDir(join(root, county))) {
      if (!uuidPattern.test(participation)) continue;
      const dir = join(root, county, participation);
      // list before reading the rows: a final name appears only after its row is committed
      const names = (await listDir(dir)).filter((n) => fileNamePattern.test(n));
      if (names.length === 0) continue;
      // a folder is a participation's (evidence), a village record's, a pilot meeting's, a 普法
      // activity's, a supervision task's, a budget stage record's or a mediation case's
      const rows = await Promise.all(
        storedFileTables.map((t) =>
          opts.db
            .select({ storagePath: t.storagePath })
            .from(t.table)
            .where(t.inFolder(county, participation)),
        ),
      );
      const known = new Set(rows.flat().map((r) => r.storagePath as string));
      for (const name of names) {
        const isPart = name.endsWith(PART_SUFFIX);
        const finalName = isPart ? name.slice(0, -PART_SUFFIX.length) : name;
        const relative = join('evidence', county, participation, finalName);
        const absolute = join(dir, name);
        try {
          if (isPart && known.has(relative)) {
            await publishEvidenceFile({ part: absolute, absolute: join(dir, finalName) });
            result.published++;
          } else if (known.has(relative)) {
            continue;
          } else if (!removeOrphans) {
            orphansKept++;
          } else if (isPart) {
            const info = await stat(absolute);
            if (info.mtimeMs < cutoff) {
              await rm(absolute, { force: true });
              result.removed++;
            }
          } else {
            await rm(absolute, { force: true });
            result.removed++;
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
          if (code !== 'ENOENT') console.warn(`evidence sweep: ${relative} (${code})`);
        }
      }
    }
  }
  if (orphansKept > 0) {
    console.warn(
      `evidence sweep: the database has no evidence rows but ${join(opts.dataDir, 'evidence')} holds ${orphansKept} files; nothing removed (is this the data directory of another database?)`,
    );
  }
  return result;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
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

/** One evidence file, if its village lies inside the scope or the user cross-checks it. */
export async function findEvidence(db: Db, scope: Scope, id: string, userId?: string) {
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
    .where(and(eq(evidenceFiles.id, id), reachableParticipations(scope, userId)));
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
