// Photos of 普法 activities: images only (JPG, PNG, GIF, WebP, typed by their content, at most
// `MAX_RECORD_FILE_BYTES` each, `maxPufaActivityPhotos` per activity), stored beside the evidence
// files under `evidence/<county>/<activity id>/` (written as `.part`, named once their row is
// committed, swept and backed up alike). Whoever may change the activity adds or removes its
// photos, and only while its month is open; everyone who sees the activity sees them.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { acceptsFileType, maxPufaActivityPhotos, monthOf } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { pufaActivities, pufaActivityPhotos } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { writeAudit, type AuditInput } from '../audit.js';
import { refuseEmptyFile, sniffEvidenceType, storeFile } from '../campaigns/evidence.js';
import { checkWriteLevel, refuseIfLocked, registerDivision } from './common.js';

type PhotoRow = typeof pufaActivityPhotos.$inferSelect;
type ActivityRow = typeof pufaActivities.$inferSelect;

const activityText = { zh: '普法活动', en: '普法 activity' };
const photoText = { zh: '活动照片', en: 'Activity photo' };
const photoTypeText = {
  zh: '活动照片只能上传图片（JPG、PNG、GIF、WebP）',
  en: 'An activity photo must be an image (JPG, PNG, GIF, WebP)',
};

export const presentPhoto = (r: PhotoRow) => ({
  id: r.id,
  activityId: r.activityId,
  fileName: r.fileName,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
});
export type PufaActivityPhoto = ReturnType<typeof presentPhoto>;

async function activityInScope(db: Db, scope: Scope, id: string): Promise<ActivityRow> {
  const [row] = await db
    .select()
    .from(pufaActivities)
    .where(and(eq(pufaActivities.id, id), scope.where(pufaActivities.divisionCode)));
  if (!row) notFound(activityText);
  return row;
}

/** The activity a photo is added to or removed from: writable by the role, month open. */
async function writableActivity(db: Db, scope: Scope, role: Role, id: string) {
  const activity = await activityInScope(db, scope, id);
  checkWriteLevel(role, await registerDivision(db, scope, activity.divisionCode));
  await refuseIfLocked(db, activity.townshipCode, [monthOf(activity.heldOn)]);
  return activity;
}

/** The photos of an activity in scope, oldest first. */
export async function listPufaActivityPhotos(opts: { db: Db; scope: Scope; activityId: string }) {
  const activity = await activityInScope(opts.db, opts.scope, opts.activityId);
  const rows = await opts.db
    .select()
    .from(pufaActivityPhotos)
    .where(eq(pufaActivityPhotos.activityId, activity.id))
    .orderBy(asc(pufaActivityPhotos.createdAt), asc(pufaActivityPhotos.id));
  return rows.map(presentPhoto);
}

/** How many photos each of some activities has. */
export async function photoCounts(db: Db, activityIds: string[]): Promise<Map<string, number>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .select({ activityId: pufaActivityPhotos.activityId, n: count() })
    .from(pufaActivityPhotos)
    .where(inArray(pufaActivityPhotos.activityId, activityIds))
    .groupBy(pufaActivityPhotos.activityId);
  return new Map(rows.map((r) => [r.activityId, r.n]));
}

/**
 * Stores an uploaded photo with its activity, in the caller's transaction, with its audit event.
 * `onStored` receives the `.part` paths as soon as they exist (to discard them on a rollback, or
 * to publish them after the commit).
 */
export async function addPufaActivityPhoto(opts: {
  db: Db;
  dataDir: string;
  scope: Scope;
  role: Role;
  actor: { id: string; username: string };
  requestId: string;
  activityId: string;
  fileName: string;
  bytes: Buffer;
  onStored: (paths: { absolute: string; part: string }) => void;
}): Promise<PufaActivityPhoto> {
  const { db } = opts;
  const activity = await writableActivity(db, opts.scope, opts.role, opts.activityId);
  refuseEmptyFile(opts.bytes);
  const type = sniffEvidenceType(opts.bytes);
  if (!type || !acceptsFileType('photo', type.mime)) {
    fail('FILE_TYPE', undefined, photoTypeText, [{ path: 'file', message: photoTypeText }]);
  }
  const [held] = await db
    .select({ n: count() })
    .from(pufaActivityPhotos)
    .where(eq(pufaActivityPhotos.activityId, activity.id));
  if ((held?.n ?? 0) >= maxPufaActivityPhotos) {
    const full = {
      zh: `每项活动最多上传${maxPufaActivityPhotos}张照片`,
      en: `An activity keeps at most ${maxPufaActivityPhotos} photos`,
    };
    invalidField('file', full);
  }
  const { row } = await storeFile({
    db,
    table: pufaActivityPhotos,
    values: {
      divisionCode: activity.divisionCode,
      activityId: activity.id,
      fileName: opts.fileName,
      uploadedBy: opts.actor.id,
    },
    dataDir: opts.dataDir,
    countyCode: activity.countyCode,
    folder: activity.id,
    bytes: opts.bytes,
    type,
    onStored: opts.onStored,
  });
  await writeAudit(db, opts.actor, opts.requestId, {
    action: 'pufa.addActivityPhoto',
    entity: 'pufa_activity_photo',
    entityId: row.id,
    divisionCode: activity.divisionCode,
    after: {
      activityId: activity.id,
      fileName: row.fileName,
      size: row.size,
      sha256: row.sha256,
    },
  });
  return presentPhoto(row);
}

/** A photo of an activity in scope (for download), or null. */
export async function findPufaActivityPhoto(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(pufaActivityPhotos)
    .where(and(eq(pufaActivityPhotos.id, id), scope.where(pufaActivityPhotos.divisionCode)));
  return row ?? null;
}

/**
 * Removes a photo of an activity of an open month. Returns the row so that the caller deletes its
 * bytes after the commit.
 */
export async function removePufaActivityPhoto(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
}): Promise<PhotoRow> {
  const row = await findPufaActivityPhoto(opts.db, opts.scope, opts.id);
  if (!row) notFound(photoText);
  await writableActivity(opts.db, opts.scope, opts.role, row.activityId);
  await opts.db.delete(pufaActivityPhotos).where(eq(pufaActivityPhotos.id, row.id));
  await opts.audit({
    action: 'pufa.removeActivityPhoto',
    entity: 'pufa_activity_photo',
    entityId: row.id,
    divisionCode: row.divisionCode,
    before: {
      activityId: row.activityId,
      fileName: row.fileName,
      size: row.size,
      sha256: row.sha256,
    },
  });
  return row;
}

/** The photos of an activity about to be deleted (their bytes go after the commit). */
export async function photosOfActivity(db: Db, activityId: string) {
  return db
    .select({ id: pufaActivityPhotos.id, storagePath: pufaActivityPhotos.storagePath })
    .from(pufaActivityPhotos)
    .where(eq(pufaActivityPhotos.activityId, activityId));
}
