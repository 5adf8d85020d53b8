// The snapshot every test starts from (src/db/snapshot.ts): whatever a test writes, and however,
// the next one finds every table and sequence as the demo county was seeded; tables nobody wrote
// are left as they are.
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { rowsOf } from '../src/db/rows-of.js';
import { restoreSnapshot } from '../src/db/snapshot.js';
import { listTables } from '../src/services/backup.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase({ campaign: true });

/** Every public table's rows (a digest each) and every sequence's position. */
async function contents() {
  const digests: Record<string, string> = {};
  for (const table of await listTables(t.db)) {
    const [row] = rowsOf<{ digest: string | null }>(
      await t.db.execute(
        sql.raw(
          `select md5(string_agg(r::text, '|' order by r::text)) as digest from public."${table}" r`,
        ),
      ),
    );
    digests[table] = row?.digest ?? 'empty';
  }
  const sequences = rowsOf<{ name: string }>(
    await t.db.execute(sql`select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname = 'public' order by c.relname`),
  );
  for (const { name } of sequences) {
    const [position] = rowsOf<{ at: string }>(
      await t.db.execute(
        sql.raw(`select last_value::text || '/' || is_called::text as at from public."${name}"`),
      ),
    );
    digests[`sequence ${name}`] = position!.at;
  }
  return digests;
}

/** The transaction that last wrote each of the table's rows (unchanged while nobody writes it). */
async function writers(table: string) {
  const rows = rowsOf<{ xmin: string }>(
    await t.db.execute(sql.raw(`select xmin::text as xmin from public."${table}" order by ctid`)),
  );
  return rows.map((r) => r.xmin);
}

describe('restoring the snapshot', () => {
  test('puts back rows inserted, updated, deleted and truncated (with what the truncate cascaded to)', async () => {
    const seeded = await contents();
    expect(Object.keys(seeded).length).toBeGreaterThan(30);
    expect(seeded['participations']).not.toBe('empty');
    const admin = await t.as('admin'); // a session row
    await admin.users.list({ page: 1, pageSize: 10 });
    await t.db.execute(sql`update divisions set name = name || '（改）' where level = 'village'`);
    await t.db.execute(sql`delete from county_units`);
    await t.db.execute(sql`insert into audit_events (action, entity) values ('test', 'none')`);
    await t.db.execute(sql`truncate table campaigns cascade`);
    const written = await contents();
    for (const table of [
      'divisions',
      'county_units',
      'audit_events',
      'campaigns',
      'participations',
    ])
      expect(written[table], table).not.toBe(seeded[table]);
    expect(written['sequence audit_events_id_seq']).not.toBe(
      seeded['sequence audit_events_id_seq'],
    );

    await restoreSnapshot(t.db);
    expect(await contents()).toEqual(seeded);
  });

  test('sets back a sequence moved by a write that was rolled back', async () => {
    const seeded = await contents();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`insert into audit_events (action, entity)
          values ('test', 'none')`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await contents())['sequence audit_events_id_seq']).not.toBe(
      seeded['sequence audit_events_id_seq'],
    );
    await restoreSnapshot(t.db);
    expect(await contents()).toEqual(seeded);
  });

  test('rewrites only the tables written since', async () => {
    await restoreSnapshot(t.db);
    const divisions = await writers('divisions');
    const participations = await writers('participations');
    await t.db.execute(sql`update participations set version = version + 1`);
    await restoreSnapshot(t.db);
    expect(await writers('divisions')).toEqual(divisions);
    expect(await writers('participations')).not.toEqual(participations);
    // and nothing written: nothing rewritten
    const restored = await writers('participations');
    await restoreSnapshot(t.db);
    expect(await writers('participations')).toEqual(restored);
  });
});
