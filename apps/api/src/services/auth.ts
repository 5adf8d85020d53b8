// Login with throttling shared by every API process (see auth/login-throttle.ts). Unknown users
// and wrong passwords get the same answer, cause the same writes and take the same time.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.js';
import { writeAudit } from './audit.js';
import { createSession } from './sessions.js';
import {
  clearCounter,
  countersFor,
  defaultLoginPolicy,
  knownDeviceFor,
  refund,
  rememberDevice,
  reserveAll,
  type LoginPolicy,
} from '../auth/login-throttle.js';
import { fail, invalidField } from '../errors/app-error.js';
import { DEMO_PASSWORD } from '../demo/demo-county.js';
import { WHOLE_DEPLOYMENT } from '../auth/roles.js';

// made at start-up, so that the first unknown username does not take longer than a real one
void dummyPasswordHash();

const badCredentials = {
  zh: '用户名或密码错误',
  en: 'Wrong username or password',
};

export interface LoginOptions {
  db: Db;
  username: string;
  password: string;
  requestId: string;
  sessionHours: number;
  userAgent?: string | undefined;
  ip?: string | undefined;
  /** The browser's known-device cookie, if any. */
  deviceToken?: string | undefined;
  /** Limits and the production rule; the defaults when absent. */
  policy?: LoginPolicy | null;
}

function minutesUntil(until: Date) {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

export async function login(opts: LoginOptions) {
  const policy = opts.policy ?? defaultLoginPolicy;
  const address = opts.ip ?? null;
  const deviceHash = await knownDeviceFor(opts.db, opts.deviceToken, opts.username);
  const counters = countersFor(policy, { username: opts.username, address, deviceHash });
  // every attempt is counted before the password is looked at
  const outcome = await reserveAll(opts.db, counters, policy);
  if (!outcome.ok) {
    const minutes = minutesUntil(outcome.lockedUntil);
    if (outcome.counter.kind === 'address') {
      fail('ADDRESS_THROTTLED', undefined, {
        zh: `本机登录失败次数过多，请${minutes}分钟后再试`,
        en: `Too many failed logins from this address; try again in ${minutes} minutes`,
      });
    }
    fail('ACCOUNT_LOCKED', undefined, {
      zh: `登录失败次数过多，请${minutes}分钟后再试`,
      en: `Too many failed logins; try again in ${minutes} minutes`,
    });
  }
  const { reservations } = outcome;
  const locks = reservations
    .filter((r) => r.counter.kind !== 'address' && r.lockedUntil)
    .map((r) => r.lockedUntil!.getTime());
  if (locks.length > 0) {
    // shown on the users page; the same statement whether or not the username exists
    await opts.db
      .update(users)
      .set({ lockedUntil: new Date(Math.max(...locks)) })
      .where(sql`lower(${users.username}) = ${opts.username.toLowerCase()}`);
  }
  if (policy.refuseDemoPassword && opts.password === DEMO_PASSWORD) {
    fail('DEMO_PASSWORD_REFUSED', undefined, {
      zh: '生产环境不能使用演示密码登录，请由管理员重设密码',
      en: 'The demo password cannot be used in production; ask an administrator to reset it',
    });
  }
  const [user] = await opts.db
    .select()
    .from(users)
    .where(eq(users.username, opts.username))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), opts.password);
  if (!user || !ok || user.disabled) {
    const own = reservations[0]!;
    await writeAudit(opts.db, { id: user?.id ?? null, username: opts.username }, opts.requestId, {
      action: 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      divisionCode: user?.scopeCode ?? null,
      after: { failures: own.failures, locked: own.lockedUntil !== null },
    });
    fail('BAD_CREDENTIALS', undefined, badCredentials);
  }
  const actor = { id: user.id, username: user.username };
  return opts.db.transaction(async (tx) => {
    for (const r of reservations) {
      // the right person: their address or browser starts afresh; shared counts lose this attempt
      if (r.counter.kind === 'pair' || r.counter.kind === 'device')
        await clearCounter(tx, r.counter);
      else await refund(tx, r);
    }
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      hours: opts.sessionHours,
      userAgent: opts.userAgent,
      ip: opts.ip,
    });
    const deviceToken = await rememberDevice(tx, user.id, opts.deviceToken);
    await writeAudit(tx, actor, opts.requestId, {
      action: 'auth.login',
      entity: 'session',
      entityId: user.id,
      divisionCode: user.scopeCode,
    });
    return { user, session, deviceToken };
  });
}

export async function logout(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export const passwordRules = {
  min: 8,
  max: 72,
};

/** Letters and digits, 8–72 characters. Returns a field problem message or null. */
export function passwordProblem(password: string) {
  if (password.length < passwordRules.min || password.length > passwordRules.max) {
    return {
      zh: `密码长度应为${passwordRules.min}–${passwordRules.max}个字符`,
      en: `The password must be ${passwordRules.min}–${passwordRules.max} characters`,
    };
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return { zh: '密码须同时包含字母和数字', en: 'The password needs letters and digits' };
  }
  return null;
}

/**
 * A signed-in user sets a new password, giving the current one. Wrong current passwords count on
 * their own counter (`password:<user id>`, the per-account limit of the login policy), reserved
 * before the check and kept on failure, so a stolen session cannot guess the password without
 * end; the right one gives the attempt back. The change and its audit event are one transaction.
 */
export async function changePassword(opts: {
  db: Db;
  actor: { id: string; username: string };
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  requestId: string;
  divisionCode: string;
  policy?: LoginPolicy | null;
}) {
  const policy = opts.policy ?? defaultLoginPolicy;
  const counter = {
    kind: 'account' as const,
    key: `password:${opts.actor.id}`,
    limit: policy.accountFailures,
  };
  const outcome = await reserveAll(opts.db, [counter], policy);
  if (!outcome.ok) {
    const minutes = minutesUntil(outcome.lockedUntil);
    fail('PASSWORD_CHANGE_LOCKED', undefined, {
      zh: `当前密码输错次数过多，请${minutes}分钟后再试`,
      en: `Too many wrong current passwords; try again in ${minutes} minutes`,
    });
  }
  const [user] = await opts.db.select().from(users).where(eq(users.id, opts.actor.id)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    invalidField('currentPassword', { zh: '当前密码不正确', en: 'The current password is wrong' });
  }
  const problem = passwordProblem(opts.newPassword);
  if (problem) invalidField('newPassword', problem);
  if (opts.newPassword === opts.currentPassword) {
    invalidField('newPassword', {
      zh: '新密码不能与当前密码相同',
      en: 'The new password must differ from the current one',
    });
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await opts.db.transaction(async (tx) => {
    await clearCounter(tx, counter);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, opts.actor.id));
    // Other sessions of this user end; the current one stays.
    await tx
      .delete(sessions)
      .where(sql`${sessions.userId} = ${opts.actor.id} and ${sessions.id} <> ${opts.sessionId}`);
    await writeAudit(tx, opts.actor, opts.requestId, {
      action: 'auth.change_password',
      entity: 'user',
      entityId: opts.actor.id,
      divisionCode: opts.divisionCode,
    });
  });
  return user;
}

/**
 * The first system administrator of a deployment (the `admin:create` command): refused when the
 * username is taken (in any letter case), when the password breaks the rules, or when it is the
 * demo accounts' shared password. One transaction with its audit event.
 */
export async function createSystemAdmin(opts: {
  db: Db;
  username: string;
  displayName: string;
  password: string;
  requestId: string;
}) {
  if (!/^[a-zA-Z0-9_.-]{3,32}$/.test(opts.username)) {
    invalidField('username', {
      zh: '用户名须为3–32个字母、数字、下划线、点或连字符',
      en: 'The username must be 3–32 letters, digits, underscores, dots or hyphens',
    });
  }
  const problem = passwordProblem(opts.password);
  if (problem) invalidField('password', problem);
  if (opts.password === DEMO_PASSWORD) {
    invalidField('password', {
      zh: '不能使用演示账号的公开密码',
      en: 'The demo accounts’ published password cannot be used',
    });
  }
  const passwordHash = await hashPassword(opts.password);
  return opts.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${opts.username.toLowerCase()}`);
    if (taken) {
      invalidField(
        'username',
        { zh: '用户名已被使用', en: 'The username is taken' },
        'USERNAME_TAKEN',
      );
    }
    const [row] = await tx
      .insert(users)
      .values({
        username: opts.username,
        displayName: opts.displayName,
        passwordHash,
        role: 'system_admin',
        scopeCode: WHOLE_DEPLOYMENT,
        countyCode: null,
      })
      .returning({ id: users.id });
    await writeAudit(tx, { id: null, username: 'cli' }, opts.requestId, {
      action: 'users.create',
      entity: 'user',
      entityId: row!.id,
      after: { username: opts.username, role: 'system_admin', scopeCode: WHOLE_DEPLOYMENT },
    });
    return row!.id;
  });
}
