// Backup and restore of a whole deployment: every table of the database and every evidence file,
// in one zip archive, independent of the driver (a PGlite backup restores into PostgreSQL and
// back). The rows are read in one read-only REPEATABLE READ transaction, so the archive is one
// consistent snapshot even while the server runs on PostgreSQL; each table is streamed through a
// cursor as JSON lines (`row_to_json`, restored by `json_populate_recordset`, so every value
// round-trips through PostgreSQL's own text forms).
//
// Archive layout: `tables/<table>.jsonl`, `files/<storage path>` (the evidence bytes, stored
// uncompressed) and `manifest.json` (format, migration level, tables and row counts, sequences,
// files). Restore refuses a database or evidence directory that is not empty, brings the empty
// database to the backup's migration level, inserts every row and sets every sequence in one
// transaction, and names the evidence files (checked against their rows' SHA-256) only after
// the commit.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import yauzl, { type Entry, type ZipFile as ZipReader } from 'yauzl';
import yazl from 'yazl';
import { migrationsFolder, type Db } from '../db/client.js';
import { rowsOf } from '../db/rows-of.js';
import { storedFileTableNames } from '../db/stored-file-tables.js';

export const BACKUP_FORMAT = 'fazhi-backup';
export const BACKUP_VERSION = 1;

/** Rows per cursor fetch and per insert statement. */
const CHUNK_ROWS = 1000;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: string;
  /** The schema's migration level: drizzle's applied migrations, oldest first. */
  migrations: { hash: string; createdAt: number }[];
  /** Every table of the public schema, in insert order, with its row count. */
  tables: { name: string; rows: number }[];
  /** Every sequence (identity columns included) with its position. */
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** Evidence files stored under `files/`; `missing` ones had a row but no file on disk. */
  files: { path: string; size: number }[];
  missing: string[];
}

/** A refusal the command prints as it is (no stack). */
export class BackupError extends Error {}

async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the public schema, parents before children (by foreign keys), else by name. */
export async function listTables(db: Db): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select child.relname as child, parent.relname as parent
        from pg_constraint c
        join pg_class child on child.oid = c.conrelid
        join pg_class parent on parent.oid = c.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !done.has(t.name) && [...parents.get(t.name)!].every((p) => done.has(p)),
    );
    if (!next) throw new BackupError('foreign keys between tables form a cycle');
    ordered.push(next.name);
    done.add(next.name);
  }
  return ordered;
}

async function listSequences(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname = 'public' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(db: Db): Promise<{ hash: string; createdAt: number }[]> {
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists[0]?.t) return [];
  const rows = await queryRows<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/**
 * `evidence/<county>/<participation, record or pilot meeting>/<id>.<ext>`: the only paths a backup
 * may carry.
 */
const evidencePath =
  /^evidence\/\d{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z]+$/;

/** Bytes of an evidence file: its final name, else the `.part` of a commit a crash cut short. */
async function readEvidence(dataDir: string, path: string): Promise<Buffer | null> {
  for (const candidate of [join(dataDir, path), `${join(dataDir, path)}.part`]) {
    try {
      return await readFile(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return null;
}

/**
 * Writes a backup of the database and the evidence files to `file` (refused when it exists).
 * The archive is written as `<file>.part` and renamed when complete.
 */
export async function backup(opts: {
  db: Db;
  driver: string;
  dataDir: string;
  file: string;
}): Promise<BackupManifest> {
  const partFile = `${opts.file}.part`;
  const zip = new yazl.ZipFile();
  // the archive holds password hashes and personal data: readable by its owner only
  const out = createWriteStream(partFile, { flags: 'wx', mode: 0o600 });
  let opened = false;
  out.once('open', () => (opened = true));
  const written = pipeline(zip.outputStream, out);
  written.catch(() => {});
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    driver: opts.driver,
    migrations: [],
    tables: [],
    sequences: [],
    files: [],
    missing: [],
  };
  const evidencePaths: string[] = [];
  try {
    if (await exists(opts.file)) throw new BackupError(`${opts.file} already exists`);
    await opts.db.transaction(
      async (tx) => {
        manifest.migrations = await appliedMigrations(tx);
        if (manifest.migrations.length === 0) {
          throw new BackupError('the database has no fazhi schema (no migrations applied)');
        }
        for (const table of await listTables(tx)) {
          const lines = new PassThrough();
          zip.addReadStream(lines, `tables/${table}.jsonl`);
          let rows = 0;
          await tx.execute(
            sql.raw(`declare backup_rows no scroll cursor for
                     select row_to_json(t)::text as r from ${quote(table)} t`),
          );
          for (;;) {
            const chunk = await queryRows<{ r: string }>(
              tx,
              sql.raw(`fetch forward ${CHUNK_ROWS} from backup_rows`),
            );
            if (chunk.length === 0) break;
            rows += chunk.length;
            if (storedFileTableNames.has(table)) {
              for (const { r } of chunk) {
                evidencePaths.push((JSON.parse(r) as { storage_path: string }).storage_path);
              }
            }
            const text = chunk.map((c) => `${c.r}\n`).join('');
            if (!lines.write(text)) await new Promise((r) => lines.once('drain', r));
          }
          await tx.execute(sql.raw('close backup_rows'));
          lines.end();
          manifest.tables.push({ name: table, rows });
        }
        for (const name of await listSequences(tx)) {
          const [row] = await queryRows<{ last_value: string; is_called: boolean }>(
            tx,
            sql.raw(`select last_value::text as last_value, is_called from ${quote(name)}`),
          );
          manifest.sequences.push({
            name,
            lastValue: row!.last_value,
            isCalled: row!.is_called,
          });
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    // Evidence files never change once named; each is read when the archive reaches it.
    for (const path of [...new Set(evidencePaths)].sort()) {
      if (!evidencePath.test(path)) {
        manifest.missing.push(path);
        continue;
      }
      zip.addReadStreamLazy(`files/${path}`, { compress: false }, (callback) => {
        readEvidence(opts.dataDir, path).then(
          (bytes) => {
            if (bytes) manifest.files.push({ path, size: bytes.length });
            else manifest.missing.push(path);
            callback(null, Readable.from(bytes ? [bytes] : []));
          },
          (error: unknown) => callback(error as Error, Readable.from([])),
        );
      });
    }
    // the manifest is read last, when every file has been counted
    zip.addReadStreamLazy('manifest.json', (callback) =>
      callback(null, Readable.from([JSON.stringify(manifest, null, 2)])),
    );
    zip.end();
    await written;
    await rename(partFile, opts.file);
    return manifest;
  } catch (error) {
    out.destroy();
    await written.catch(() => {});
    if (opened) await rm(partFile, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

function openZip(file: string): Promise<{ zip: ZipReader; entries: Map<string, Entry> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          return reject(
            new BackupError(`${file} ${missing ? 'does not exist' : 'is not a backup archive'}`),
          );
        }
        const entries = new Map<string, Entry>();
        zip.on('entry', (entry: Entry) => {
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve({ zip, entries }));
        zip.on('error', reject);
        zip.readEntry();
      },
    );
  });
}

function entryStream(zip: ZipReader, entry: Entry): Promise<Readable> {
  return zip.openReadStreamPromise(entry);
}

export interface RestoreResult {
  tables: { name: string; rows: number }[];
  files: number;
  missing: string[];
}

/**
 * Restores a backup into an empty database and an empty evidence directory. Refuses anything
 * else; on any failure nothing of the database is changed beyond the schema's migrations, and
 * no evidence file is left behind.
 */
export async function restore(opts: {
  db: Db;
  dataDir: string;
  file: string;
}): Promise<RestoreResult> {
  const { db } = opts;
  const { zip, entries } = await openZip(opts.file);
  const extracted: { path: string; part: string; sha256: string }[] = [];
  try {
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry) throw new BackupError(`${opts.file} is not a backup archive`);
    const manifest = JSON.parse(
      (await streamToBuffer(await entryStream(zip, manifestEntry))).toString('utf8'),
    ) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION) {
      throw new BackupError(`${opts.file} is not a backup of this format`);
    }

    // the target must be empty: no schema at all, and no evidence files
    const present = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    if (Number(present[0]!.n) > 0 || (await appliedMigrations(db)).length > 0) {
      throw new BackupError(
        'the database is not empty: restore into a new, empty database (for PostgreSQL a new database from createdb, for PGlite a new FAZHI_DATA_DIR)',
      );
    }
    if ((await listFiles(join(opts.dataDir, 'evidence'))).length > 0) {
      throw new BackupError(
        `the evidence directory ${join(opts.dataDir, 'evidence')} is not empty`,
      );
    }

    // bring the empty database to the backup's level (the next start migrates further)
    const known = readMigrationFiles({ migrationsFolder });
    const level = manifest.migrations.length;
    if (level > known.length || manifest.migrations.some((m, i) => m.hash !== known[i]!.hash)) {
      throw new BackupError(
        'the backup was made by a different version of fazhi (its migrations are not a prefix of this version’s): restore it with that version',
      );
    }
    await applyMigrations(db, known.slice(0, level));
    const tables = await listTables(db);
    const inBackup = new Set(manifest.tables.map((t) => t.name));
    if (tables.length !== inBackup.size || tables.some((t) => !inBackup.has(t))) {
      throw new BackupError('the backup’s tables do not match its migration level');
    }

    // the files first, as `.part`, hashed on the way
    for (const { path } of manifest.files) {
      const entry = entries.get(`files/${path}`);
      if (!evidencePath.test(path) || !entry) {
        throw new BackupError(`the backup lacks the evidence file ${path}`);
      }
      const part = `${join(opts.dataDir, path)}.part`;
      await mkdir(dirname(part), { recursive: true });
      const hash = createHash('sha256');
      const source = await entryStream(zip, entry);
      source.on('data', (chunk: Buffer) => hash.update(chunk));
      extracted.push({ path, part, sha256: '' });
      await pipeline(source, createWriteStream(part, { flags: 'wx' }));
      extracted[extracted.length - 1]!.sha256 = hash.digest('hex');
    }
    const hashes = new Map(extracted.map((f) => [f.path, f.sha256]));

    const restored: { name: string; rows: number }[] = [];
    await db.transaction(async (tx) => {
      // rows that the migrations seeded make way for the backup's
      await tx.execute(
        sql.raw(`truncate table ${tables.map(quote).join(', ')} restart identity cascade`),
      );
      for (const table of tables) {
        const entry = entries.get(`tables/${table}.jsonl`);
        if (!entry) throw new BackupError(`the backup lacks the table ${table}`);
        // every column but generated ones, by name
        const names = await queryRows<{ name: string }>(
          tx,
          sql`select column_name as name from information_schema.columns
              where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
              order by ordinal_position`,
        );
        const columns = names.map((c) => quote(c.name)).join(', ');
        // created last: lines emitted before the loop reads them would be lost
        const lines = createInterface({
          input: await entryStream(zip, entry),
          crlfDelay: Infinity,
        });
        let batch: string[] = [];
        let rows = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await tx.execute(
            sql`insert into ${sql.raw(quote(table))} (${sql.raw(columns)}) overriding system value
                select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(quote(table))}, ${`[${batch.join(',')}]`}::json)`,
          );
          rows += batch.length;
          batch = [];
        };
        for await (const line of lines) {
          if (line === '') continue;
          if (storedFileTableNames.has(table)) {
            const row = JSON.parse(line) as { storage_path: string; sha256: string };
            const got = hashes.get(row.storage_path);
            if (got !== undefined && got !== row.sha256) {
              throw new BackupError(`the evidence file ${row.storage_path} is damaged`);
            }
          }
          batch.push(line);
          if (batch.length >= CHUNK_ROWS) await flush();
        }
        await flush();
        const expected = manifest.tables.find((t) => t.name === table)!.rows;
        if (rows !== expected) {
          throw new BackupError(
            `the table ${table} holds ${rows} rows, the manifest says ${expected}`,
          );
        }
        restored.push({ name: table, rows });
      }
      const sequences = new Set(await listSequences(tx));
      for (const s of manifest.sequences) {
        if (!sequences.has(s.name)) continue;
        await tx.execute(
          sql`select setval(${quote(s.name)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`,
        );
      }
    });

    // committed: the files get their names
    for (const f of extracted) await rename(f.part, join(opts.dataDir, f.path));
    extracted.length = 0;
    return { tables: restored, files: manifest.files.length, missing: manifest.missing };
  } finally {
    zip.close();
    for (const f of extracted) await rm(f.part, { force: true });
  }
}

/** Applies these migrations (a prefix of the committed ones) to the database. */
async function applyMigrations(db: Db, migrations: MigrationMeta[]) {
  const internal = db as unknown as {
    dialect: { migrate(m: MigrationMeta[], session: unknown, config: object): Promise<void> };
    session: unknown;
  };
  await internal.dialect.migrate(migrations, internal.session, { migrationsFolder });
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const found = await readdir(dir, { recursive: true, withFileTypes: true });
    return found.filter((d) => d.isFile()).map((d) => d.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Checks that a file is a readable backup; returns its manifest (used by tests and tools). */
export async function readManifest(file: string): Promise<BackupManifest> {
  const { zip, entries } = await openZip(file);
  try {
    const entry = entries.get('manifest.json');
    if (!entry) throw new BackupError(`${file} is not a backup archive`);
    return JSON.parse((await streamToBuffer(await entryStream(zip, entry))).toString('utf8'));
  } finally {
    zip.close();
  }
}
