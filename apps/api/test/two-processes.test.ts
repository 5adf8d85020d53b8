// Two real API processes on one PostgreSQL database and one shared data directory: they start
// together without both seeding, a session made on one works on the other, failed logins on both
// count toward one limit, and evidence uploaded through one downloads through the other.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUsers } from '../src/demo/demo-county.js';
import type { Database } from '../src/db/client.js';
import { driver } from './harness.js';
import { freshTarget, startServer, type ServerProcess, type Target } from './spawn-helpers.js';

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;

describe.skipIf(driver !== 'postgres')(
  'two API processes on one PostgreSQL (runs with TEST_DATABASE_URL; PGlite is one process by nature)',
  () => {
    let target: Target;
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;
    let database: Database;

    beforeAll(async () => {
      target = await freshTarget('postgres');
      const env = { ...target.env, FAZHI_DEMO: 'true', NODE_ENV: 'development' };
      // started together: one migrates and seeds, the other waits for it
      const started = await Promise.allSettled([startServer(env), startServer(env)]);
      const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      [a, b] = up;
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      database = await target.open();
    }, 300_000);
    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await database?.close();
      await target?.drop();
    });

    const login = (server: ServerProcess, username: string, password: string) =>
      fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const sessionOf = (res: Response) =>
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .find((c) => c.startsWith('fazhi_session='))!;

    it('both started on one database, which was seeded once', async () => {
      const [row] = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from users`),
      );
      // one account per role of the demo county, and its county unit's officer
      expect(Number(row!.n)).toBe(demoUsers.length + 1);
    });

    it('a session made on one process works on the other', async () => {
      const res = await login(a!, 'county', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      const me = await fetch(`${b!.url}/trpc/auth.me`, { headers: { cookie: sessionOf(res) } });
      expect(me.status).toBe(200);
      expect(
        ((await me.json()) as { result: { data: { username: string } } }).result.data,
      ).toMatchObject({ username: 'county' });
    });

    it('failed logins on both processes count toward one limit', async () => {
      const servers = [a!, b!, a!, b!, a!];
      for (const server of servers) {
        expect((await login(server, 'clerk', 'Wrong2026')).status).toBe(401);
      }
      const right = await login(b!, 'clerk', DEMO_PASSWORD);
      expect(right.status).toBe(429);
      const onA = await login(a!, 'clerk', DEMO_PASSWORD);
      expect(onA.status).toBe(429);
    });

    it('evidence uploaded through one process downloads through the other, byte for byte', async () => {
      // a demo village waiting for the county's acceptance, with the campaign at that stage
      await database.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
      const [p] = rowsOf<{ id: string }>(
        await database.db.execute(
          sql`select id from participations where state = 'township_approved' order by id limit 1`,
        ),
      );
      const [f] = rowsOf<{ definition: { areas: { items: { code: string }[] }[] } }>(
        await database.db.execute(
          sql`select f.definition from frameworks f join campaigns c on c.framework_id = f.id limit 1`,
        ),
      );
      const item = f!.definition.areas[0]!.items[0]!.code;
      const cookie = sessionOf(await login(a!, 'county', DEMO_PASSWORD));
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)),
      ]);
      const up = await fetch(
        `${a!.url}/api/participations/${p!.id}/evidence?item=${item}&column=county`,
        {
          method: 'POST',
          headers: {
            cookie,
            'content-type': 'application/octet-stream',
            'x-file-name': encodeURIComponent('现场照片.png'),
            origin: a!.url,
          },
          body: png,
        },
      );
      expect(up.status).toBe(201);
      const { id } = (await up.json()) as { id: string };
      const down = await fetch(`${b!.url}/api/evidence/${id}`, { headers: { cookie } });
      expect(down.status).toBe(200);
      expect(Buffer.from(await down.arrayBuffer()).equals(png)).toBe(true);
    });
  },
);
