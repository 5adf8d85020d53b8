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
