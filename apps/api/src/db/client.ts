// One Db type for both drivers: embedded PGlite (default) and PostgreSQL via postgres.js.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema.js';
import {
  answersWithin,
  createWatchdog,
  DatabaseUnavailableError,
  type Watchdog,
} from './availability.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = resolve(import.meta.dirname, '../../drizzle');

export interface Database {
  readonly db: Db;
  readonly driver: 'pglite' | 'postgres';
  /** Applies the committed migrations. */
  migrate(): Promise<void>;
  /** Whether the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as one file, to start another instance from. */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` with no url means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL only: how the pool connects and how long statements may run. */
  postgres?: PostgresOptions | undefined;
  /**
   * PGlite: start from this dumped data directory (`dumpDataDir`) instead of an empty cluster —
   * a quarter of the start-up time or less, used by the tests' prepared images. With `dataDir`,
   * only for a directory that does not hold a database yet.
   */
  pgliteImage?: Blob | undefined;
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number | undefined;
  /** Seconds to establish a connection before giving up (default 5). */
  connectTimeoutSeconds?: number | undefined;
  /** Server-side statement_timeout in ms (default 15000; 0: none). */
  statementTimeoutMs?: number | undefined;
  /** Server-side idle_in_transaction_session_timeout in ms (default 60000; 0: none). */
  idleInTransactionTimeoutMs?: number | undefined;
  /**
   * Behind pgbouncer in transaction mode: no prepared statements, and no session settings sent
   * at connection start (pgbouncer refuses unknown startup parameters; set the two timeouts on
   * the role instead, see README).
   */
  pgbouncer?: boolean | undefined;
  /** How long a query may wait for any answer before the database is asked whether it lives. */
  unresponsiveMs?: number | undefined;
}

/** How long `ping` (and the liveness probe) waits for `select 1`. */
export const PING_TIMEOUT_MS = 2000;

/**
 * Opens the database: PostgreSQL when `url` is given, else PGlite on `dataDir` (or in memory).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pg = options.postgres ?? {};
    const statementTimeout = pg.statementTimeoutMs ?? 15_000;
    const idleInTransactionTimeout = pg.idleInTransactionTimeoutMs ?? 60_000;
    const connectTimeout = pg.connectTimeoutSeconds ?? 5;
    const raw = postgres(options.url, {
      max: pg.maxConnections ?? 10,
      connect_timeout: connectTimeout,
      // no array-type lookup on connect: the schema has no array columns, and postgres.js leaves
      // that lookup's failure unhandled when the connection drops (which ends the process)
      fetch_types: false,
      onnotice: () => {},
      ...(pg.pgbouncer
        ? { prepare: false }
        : {
            connection: {
              statement_timeout: statementTimeout,
              idle_in_transaction_session_timeout: idleInTransactionTimeout,
            },
          }),
    });
    // the liveness probe has its own connection, so a pool full of stuck queries cannot block it
    const probeClient = postgres(options.url, {
      max: 1,
      connect_timeout: Math.min(connectTimeout, PING_TIMEOUT_MS / 1000),
      idle_timeout: 60,
      fetch_types: false,
      onnotice: () => {},
      ...(pg.pgbouncer ? { prepare: false } : {}),
    });
    const watchdog = createWatchdog({
      unresponsiveMs: pg.unresponsiveMs ?? 3000,
      probeMs: PING_TIMEOUT_MS,
      probe: () => probeClient`select 1`.then(() => undefined),
    });
    const client = watched(raw, watchdog, !pg.pgbouncer);
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      migrate: async () => {
        await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
      },
      ping: () => ping(db),
      close: async () => {
        await Promise.all([raw.end({ timeout: 5 }), probeClient.end({ timeout: 1 })]);
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteImage ? { loadDataDir: options.pgliteImage } : {}),
  });
  await client.waitReady;
  const pgDb = drizzlePglite(client, { schema });
  const db = pgDb as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(pgDb, { migrationsFolder }),
    ping: () => ping(db),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** Whether `select 1` answers within PING_TIMEOUT_MS. */
function ping(db: Db): Promise<boolean> {
  return answersWithin(Promise.resolve(db.execute(sql`select 1`)), PING_TIMEOUT_MS);
}

type Thenable = PromiseLike<unknown> & { values(): unknown };

/**
 * The postgres.js client with every query (`unsafe`, which is all drizzle uses) and transaction
 * (`begin`, `savepoint`) watched by the watchdog. A transaction given up while waiting for its
 * BEGIN never runs its body later.
 */
function watched(sqlClient: Sql, watchdog: Watchdog, prepareStatements: boolean): Sql {
  return new Proxy(sqlClient, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (...args: Parameters<Sql['unsafe']>) => {
          // drizzle asks for unnamed statements, which postgres.js sends as two round trips
          // (describe, then execute) every time; a named statement, kept per connection by its
          // text, is described once and then costs one round trip (and PostgreSQL may reuse its
          // plan; postgres.js ends a connection after 30–60 minutes, which bounds how many a
          // connection keeps). Not behind pgbouncer in transaction mode, where a statement may
          // not outlive its transaction.
          if (prepareStatements && args[1] && args[1].length > 0) {
            args[2] = { ...args[2], prepare: true };
          }
          const query = target.unsafe(...args) as unknown as Thenable;
          let result: Promise<unknown> | undefined;
          const run = () => (result ??= watchdog.watch(query));
          const wrapper = {
            values() {
              query.values();
              return wrapper;
            },
            then(onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) {
              return run().then(onFulfilled, onRejected);
            },
          };
          return wrapper;
        };
      }
      if (key === 'begin' || key === 'savepoint') {
        const original = Reflect.get(target, key, receiver) as (
          ...a: unknown[]
        ) => Promise<unknown>;
        if (typeof original !== 'function') return original;
        return (...args: unknown[]) => {
          const fn = args.pop() as (s: Sql) => unknown;
          let abandoned = false;
          const work = original.call(target, ...args, async (inner: Sql) => {
            if (abandoned) throw new DatabaseUnavailableError('transaction given up');
            return fn(watched(inner, watchdog, prepareStatements));
          });
          return watchdog.watch(work).catch((error: unknown) => {
            abandoned = true;
            throw error;
          });
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
