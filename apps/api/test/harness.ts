// One database per test file (PGlite in memory, or a fresh PostgreSQL database when the file
// runs in the postgres project), started from the run's prepared image of the kind the file asks
// for (test/database-image.ts, built once by test/global-setup.ts) and restored to that state
// before each test. A file that ends hands its database, put back as prepared, to the next file
// of its worker.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import { readEnv } from '../src/env.js';
import { createSession } from '../src/services/sessions.js';
import { createContextInner, type CookieJar, type SessionUser } from '../src/trpc/context.js';
import { appRouter, createCaller } from '../src/trpc/root.js';
import { users } from '../src/db/schema.js';
import { eq } from 'drizzle-orm';
import { restoreSnapshot } from '../src/db/snapshot.js';
import { imageKind, prepareDatabase, type ImageKind, type ImageOptions } from './database-image.js';

export const driver = (process.env.FAZHI_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Per kind: a dumped PGlite data directory (a file path), or a PostgreSQL template's name. */
    testImages: Partial<Record<ImageKind, string>>;
  }
}

/**
 * Databases of files that have ended, put back as prepared, by kind: the files of a worker run one
 * after another sharing its modules (vitest.config.ts), so the next file of the kind takes one
 * instead of starting another copy (on PGlite, loading the image: about 1.3 s of a core; on
 * PostgreSQL, copying the template, connecting and warming the server's caches again). The
 * PostgreSQL copies are dropped with their templates at the end of the run (test/global-setup.ts).
 */
const idle: Partial<Record<ImageKind, Database[]>> = {};

type TestDatabase = Database & { drop: () => Promise<void> };

/** `database` for a file: closing it does nothing, dropping it hands it on as prepared. */
function handOn(kind: ImageKind, database: Database): TestDatabase {
  return {
    ...database,
    close: async () => {},
    drop: async () => {
      await restoreSnapshot(database.db);
      (idle[kind] ??= []).push(database);
    },
  };
}

/** A database of `kind` as prepared: a copy of the prepared image, else prepared here. */
async function openTestDatabase(kind: ImageKind): Promise<TestDatabase> {
  const reused = idle[kind]?.pop();
  if (reused) return handOn(kind, reused);
  const image = inject('testImages')?.[kind];
  if (driver === 'pglite') {
    const database = await openDatabase(
      image ? { pgliteImage: new Blob([readFileSync(image)]) } : {},
    );
    if (!image) await prepareDatabase(database, kind);
    return handOn(kind, database);
  }
  const adminUrl = readEnv().TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  // named after the template, which the run's teardown drops with its copies
  const name = `${image ?? 'fazhi_test'}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // two files may copy one template at once: PostgreSQL refuses a copy while another holds it
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name}${image ? ` template ${image}` : ''}`);
        break;
      } catch (error) {
        if (attempt === 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resume) => setTimeout(resume, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (!image) await prepareDatabase(database, kind);
  return handOn(kind, database);
}

export interface TestDb {
  db: Db;
  database: Database;
  /** A caller acting as a demo (or other) user, with a real session in the database. */
  as(username: string, cookies?: CookieJar): Promise<ReturnType<typeof createCaller>>;
  anonymous(cookies?: CookieJar): ReturnType<typeof createCaller>;
  sessionUser(username: string): Promise<SessionUser>;
}

/**
 * Call at the top of a test file. The database is migrated and seeded once (the demo county
 * unless `seed: false`, with its campaign when `campaign: true`; the built-in frameworks and the
 * revocation reasons the migrations seed in any case; no audit events), and put back in exactly
 * that state before each test.
 */
export function useTestDatabase(options: ImageOptions = {}): TestDb {
  let database: TestDatabase;
  const handle = {} as TestDb;
  beforeAll(async () => {
    database = await openTestDatabase(imageKind(options));
    handle.db = database.db;
    handle.database = database;
  });
  afterAll(async () => {
    await database?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await restoreSnapshot(database.db);
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
      unitId: row.unitId,
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
