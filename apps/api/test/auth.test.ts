import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users, sessions } from '../src/db/schema.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { loadSession } from '../src/services/sessions.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../src/services/auth.js';
import { countRows, recordingCookies, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

describe('auth.login', () => {
  it('signs in with the right password, sets the session cookie and answers who it is', async () => {
    const cookies = recordingCookies();
    const result = await t
      .anonymous(cookies)
      .auth.login({ username: 'township', password: DEMO_PASSWORD });
    expect(result.user).toMatchObject({
      username: 'township',
      role: 'township_officer',
      scopeCode: '330728101000',
      scopeName: '白石镇',
    });
    expect(cookies.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookies.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const session = await loadSession(t.db, cookies.token!);
    expect(session?.username).toBe('township');
    // the token itself is never stored
    const stored = await t.db.select({ id: sessions.id }).from(sessions);
    expect(stored.map((s) => s.id)).not.toContain(cookies.token);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await expectError(
      t.anonymous().auth.login({ username: 'nobody', password: 'whatever1' }),
      'UNAUTHORIZED',
      'BAD_CREDENTIALS',
    );
    const wrong = await expectError(
      t.anonymous().auth.login({ username: 'county', password: 'whatever1' }),
      'UNAUTHORIZED',
      'BAD_CREDENTIALS',
    );
    expect(wrong.messages).toEqual(unknown.messages);
    expect(unknown.messages.zh).toBe('用户名或密码错误');
  });

  it(`locks an account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failed logins`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      await expectError(
        t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
        'UNAUTHORIZED',
      );
    }
    // four failures: the right password still works and resets the count
    await t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    for (let i = 1; i <= MAX_FAILED_LOGINS; i++) {
      await expectError(
        t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
        'UNAUTHORIZED',
      );
    }
    const locked = await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD }),
      'TOO_MANY_REQUESTS',
      'ACCOUNT_LOCKED',
    );
    expect(locked.messages.zh).toContain('15分钟');
    const [row] = await t.db.select().from(users).where(eq(users.username, 'clerk'));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(LOCK_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCK_MINUTES);
    // once the lock has passed, the right password works again
    await t.db
      .update(users)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(users.username, 'clerk'));
    await t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD });
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    await t.db.update(users).set({ disabled: true }).where(eq(users.username, 'clerk'));
    await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD }),
      'UNAUTHORIZED',
      'BAD_CREDENTIALS',
    );
  });

  it('rejects empty fields with field-level messages in both languages', async () => {
    const error = await expectError(
      t.anonymous().auth.login({ username: '', password: '' }),
      'BAD_REQUEST',
      'VALIDATION_FAILED',
    );
    expect(error.fieldErrors.map((f) => f.path).sort()).toEqual(['password', 'username']);
    expect(error.fieldErrors.find((f) => f.path === 'username')?.message).toEqual({
      zh: '请输入用户名',
      en: 'Enter your username',
    });
  });
});

describe('sessions', () => {
  it('an expired session is no session', async () => {
    const cookies = recordingCookies();
    await t.anonymous(cookies).auth.login({ username: 'county', password: DEMO_PASSWORD });
    await t.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` });
    expect(await loadSession(t.db, cookies.token!)).toBeNull();
  });

  it('logout ends the session and clears the cookie', async () => {
    const cookies = recordingCookies();
    const me = await t.as('county', cookies);
    expect(await countRows(t.db, 'sessions')).toBe(1);
    await me.auth.logout();
    expect(cookies.cleared).toBe(true);
    expect(await countRows(t.db, 'sessions')).toBe(0);
  });

  it('auth.me answers username, role and scope', async () => {
    const me = await (await t.as('inspector')).auth.me();
    expect(me).toMatchObject({
      username: 'inspector',
      role: 'inspector',
      scopeCode: '330728000000',
      scopeName: '清和县',
    });
  });
});

describe('auth.changePassword', () => {
  it('needs the current password', async () => {
    const error = await expectError(
      (await t.as('clerk')).auth.changePassword({
        currentPassword: 'nope1234',
        newPassword: 'Better2027',
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]?.path).toBe('currentPassword');
  });

  it.each([
    ['short1', 'newPassword'],
    ['onlyletters', 'newPassword'],
    ['1234567890', 'newPassword'],
  ])('refuses the weak password %j', async (newPassword, field) => {
    const error = await expectError(
      (await t.as('clerk')).auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]?.path).toBe(field);
  });

  it('changes the password: the old one stops working, the new one works, other sessions end', async () => {
    const other = recordingCookies();
    await t.anonymous(other).auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    await (
      await t.as('clerk')
    ).auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Better2027' });
    expect(await loadSession(t.db, other.token!)).toBeNull();
    await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD }),
      'UNAUTHORIZED',
    );
    const ok = await t.anonymous().auth.login({ username: 'clerk', password: 'Better2027' });
    expect(ok.user.username).toBe('clerk');
  });
});
