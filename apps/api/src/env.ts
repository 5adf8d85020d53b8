// The only file that reads process.env. Validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '../../..');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  FAZHI_DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  FAZHI_STATIC_DIR: z.string().default(resolve(repoRoot, 'apps/admin/dist')),
  FAZHI_SESSION_HOURS: z.coerce.number().positive().default(12),
  FAZHI_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Failed logins allowed from one client address in 15 minutes (0 turns the limit off). */
  FAZHI_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(30),
  /** "true" behind a reverse proxy, so the client address comes from X-Forwarded-For. */
  FAZHI_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Largest request body other than a file upload (tRPC input), in bytes. */
  FAZHI_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Comma-separated origins (besides the server's own) allowed to send state-changing requests. */
  FAZHI_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .refine(
      (list) =>
        (list ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
          .every((o) => URL.canParse(o) && /^https?:$/.test(new URL(o).protocol)),
      'must be comma-separated http(s) origins such as http://localhost:5173',
    ),
  /** PostgreSQL: connections in the pool. */
  FAZHI_DB_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(10),
  /** PostgreSQL: seconds to establish a connection. */
  FAZHI_DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
  /** PostgreSQL: statement_timeout in milliseconds (0: none). */
  FAZHI_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** PostgreSQL: idle_in_transaction_session_timeout in milliseconds (0: none). */
  FAZHI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** PostgreSQL: how long a query waits for any answer before the server checks the database lives. */
  FAZHI_DB_UNRESPONSIVE_MS: z.coerce.number().int().min(100).default(3000),
  /** "true" when DATABASE_URL points at pgbouncer in transaction mode. */
  FAZHI_DB_PGBOUNCER: z.enum(['true', 'false']).default('false'),
  /** Set to "false" to start on an empty database without the demo county. */
  FAZHI_DEMO: z.enum(['true', 'false']).optional(),
  TEST_DATABASE_URL: z.string().url().optional(),
  /** The directory pnpm was started from (for relative paths given to CLI commands). */
  INIT_CWD: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
