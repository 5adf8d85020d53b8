// A snapshot of a database's rows, put back in one statement: after migrate + seed, every table
// of the public schema is copied into the schema `fazhi_snapshot`, with the position of every
// sequence; a plpgsql function written there from that list puts back what changed since (a
// statement trigger on every table notes the table's name in `fazhi_snapshot.touched` when a
// statement writes to it; the function deletes and re-inserts those tables' rows, clears the note
// and sets every sequence back). A write rolled back takes its note with it, as it takes its rows.
// Tables added by later migrations are covered without edits here. Tests start each test (API)
// or each file (browser) from it.
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
 * and the position of every sequence into the snapshot schema, puts the statement trigger that
 * notes writes on every table, and writes the function that restores them.
 */
export async function takeSnapshot(db: Db): Promise<void> {
  const tables = await listTables(db); // parents before children
  await db.execute(sql.raw(`drop schema if exists ${SNAPSHOT} cascade`));
  await db.execute(sql.raw(`create schema ${SNAPSHOT}`));
  await db.execute(sql.raw(`create table ${SNAPSHOT}.touched (name text not null)`));
  // one row per table, at most: a test writing one table many times notes it once
  await db.execute(
    sql.raw(`create function ${SNAPSHOT}.touch() returns trigger language plpgsql as $touch$
begin
  if not exists (select from ${SNAPSHOT}.touched where name = tg_table_name) then
    insert into ${SNAPSHOT}.touched (name) values (tg_table_name);
  end if;
  return null;
end
$touch$`),
  );
  const branches: string[] = [];
  for (const table of tables) {
    await db.execute(
      sql.raw(`create table ${SNAPSHOT}.${quote(table)} as table public.${quote(table)}`),
    );
    await db.execute(
      sql.raw(`create trigger fazhi_snapshot_touch after insert or update or delete or truncate
        on public.${quote(table)} for each statement execute function ${SNAPSHOT}.touch()`),
    );
    const remove = `delete from public.${quote(table)};`;
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql.raw(`select count(*)::int as n from ${SNAPSHOT}.${quote(table)}`)),
    );
    if (Number(count!.n) === 0) {
      branches.push(`when ${literal(table)} then ${remove}`);
      continue;
    }
    // generated columns are computed again; identity columns keep their values
    const names = rowsOf<{ name: string }>(
      await db.execute(sql`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
          order by ordinal_position`),
    );
    const columns = names.map((c) => quote(c.name)).join(', ');
    branches.push(
      `when ${literal(table)} then ${remove}
        insert into public.${quote(table)} (${columns}) overriding system value select ${columns} from ${SNAPSHOT}.${quote(table)};`,
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
  // replica: no triggers fire (foreign key checks, the audit log's refusal of DELETE and the
  // notes of writes included), so the rows go back exactly as they were; DELETE rather than
  // TRUNCATE, which gives every table and index new files and costs ten times more on these small
  // tables. The sequences all go back: a write rolled back still moved its sequence.
  await db.execute(
    sql.raw(`create function ${SNAPSHOT}.restore() returns void language plpgsql as $restore$
declare
  fazhi_written text;
begin
  set local session_replication_role = replica;
  for fazhi_written in select distinct name from ${SNAPSHOT}.touched loop
    case fazhi_written
      ${branches.join('\n      ')}
    end case;
  end loop;
  delete from ${SNAPSHOT}.touched;
  ${setvals.join('\n  ')}
end
$restore$`),
  );
}

/** Puts every table and sequence back as `takeSnapshot` found them. */
export async function restoreSnapshot(db: Db): Promise<void> {
  await db.execute(sql.raw(`select ${SNAPSHOT}.restore()`));
}
