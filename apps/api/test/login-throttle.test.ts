// Failed logins per client address: the throttle on its own (with a fake clock), then through
// the HTTP server, where the address is the connection's (or X-Forwarded-For behind a proxy).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createLoginThrottle } from '../src/auth/login-throttle.js';
import { users } from '../src/db/schema.js';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { useTestDatabase } from './harness.js';

describe('createLoginThrottle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows exactly the given failures per address, then blocks that address until the window ends', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const throttle = createLoginThrottle({ failures: 3, minutes: 15 })!;
    for (let i = 0; i < 2; i++) await throttle.recordFailure('10.0.0.1');
    expect(await throttle.blockedFor('10.0.0.1')).toBeNull();
    await throttle.recordFailure('10.0.0.1');
    expect(await throttle.blockedFor('10.0.0.1')).toBe(15 * 60);
    // another address is not affected
    expect(await throttle.blockedFor('10.0.0.2')).toBeNull();
    vi.advanceTimersByTime(14 * 60 * 1000);
    expect(await throttle.blockedFor('10.0.0.1')).toBe(60);
    vi.advanceTimersByTime(60 * 1000 + 1);
    expect(await throttle.blockedFor('10.0.0.1')).toBeNull();
  });

  it('is off at 0 failures', () => {
    expect(createLoginThrottle({ failures: 0, minutes: 15 })).toBeNull();
  });
});

describe('logins through the server', () => {
  const t = useTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-throttle-'));
  let direct: Awaited<ReturnType<typeof createServer>>;
  let proxied: Awaited<ReturnType<typeof createServer>>;

  beforeAll(async () => {
    const base = { database: t.database, dataDir, logLevel: 'silent' as const };
    direct = await createServer({ ...base, loginThrottle: { failures: 3, minutes: 15 } });
    proxied = await createServer({
      ...base,
      loginThrottle: { failures: 3, minutes: 15 },
      trustProxy: true,
    });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const attempt = (
    app: typeof direct,
    username: string,
    password: string,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { username, password },
      headers,
    });

  it('after 3 failures from one address (any accounts, known or not), even the right password waits', async () => {
    expect((await attempt(direct, 'county', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(direct, 'nobody', 'Wrong2026')).statusCode).toBe(401);
    expect((await attempt(direct, 'township', 'Wrong2026')).statusCode).toBe(401);
    // a successful login does not count, nor reset the count
    expect((await attempt(direct, 'county', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(direct, 'clerk', 'Wrong2026')).statusCode).toBe(401);

    const held = await attempt(direct, 'county', DEMO_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      problemCode: 'ADDRESS_THROTTLED',
      messages: {
        zh: '本机登录失败次数过多，请15分钟后再试',
        en: expect.stringContaining('15 minutes'),
      },
    });
    expect(held.headers['set-cookie']).toBeUndefined();
    // the accounts themselves are not locked: each had one failure
    const [township] = await t.db.select().from(users).where(eq(users.username, 'township'));
    expect(township).toMatchObject({ failedLogins: 1, lockedUntil: null });
  });

  it('behind a proxy, each client address is counted on its own', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (const name of ['nobody', 'nobody2', 'nobody3']) {
      expect((await attempt(proxied, name, 'Wrong2026', from('10.1.1.1'))).statusCode).toBe(401);
    }
    expect((await attempt(proxied, 'county', DEMO_PASSWORD, from('10.1.1.1'))).statusCode).toBe(
      429,
    );
    expect((await attempt(proxied, 'county', DEMO_PASSWORD, from('10.1.1.2'))).statusCode).toBe(
      200,
    );
  });
});
