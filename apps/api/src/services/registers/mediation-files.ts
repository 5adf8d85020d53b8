// Files of mediation cases (人民调解台账 附件): the 调解协议书 of a 书面协议 and other papers of the
// case — PDF, images and Word documents (.docx), typed by their content, at most
// `MAX_RECORD_FILE_BYTES` each and `maxMediationCaseFiles` per case — stored beside the evidence
// files under `evidence/<county>/<case id>/` (written as `.part`, named once their row is
// committed, swept and backed up alike). Whoever may change the case adds or removes its files,
// and only while its months are open; everyone who sees the case sees them. A written agreement
// that settled its case keeps at least one file: its last one is not removed (AGREEMENT_MISSING).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import {
  checkMediationCase,
  maxMediationCaseFiles,
  mediationCaseFileTypes,
  monthOf,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { mediationCaseFiles, mediationCases } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { writeAudit, type AuditInput } from '../audit.js';
import { refuseEmptyFile, sniffEvidenceType, storeFile } from '../campaigns/evidence.js';
import { isDocx } from '../records/docx-text.js';
import { todayIso } from '../campaigns/participations.js';
import { checkWriteLevel, refuseErrors, refuseIfLocked, registerDivision } from './common.js';

type FileRow = typeof mediationCaseFiles.$inferSelect;
type CaseRow = typeof mediationCases.$inferSelect;

const caseText = { zh: '调解案件', en: 'Mediation case' };
const fileText = { zh: '案件附件', en: 'Case file' };
const typeText = {
  zh: '案件附件只能上传PDF、图片（JPG、PNG、GIF、WebP）或Word文档（.docx）',
  en: 'A case file must be a PDF, an image (JPG, PNG, GIF, WebP) or a Word document (.docx)',
};
const DOCX = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
};

export const presentCaseFile = (r: FileRow) => ({
  id: r.id,
  caseId: r.caseId,
  fileName: r.fileName,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
});
export type MediationCaseFile = ReturnType<typeof presentCaseFile>;

async function caseInScope(db: Db, scope: Scope, id: string): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(mediationCases)
    .where(and(eq(mediationCases.id, id), scope.where(mediationCases.divisionCode)));
  if (!row) notFound(caseText);
  return row;
}

/** The case a file is added to or removed from: writable by the role, its months open. */
async function writableCase(db: Db, scope: Scope, role: Role, id: string) {
  const found = await caseInScope(db, scope, id);
  checkWriteLevel(role, await registerDivision(db, scope, found.divisionCode));
  await refuseIfLocked(db, found.townshipCode, [
    monthOf(found.receivedOn),
    found.closedOn && monthOf(found.closedOn),
  ]);
  return found;
}

/** How many files each of some cases keeps. */
export async function caseFileCounts(db: Db, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({ caseId: mediationCaseFiles.caseId, n: count() })
    .from(mediationCaseFiles)
    .where(inArray(mediationCaseFiles.caseId, caseIds))
    .groupBy(mediationCaseFiles.caseId);
  return new Map(rows.map((r) => [r.caseId, r.n]));
}

/** The files of a case in scope, oldest first. */
export async function listMediationCaseFiles(opts: { db: Db; scope: Scope; caseId: string }) {
  const found = await caseInScope(opts.db, opts.scope, opts.caseId);
  const rows = await opts.db
    .select()
    .from(mediationCaseFiles)
    .where(eq(mediationCaseFiles.caseId, found.id))
    .orderBy(asc(mediationCaseFiles.createdAt), asc(mediationCaseFiles.id));
  return rows.map(presentCaseFile);
}

/** The type of an uploaded case file by its content, or a field error on `file`. */
async function caseFileType(bytes: Buffer): Promise<{ mime: string; ext: string }> {
  refuseEmptyFile(bytes);
  const type = sniffEvidenceType(bytes) ?? ((await isDocx(bytes)) ? DOCX : null);
  if (!type || !(mediationCaseFileTypes as readonly string[]).includes(type.mime)) {
    fail('FILE_TYPE', undefined, typeText, [{ path: 'file', message: typeText }]);
  }
  return type;
}

/**
 * Stores an uploaded file with its case, in the caller's transaction, with its audit event.
 * `onStored` receives the `.part` paths as soon as they exist (to discard them on a rollback, or
 * to publish them after the commit).
 */
export async function addMediationCaseFile(opts: {
  db: Db;
  dataDir: string;
  scope: Scope;
  role: Role;
  actor: { id: string; username: string };
  requestId: string;
  caseId: string;
  fileName: string;
  bytes: Buffer;
  onStored: (paths: { absolute: string; part: string }) => void;
}): Promise<MediationCaseFile> {
  const { db } = opts;
  const found = await writableCase(db, opts.scope, opts.role, opts.caseId);
  const type = await caseFileType(opts.bytes);
  const held = (await caseFileCounts(db, [found.id])).get(found.id) ?? 0;
  if (held >= maxMediationCaseFiles) {
    invalidField('file', {
      zh: `每个案件最多上传${maxMediationCaseFiles}个附件`,
      en: `A case keeps at most ${maxMediationCaseFiles} files`,
    });
  }
  const { row } = await storeFile({
    db,
    table: mediationCaseFiles,
    values: {
      divisionCode: found.divisionCode,
      caseId: found.id,
      fileName: opts.fileName,
      uploadedBy: opts.actor.id,
    },
    dataDir: opts.dataDir,
    countyCode: found.countyCode,
    folder: found.id,
    bytes: opts.bytes,
    type,
    onStored: opts.onStored,
  });
  await writeAudit(db, opts.actor, opts.requestId, {
    action: 'mediation.addFile',
    entity: 'mediation_case_file',
    entityId: row.id,
    divisionCode: found.divisionCode,
    after: { caseId: found.id, fileName: row.fileName, size: row.size, sha256: row.sha256 },
  });
  return presentCaseFile(row);
}

/** A file of a case in scope (for download), or null. */
export async function findMediationCaseFile(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(mediationCaseFiles)
    .where(and(eq(mediationCaseFiles.id, id), scope.where(mediationCaseFiles.divisionCode)));
  return row ?? null;
}

/**
 * Removes a file of a case of open months; the last file of a settled written agreement stays
 * (the case's rules are read with one file fewer). Returns the row so that the caller deletes its
 * bytes after the commit.
 */
export async function removeMediationCaseFile(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
}): Promise<FileRow> {
  const row = await findMediationCaseFile(opts.db, opts.scope, opts.id);
  if (!row) notFound(fileText);
  const found = await writableCase(opts.db, opts.scope, opts.role, row.caseId);
  const held = (await caseFileCounts(opts.db, [found.id])).get(found.id) ?? 0;
  refuseErrors(
    checkMediationCase({ ...found, files: held - 1 }, { today: todayIso() }).filter(
      (p) => p.code === 'AGREEMENT_MISSING',
    ),
  );
  await opts.db.delete(mediationCaseFiles).where(eq(mediationCaseFiles.id, row.id));
  await opts.audit({
    action: 'mediation.removeFile',
    entity: 'mediation_case_file',
    entityId: row.id,
    divisionCode: row.divisionCode,
    before: { caseId: row.caseId, fileName: row.fileName, size: row.size, sha256: row.sha256 },
  });
  return row;
}

/** The files of a case about to be deleted (their bytes go after the commit). */
export async function filesOfCase(db: Db, caseId: string) {
  return db
    .select({ id: mediationCaseFiles.id, storagePath: mediationCaseFiles.storagePath })
    .from(mediationCaseFiles)
    .where(eq(mediationCaseFiles.caseId, caseId));
}
