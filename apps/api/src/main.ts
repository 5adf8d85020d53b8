// `pnpm start`: opens the database (PGlite in FAZHI_DATA_DIR, or DATABASE_URL), applies the
// migrations, loads the demo county on an empty database (never in production), and serves.
import { readEnv } from './env.js';
import { openDatabase } from './db/client.js';
import { createServer } from './http/server.js';
import { parseAllowedOrigins } from './http/same-origin.js';
import { isEmptyDatabase, seedDemo } from './demo/seed-demo.js';
import { ensureBuiltinFrameworks } from './services/campaigns/frameworks.js';
import { DEMO_PASSWORD, demoUsers } from './demo/demo-county.js';
import { purgeStaleCounters } from './auth/login-throttle.js';
import { sql } from 'drizzle-orm';

/** pg_advisory_xact_lock key of start-up (migrations and the demo seed). */
const STARTUP_LOCK = 7_326_001;

const env = readEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.FAZHI_DATA_DIR,
  postgres: {
    maxConnections: env.FAZHI_DB_MAX_CONNECTIONS,
    connectTimeoutSeconds: env.FAZHI_DB_CONNECT_TIMEOUT_SECONDS,
    statementTimeoutMs: env.FAZHI_DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: env.FAZHI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    unresponsiveMs: env.FAZHI_DB_UNRESPONSIVE_MS,
    pgbouncer: env.FAZHI_DB_PGBOUNCER === 'true',
  },
});

const loadDemo =
  env.FAZHI_DEMO === 'true' || (env.FAZHI_DEMO !== 'false' && env.NODE_ENV !== 'production');
let seeded = false;
/** Several processes may start together on one PostgreSQL: one at a time migrates and seeds. */
async function underStartupLock(work: () => Promise<void>) {
  if (database.driver !== 'postgres') return work();
  // the transaction's connection holds the lock while the work runs on the others
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STARTUP_LOCK})`);
    await work();
  });
}
await underStartupLock(async () => {
  await database.migrate();
  await ensureBuiltinFrameworks(database.db);
  if (loadDemo && (await isEmptyDatabase(database.db))) {
    await seedDemo(database.db, { dataDir: env.FAZHI_DATA_DIR });
    seeded = true;
  }
});
await purgeStaleCounters(database.db);
const purge = setInterval(() => void purgeStaleCounters(database.db).catch(() => {}), 3600_000);
purge.unref();

const app = await createServer({
  database,
  dataDir: env.FAZHI_DATA_DIR,
  staticDir: env.FAZHI_STATIC_DIR,
  sessionHours: env.FAZHI_SESSION_HOURS,
  logLevel: env.FAZHI_LOG_LEVEL,
  loginThrottle: {
    accountFailures: env.FAZHI_LOGIN_FAILURES_PER_ACCOUNT,
    accountGlobalFailures: env.FAZHI_LOGIN_FAILURES_PER_ACCOUNT_ALL_ADDRESSES,
    addressFailures: env.FAZHI_LOGIN_FAILURES_PER_ADDRESS,
    firstLockMinutes: env.FAZHI_LOGIN_FIRST_LOCK_MINUTES,
    maxLockMinutes: env.FAZHI_LOGIN_MAX_LOCK_MINUTES,
  },
  refuseDemoPassword: env.NODE_ENV === 'production',
  trustProxy: env.FAZHI_TRUST_PROXY,
  maxBodyBytes: env.FAZHI_MAX_BODY_BYTES,
  publicRequestsPerMinute: env.FAZHI_PUBLIC_REQUESTS_PER_MINUTE,
  allowedOrigins: parseAllowedOrigins(env.FAZHI_ALLOWED_ORIGINS),
});
await app.listen({ port: env.PORT, host: env.HOST });

const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
const where = database.driver === 'pglite' ? `PGlite at ${env.FAZHI_DATA_DIR}` : 'PostgreSQL';
console.log(`\n法治示范村创建管理平台 fazhi is running at ${url}  (database: ${where})`);
if (loadDemo) {
  console.log(seeded ? 'Loaded the demo county 清和县 (330728).' : 'Demo county already loaded.');
  if (env.NODE_ENV === 'production') {
    console.log(
      `Demo accounts (their shared password ${DEMO_PASSWORD} is refused in production; ` +
        'an administrator sets each one a password, or run pnpm admin:create):',
    );
  } else {
    console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
  }
  for (const u of demoUsers)
    console.log(`  ${u.username.padEnd(10)} ${u.role.padEnd(17)} ${u.displayName}`);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
