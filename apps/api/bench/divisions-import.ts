// The national division import (747,441 rows) beside its limit measured in the same run: COPY of
// the same file into a table with the same indexes. The import runs in a child process (the
// `divisions:import` path: read, decode, one transaction) so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { nationalDivisionsCsv } from './national-divisions.js';

interface ChildResult {
  seconds: number;
  result: { total: number; inserted: number; updated: number; unchanged: number };
  maxRssMb: number;
}

function runImport(url: string, file: string): ChildResult {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@fazhi/source', 'bench/import-child.ts', file],
    {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
  const last = run.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as ChildResult;
}

async function copyOnce(url: string, file: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`drop table if exists copy_limit`;
    await sql`create table copy_limit (like divisions including defaults including indexes)`;
    await sql`alter table copy_limit alter column level drop not null`;
    const started = performance.now();
    const writable = await sql`
      copy copy_limit (code, name, urban_rural_code) from stdin with (format csv, header true)
    `.writable();
    await pipeline(createReadStream(file), writable);
    const seconds = (performance.now() - started) / 1000;
    await sql`drop table copy_limit`;
    return seconds;
  } finally {
    await sql.end();
  }
}

export async function benchDivisionsImport(url: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  try {
    const { csv, rows } = nationalDivisionsCsv();
    const file = join(dir, 'divisions.csv');
    writeFileSync(file, csv);
    const copySeconds = await copyOnce(url, file);
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `divisions: COPY of the ${rows.toLocaleString('en')}-row file (${(csv.length / 1e6).toFixed(1)} MB) ` +
        `into a table with the same indexes: ${fmt(copySeconds)} s (the limit)`,
    );
    for (const [label, limit] of [
      ['first import (all new)', 2],
      ['re-import (nothing changes)', 1.5],
    ] as const) {
      const child = runImport(url, file);
      const ratio = child.seconds / copySeconds;
      console.log(
        `divisions import, ${label}: ${fmt(child.seconds)} s = ` +
          `${Math.round(rows / child.seconds).toLocaleString('en')} rows/s, ` +
          `${ratio.toFixed(2)}× COPY (target ≤ ${limit}×) ${ratio <= limit ? 'ok' : 'OVER'}; ` +
          `peak RSS ${Math.round(child.maxRssMb)} MB (target < 300 MB) ` +
          `${child.maxRssMb < 300 ? 'ok' : 'OVER'} ` +
          `(inserted ${child.result.inserted}, updated ${child.result.updated}, ` +
          `unchanged ${child.result.unchanged})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
