// `pnpm bench` (API part): times the campaign ranking and a score-sheet save, then imports a
// national-size division file into PostgreSQL and prints rows per second. Uses BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server;
// the benchmark creates and drops its own database there.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { Scope } from '../src/auth/scope.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { nationalDivisionsCsv } from './national-divisions.js';
import { benchCampaigns } from './campaigns.js';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const name = `fazhi_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
const scope = new Scope('000000000000', 'system_admin');

try {
  await database.migrate();
  await benchCampaigns(database);
  await database.db.execute(
    sql`truncate table participations, campaigns, users, divisions cascade`,
  );
  let t = performance.now();
  const { csv, rows } = nationalDivisionsCsv();
  console.log(
    `generated ${rows.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  for (const label of ['first import (all new)', 're-import (nothing changes)']) {
    t = performance.now();
    const result = await database.db.transaction((tx) => importDivisions({ db: tx, csv, scope }));
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `divisions import, ${label}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ` +
        `${Math.round(rows / seconds).toLocaleString('en')} rows/s ` +
        `(inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}; target < 60 s)`,
    );
  }
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
