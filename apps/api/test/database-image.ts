// A test file's database, ready: migrated, seeded as the file asks, with the snapshot that puts
// it back before each test. Built once per run and per kind (test/global-setup.ts): a dumped
// PGlite data directory, or a PostgreSQL template database; each file starts its own copy.
//
// After migrate + seed, every table of the public schema is copied into the schema
// `fazhi_snapshot`, with the position of every sequence; a plpgsql function written there from
// that list puts it all back in one statement (truncate everything, insert the non-empty copies,
// set the sequences back). Tables added by later migrations are covered without edits here.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { hashPassword } from '../src/auth/password.js';
import { listTables } from '../src/services/backup.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import type { Database } from '../src/db/client.js';

/** What a test file asks of its database (`useTestDatabase`). */
export interface ImageOptions {
  seed?: boolean;
  campaign?: boolean;
}

/** The prepared kinds: empty (built-ins only), the demo county, the demo county with its campaign. */
export const imageKinds = ['empty', 'demo', 'campaign'] as const;
export type ImageKind = (typeof imageKinds)[number];

export function imageKind(options: ImageOptions): ImageKind {
  if (options.seed === false) return 'empty';
  return options.campaign ? 'campaign' : 'demo';
}

/** The schema holding the snapshot and its restore function. */
export const SNAPSHOT = 'fazhi_snapshot';

let passwordHash: Promise<string> | undefined;

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
