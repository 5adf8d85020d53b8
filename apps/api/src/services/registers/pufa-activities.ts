// The 普法 register's activities (普法活动台账): lectures, trainings, film shows, leaflet rounds, …
// of villages and townships. A township's closed month refuses them like the mediation cases.
import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { checkPufaActivity, monthOf, type PufaActivityType } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { pufaActivities } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { forbidden, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkVersion, dateRange } from '../records/common.js';
import { photoCounts } from './pufa-photos.js';
import {
  checkWriteLevel,
  divisionPrefix,
  refuseErrors,
  refuseIfLocked,
  registerDivision,
} from './common.js';

export interface PufaActivitySave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  type: PufaActivityType;
  heldOn: string;
  place: string;
  organiser: string;
  participants: number;
  materials?: number | undefined;
  notes?: string | undefined;
}

type ActivityRow = typeof pufaActivities.$inferSelect;

const notFoundText = { zh: '普法活动', en: '普法 activity' };

function present(row: ActivityRow, today = todayIso(), photos = 0) {
  const warnings = checkPufaActivity(row, { today }).filter((p) => p.severity === 'warning');
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    townshipCode: row.townshipCode,
    type: row.type,
    heldOn: row.heldOn,
    place: row.place,
    organiser: row.organiser,
    participants: row.participants,
    materials: row.materials,
    notes: row.notes,
    /** How many photos the activity has. */
    photos,
    version: row.version,
    updatedAt: row.updatedAt,
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}
export type PufaActivity = ReturnType<typeof present>;

async function getActivity(db: Db, scope: Scope, id: string): Promise<ActivityRow> {
  const [row] = await db
    .select()
    .from(pufaActivities)
    .where(and(eq(pufaActivities.id, id), scope.where(pufaActivities.divisionCode)));
  if (!row) notFound(notFoundText);
  return row;
}

/**
 * The activities of a division in scope and period, newest first: a village's own, a township's
 * own and its villages', a county's all; optionally of one type.
 */
export async function listPufaActivities(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  type?: PufaActivityType | undefined;
  ownOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const a = pufaActivities;
  const where = and(
    opts.ownOnly
      ? eq(a.divisionCode, opts.divisionCode)
      : sql`${a.divisionCode} like ${prefix + '%'}`,
    scope.where(a.divisionCode),
    dateRange(a.heldOn, opts.from, opts.to),
    opts.type ? eq(a.type, opts.type) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(a)
      .where(where)
      .orderBy(desc(a.heldOn), desc(a.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(a).where(where),
  ]);
  const today = todayIso();
  const photos = await photoCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => present(r, today, photos.get(r.id) ?? 0)),
    total: total?.n ?? 0,
  };
}

/** Records an activity, or corrects one (`id` and the `version` read). */
export async function savePufaActivity(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: PufaActivitySave;
}): Promise<PufaActivity> {
  const { db, scope, input } = opts;
  const division = await registerDivision(db, scope, input.divisionCode);
  checkWriteLevel(opts.role, division);
  const materials = input.materials ?? 0;
  refuseErrors(
    checkPufaActivity(
      { type: input.type, heldOn: input.heldOn, participants: input.participants, materials },
      { today: todayIso() },
    ),
  );
  const values = {
    countyCode: division.countyCode,
    townshipCode: division.townshipCode,
    divisionCode: division.code,
    type: input.type,
    heldOn: input.heldOn,
    place: input.place.trim(),
    organiser: input.organiser.trim(),
    participants: input.participants,
    materials,
    notes: input.notes ?? '',
  };
  let before: ActivityRow | null = null;
  let row: ActivityRow;
  const touched = [monthOf(input.heldOn)];
  if (input.id) {
    before = await getActivity(db, scope, input.id);
    if (before.divisionCode !== division.code) notFound(notFoundText);
    checkVersion(before.version, input.version);
    touched.push(monthOf(before.heldOn));
    await refuseIfLocked(db, division.townshipCode, touched);
    const [updated] = await db
      .update(pufaActivities)
      .set({ ...values, version: sql`${pufaActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pufaActivities.id, input.id), eq(pufaActivities.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    await refuseIfLocked(db, division.townshipCode, touched);
    const [created] = await db.insert(pufaActivities).values(values).returning();
    row = created!;
  }
  await opts.audit({
    action: input.id ? 'pufa.updateActivity' : 'pufa.createActivity',
    entity: 'pufa_activity',
    entityId: row.id,
    divisionCode: division.code,
    before,
    after: row,
  });
  return present(row, todayIso(), (await photoCounts(db, [row.id])).get(row.id) ?? 0);
}

/** Deletes an activity of an open month (its photos' rows go with it). */
export async function removePufaActivity(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getActivity(opts.db, opts.scope, opts.id);
  checkWriteLevel(opts.role, await registerDivision(opts.db, opts.scope, before.divisionCode));
  checkVersion(before.version, opts.version);
  await refuseIfLocked(opts.db, before.townshipCode, [monthOf(before.heldOn)]);
  await opts.db.delete(pufaActivities).where(eq(pufaActivities.id, opts.id));
  await opts.audit({
    action: 'pufa.removeActivity',
    entity: 'pufa_activity',
    entityId: opts.id,
    divisionCode: before.divisionCode,
    before,
  });
  return { id: opts.id };
}

/**
 * The 普法 activities a village held in `from`–`to` (both included): the record metric
 * `legalEducation.activities` of the score sheet.
 */
export async function pufaActivityCount(
  db: Db,
  villageCode: string,
  from: string,
  to: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pufaActivities)
    .where(
      and(
        eq(pufaActivities.divisionCode, villageCode),
        gte(pufaActivities.heldOn, from),
        lte(pufaActivities.heldOn, to),
      ),
    );
  return row?.n ?? 0;
}
