// Login throttling through the HTTP server: counted atomically in the database before the
// password is checked (parallel and batched guesses get no extra try), known browsers exempt
// from other people's guessing, and the client address taken only from trusted proxies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { knownDevices, loginThrottles, users } from '../src/db/schema.js';
import { defaultLoginPolicy, purgeStaleCounters, reserve } from '../src/auth/login-throttle.js';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { readEnv } from '../src/env.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-throttle-'));
type App = Awaited<ReturnType<typeof createServer>>;
let direct: App;
let proxied: App;
let listed: App;

beforeAll(async () => {
  const base = { database: t.database, dataDir, logLevel: 'silent' as const };
  const limits = { accountFailures: 5, accountGlobalFailures: 20, addressFailures: 30 };
  direct = await createServer({ ...base, loginThrottle: limits });
  proxied = await createServer({ ...base, loginThrottle: limits, trustProxy: 1 });
  listed = await createServer({ ...base, loginThrottle: limits, trustProxy: '10.0.0.0/8' });
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
  await listed.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const attempt = (
  app: App,
  username: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) =>
  app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password },
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });

const problemOf = (res: { json(): unknown }) =>
  (res.json() as { error: { data: { problemCode: string } } }).error.data.problemCode;

const deviceCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'fazhi_device');
  return c ? `fazhi_device=${c.value}` : undefined;
};

describe('counting before checking', () => {
  it('60 parallel wrong passwords get exactly 5 checks; then the right one is refused too', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, () => attempt(direct, 'county', 'Wrong2026')),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(55);
    const right = await attempt(direct, 'county', DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(problemOf(right)).toBe('ACCOUNT_LOCKED');
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('a batch carrying auth.login is refused whole: 200 wrong passwords and the right one sign nobody in', async () => {
    const calls = [...Array.from({ length: 200 }, () => 'Wrong2026'), DEMO_PASSWORD];
    const body = Object.fromEntries(
      calls.map((password, i) => [String(i), { username: 'county', password }]),
    );
    const res = await direct.inject({
      method: 'POST',
      url: `/trpc/${calls.map(() => 'auth.login').join(',')}?batch=1`,
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'BAD_REQUEST',
      problemCode: 'LOGIN_NOT_BATCHED',
      messages: { zh: '登录请求不能与其他请求合并发送' },
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    // mixed with another procedure, or percent-encoded, it is refused all the same
    const mixed = await direct.inject({
      method: 'POST',
      url: `/trpc/auth.me%2C/auth.login?batch=1`,
      payload: { '0': {}, '1': { username: 'county', password: DEMO_PASSWORD } },
    });
    expect(mixed.statusCode).toBe(400);
    // a batch of one (the SPA's batch link) signs in
    const single = await direct.inject({
      method: 'POST',
      url: '/trpc/auth.login?batch=1',
      payload: { '0': { username: 'county', password: DEMO_PASSWORD } },
    });
    expect(single.statusCode).toBe(200);
    expect(single.cookies.map((c) => c.name).sort()).toEqual(['fazhi_device', 'fazhi_session']);
  });
});

describe('someone else guessing does not lock out the right person', () => {
  it('30 failures from an office address stop new browsers there, not a colleague whose browser signed in before', async () => {
    const before = await attempt(direct, 'township', DEMO_PASSWORD);
    expect(before.statusCode).toBe(200);
    const device = deviceCookie(before)!;
    expect(before.cookies.find((c) => c.name === 'fazhi_device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    for (let i = 0; i < 30; i++) {
      expect((await attempt(direct, `guess${i}`, 'Wrong2026')).statusCode).toBe(401);
    }
    const fresh = await attempt(direct, 'county', DEMO_PASSWORD);
    expect(fresh.statusCode).toBe(429);
    expect(problemOf(fresh)).toBe('ADDRESS_THROTTLED');
    const colleague = await attempt(direct, 'township', DEMO_PASSWORD, { cookie: device });
    expect(colleague.statusCode).toBe(200);
    // a cookie that is not a known device is no exemption
    const forged = await attempt(direct, 'county', DEMO_PASSWORD, {
      cookie: 'fazhi_device=made-up',
    });
    expect(forged.statusCode).toBe(429);
  });

  it('an attacker guessing the admin password from many addresses does not lock the admin out of the known browser', async () => {
    const own = await attempt(proxied, 'admin', DEMO_PASSWORD, { 'x-forwarded-for': '10.9.9.9' });
    const device = deviceCookie(own)!;
    for (let i = 0; i < 20; i++) {
      const from = { 'x-forwarded-for': `203.0.113.${i}` };
      expect((await attempt(proxied, 'admin', 'Wrong2026', from)).statusCode).toBe(401);
    }
    // the account is slowed down everywhere else…
    const elsewhere = await attempt(proxied, 'admin', DEMO_PASSWORD, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(elsewhere.statusCode).toBe(429);
    expect(problemOf(elsewhere)).toBe('ACCOUNT_LOCKED');
    // …but the admin's own browser signs in, and gets a fresh device token
    const mine = await attempt(proxied, 'admin', DEMO_PASSWORD, {
      'x-forwarded-for': '10.9.9.9',
      cookie: device,
    });
    expect(mine.statusCode).toBe(200);
    const renewed = deviceCookie(mine)!;
    expect(renewed).not.toBe(device);
    // the known browser has its own counter: 5 wrong passwords from it make it wait
    for (let i = 0; i < 5; i++) {
      const res = await attempt(proxied, 'admin', 'Wrong2026', {
        'x-forwarded-for': '10.9.9.9',
        cookie: renewed,
      });
      expect(res.statusCode).toBe(401);
    }
    const held = await attempt(proxied, 'admin', DEMO_PASSWORD, {
      'x-forwarded-for': '10.9.9.9',
      cookie: renewed,
    });
    expect(held.statusCode).toBe(429);
  });
});

describe('trusted proxies', () => {
  it('only the right-most X-Forwarded-For address counts with one trusted proxy: forged addresses to its left do not escape the limit', async () => {
    // FAZHI_TRUST_PROXY=true (one proxy), and 3 failures per address
    const strict = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'silent',
      trustProxy: true,
      loginThrottle: { addressFailures: 3 },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const forged = { 'x-forwarded-for': `6.6.6.${i}, 10.1.1.1` };
        expect((await attempt(strict, `nobody${i}`, 'Wrong2026', forged)).statusCode).toBe(401);
      }
      const next = await attempt(strict, 'clerk', DEMO_PASSWORD, {
        'x-forwarded-for': '7.7.7.7, 10.1.1.1',
      });
      expect(next.statusCode).toBe(429);
      expect(problemOf(next)).toBe('ADDRESS_THROTTLED');
      const [row] = await t.db
        .select()
        .from(loginThrottles)
        .where(eq(loginThrottles.key, 'address:10.1.1.1'));
      expect(row?.failures).toBe(3);
      // another client behind the same proxy is not held
      const other = await attempt(strict, 'clerk', DEMO_PASSWORD, {
        'x-forwarded-for': '6.6.6.0, 10.1.1.2',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('without trusted proxies X-Forwarded-For is ignored', async () => {
    for (let i = 0; i < 5; i++) {
      const forged = { 'x-forwarded-for': `6.6.6.${i}` };
      expect((await attempt(direct, 'clerk', 'Wrong2026', forged)).statusCode).toBe(401);
    }
    expect((await attempt(direct, 'clerk', DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('cookies are Secure when a trusted proxy says https, never on a client’s word', async () => {
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.2.2.2' };
    const behind = await attempt(proxied, 'county', DEMO_PASSWORD, https);
    expect(behind.statusCode).toBe(200);
    expect(behind.cookies.map((c) => [c.name, c.secure])).toEqual([
      ['fazhi_session', true],
      ['fazhi_device', true],
    ]);
    const plain = await attempt(proxied, 'county', DEMO_PASSWORD, {
      'x-forwarded-for': '10.2.2.2',
    });
    expect(plain.cookies.every((c) => !c.secure)).toBe(true);
    // a direct client claiming https is not believed
    const claimed = await attempt(direct, 'county', DEMO_PASSWORD, https);
    expect(claimed.cookies.every((c) => !c.secure)).toBe(true);
    // with a list of proxies: believed from 10.0.0.0/8, not from elsewhere
    const fromProxy = await attempt(listed, 'county', DEMO_PASSWORD, https, '10.0.0.5');
    expect(fromProxy.cookies.every((c) => c.secure)).toBe(true);
    const notProxy = await attempt(listed, 'county', DEMO_PASSWORD, https, '192.0.2.1');
    expect(notProxy.cookies.every((c) => !c.secure)).toBe(true);
  });

  it('FAZHI_TRUST_PROXY takes a hop count (true = 1, false = 0) or a list of proxy addresses', () => {
    const trust = (v: string) => readEnv({ FAZHI_TRUST_PROXY: v }).FAZHI_TRUST_PROXY;
    expect(trust('true')).toBe(1);
    expect(trust('false')).toBe(0);
    expect(trust('2')).toBe(2);
    expect(readEnv({}).FAZHI_TRUST_PROXY).toBe(0);
    expect(trust('10.0.0.1, 10.8.0.0/16')).toBe('10.0.0.1,10.8.0.0/16');
    expect(trust('loopback,::1')).toBe('loopback,::1');
    expect(() => trust('yes please')).toThrow(/FAZHI_TRUST_PROXY/);
  });
});

describe('counters over time', () => {
  it('a counter starts afresh 24 hours after its last failure; stale counters and browsers are purged', async () => {
    const limits = { ...defaultLoginPolicy };
    const counter = { kind: 'pair' as const, key: 'pair:10.3.3.3:clerk', limit: 5 };
    await t.db.insert(loginThrottles).values([
      { key: counter.key, failures: 9, updatedAt: sql`now() - interval '25 hours'` },
      { key: 'account:old', failures: 3, updatedAt: sql`now() - interval '25 hours'` },
      { key: 'account:recent', failures: 3, updatedAt: sql`now() - interval '23 hours'` },
    ]);
    const outcome = await reserve(t.db, counter, limits);
    expect(outcome).toMatchObject({ reservation: { failures: 1, lockedUntil: null } });

    const [clerk] = await t.db.select().from(users).where(eq(users.username, 'clerk'));
    await t.db.insert(knownDevices).values([
      {
        tokenHash: 'a'.repeat(64),
        userId: clerk!.id,
        lastUsedAt: sql`now() - interval '181 days'`,
      },
      {
        tokenHash: 'b'.repeat(64),
        userId: clerk!.id,
        lastUsedAt: sql`now() - interval '179 days'`,
      },
    ]);
    await purgeStaleCounters(t.db);
    const keys = (await t.db.select({ key: loginThrottles.key }).from(loginThrottles)).map(
      (r) => r.key,
    );
    expect(keys.sort()).toEqual(['account:recent', counter.key]);
    const devices = await t.db.select({ h: knownDevices.tokenHash }).from(knownDevices);
    expect(devices).toEqual([{ h: 'b'.repeat(64) }]);
  });
});
