// `pnpm bench` (API part): times the campaign ranking and a score-sheet save (5,000 villages, then
// a national-size campaign of 600,000 in bench/ranking.ts), the mediation statistics of a county
// with 200,000 cases (bench/mediation.ts), the national rollup by province of 30 million cases
// (bench/national-mediation.ts), then imports a
// national-size division file into PostgreSQL beside COPY of the same file (bench/divisions-import.ts). Uses BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server;
// the benchmark creates and drops its own database there.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import { benchDivisionsImport } from './divisions-import.js';
import { benchCampaigns } from './campaigns.js';
import { benchNationalRanking } from './ranking.js';
import { benchMediation } from './mediation.js';
import { benchNationalMediation } from './national-mediation.js';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/**
 * `BENCH_ONLY=divisions,ranking` runs only those parts (campaigns, ranking, mediation,
 * national-mediation, divisions); all of them by default.
 */
const parts = ['campaigns', 'ranking', 'mediation', 'national-mediation', 'divisions'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const unknown = only.filter((part) => !(parts as readonly string[]).includes(part));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (parts: ${parts.join(', ')})`);
  process.exit(2);
}
const runs = (part: (typeof parts)[number]) => only.length === 0 || only.includes(part);

const name = `fazhi_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), postgres: { statementTimeoutMs: 0 } });

try {
  await database.migrate();
  // the built-in frameworks the campaign parts score with, whichever parts run
  await ensureBuiltinFrameworks(database.db);
  if (runs('campaigns')) await benchCampaigns(database);
  if (runs('ranking')) await benchNationalRanking(database, url.toString());
  await database.db.execute(
    sql`truncate table participations, campaigns, users, divisions, audit_events cascade`,
  );
  if (runs('mediation')) await benchMediation(database);
  await database.db.execute(
    sql`truncate table mediation_cases, mediation_monthly, divisions cascade`,
  );
  if (runs('national-mediation')) await benchNationalMediation(database, url.toString());
  if (runs('divisions')) await benchDivisionsImport(url.toString());
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
