// The villages' rosters of 法律明白人 and 普法宣讲员: name (shown only inside the township), training
// hours and exam result. No ID numbers.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { checkPufaRosterMember, type PufaExamResult, type PufaRosterRole } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, pufaRoster } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkVersion } from '../records/common.js';
import { checkWriteLevel, divisionPrefix, refuseErrors, registerDivision } from './common.js';
import { seesPartyNames } from './mediation.js';

export interface PufaRosterSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  role: PufaRosterRole;
  /** Required for a new member; kept when omitted on a correction (the county never sees it). */
  name?: string | undefined;
  trainingHours: number;
  examResult: PufaExamResult;
  examOn?: string | null | undefined;
  notes?: string | undefined;
}

type MemberRow = typeof pufaRoster.$inferSelect;

const notFoundText = { zh: '名册人员', en: 'Roster member' };

function present(row: MemberRow, villageName: string, scope: Scope, today = todayIso()) {
  const warnings = checkPufaRosterMember(row, { today }).filter((p) => p.severity === 'warning');
  return {
    id: row.id,
    villageCode: row.villageCode,
    villageName,
    role: row.role,
    name: seesPartyNames(scope) ? row.name : null,
    trainingHours: row.trainingHours,
    examResult: row.examResult,
    examOn: row.examOn,
    notes: row.notes,
    version: row.version,
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}
export type PufaRosterMember = ReturnType<typeof present>;

async function getMember(db: Db, scope: Scope, id: string): Promise<MemberRow> {
  const [row] = await db
    .select()
    .from(pufaRoster)
    .where(and(eq(pufaRoster.id, id), scope.where(pufaRoster.villageCode)));
  if (!row) notFound(notFoundText);
  return row;
}

/** The roster of a village, or of a township's or county's villages, by village and role. */
export async function listPufaRoster(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  role?: PufaRosterRole | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const r = pufaRoster;
  const where = and(
    sql`${r.villageCode} like ${prefix + '%'}`,
    scope.where(r.villageCode),
    opts.role ? eq(r.role, opts.role) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: r, villageName: divisions.name })
      .from(r)
      .innerJoin(divisions, eq(divisions.code, r.villageCode))
      .where(where)
      .orderBy(asc(r.villageCode), asc(r.role), asc(r.createdAt), asc(r.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(r).where(where),
  ]);
  const today = todayIso();
  return {
    items: rows.map(({ row, villageName }) => present(row, villageName, scope, today)),
    total: total?.n ?? 0,
  };
}

/** Adds a member to a village's roster, or corrects one (`id` and the `version` read). */
export async function savePufaRosterMember(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: PufaRosterSave;
}): Promise<PufaRosterMember> {
  const { db, scope, input } = opts;
  const village = await registerDivision(db, scope, input.villageCode);
  if (village.level !== 'village') {
    invalidField('villageCode', {
      zh: '法律明白人和宣讲员名册按村（社区）登记',
      en: 'The rosters are kept by villages',
    });
  }
  checkWriteLevel(opts.role, village);
  const examOn = input.examOn ?? null;
  refuseErrors(
    checkPufaRosterMember(
      {
        role: input.role,
        trainingHours: input.trainingHours,
        examResult: input.examResult,
        examOn,
      },
      { today: todayIso() },
    ),
  );
  const name = input.name?.trim() ?? '';
  const before = input.id ? await getMember(db, scope, input.id) : null;
  if (!before && name === '') {
    invalidField('name', { zh: '请填写姓名', en: 'Give the name' });
  }
  const values = {
    countyCode: village.countyCode,
    townshipCode: village.townshipCode,
    villageCode: village.code,
    role: input.role,
    name: name || before?.name || '',
    trainingHours: input.trainingHours,
    examResult: input.examResult,
    examOn,
    notes: input.notes ?? '',
  };
  let row: MemberRow;
  if (before) {
    if (before.villageCode !== village.code) notFound(notFoundText);
    checkVersion(before.version, input.version);
    const [updated] = await db
      .update(pufaRoster)
      .set({ ...values, version: sql`${pufaRoster.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pufaRoster.id, before.id), eq(pufaRoster.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    const [created] = await db.insert(pufaRoster).values(values).returning();
    row = created!;
  }
  await opts.audit({
    action: before ? 'pufa.updateRosterMember' : 'pufa.createRosterMember',
    entity: 'pufa_roster_member',
    entityId: row.id,
    divisionCode: village.code,
    before,
    after: row,
  });
  return present(row, village.name, scope);
}

/** Takes a member off a village's roster. */
export async function removePufaRosterMember(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getMember(opts.db, opts.scope, opts.id);
  checkWriteLevel(opts.role, await registerDivision(opts.db, opts.scope, before.villageCode));
  checkVersion(before.version, opts.version);
  await opts.db.delete(pufaRoster).where(eq(pufaRoster.id, opts.id));
  await opts.audit({
    action: 'pufa.removeRosterMember',
    entity: 'pufa_roster_member',
    entityId: opts.id,
    divisionCode: before.villageCode,
    before,
  });
  return { id: opts.id };
}
