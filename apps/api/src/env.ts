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
