// A test file's database, ready: migrated, seeded as the file asks, with the snapshot that puts
// it back before each test (src/db/snapshot.ts). Built once per run and per kind
// (test/global-setup.ts): a dumped PGlite data directory, or a PostgreSQL template database; each
// file starts its own copy.
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { hashPassword } from '../src/auth/password.js';
import { takeSnapshot } from '../src/db/snapshot.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import type { Database } from '../src/db/client.js';

/** What a test file asks of its database (`useTestDatabase`). */
export interface ImageOptions {
  seed?: boolean;
  campaign?: boolean;
}

/**
 * The prepared kinds: empty (built-ins only), the demo county, the demo county with its campaign;
 * empty first, the others are prepared from it (test/global-setup.ts).
 */
export const imageKinds = ['empty', 'demo', 'campaign'] as const;
export type ImageKind = (typeof imageKinds)[number];

export function imageKind(options: ImageOptions): ImageKind {
  if (options.seed === false) return 'empty';
  return options.campaign ? 'campaign' : 'demo';
}

let passwordHash: Promise<string> | undefined;

/**
 * Migrates and seeds a fresh database as `kind` says (the built-in frameworks and the revocation
 * reasons the migrations seed in any case; no audit events), and takes the snapshot.
 */
export async function prepareDatabase(database: Database, kind: ImageKind): Promise<void> {
  await database.migrate();
  await ensureBuiltinFrameworks(database.db);
  if (kind !== 'empty') {
    passwordHash ??= hashPassword(DEMO_PASSWORD);
    await seedDemo(database.db, {
      passwordHash: await passwordHash,
      campaign: kind === 'campaign',
    });
  }
  // the seed's own audit event is not part of what a test observes
  await database.db.execute(sql`truncate table audit_events restart identity`);
  await takeSnapshot(database.db);
}
