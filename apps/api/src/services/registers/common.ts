// Shared by the rule-of-law registers: the division a record belongs to, who may write at which
// level, and the rule that a locked month refuses writes.
import { and, eq, inArray } from 'drizzle-orm';
import { parseDivisionCode, type RegisterProblem } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, registerPeriods } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import { fail, forbidden, invalidField, notFound } from '../../errors/app-error.js';

export interface RegisterDivision {
  code: string;
  name: string;
  level: 'township' | 'village';
  countyCode: string;
  townshipCode: string;
}

/**
 * Who records at which level: a village clerk their village's cases, a township officer the
 * township committee's cases (villages are only read), the county and the administrator both.
 */
const writeLevels: Record<Role, readonly RegisterDivision['level'][]> = {
  village_clerk: ['village'],
  township_officer: ['township'],
  county_admin: ['village', 'township'],
  system_admin: ['village', 'township'],
  inspector: [],
  unit_officer: [],
};

/** The village or township (in scope) a register record belongs to. */
export async function registerDivision(
  db: Db,
  scope: Scope,
  code: string,
): Promise<RegisterDivision> {
  if (!scope.includes(code)) forbidden();
  const [row] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  if (!row || (row.level !== 'village' && row.level !== 'township')) {
    notFound({ zh: '村（社区）或乡镇', en: 'Village or township' });
  }
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    countyCode: code.slice(0, 6) + '000000',
    townshipCode: code.slice(0, 9) + '000',
  };
}

/** Refuses a write at a level the role does not record at. */
export function checkWriteLevel(role: Role, division: RegisterDivision): void {
  if (!writeLevels[role].includes(division.level)) {
    fail('ROLE_FORBIDDEN', undefined, {
      zh:
        division.level === 'village'
          ? '村级台账由村（社区）录入，乡镇只能查看'
          : '乡镇本级台账由乡镇录入',
      en:
        division.level === 'village'
          ? "A village's register is kept by the village; the township reads it"
          : "The township's own register is kept by the township",
    });
  }
}

/** Refuses a write touching a month the township has closed (locked). */
export async function refuseIfLocked(
  db: Db,
  townshipCode: string,
  months: readonly (string | null | undefined)[],
): Promise<void> {
  const wanted = [...new Set(months.filter((m): m is string => !!m))];
  if (wanted.length === 0) return;
  const locked = await db
    .select({ month: registerPeriods.month })
    .from(registerPeriods)
    .where(
      and(
        eq(registerPeriods.townshipCode, townshipCode),
        inArray(registerPeriods.month, wanted),
        eq(registerPeriods.locked, true),
      ),
    );
  if (locked.length > 0) {
    const list = locked
      .map((r) => r.month)
      .sort()
      .join('、');
    fail('PERIOD_LOCKED', undefined, {
      zh: `${list} 已由乡镇审核锁定，不能修改；如需更正请县级解锁`,
      en: `${list} has been approved and locked by the township; ask the county to reopen it`,
    });
  }
}

/** Errors of a validation rule are field errors (nothing saved); warnings are returned. */
export function refuseErrors(problems: readonly RegisterProblem[]): RegisterProblem[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    fail(
      errors[0]!.code,
      undefined,
      errors[0]!.message,
      errors.map((p) => ({ path: p.field, message: p.message })),
    );
  }
  return problems.filter((p) => p.severity === 'warning');
}

/** The number of significant digits of a division's children (province → prefecture → …). */
export function childPrefixLength(code: string): number | null {
  const parsed = parseDivisionCode(code);
  if (!parsed.ok) return null;
  const lengths: Record<string, number | null> = {
    province: 4,
    prefecture: 6,
    county: 9,
    township: 12,
    village: null,
  };
  return lengths[parsed.division.level] ?? null;
}

/** The significant digits of a division code (a field error when malformed). */
export function divisionPrefix(code: string, field = 'divisionCode'): string {
  const parsed = parseDivisionCode(code);
  if (!parsed.ok) {
    invalidField(field, { zh: '区划代码无效', en: 'Not a valid division code' });
  }
  return parsed.division.prefix;
}
