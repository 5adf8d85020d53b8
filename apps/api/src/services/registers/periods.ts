// A township's monthly period: closed (approved and locked) by the township officer, reopened by
// the county with a reason. Both audited; a locked month refuses writes (see refuseIfLocked).
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { monthEnded, monthNotEnded } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, registerPeriods } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { SessionUser } from '../../auth/session-user.js';
import type { AuditInput } from '../audit.js';
import { fail, forbidden, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { divisionPrefix, refuseErrors } from './common.js';

/** Who closes a township's month, and who reopens one. */
export const periodLockRoles: ReadonlySet<Role> = new Set([
  'township_officer',
  'county_admin',
  'system_admin',
]);
export const periodReopenRoles: ReadonlySet<Role> = new Set(['county_admin', 'system_admin']);

type PeriodRow = typeof registerPeriods.$inferSelect;

function present(row: PeriodRow) {
  return {
    townshipCode: row.townshipCode,
    month: row.month,
    locked: row.locked,
    lockedAt: row.lockedAt,
    lockedBy: row.lockedBy,
    reopenReason: row.reopenReason,
    version: row.version,
  };
}
export type RegisterPeriod = ReturnType<typeof present>;

async function township(db: Db, scope: Scope, code: string) {
  if (!scope.includes(code)) forbidden();
  const [row] = await db
    .select({ code: divisions.code, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  if (!row || row.level !== 'township') notFound({ zh: '乡镇', en: 'Township' });
  return row;
}

async function current(db: Db, townshipCode: string, month: string) {
  const [row] = await db
    .select()
    .from(registerPeriods)
    .where(and(eq(registerPeriods.townshipCode, townshipCode), eq(registerPeriods.month, month)));
  return row ?? null;
}

/** Closes a township's month: its registers are approved and locked. */
export async function lockPeriod(opts: {
  db: Db;
  scope: Scope;
  user: SessionUser;
  audit: (event: AuditInput) => Promise<void>;
  townshipCode: string;
  month: string;
}): Promise<RegisterPeriod> {
  const { db } = opts;
  await township(db, opts.scope, opts.townshipCode);
  if (!monthEnded(opts.month, todayIso())) refuseErrors([monthNotEnded(opts.month, 'month')]);
  const before = await current(db, opts.townshipCode, opts.month);
  if (before?.locked) {
    fail('PERIOD_ALREADY_LOCKED', undefined, {
      zh: `${opts.month} 已锁定`,
      en: `${opts.month} is locked already`,
    });
  }
  const values = {
    locked: true,
    lockedAt: new Date(),
    lockedBy: opts.user.username,
    updatedAt: new Date(),
  };
  const [row] = before
    ? await db
        .update(registerPeriods)
        .set({ ...values, version: sql`${registerPeriods.version} + 1` })
        .where(
          and(
            eq(registerPeriods.townshipCode, opts.townshipCode),
            eq(registerPeriods.month, opts.month),
          ),
        )
        .returning()
    : await db
        .insert(registerPeriods)
        .values({
          ...values,
          countyCode: opts.townshipCode.slice(0, 6) + '000000',
          townshipCode: opts.townshipCode,
          month: opts.month,
        })
        .returning();
  await opts.audit({
    action: 'periods.lock',
    entity: 'register_period',
    entityId: `${opts.townshipCode}:${opts.month}`,
    divisionCode: opts.townshipCode,
    before,
    after: row,
  });
  return present(row!);
}

/** Reopens a locked month of a township, with the county's reason. */
export async function reopenPeriod(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  townshipCode: string;
  month: string;
  reason: string;
}): Promise<RegisterPeriod> {
  const { db } = opts;
  await township(db, opts.scope, opts.townshipCode);
  const before = await current(db, opts.townshipCode, opts.month);
  if (!before?.locked) {
    fail('PERIOD_NOT_LOCKED', undefined, {
      zh: `${opts.month} 未锁定，无需解锁`,
      en: `${opts.month} is not locked`,
    });
  }
  const [row] = await db
    .update(registerPeriods)
    .set({
      locked: false,
      reopenReason: opts.reason,
      version: sql`${registerPeriods.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(registerPeriods.townshipCode, opts.townshipCode),
        eq(registerPeriods.month, opts.month),
      ),
    )
    .returning();
  await opts.audit({
    action: 'periods.reopen',
    entity: 'register_period',
    entityId: `${opts.townshipCode}:${opts.month}`,
    divisionCode: opts.townshipCode,
    before,
    after: row,
  });
  return present(row!);
}

/** The closed and reopened months of the townships in a division, in a range of months. */
export async function listPeriods(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}): Promise<RegisterPeriod[]> {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const rows = await opts.db
    .select()
    .from(registerPeriods)
    .where(
      and(
        sql`${registerPeriods.townshipCode} like ${prefix.slice(0, 9) + '%'}`,
        opts.scope.where(registerPeriods.townshipCode),
        gte(registerPeriods.month, opts.from),
        lte(registerPeriods.month, opts.to),
      ),
    )
    .orderBy(asc(registerPeriods.townshipCode), asc(registerPeriods.month));
  return rows.map(present);
}
