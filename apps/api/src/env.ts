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
  /** Failed logins per account from one address (or one known browser) before it waits. */
  FAZHI_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Failed logins per account from all addresses together (known browsers exempt); 0: off. */
  FAZHI_LOGIN_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: z.coerce.number().int().min(0).default(20),
  /** Failed logins from one address across accounts (known browsers exempt); 0: off. */
  FAZHI_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(30),
  /** The first wait after too many failures, in minutes; it doubles with each further failure. */
  FAZHI_LOGIN_FIRST_LOCK_MINUTES: z.coerce.number().positive().default(1),
  /** The longest wait, in minutes. */
  FAZHI_LOGIN_MAX_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /**
   * Reverse proxies in front of the server: a number of hops (the right-most addresses of
   * X-Forwarded-For that are proxies; "true" = 1, "false" = 0), or a comma-separated list of
   * proxy addresses / CIDR ranges (or loopback, linklocal, uniquelocal).
   */
  FAZHI_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): number | string => {
      const value = v.trim();
      if (value === 'true') return 1;
      if (value === 'false') return 0;
      if (/^\d+$/.test(value)) return Number(value);
      const list = value.split(',').map((a) => a.trim());
      const named = ['loopback', 'linklocal', 'uniquelocal'];
      if (list.every((a) => named.includes(a) || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) {
        return list.join(',');
      }
      ctx.addIssue({
        code: 'custom',
        message: 'a number of proxies, true, false, or a list of proxy addresses',
      });
      return z.NEVER;
    }),
  /** The password of `pnpm admin:create` (asked for on the terminal when absent). */
  FAZHI_ADMIN_PASSWORD: z.string().optional(),
  /** Largest request body other than a file upload (tRPC input), in bytes. */
  FAZHI_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Requests per client address and minute to the public notice pages (0: no limit). */
  FAZHI_PUBLIC_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
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
