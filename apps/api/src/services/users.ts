// Users are managed inside the manager's scope, and only users of a strictly lower role (the
// system administrator manages everyone; everybody may edit their own name).
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { parseDivisionCode } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import { divisions, users } from '../db/schema.js';
import type { Scope } from '../auth/scope.js';
import { canGrant, roleScopeLevels, WHOLE_DEPLOYMENT, type Role } from '../auth/roles.js';
import { findActiveUnit } from './units.js';
import { hashPassword } from '../auth/password.js';
import { forgetAccount } from '../auth/login-throttle.js';
import { fail, invalidField, notFound } from '../errors/app-error.js';
import { passwordProblem } from './auth.js';
import { containsPattern } from './like-pattern.js';
import type { SessionUser } from '../auth/session-user.js';

export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  scopeCode: users.scopeCode,
  scopeName: sql<string | null>`(select name from divisions d where d.code = "users"."scope_code")`,
  unitId: users.unitId,
  unitName: sql<
    string | null
  >`(select name from county_units u where u.id = "users"."unit_id" and u.county_code = "users"."county_code")`,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export async function listUsers(opts: {
  db: Db;
  scope: Scope;
  q?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const q = opts.q?.trim();
  const where = and(
    opts.scope.where(users.scopeCode),
    q
      ? or(ilike(users.username, containsPattern(q)), ilike(users.displayName, containsPattern(q)))
      : undefined,
    opts.role ? eq(users.role, opts.role) : undefined,
    opts.disabled === undefined ? undefined : eq(users.disabled, opts.disabled),
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select(userColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.scopeCode), asc(users.username))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

async function getUserInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), scope.where(users.scopeCode)));
  if (!row) notFound({ zh: '用户', en: 'User' });
  return row;
}

/** Checks that `role` may hold a scope of `scopeCode`, that it exists, and that `actor` may grant it. */
async function checkRoleAndScope(db: Db, actor: SessionUser, role: Role, scopeCode: string) {
  if (!canGrant(actor.role, role)) {
    invalidField(
      'role',
      {
        zh: '只能授予低于自己的角色',
        en: 'You can only grant a role below your own',
      },
      'ROLE_NOT_BELOW_OWN',
    );
  }
  if (role === 'system_admin') {
    if (scopeCode !== WHOLE_DEPLOYMENT) {
      invalidField('scopeCode', {
        zh: '系统管理员的管辖范围须为全部（000000000000）',
        en: 'A system administrator’s scope must be the whole deployment (000000000000)',
      });
    }
    return;
  }
  const parsed = parseDivisionCode(scopeCode);
  const levels = roleScopeLevels(role) ?? [];
  if (!parsed.ok || !levels.includes(parsed.division.level)) {
    const names: Record<string, string> = { county: '县级', township: '乡级', village: '村级' };
    invalidField('scopeCode', {
      zh: `该角色的管辖范围须为${levels.map((l) => names[l]).join('或')}区划`,
      en: `This role needs a scope at ${levels.join(' or ')} level`,
    });
  }
  const [exists] = await db
    .select({ code: divisions.code })
    .from(divisions)
    .where(eq(divisions.code, scopeCode));
  if (!exists) {
    invalidField('scopeCode', {
      zh: `区划${scopeCode}不存在`,
      en: `The division ${scopeCode} does not exist`,
    });
  }
}

function countyOf(scopeCode: string): string | null {
  const parsed = parseDivisionCode(scopeCode);
  return parsed.ok ? parsed.division.countyCode : null;
}

/**
 * A unit officer's unit: an active unit of the county of their scope (which the caller's scope
 * holds: `authedProcedure` refuses input codes outside it); nobody else has one.
 */
async function checkUnit(
  db: Db,
  input: { role: Role; scopeCode: string; unitId?: string | null | undefined },
): Promise<string | null> {
  if (input.role !== 'unit_officer') {
    if (input.unitId) {
      invalidField('unitId', {
        zh: '只有单位干部属于县直单位',
        en: 'Only unit officers belong to a unit',
      });
    }
    return null;
  }
  const unit = input.unitId ? await findActiveUnit(db, input.scopeCode, input.unitId) : null;
  if (!unit) {
    invalidField('unitId', {
      zh: '请选择本县的县直单位',
      en: 'Choose a county unit of this county',
    });
  }
  return unit.id;
}

export async function createUser(opts: {
  db: Db;
  actor: SessionUser;
  input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    scopeCode: string;
    unitId?: string | undefined;
  };
}) {
  const { input } = opts;
  await checkRoleAndScope(opts.db, opts.actor, input.role, input.scopeCode);
  const unitId = await checkUnit(opts.db, input);
  const problem = passwordProblem(input.password);
  if (problem) invalidField('password', problem);
  const [taken] = await opts.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, input.username));
  if (taken) {
    invalidField(
      'username',
      { zh: '用户名已被使用', en: 'The username is taken' },
      'USERNAME_TAKEN',
    );
  }
  const [row] = await opts.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      scopeCode: input.scopeCode,
      countyCode: countyOf(input.scopeCode),
      unitId,
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function findUser(db: Db, scope: Scope, id: string) {
  return getUserInScope(db, scope, id);
}

export async function updateUser(opts: {
  db: Db;
  actor: SessionUser;
  scope: Scope;
  input: {
    id: string;
    displayName?: string | undefined;
    role?: Role | undefined;
    scopeCode?: string | undefined;
    /** A unit officer's county unit; null or absent for any other role. */
    unitId?: string | null | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
  };
}) {
  const { input, actor } = opts;
  const before = await getUserInScope(opts.db, opts.scope, input.id);
  const self = before.id === actor.id;
  // one's own account is always open to its name (the role, scope and disabled flag are refused
  // below); anybody else's only to a manager of a higher role
  if (!self && !canGrant(actor.role, before.role)) {
    fail('ROLE_NOT_BELOW_OWN', undefined, {
      zh: '只能管理角色低于自己的用户',
      en: 'You can only manage users whose role is below your own',
    });
  }
  if (self && input.role !== undefined && input.role !== before.role) {
    invalidField('role', { zh: '不能修改自己的角色', en: 'You cannot change your own role' });
  }
  if (self && input.disabled === true) {
    invalidField('disabled', { zh: '不能停用自己的账号', en: 'You cannot disable yourself' });
  }
  if (self && input.scopeCode !== undefined && input.scopeCode !== before.scopeCode) {
    invalidField('scopeCode', {
      zh: '不能修改自己的管辖范围',
      en: 'You cannot change your own scope',
    });
  }
  if (self && input.password !== undefined) {
    invalidField('password', {
      zh: '请在“修改密码”中修改自己的密码（需要输入当前密码）',
      en: 'Change your own password under “Change password” (it asks for the current one)',
    });
  }
  const role = input.role ?? before.role;
  const scopeCode = input.scopeCode ?? before.scopeCode;
  const changesRole = input.role !== undefined && input.role !== before.role;
  const changesScope = input.scopeCode !== undefined && input.scopeCode !== before.scopeCode;
  if (changesRole || changesScope) {
    await checkRoleAndScope(opts.db, actor, role, scopeCode);
  }
  const changesUnit = input.unitId !== undefined && input.unitId !== before.unitId;
  if (self && changesUnit) {
    invalidField('unitId', {
      zh: '不能修改自己所属的县直单位',
      en: 'You cannot change your own unit',
    });
  }
  const changes: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (changesRole || changesScope || changesUnit) {
    // the unit follows the role: kept while a unit officer stays one (in the same county),
    // dropped with the role
    const unitId =
      input.unitId !== undefined
        ? input.unitId
        : role === 'unit_officer'
          ? before.unitId
          : undefined;
    changes.unitId = await checkUnit(opts.db, { role, scopeCode, unitId });
  }
  if (input.displayName !== undefined) changes.displayName = input.displayName;
  if (input.role !== undefined) changes.role = input.role;
  if (input.scopeCode !== undefined) {
    changes.scopeCode = input.scopeCode;
    changes.countyCode = countyOf(input.scopeCode);
  }
  if (input.disabled !== undefined) changes.disabled = input.disabled;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) invalidField('password', problem);
    changes.passwordHash = await hashPassword(input.password);
    changes.passwordChangedAt = new Date();
    changes.failedLogins = 0;
    changes.lockedUntil = null;
  }
  await opts.db.update(users).set(changes).where(eq(users.id, input.id));
  if (input.disabled === true || input.password !== undefined) {
    await opts.db.execute(sql`delete from sessions where user_id = ${input.id}`);
  }
  // a new password: the account's failed logins are forgotten
  if (input.password !== undefined) await forgetAccount(opts.db, before.username);
  const after = await getUserInScope(opts.db, opts.scope, input.id);
  return { before, after };
}
