// What the village legal advisers do: their market-day duty (圩日值班) in a township and their
// service records (咨询, 审查文件, 讲座, 参与调解) for a village or the township. A township's closed
// month refuses both, like the mediation register.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { checkAdviserService, monthOf, type AdviserServiceKind } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { adviserDutyDays, adviserServices, legalAdvisers } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkVersion, dateRange } from '../records/common.js';
import {
  checkWriteLevel,
  divisionPrefix,
  refuseErrors,
  refuseIfLocked,
  registerDivision,
} from './common.js';
import { findAdviser } from './advisers.js';

type Audit = (event: AuditInput) => Promise<void>;
type DutyRow = typeof adviserDutyDays.$inferSelect;
type ServiceRow = typeof adviserServices.$inferSelect;

interface ListOptions {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** The duty days of the townships in a division, newest first, with the adviser's name. */
export async function listDutyDays(opts: ListOptions) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const d = adviserDutyDays;
  const where = and(
    sql`${d.townshipCode} like ${prefix + '%'}`,
    scope.where(d.townshipCode),
    dateRange(d.date, opts.from, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ duty: d, adviserName: legalAdvisers.name })
      .from(d)
      .innerJoin(legalAdvisers, eq(legalAdvisers.id, d.adviserId))
      .where(where)
      .orderBy(desc(d.date), asc(d.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(d).where(where),
  ]);
  return {
    items: rows.map((r) => presentDuty(r.duty, r.adviserName)),
    total: total?.n ?? 0,
  };
}

function presentDuty(row: DutyRow, adviserName: string) {
  return {
    id: row.id,
    adviserId: row.adviserId,
    adviserName,
    townshipCode: row.townshipCode,
    date: row.date,
    place: row.place,
    note: row.note,
    version: row.version,
  };
}

export interface DutySave {
  id?: string | undefined;
  version?: number | undefined;
  adviserId: string;
  townshipCode: string;
  date: string;
  place: string;
  note?: string | undefined;
}

/** Records an adviser's market-day duty in a township (planned or held), or corrects one. */
export async function saveDutyDay(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: Audit;
  input: DutySave;
}) {
  const { db, scope, input } = opts;
  const township = await registerDivision(db, scope, input.townshipCode);
  if (township.level !== 'township') {
    invalidField('townshipCode', { zh: '请选择乡镇', en: 'Choose a township' });
  }
  checkWriteLevel(opts.role, township);
  const adviser = await findAdviser(db, scope, input.adviserId);
  if (adviser.countyCode !== township.countyCode) notFound({ zh: '法律顾问', en: 'Legal adviser' });
  const touched = [monthOf(input.date)];
  const values = {
    countyCode: township.countyCode,
    townshipCode: township.code,
    adviserId: adviser.id,
    date: input.date,
    place: input.place,
    note: input.note ?? '',
  };
  let before: DutyRow | null = null;
  let row: DutyRow;
  if (input.id) {
    before = await findDuty(db, scope, input.id);
    if (before.townshipCode !== township.code) notFound({ zh: '值班记录', en: 'Duty day' });
    checkVersion(before.version, input.version);
    await refuseIfLocked(db, township.code, [...touched, monthOf(before.date)]);
    const [updated] = await db
      .update(adviserDutyDays)
      .set({ ...values, version: sql`${adviserDutyDays.version} + 1`, updatedAt: new Date() })
      .where(and(eq(adviserDutyDays.id, input.id), eq(adviserDutyDays.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    await refuseIfLocked(db, township.code, touched);
    [row] = (await db.insert(adviserDutyDays).values(values).returning()) as [DutyRow];
  }
  await opts.audit({
    action: input.id ? 'advisers.updateDuty' : 'advisers.createDuty',
    entity: 'adviser_duty_day',
    entityId: row.id,
    divisionCode: township.code,
    before,
    after: row,
  });
  return presentDuty(row, adviser.name);
}

/** The service records of a division (its own and those of the divisions below), newest first. */
export async function listServices(opts: ListOptions) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const s = adviserServices;
  const where = and(
    sql`${s.divisionCode} like ${prefix + '%'}`,
    scope.where(s.divisionCode),
    dateRange(s.date, opts.from, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ service: s, adviserName: legalAdvisers.name })
      .from(s)
      .innerJoin(legalAdvisers, eq(legalAdvisers.id, s.adviserId))
      .where(where)
      .orderBy(desc(s.date), asc(s.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(s).where(where),
  ]);
  return {
    items: rows.map((r) => presentService(r.service, r.adviserName)),
    total: total?.n ?? 0,
  };
}

function presentService(row: ServiceRow, adviserName: string) {
  return {
    id: row.id,
    adviserId: row.adviserId,
    adviserName,
    divisionCode: row.divisionCode,
    date: row.date,
    kind: row.kind,
    count: row.count,
    note: row.note,
    version: row.version,
  };
}

export interface ServiceSave {
  id?: string | undefined;
  version?: number | undefined;
  adviserId: string;
  divisionCode: string;
  date: string;
  kind: AdviserServiceKind;
  count: number;
  note?: string | undefined;
}

/** Records what an adviser did for a village (or the township) on a day, or corrects it. */
export async function saveService(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: Audit;
  input: ServiceSave;
}) {
  const { db, scope, input } = opts;
  const division = await registerDivision(db, scope, input.divisionCode);
  checkWriteLevel(opts.role, division);
  const adviser = await findAdviser(db, scope, input.adviserId);
  if (adviser.countyCode !== division.countyCode) notFound({ zh: '法律顾问', en: 'Legal adviser' });
  refuseErrors(checkAdviserService(input, { today: todayIso() }));
  const values = {
    countyCode: division.countyCode,
    townshipCode: division.townshipCode,
    divisionCode: division.code,
    adviserId: adviser.id,
    date: input.date,
    kind: input.kind,
    count: input.count,
    note: input.note ?? '',
  };
  let before: ServiceRow | null = null;
  let row: ServiceRow;
  if (input.id) {
    before = await findService(db, scope, input.id);
    if (before.divisionCode !== division.code) notFound({ zh: '服务记录', en: 'Service record' });
    checkVersion(before.version, input.version);
    await refuseIfLocked(db, division.townshipCode, [monthOf(input.date), monthOf(before.date)]);
    const [updated] = await db
      .update(adviserServices)
      .set({ ...values, version: sql`${adviserServices.version} + 1`, updatedAt: new Date() })
      .where(and(eq(adviserServices.id, input.id), eq(adviserServices.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    await refuseIfLocked(db, division.townshipCode, [monthOf(input.date)]);
    [row] = (await db.insert(adviserServices).values(values).returning()) as [ServiceRow];
  }
  await opts.audit({
    action: input.id ? 'advisers.updateService' : 'advisers.createService',
    entity: 'adviser_service',
    entityId: row.id,
    divisionCode: division.code,
    before,
    after: row,
  });
  return presentService(row, adviser.name);
}

async function findDuty(db: Db, scope: Scope, id: string): Promise<DutyRow> {
  const d = adviserDutyDays;
  const [row] = await db
    .select()
    .from(d)
    .where(and(eq(d.id, id), scope.where(d.townshipCode)));
  if (!row) notFound({ zh: '值班记录', en: 'Duty day' });
  return row;
}

async function findService(db: Db, scope: Scope, id: string): Promise<ServiceRow> {
  const s = adviserServices;
  const [row] = await db
    .select()
    .from(s)
    .where(and(eq(s.id, id), scope.where(s.divisionCode)));
  if (!row) notFound({ zh: '服务记录', en: 'Service record' });
  return row;
}

/** Deletes a duty day entered by mistake, unless its month is locked. */
export async function removeDutyDay(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: Audit;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await findDuty(opts.db, opts.scope, opts.id);
  checkWriteLevel(opts.role, await registerDivision(opts.db, opts.scope, before.townshipCode));
  checkVersion(before.version, opts.version);
  await refuseIfLocked(opts.db, before.townshipCode, [monthOf(before.date)]);
  await opts.db.delete(adviserDutyDays).where(eq(adviserDutyDays.id, before.id));
  await opts.audit({
    action: 'advisers.removeDuty',
    entity: 'adviser_duty_day',
    entityId: before.id,
    divisionCode: before.townshipCode,
    before,
  });
  return { id: before.id };
}

/** Deletes a service record entered by mistake, unless its month is locked. */
export async function removeService(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: Audit;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await findService(opts.db, opts.scope, opts.id);
  checkWriteLevel(opts.role, await registerDivision(opts.db, opts.scope, before.divisionCode));
  checkVersion(before.version, opts.version);
  await refuseIfLocked(opts.db, before.townshipCode, [monthOf(before.date)]);
  await opts.db.delete(adviserServices).where(eq(adviserServices.id, before.id));
  await opts.audit({
    action: 'advisers.removeService',
    entity: 'adviser_service',
    entityId: before.id,
    divisionCode: before.divisionCode,
    before,
  });
  return { id: before.id };
}
