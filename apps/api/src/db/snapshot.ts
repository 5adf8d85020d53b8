// A snapshot of a database's rows, put back in one statement: after migrate + seed, every table
// of the public schema is copied into the schema `fazhi_snapshot`, with the position of every
// sequence; a plpgsql function written there from that list puts it all back (delete everything,
// insert the non-empty copies, set the sequences back). Tables added by later migrations are
// covered without edits here. Tests start each test (API) or each file (browser) from it.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { rowsOf } from './rows-of.js';
import { listTables } from '../services/backup.js';

/** The schema holding the snapshot and its restore function. */
export const SNAPSHOT = 'fazhi_snapshot';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Copies every table of the public schema (drizzle's own table lives in the `drizzle` schema)
 * and the position of every sequence into the snapshot schema, and writes the function that
 * restores them.
 */
export async function takeSnapshot(db: Db): Promise<void> {
  const tables = await listTables(db); // parents before children
  await db.execute(sql.raw(`drop schema if exists ${SNAPSHOT} cascade`));
  await db.execute(sql.raw(`create schema ${SNAPSHOT}`));
  const inserts: string[] = [];
  for (const table of tables) {
    await db.execute(
      sql.raw(`create table ${SNAPSHOT}.${quote(table)} as table public.${quote(table)}`),
    );
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql.raw(`select count(*)::int as n from ${SNAPSHOT}.${quote(table)}`)),
    );
    if (Number(count!.n) === 0) continue;
    // generated columns are computed again; identity columns keep their values
    const names = rowsOf<{ name: string }>(
      await db.execute(sql`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
          order by ordinal_position`),
    );
    const columns = names.map((c) => quote(c.name)).join(', ');
    inserts.push(
      `insert into public.${quote(table)} (${columns}) overriding system value select ${columns} from ${SNAPSHOT}.${quote(table)};`,
    );
  }
  const sequences = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname = 'public' order by c.relname`),
  );
  const setvals: string[] = [];
  for (const { name } of sequences) {
    const [position] = rowsOf<{ last_value: string; is_called: boolean }>(
      await db.execute(
        sql.raw(`select last_value::text as last_value, is_called from public.${quote(name)}`),
      ),
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

/** Puts every table and sequence back as `takeSnapshot` found them. */
export async function restoreSnapshot(db: Db): Promise<void> {
  await db.execute(sql.raw(`select ${SNAPSHOT}.restore()`));
}
