// One database per test file (PGlite in memory, or a fresh PostgreSQL database when the file
// runs in the postgres project), reset to the demo county before each test.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import { readEnv } from '../src/env.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { hashPassword } from '../src/auth/password.js';
import { createSession } from '../src/services/sessions.js';
import { createContextInner, type CookieJar, type SessionUser } from '../src/trpc/context.js';
import { appRouter, createCaller } from '../src/trpc/root.js';
import { revocationReasons, users } from '../src/db/schema.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import { eq } from 'drizzle-orm';

export const driver = (process.env.FAZHI_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

async function openTestDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const database = await openDatabase({});
    return { ...database, drop: async () => {} };
  }
  const adminUrl = readEnv().TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
    close: async () => {},
  };
}

export interface TestDb {
  db: Db;
  database: Database;
  /** A caller acting as a demo (or other) user, with a real session in the database. */
  as(username: string, cookies?: CookieJar): Promise<ReturnType<typeof createCaller>>;
  anonymous(cookies?: CookieJar): ReturnType<typeof createCaller>;
  sessionUser(username: string): Promise<SessionUser>;
}

let passwordHash: Promise<string> | undefined;

/** Call at the top of a test file. The database is reset to the demo county before each test. */
export function useTestDatabase(options: { seed?: boolean; campaign?: boolean } = {}): TestDb {
  let database: Database & { drop: () => Promise<void> };
  let seededReasons: (typeof revocationReasons.$inferSelect)[] = [];
  const handle = {} as TestDb;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.migrate();
    await ensureBuiltinFrameworks(database.db);
    // the reasons the migration seeds, restored before each test
    seededReasons = await database.db.select().from(revocationReasons);
    handle.db = database.db;
    handle.database = database;
  });
  afterAll(async () => {
    await database?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.execute(
      sql`truncate table village_elections, village_rule_versions, village_matters, village_disclosures, meeting_resolutions, village_meetings, village_groups, evidence_files, objections, titles, participations, campaigns, sessions, login_throttles, users, divisions, audit_events restart identity cascade`,
    );
    await database.db.delete(revocationReasons);
    await database.db.insert(revocationReasons).values(seededReasons);
    if (options.seed !== false) {
      passwordHash ??= hashPassword(DEMO_PASSWORD);
      await seedDemo(database.db, {
        passwordHash: await passwordHash,
        campaign: options.campaign ?? false,
      });
      // the seed's own audit event is not part of what a test observes
      await database.db.execute(sql`truncate table audit_events restart identity`);
    }
  });
  handle.sessionUser = async (username: string) => {
    const [row] = await database.db.select().from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    const session = await createSession(database.db, { userId: row.id, hours: 1 });
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      scopeCode: row.scopeCode,
      sessionId: session.id,
    };
  };
  handle.as = async (username: string, cookies?: CookieJar) =>
    createCaller(
      createContextInner({
        db: database.db,
        user: await handle.sessionUser(username),
        ...(cookies ? { cookies } : {}),
      }),
    );
  handle.anonymous = (cookies?: CookieJar) =>
    createCaller(createContextInner({ db: database.db, ...(cookies ? { cookies } : {}) }));
  return handle;
}

/** A cookie jar that remembers what the procedure set. */
export function recordingCookies() {
  const jar = {
    token: undefined as string | undefined,
    expiresAt: undefined as Date | undefined,
    cleared: false,
    setSession(token: string, expiresAt: Date) {
      jar.token = token;
      jar.expiresAt = expiresAt;
    },
    clearSession() {
      jar.cleared = true;
    },
  };
  return jar;
}

/** Counts rows of a table. */
export async function countRows(
  db: Db,
  table: 'users' | 'divisions' | 'audit_events' | 'sessions',
) {
  const result = await db.execute<{ n: number }>(
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

/** Every procedure of the router by dotted path ('auth.login'), with its type. */
export function routerProcedures(): Record<string, 'query' | 'mutation' | 'subscription'> {
  const flat = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: 'query' | 'mutation' | 'subscription' } }
  >;
  return Object.fromEntries(Object.entries(flat).map(([path, p]) => [path, p._def.type]));
}
