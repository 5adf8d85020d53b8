import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, loginThrottles, users, sessions } from '../src/db/schema.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { loadSession } from '../src/services/sessions.js';
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

  it('after 5 failed logins from one place the account waits 1 minute, then each further failure doubles the wait', async () => {
    for (let i = 1; i < 5; i++) {
      await expectError(
        t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
        'UNAUTHORIZED',
      );
    }
    // four failures: the right password still works and starts the count afresh
    await t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    for (let i = 1; i <= 5; i++) {
      await expectError(
        t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
        'UNAUTHORIZED',
        'BAD_CREDENTIALS',
      );
    }
    const locked = await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD }),
      'TOO_MANY_REQUESTS',
      'ACCOUNT_LOCKED',
    );
    expect(locked.messages.zh).toBe('登录失败次数过多，请1分钟后再试');
    const lockMinutes = async () => {
      const [row] = await t.db
        .select()
        .from(loginThrottles)
        .where(eq(loginThrottles.key, 'pair::clerk'));
      return (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    };
    expect(await lockMinutes()).toBeGreaterThan(0.9);
    expect(await lockMinutes()).toBeLessThanOrEqual(1);
    const expire = () =>
      t.db
        .update(loginThrottles)
        .set({ lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(loginThrottles.key, 'pair::clerk'));
    // once the wait has passed, one more failure waits twice as long, then four times
    await expire();
    await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
      'UNAUTHORIZED',
    );
    expect(await lockMinutes()).toBeGreaterThan(1.9);
    expect(await lockMinutes()).toBeLessThanOrEqual(2);
    await expire();
    await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: 'wrong-1' }),
      'UNAUTHORIZED',
    );
    expect(await lockMinutes()).toBeGreaterThan(3.9);
    // the right password works once the wait has passed, and clears the count
    await expire();
    await t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    expect(
      await t.db.select().from(loginThrottles).where(eq(loginThrottles.key, 'pair::clerk')),
    ).toEqual([]);
  });

  it('answers an unknown username exactly as a real one, before and after the limits, with the same writes', async () => {
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 8; i++) {
        try {
          await t.anonymous().auth.login({ username, password: 'Wrong2026' });
          out.push('signed in');
        } catch (error) {
          const e = error as { code: string; cause?: { code?: string; text?: unknown } };
          out.push({ code: e.code, problem: e.cause?.code, text: e.cause?.text });
        }
      }
      return out;
    };
    const real = await answers('county');
    const unknown = await answers('nobody');
    expect(unknown).toEqual(real);
    expect(real.slice(0, 5)).toEqual(Array(5).fill(real[0]));
    expect(real[0]).toMatchObject({ code: 'UNAUTHORIZED', problem: 'BAD_CREDENTIALS' });
    expect(real[5]).toMatchObject({ code: 'TOO_MANY_REQUESTS', problem: 'ACCOUNT_LOCKED' });
    // the counters are keyed by the name as typed (lowercased), the same rows for both
    const rows = await t.db
      .select({ key: loginThrottles.key, failures: loginThrottles.failures })
      .from(loginThrottles)
      .orderBy(loginThrottles.key);
    expect(rows).toEqual([
      { key: 'account:county', failures: 5 },
      { key: 'account:nobody', failures: 5 },
      { key: 'pair::county', failures: 5 },
      { key: 'pair::nobody', failures: 5 },
    ]);
    // one audit event per failed attempt for both
    const audits = await t.db
      .select({ who: auditEvents.actorUsername })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.login_failed'));
    expect(audits.filter((a) => a.who === 'county')).toHaveLength(5);
    expect(audits.filter((a) => a.who === 'nobody')).toHaveLength(5);
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

/** Tries `times` wrong current passwords; each is refused as a field error. */
async function guessWrong(caller: Awaited<ReturnType<typeof t.as>>, times: number) {
  for (let i = 0; i < times; i += 1) {
    await expectError(
      caller.auth.changePassword({ currentPassword: `guess${i}abc`, newPassword: 'Better2027' }),
      'BAD_REQUEST',
    );
  }
}

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

  it('counts wrong current passwords: after five, even the right one waits', async () => {
    const clerk = await t.as('clerk');
    await guessWrong(clerk, 5);
    await expectError(
      clerk.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Better2027' }),
      'TOO_MANY_REQUESTS',
      'PASSWORD_CHANGE_LOCKED',
    );
    // nothing changed, and the failures left no audit events
    const ok = await t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    expect(ok.user.username).toBe('clerk');
    const events = await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.change_password'));
    expect(events).toHaveLength(0);
  });

  it('the right current password gives the attempt back', async () => {
    const clerk = await t.as('clerk');
    await guessWrong(clerk, 4);
    await clerk.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Better2027' });
    const [counter] = await t.db
      .select()
      .from(loginThrottles)
      .where(sql`${loginThrottles.key} like 'password:%'`);
    expect(counter).toBeUndefined();
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
