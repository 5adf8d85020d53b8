// One database per test file (PGlite in memory, or a fresh PostgreSQL database when the file
// runs in the postgres project), seeded once and restored to that state before each test.
//
// After migrate + seed, every table of the public schema is copied into the schema
// `fazhi_snapshot`, with the position of every sequence; a plpgsql function written there from
// that list puts it all back in one statement (truncate everything, insert the non-empty copies,
// set the sequences back). Tables added by later migrations are covered without edits here.
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
import { users } from '../src/db/schema.js';
import { listTables } from '../src/services/backup.js';
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

const SNAPSHOT = 'fazhi_snapshot';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/**
 * Copies every table of the public schema (drizzle's own table lives in the `drizzle` schema)
 * and the position of every sequence into the snapshot schema, and writes the function that
 * restores them.
 */
async function takeSnapshot(db: Db): Promise<void> {
  const tables = await listTables(db); // parents before children
  await db.execute(sql.raw(`drop schema if exists ${SNAPSHOT} cascade`));
  await db.execute(sql.raw(`create schema ${SNAPSHOT}`));
  const inserts: string[] = [];
  for (const table of tables) {
    await db.execute(
      sql.raw(`create table ${SNAPSHOT}.${quote(table)} as table public.${quote(table)}`),
    );
    const [count] = await rowsOf<{ n: number }>(
      db,
      sql.raw(`select count(*)::int as n from ${SNAPSHOT}.${quote(table)}`),
    );
    if (Number(count!.n) === 0) continue;
    // generated columns are computed again; identity columns keep their values
    const names = await rowsOf<{ name: string }>(
      db,
      sql`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
          order by ordinal_position`,
    );
    const columns = names.map((c) => quote(c.name)).join(', ');
    inserts.push(
      `insert into public.${quote(table)} (${columns}) overriding system value select ${columns} from ${SNAPSHOT}.${quote(table)};`,
    );
  }
  const sequences = await rowsOf<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname = 'public' order by c.relname`,
  );
  const setvals: string[] = [];
  for (const { name } of sequences) {
    const [position] = await rowsOf<{ last_value: string; is_called: boolean }>(
      db,
      sql.raw(`select last_value::text as last_value, is_called from public.${quote(name)}`),
    );
    setvals.push(
      `perform setval(${literal(`public.${quote(name)}`)}, ${position!.last_value}, ${position!.is_called});`,
    );
  }
  // replica: no triggers fire (foreign key checks and the audit log's refusal of DELETE
  // included), so the rows go back exactly as they were; DELETE rather than TRUNCATE, which
  // gives every table and index new files and costs ten times more on these small tables
  const deletes = tables.map((t) => `delete from public.${quote(t)};`);
  await db.execute(
    sql.raw(`create function ${SNAPSHOT}.restore() returns void language plpgsql as $restore$
begin
  set local session_replication_role = replica;
  ${[...deletes, ...inserts, ...setvals].join('\n  ')}
end
$restore$`),
  );
}

/**
 * Call at the top of a test file. The database is migrated and seeded once (the demo county
 * unless `seed: false`, with its campaign when `campaign: true`; the built-in frameworks and the
 * revocation reasons the migrations seed in any case; no audit events), and put back in exactly
 * that state before each test.
 */
export function useTestDatabase(options: { seed?: boolean; campaign?: boolean } = {}): TestDb {
  let database: Database & { drop: () => Promise<void> };
  const handle = {} as TestDb;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.migrate();
    await ensureBuiltinFrameworks(database.db);
    if (options.seed !== false) {
      passwordHash ??= hashPassword(DEMO_PASSWORD);
      await seedDemo(database.db, {
        passwordHash: await passwordHash,
        campaign: options.campaign ?? false,
      });
    }
    // the seed's own audit event is not part of what a test observes
    await database.db.execute(sql`truncate table audit_events restart identity`);
    await takeSnapshot(database.db);
    handle.db = database.db;
    handle.database = database;
  });
  afterAll(async () => {
    await database?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.execute(sql.raw(`select ${SNAPSHOT}.restore()`));
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
