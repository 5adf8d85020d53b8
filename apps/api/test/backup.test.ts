// Backup and restore: a populated instance (the demo county with a campaign, audit events,
// sessions and an evidence file) is backed up, restored into empty databases of both drivers,
// and every table (all rows, all columns) and every file must come back the same.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import { participations, users } from '../src/db/schema.js';
import { publishEvidenceFile, storeEvidence } from '../src/services/campaigns/evidence.js';
import { backup, BackupError, listTables, readManifest, restore } from '../src/services/backup.js';
import { driver, useTestDatabase } from './harness.js';

const t = useTestDatabase({ campaign: true });
const root = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
const adminUrl = process.env.TEST_DATABASE_URL;
const repoRoot = join(import.meta.dirname, '../../..');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(root, { recursive: true, force: true });
});

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  randomBytes(4096),
]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** Every table and sequence, every row and column, in one comparable form. */
async function everything(db: Db) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const out: Record<string, string[]> = {};
    const tables = await rowsOf<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' order by table_name`,
    );
    for (const { name } of tables) {
      const rows = await rowsOf<{ r: string }>(
        tx,
        sql.raw(`select row_to_json(t)::text as r from "${name}" t order by 1`),
      );
      out[name] = rows.map((r) => r.r).sort();
    }
    const sequences = await rowsOf<{ name: string }>(
      tx,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind = 'S' and n.nspname = 'public' order by 1`,
    );
    for (const { name } of sequences) {
      const [row] = await rowsOf<{ v: string }>(
        tx,
        sql.raw(`select last_value::text || '/' || is_called::text as v from "${name}"`),
      );
      out[`sequence ${name}`] = [row!.v];
    }
    return out;
  });
}

/**
 * An empty PGlite cluster (no tables), dumped: each empty PGlite database of the file starts from
 * it instead of running PGlite's initdb again (seconds each).
 */
let blankPglite: Promise<Blob> | undefined;
function blankPgliteImage(): Promise<Blob> {
  blankPglite ??= (async () => {
    const database = await openDatabase({});
    const image = await database.dumpDataDir!();
    await database.close();
    return image;
  })();
  return blankPglite;
}

/** An empty database of the given driver (dropped after the file). */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pgliteImage: await blankPgliteImage() });
    cleanups.push(() => database.close());
    return database;
  }
  const name = `fazhi_restore_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  cleanups.push(async () => {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return database;
}

/** Adds what a working county has beyond the seed: evidence, audit events, sessions. */
async function populate(dataDir: string) {
  const county = await t.as('county');
  await county.users.create({
    username: 'backup_user',
    displayName: '备份测试',
    password: 'Backup2026x',
    role: 'township_officer',
    scopeCode: '330728101000',
  });
  const [participation] = await t.db
    .select()
    .from(participations)
    .orderBy(participations.villageCode)
    .limit(1);
  if (!participation) throw new Error('the demo campaign has no participation');
  const [clerk] = await t.db.select().from(users).where(eq(users.username, 'clerk'));
  const stored = [];
  for (const [bytes, type] of [
    [png, { mime: 'image/png', ext: 'png' }],
    [pdf, { mime: 'application/pdf', ext: 'pdf' }],
  ] as const) {
    const s = await t.db.transaction((tx) =>
      storeEvidence({
        db: tx,
        dataDir,
        participation: participation!,
        itemCode: 'A1',
        column: 'self',
        fileName: `证据.${type.ext}`,
        bytes,
        type,
        uploadedBy: clerk!.id,
      }),
    );
    await publishEvidenceFile(s);
    stored.push({ path: s.row.storagePath, bytes });
  }
  return stored;
}

const targets: ('pglite' | 'postgres')[] = adminUrl ? ['pglite', 'postgres'] : ['pglite'];

describe(`backup of a ${driver} instance`, { timeout: 300_000 }, () => {
  it.each(targets)(
    'restores into an empty %s database: every table and file the same',
    async (target) => {
      const source = mkdtempSync(join(root, 'source-'));
      const files = await populate(source);
      const before = await everything(t.db);
      expect(before.evidence_files).toHaveLength(2);
      expect(before.audit_events!.length).toBeGreaterThan(0);
      expect(before.sessions!.length).toBeGreaterThan(0);
      expect(before.participations!.length).toBeGreaterThan(0);

      const file = join(root, `backup-${target}-${randomBytes(4).toString('hex')}.zip`);
      const manifest = await backup({ db: t.db, driver, dataDir: source, file });
      expect(manifest.files.map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
      expect(manifest.missing).toEqual([]);
      expect(existsSync(`${file}.part`)).toBe(false);
      // password hashes and personal data: readable by the owner only
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect((await readManifest(file)).tables).toEqual(manifest.tables);

      const database = await emptyDatabase(target);
      const dataDir = mkdtempSync(join(root, 'restored-'));
      const result = await restore({ db: database.db, dataDir, file });
      expect(result.files).toBe(2);
      expect(await everything(database.db)).toEqual(before);
      for (const f of files) {
        expect(readFileSync(join(dataDir, f.path)).equals(f.bytes)).toBe(true);
        expect(existsSync(`${join(dataDir, f.path)}.part`)).toBe(false);
      }
      // the restored instance is usable: migrations are current, the audit ids continue
      await database.migrate();
      const [last] = await rowsOf<{ id: number }>(
        database.db,
        sql`insert into audit_events (action, entity) values ('test', 'test') returning id`,
      );
      const maxBefore = Math.max(...before.audit_events!.map((r) => JSON.parse(r).id as number));
      expect(Number(last!.id)).toBe(maxBefore + 1);
    },
  );

  it('refuses a database that is not empty, and an evidence directory that is not', async () => {
    const source = mkdtempSync(join(root, 'source-'));
    await populate(source);
    const file = join(root, `refuse-${randomBytes(4).toString('hex')}.zip`);
    await backup({ db: t.db, driver, dataDir: source, file });
    const tablesBefore = await everything(t.db);

    // into itself: refused, nothing changed
    await expect(restore({ db: t.db, dataDir: source, file })).rejects.toThrow(/not empty/);
    expect(await everything(t.db)).toEqual(tablesBefore);

    // an empty database but a directory with evidence
    const database = await emptyDatabase('pglite');
    const dataDir = mkdtempSync(join(root, 'occupied-'));
    mkdirSync(join(dataDir, 'evidence', 'x'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', 'x', 'file'), 'x');
    await expect(restore({ db: database.db, dataDir, file })).rejects.toThrow(BackupError);
    expect(await listTables(database.db)).toEqual([]);

    // an existing archive is not overwritten
    await expect(backup({ db: t.db, driver, dataDir: source, file })).rejects.toThrow(
      /already exists/,
    );
  });

  it('a damaged evidence file fails the restore and leaves no file behind', async () => {
    const source = mkdtempSync(join(root, 'source-'));
    const [first] = await populate(source);
    // the file on disk no longer matches the SHA-256 of its row
    writeFileSync(join(source, first!.path), Buffer.concat([first!.bytes, Buffer.from('x')]));
    const file = join(root, `damaged-${randomBytes(4).toString('hex')}.zip`);
    await backup({ db: t.db, driver, dataDir: source, file });
    const database = await emptyDatabase('pglite');
    const dataDir = mkdtempSync(join(root, 'restored-'));
    await expect(restore({ db: database.db, dataDir, file })).rejects.toThrow(/damaged/);
    const counts = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users`,
    );
    expect(Number(counts[0]!.n)).toBe(0);
    expect(existsSync(join(dataDir, first!.path))).toBe(false);
    expect(existsSync(`${join(dataDir, first!.path)}.part`)).toBe(false);
  });
});

describe.runIf(driver === 'pglite')('the pnpm backup and pnpm restore commands', () => {
  it('back up an embedded instance and restore it into a new data directory', async () => {
    // an embedded instance holding the demo county: the run's prepared image in a data directory
    const source = join(mkdtempSync(join(root, 'cli-source-')), 'pglite');
    const image = inject('testImages')?.demo;
    if (!image) throw new Error('no prepared demo image');
    const seeded = await openDatabase({
      dataDir: source,
      pgliteImage: new Blob([readFileSync(image)]),
    });
    await seeded.migrate();
    const before = await everything(seeded.db);
    expect(before.divisions!.length).toBeGreaterThan(300);
    expect(before.users!.length).toBeGreaterThan(1);
    await seeded.close();

    const file = join(root, `cli-${randomBytes(4).toString('hex')}.zip`);
    const target = join(root, 'cli-target');
    const run = (command: string, dataDir: string) =>
      spawnSync('pnpm', ['--silent', command, file], {
        cwd: repoRoot,
        env: { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
    const backedUp = run('backup', source);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toContain('backup written');
    // a missing archive is refused before any database is made where there was none
    const nowhere = join(root, 'cli-nowhere');
    const refused = spawnSync('pnpm', ['--silent', 'restore', join(root, 'missing.zip')], {
      cwd: repoRoot,
      env: { ...process.env, FAZHI_DATA_DIR: nowhere, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('does not exist');
    expect(existsSync(nowhere)).toBe(false);
    const restored = run('restore', target);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('restored');

    const copy = await openDatabase({ dataDir: target });
    try {
      expect(await everything(copy.db)).toEqual(before);
    } finally {
      await copy.close();
    }
  }, 300_000);
});
