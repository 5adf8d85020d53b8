// Losing PostgreSQL: a small TCP proxy between the server and PostgreSQL is frozen (connections
// stay open, nothing passes) or cut (connections closed and refused), then restored. The server
// answers 503 DATABASE_UNAVAILABLE within seconds, /healthz within 2 s, and recovers by itself.
// PostgreSQL only: the embedded PGlite has no connection to lose.
import { randomBytes } from 'node:crypto';
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { readEnv } from '../src/env.js';
import { createServer } from '../src/http/server.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { driver } from './harness.js';
import { divisions } from '../src/db/schema.js';
import { isDatabaseUnavailable } from '../src/db/availability.js';

const yanglin = '330728101201';

type Mode = 'forward' | 'freeze' | 'refuse';

/** A TCP proxy to `target` that can stop passing data, or drop and refuse connections. */
async function startProxy(target: { host: string; port: number }) {
  let mode: Mode = 'forward';
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createTcpServer((client) => {
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
    if (mode === 'freeze') {
      client.pause();
      upstream.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    set(next: Mode) {
      mode = next;
      for (const pair of [...pairs]) {
        for (const socket of pair) {
          if (next === 'refuse') socket.destroy();
          else if (next === 'freeze') socket.pause();
          else socket.resume();
        }
        if (next === 'freeze') {
          // stop the pipes from reading what is already buffered
          pair[0].unpipe(pair[1]);
          pair[1].unpipe(pair[0]);
        } else if (next === 'forward') {
          pair[0].pipe(pair[1]);
          pair[1].pipe(pair[0]);
        }
      }
    },
    async close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const unavailable = {
  zh: '数据库暂时无法连接，请稍后重试',
  en: 'The database is unavailable; try again shortly',
};

describe.skipIf(driver !== 'postgres')('losing PostgreSQL (PostgreSQL only)', () => {
  const adminUrl = readEnv().TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  // made in beforeAll: the describe body runs (and would leave it behind) on PGlite too
  let dataDir: string | undefined;
  let admin: postgres.Sql;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let database: Database;
  let app: Awaited<ReturnType<typeof createServer>>;
  let cookie: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-outage-'));
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(adminUrl);
    proxy = await startProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(adminUrl);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    url.pathname = `/${name}`;
    database = await openDatabase({
      url: url.toString(),
      postgres: { connectTimeoutSeconds: 1, unresponsiveMs: 1000, maxConnections: 4 },
    });
    await database.migrate();
    await ensureBuiltinFrameworks(database.db);
    await seedDemo(database.db);
    app = await createServer({ database, dataDir, logLevel: 'silent' });
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { username: 'county', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    cookie = `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
  });

  afterAll(async () => {
    proxy?.set('forward');
    await app?.close();
    await database?.close();
    await proxy?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function timed<T>(work: Promise<T>) {
    const started = Date.now();
    const value = await work;
    return { value, ms: Date.now() - started };
  }
  const me = () => app.inject({ url: '/trpc/auth.me', headers: { cookie } });
  const search = () =>
    app.inject({
      url: '/trpc/divisions.search?input=' + encodeURIComponent('{"q":"村"}'),
      headers: { cookie },
    });

  it('answers normally through the proxy', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok', database: 'postgres' });
    expect((await me()).statusCode).toBe(200);
  });

  it('bounds statements and idle transactions on every connection', async () => {
    const settings = await database.db.execute(
      sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect([...(settings as unknown as object[])]).toEqual([{ statement: '15s', idle: '1min' }]);
    // behind pgbouncer: no startup parameters (pgbouncer refuses them), no prepared statements
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pooled = await openDatabase({ url: url.toString(), postgres: { pgbouncer: true } });
    try {
      const plain = await pooled.db.execute(
        sql`select current_setting('statement_timeout') as statement`,
      );
      expect([...(plain as unknown as object[])]).toEqual([{ statement: '0' }]);
    } finally {
      await pooled.close();
    }
  });

  it('frozen: /healthz says 503 within 2.5 s, a query 503 within a few seconds', async () => {
    proxy.set('freeze');
    const health = await timed(app.inject('/healthz'));
    expect(health.value.statusCode).toBe(503);
    expect(health.value.json()).toEqual({ status: 'unavailable', database: 'postgres' });
    expect(health.ms).toBeLessThan(2500);

    const query = await timed(search());
    expect(query.value.statusCode).toBe(503);
    expect(query.value.json().error.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      problemCode: 'DATABASE_UNAVAILABLE',
      messages: unavailable,
    });
    expect(query.ms).toBeLessThan(5000);

    // a file route too (the session is looked up before the body is read)
    const upload = await timed(
      app.inject({
        method: 'POST',
        url: '/api/divisions/import',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: '330728101201,杨林村\n',
      }),
    );
    expect(upload.value.statusCode).toBe(503);
    expect(upload.value.json().error).toMatchObject({
      problemCode: 'DATABASE_UNAVAILABLE',
      messages: unavailable,
    });
    expect(upload.ms).toBeLessThan(5000);

    // a transaction given up while frozen does not run later, when the database answers again
    const renamed = await timed(
      database.db
        .transaction(async (tx) => {
          await tx.update(divisions).set({ name: '冻结时改名' }).where(eq(divisions.code, yanglin));
        })
        .then(
          () => 'committed',
          (error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : String(error)),
        ),
    );
    expect(renamed.value).toBe('unavailable');
    expect(renamed.ms).toBeLessThan(5000);
  });

  it('thawed: answers again by itself', async () => {
    proxy.set('forward');
    await expect
      .poll(async () => (await app.inject('/healthz')).statusCode, { timeout: 10_000 })
      .toBe(200);
    await expect.poll(async () => (await me()).statusCode, { timeout: 10_000 }).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [row] = await database.db
      .select({ name: divisions.name })
      .from(divisions)
      .where(eq(divisions.code, yanglin));
    expect(row?.name).toBe('杨林村');
  });

  it('cut: connections closed and refused answer 503 with the Chinese message, fast', async () => {
    proxy.set('refuse');
    const health = await timed(app.inject('/healthz'));
    expect(health.value.statusCode).toBe(503);
    expect(health.ms).toBeLessThan(2500);
    for (const request of [me, search]) {
      const res = await timed(request());
      expect(res.value.statusCode).toBe(503);
      expect(res.value.json().error.message).toBe(unavailable.zh);
      expect(res.value.json().error.data.problemCode).toBe('DATABASE_UNAVAILABLE');
      expect(res.ms).toBeLessThan(5000);
    }
    const login = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { username: 'county', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(503);
  });

  it('restored: recovers by itself', async () => {
    proxy.set('forward');
    await expect
      .poll(async () => (await app.inject('/healthz')).statusCode, { timeout: 15_000 })
      .toBe(200);
    await expect.poll(async () => (await search()).statusCode, { timeout: 15_000 }).toBe(200);
    expect((await me()).json().result.data).toMatchObject({ username: 'county' });
  });
});
