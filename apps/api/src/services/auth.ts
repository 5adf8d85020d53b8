// Login with throttling: after 5 failures an account is locked for 15 minutes. Unknown users
// and wrong passwords get the same answer and take the same time.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.js';
import { writeAudit } from './audit.js';
import { createSession } from './sessions.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { fail, invalidField } from '../trpc/problem-error.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

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
  /** Failed attempts per client address; none when null (or without an address). */
  throttle?: LoginThrottle | null;
  now?: Date;
}

export async function login(opts: LoginOptions) {
  const now = opts.now ?? new Date();
  const address = opts.throttle && opts.ip ? opts.ip : null;
  const waitSeconds = address ? await opts.throttle!.blockedFor(address) : null;
  if (waitSeconds !== null) {
    const minutes = Math.ceil(waitSeconds / 60);
    fail('TOO_MANY_REQUESTS', 'ADDRESS_THROTTLED', {
      zh: `本机登录失败次数过多，请${minutes}分钟后再试`,
      en: `Too many failed logins from this address; try again in ${minutes} minutes`,
    });
  }
  const failed = async () => {
    if (address) await opts.throttle!.recordFailure(address);
  };
  const [user] = await opts.db
    .select()
    .from(users)
    .where(eq(users.username, opts.username))
    .limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), opts.password);
    await failed();
    fail('UNAUTHORIZED', 'BAD_CREDENTIALS', badCredentials);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    fail('TOO_MANY_REQUESTS', 'ACCOUNT_LOCKED', {
      zh: `登录失败次数过多，账号已锁定，请${LOCK_MINUTES}分钟后再试`,
      en: `Too many failed logins; the account is locked for ${LOCK_MINUTES} minutes`,
    });
  }
  const ok = await verifyPassword(user.passwordHash, opts.password);
  const actor = { id: user.id, username: user.username };
  if (!ok || user.disabled) {
    await failed();
    if (!ok) {
      // The failure is recorded (and may lock the account) even though the call fails.
      await opts.db.transaction(async (tx) => {
        const failed = user.failedLogins + 1;
        const lockedUntil =
          failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await tx
          .update(users)
          .set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil })
          .where(eq(users.id, user.id));
        await writeAudit(tx, actor, opts.requestId, {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: user.id,
          divisionCode: user.scopeCode,
          after: { failedLogins: failed, locked: lockedUntil !== null },
        });
      });
    }
    fail('UNAUTHORIZED', 'BAD_CREDENTIALS', badCredentials);
  }
  return opts.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      hours: opts.sessionHours,
      userAgent: opts.userAgent,
      ip: opts.ip,
    });
    await writeAudit(tx, actor, opts.requestId, {
      action: 'auth.login',
      entity: 'session',
      entityId: user.id,
      divisionCode: user.scopeCode,
    });
    return { user, session };
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

export async function changePassword(opts: {
  db: Db;
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}) {
  const [user] = await opts.db.select().from(users).where(eq(users.id, opts.userId)).limit(1);
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
  await opts.db
    .update(users)
    .set({
      passwordHash: await hashPassword(opts.newPassword),
      passwordChangedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(users.id, opts.userId));
  // Other sessions of this user end; the current one stays.
  await opts.db
    .delete(sessions)
    .where(sql`${sessions.userId} = ${opts.userId} and ${sessions.id} <> ${opts.sessionId}`);
  return user;
}
