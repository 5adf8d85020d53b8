// Files kept with village records: a meeting's minutes and photos, a disclosure's photo, a village
// rules version's text (a PDF, a scan, or the Word document its text was read from). They share the evidence storage (typed by content, written as `.part` and
// named once their row is committed, swept, backed up) under `evidence/<county>/<record id>/`.
// Only users who may write the record's village add or remove them; users in scope read them.
// A file of a record whose period's self-assessment has been submitted is not removed, and a file
// added then marks the record as corrected after submission (reviewers see it).
import { asc, eq } from 'drizzle-orm';
import {
  acceptsFileType,
  acceptsPurpose,
  DOCX_MIME,
  recordFilePurposesOf,
  type RecordFileKind,
  type RecordFilePurpose,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  recordFiles,
  villageDisclosures,
  villageMeetings,
  villageRuleVersions,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { writeAudit, type AuditInput } from '../audit.js';
import { refuseEmptyFile, sniffEvidenceType, storeFile } from '../campaigns/evidence.js';
import { isDocx } from './docx-text.js';
import { periodSubmitted, recordVillage, refuseDeleteIfSubmitted } from './common.js';

type Audit = (event: AuditInput) => Promise<void>;

/** The record a file belongs to: its village (in scope) and the date that places it in a period. */
interface RecordTarget {
  kind: RecordFileKind;
  id: string;
  villageCode: string;
  countyCode: string;
  date: string;
}

const recordWords = {
  meeting: { zh: '会议记录', en: 'Meeting' },
  disclosure: { zh: '公开记录', en: 'Disclosure' },
  rules: { zh: '村规民约', en: 'Village rules' },
} as const;

async function findRecord(db: Db, kind: RecordFileKind, id: string) {
  switch (kind) {
    case 'meeting': {
      const [r] = await db
        .select({ villageCode: villageMeetings.villageCode, date: villageMeetings.date })
        .from(villageMeetings)
        .where(eq(villageMeetings.id, id));
      return r;
    }
    case 'disclosure': {
      const [r] = await db
        .select({ villageCode: villageDisclosures.villageCode, date: villageDisclosures.postedOn })
        .from(villageDisclosures)
        .where(eq(villageDisclosures.id, id));
      return r;
    }
    case 'rules': {
      const [r] = await db
        .select({
          villageCode: villageRuleVersions.villageCode,
          date: villageRuleVersions.adoptedOn,
        })
        .from(villageRuleVersions)
        .where(eq(villageRuleVersions.id, id));
      return r;
    }
  }
}

/** The record of a kind, refused (not found) when missing or outside the scope. */
export async function recordFileTarget(
  db: Db,
  scope: Scope,
  kind: RecordFileKind,
  id: string,
): Promise<RecordTarget> {
  const found = await findRecord(db, kind, id);
  if (!found || !scope.includes(found.villageCode)) notFound(recordWords[kind]);
  const village = await recordVillage(db, scope, found.villageCode);
  return { kind, id, villageCode: village.code, countyCode: village.countyCode, date: found.date };
}

/** Marks a record as changed after its period's self-assessment was submitted. */
async function markCorrected(db: Db, target: RecordTarget) {
  const set = { correctedAfterSubmission: true, updatedAt: new Date() };
  if (target.kind === 'meeting') {
    await db.update(villageMeetings).set(set).where(eq(villageMeetings.id, target.id));
  } else if (target.kind === 'disclosure') {
    await db.update(villageDisclosures).set(set).where(eq(villageDisclosures.id, target.id));
  } else {
    await db.update(villageRuleVersions).set(set).where(eq(villageRuleVersions.id, target.id));
  }
}

const recordColumn = (kind: RecordFileKind) =>
  kind === 'meeting'
    ? recordFiles.meetingId
    : kind === 'disclosure'
      ? recordFiles.disclosureId
      : recordFiles.rulesId;

type RecordFileRow = typeof recordFiles.$inferSelect;
const presentFile = (r: RecordFileRow) => ({
  id: r.id,
  recordKind: r.recordKind,
  purpose: r.purpose,
  fileName: r.fileName,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
});

/** The files of one record. */
export async function listRecordFiles(opts: {
  db: Db;
  scope: Scope;
  kind: RecordFileKind;
  recordId: string;
}) {
  const target = await recordFileTarget(opts.db, opts.scope, opts.kind, opts.recordId);
  const rows = await opts.db
    .select()
    .from(recordFiles)
    .where(eq(recordColumn(target.kind), target.id))
    .orderBy(asc(recordFiles.createdAt));
  return rows.map(presentFile);
}

const fileTypeText = {
  minutes: {
    zh: '会议记录只能上传PDF文件或图片（JPG、PNG、GIF、WebP）',
    en: 'Minutes must be a PDF file or an image (JPG, PNG, GIF, WebP)',
  },
  photo: {
    zh: '照片只能上传图片（JPG、PNG、GIF、WebP）',
    en: 'A photo must be an image (JPG, PNG, GIF, WebP)',
  },
  text: {
    zh: '文本只能上传PDF文件、Word文档（.docx）或扫描图片（JPG、PNG、GIF、WebP）',
    en: 'The text must be a PDF file, a Word document (.docx) or a scanned image (JPG, PNG, GIF, WebP)',
  },
} as const;

/**
 * A record file's type by its content: an image or a PDF by its first bytes; where the purpose
 * takes it (a rules text), a Word document that opens as one. Null when neither.
 */
async function recordFileType(
  purpose: RecordFilePurpose,
  bytes: Buffer,
): Promise<{ mime: string; ext: string } | null> {
  const sniffed = sniffEvidenceType(bytes);
  if (sniffed) return sniffed;
  if (acceptsFileType(purpose, DOCX_MIME) && (await isDocx(bytes))) {
    return { mime: DOCX_MIME, ext: 'docx' };
  }
  return null;
}

/**
 * Stores an uploaded file with its record, in the caller's transaction, with its audit event.
 * Returns the saved file and the paths to publish after the commit (`publishEvidenceFile`).
 */
export async function addRecordFile(opts: {
  db: Db;
  dataDir: string;
  scope: Scope;
  actor: { id: string; username: string };
  requestId: string;
  kind: RecordFileKind;
  recordId: string;
  purpose: RecordFilePurpose;
  fileName: string;
  bytes: Buffer;
  /** Called with the `.part` paths as soon as they exist (to discard them on a rollback). */
  onStored: (paths: { absolute: string; part: string }) => void;
}) {
  const { db, kind, purpose } = opts;
  const target = await recordFileTarget(db, opts.scope, kind, opts.recordId);
  if (!acceptsPurpose(kind, purpose)) {
    const allowed = recordFilePurposesOf[kind].join(', ');
    invalidField('purpose', {
      zh: `该记录不能上传这类附件（可上传：${allowed}）`,
      en: `This record takes no such file (it takes: ${allowed})`,
    });
  }
  refuseEmptyFile(opts.bytes);
  const type = await recordFileType(purpose, opts.bytes);
  if (!type || !acceptsFileType(purpose, type.mime)) {
    fail('FILE_TYPE', undefined, fileTypeText[purpose], [
      { path: 'file', message: fileTypeText[purpose] },
    ]);
  }
  const { row } = await storeFile({
    db,
    table: recordFiles,
    values: {
      villageCode: target.villageCode,
      recordKind: kind,
      meetingId: kind === 'meeting' ? target.id : null,
      disclosureId: kind === 'disclosure' ? target.id : null,
      rulesId: kind === 'rules' ? target.id : null,
      purpose,
      fileName: opts.fileName,
      uploadedBy: opts.actor.id,
    },
    dataDir: opts.dataDir,
    countyCode: target.countyCode,
    folder: target.id,
    bytes: opts.bytes,
    type,
    onStored: opts.onStored,
  });
  const corrected = await periodSubmitted(db, target.villageCode, target.date);
  if (corrected) await markCorrected(db, target);
  const saved = presentFile(row);
  await writeAudit(db, opts.actor, opts.requestId, {
    action: 'records.add_file',
    entity: 'record_file',
    entityId: saved.id,
    divisionCode: target.villageCode,
    after: {
      recordKind: kind,
      recordId: target.id,
      purpose,
      fileName: saved.fileName,
      size: saved.size,
      sha256: row!.sha256,
      correctedAfterSubmission: corrected,
    },
  });
  return saved;
}

/** A file of a record in scope (for download), or null. */
export async function findRecordFile(db: Db, scope: Scope, id: string) {
  const [row] = await db.select().from(recordFiles).where(eq(recordFiles.id, id));
  if (!row || !scope.includes(row.villageCode)) return null;
  return row;
}

/**
 * Removes a file of a record (refused once the record's period has a submitted self-assessment).
 * Returns the row so that the caller deletes its bytes after the commit.
 */
export async function removeRecordFile(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
}): Promise<RecordFileRow> {
  const { db } = opts;
  const row = await findRecordFile(db, opts.scope, opts.id);
  if (!row) notFound({ zh: '附件', en: 'File' });
  const recordId = row.meetingId ?? row.disclosureId ?? row.rulesId ?? '';
  const target = await recordFileTarget(db, opts.scope, row.recordKind, recordId);
  await refuseDeleteIfSubmitted(db, target.villageCode, target.date);
  await db.delete(recordFiles).where(eq(recordFiles.id, row.id));
  await opts.audit({
    action: 'records.remove_file',
    entity: 'record_file',
    entityId: row.id,
    divisionCode: target.villageCode,
    before: {
      recordKind: row.recordKind,
      recordId,
      purpose: row.purpose,
      fileName: row.fileName,
      size: row.size,
      sha256: row.sha256,
    },
  });
  return row;
}

/** The files of a record about to be deleted (their bytes go after the commit). */
export async function filesOfRecord(db: Db, kind: RecordFileKind, recordId: string) {
  return db
    .select({ id: recordFiles.id, storagePath: recordFiles.storagePath })
    .from(recordFiles)
    .where(eq(recordColumn(kind), recordId));
}
