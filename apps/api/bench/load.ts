// `pnpm load`: simulated users with think time against the real server on 127.0.0.1, for a set
// time, then p50/p95/p99 per action, errors and the server's memory over the run.
//
// The server (src/main.ts, its own process) runs on a fresh PostgreSQL database with the demo
// county; the script adds the simulated users (clerks of their own village, township officers,
// county staff) and gives each clerk a sheet of their own at self-assessment in the demo's 自评
// campaign. Each user logs in once, then sends one request every 2–5 s from the mix of a
// campaign's busiest week: clerks read and save their sheet and look at 待办; township officers
// and county staff page through participations, open the ranking, results and 待办.
//
//   LOAD_USERS (200), LOAD_SECONDS (300), LOAD_DATABASE_URL (else BENCH_/TEST_DATABASE_URL, else
//   the local server). Only 127.0.0.1 is ever targeted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import type { Framework } from '@fazhi/domain';
import { DEMO_CLERK_VILLAGE, DEMO_SELF_ASSESS_CAMPAIGN } from '../src/demo/demo-rounds.js';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { sampleAnswers } from '../src/demo/sample-answers.js';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const THINK_MS: [number, number] = [2000, 5000];
const LIMIT_P99_MS = 300;
const HOST = '127.0.0.1';

const adminUrl =
  process.env.LOAD_DATABASE_URL ??
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const apiDir = resolve(import.meta.dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---- the database and the server ---------------------------------------------------------------

const name = `fazhi_load_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${name}`;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-load-'));
const port = await freePort();
const base = `http://${HOST}:${port}`;

const server = spawn(
  process.execPath,
  ['--import', 'tsx', '--conditions=@fazhi/source', 'src/main.ts'],
  {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: dbUrl.toString(),
      FAZHI_DATA_DIR: dataDir,
      FAZHI_STATIC_DIR: join(dataDir, 'no-spa'),
      FAZHI_DEMO: 'true',
      FAZHI_LOG_LEVEL: 'warn',
      HOST,
      PORT: String(port),
      // every simulated user logs in from this one address
      FAZHI_LOGIN_FAILURES_PER_ADDRESS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let serverLog = '';
server.stdout.on('data', (d: Buffer) => (serverLog += d.toString()));
server.stderr.on('data', (d: Buffer) => (serverLog += d.toString()));

const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });

async function cleanUp() {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
  await sql.end();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  const startedAt = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${serverLog}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - startedAt > 180_000) throw new Error(`no answer:\n${serverLog}`);
    await sleep(250);
  }
  console.log(
    `server up on ${base} (demo county) in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
  );

  // ---- simulated users ---------------------------------------------------------------------------
  const [template] = await sql<{ campaign_id: string; state: string; sheet: unknown }[]>`
    select p.campaign_id, p.state, p.sheet from participations p
    join campaigns c on c.id = p.campaign_id
    where c.name = ${DEMO_SELF_ASSESS_CAMPAIGN} and p.village_code = ${DEMO_CLERK_VILLAGE}`;
  if (!template) throw new Error('the demo self-assessment campaign is missing');
  const campaignId = template.campaign_id;
  const [{ password_hash: passwordHash } = { password_hash: '' }] = await sql<
    { password_hash: string }[]
  >`select password_hash from users where username = 'clerk'`;
  const [framework] = await sql<{ definition: Framework }[]>`
    select f.definition from frameworks f join campaigns c on c.framework_id = f.id where c.id = ${campaignId}`;

  const itemCodes = framework!.definition.areas.flatMap((a) => a.items.map((i) => i.code));
  const clerks = Math.round(USERS * 0.7);
  const officers = Math.round(USERS * 0.2);
  const county = USERS - clerks - officers;
  const villages = await sql<{ code: string; parent_code: string }[]>`
    select code, parent_code from divisions
    where county_code = ${DEMO_COUNTY_CODE} and level = 'village' order by code limit ${clerks}`;
  const townships = await sql<{ code: string }[]>`
    select code from divisions where county_code = ${DEMO_COUNTY_CODE} and level = 'township' order by code`;
  if (villages.length < clerks) throw new Error(`only ${villages.length} demo villages`);

  // each clerk's village holds a sheet at self-assessment, like the demo clerk's
  await sql`
    insert into participations (county_code, campaign_id, village_code, township_code, state, sheet)
    select ${DEMO_COUNTY_CODE}, ${campaignId}, v.code, v.parent_code, ${template.state}, ${sql.json(template.sheet as never)}
    from divisions v where v.code in ${sql(villages.map((v) => v.code))}
    on conflict on constraint participations_subject
    do update set state = excluded.state, sheet = excluded.sheet`;

  type Role = 'clerk' | 'township' | 'county';
  const people: { username: string; role: Role; village?: string }[] = [];
  const rows = [];
  for (let i = 0; i < USERS; i++) {
    const role: Role = i < clerks ? 'clerk' : i < clerks + officers ? 'township' : 'county';
    const username = `load_${role}_${i}`;
    const scope =
      role === 'clerk'
        ? villages[i]!.code
        : role === 'township'
          ? townships[i % townships.length]!.code
          : DEMO_COUNTY_CODE;
    people.push({ username, role, village: role === 'clerk' ? scope : undefined });
    rows.push({
      username,
      display_name: `压测用户${i}`,
      password_hash: passwordHash,
      role:
        role === 'clerk'
          ? 'village_clerk'
          : role === 'township'
            ? 'township_officer'
            : 'county_admin',
      scope_code: scope,
      county_code: DEMO_COUNTY_CODE,
    });
  }
  await sql`insert into users ${sql(rows)}`;
  const participationOf = new Map(
    (
      await sql<{ id: string; village_code: string }[]>`
        select id, village_code from participations where campaign_id = ${campaignId}`
    ).map((r) => [r.village_code, r.id]),
  );
  await sql`analyze`;

  // ---- the run -----------------------------------------------------------------------------------
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const errorSamples: string[] = [];
  const origin = base;

  async function call(
    action: string,
    cookie: string,
    path: string,
    input: unknown,
    mutation = false,
  ): Promise<unknown> {
    const t = performance.now();
    let ok = false;
    let body: unknown;
    try {
      const response = mutation
        ? await fetch(`${base}/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, origin },
            body: JSON.stringify(input),
          })
        : await fetch(
            `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
            { headers: { cookie } },
          );
      body = await response.json();
      ok = response.ok;
      if (!ok && errorSamples.length < 5)
        errorSamples.push(`${action}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    } catch (error) {
      if (errorSamples.length < 5) errorSamples.push(`${action}: ${String(error)}`);
    }
    const ms = performance.now() - t;
    if (ok) {
      const list = latencies.get(action) ?? [];
      list.push(ms);
      latencies.set(action, list);
    } else errors.set(action, (errors.get(action) ?? 0) + 1);
    return ok ? (body as { result: { data: unknown } }).result.data : undefined;
  }

  const pick = <T>(weighted: [number, T][]): T => {
    let r = Math.random() * weighted.reduce((s, [w]) => s + w, 0);
    for (const [w, v] of weighted) if ((r -= w) < 0) return v;
    return weighted.at(-1)![1];
  };

  const deadline = { at: 0 };
  async function user(person: (typeof people)[number], index: number) {
    await sleep(between([0, THINK_MS[1]]));
    const loginT = performance.now();
    const response = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ username: person.username, password: DEMO_PASSWORD }),
    });
    const cookie = (response.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    if (!response.ok) {
      errors.set('auth.login', (errors.get('auth.login') ?? 0) + 1);
      if (errorSamples.length < 5)
        errorSamples.push(`login: ${response.status} ${await response.text()}`);
      return;
    }
    (latencies.get('auth.login') ?? latencies.set('auth.login', []).get('auth.login')!).push(
      performance.now() - loginT,
    );
    const participationId = person.village ? participationOf.get(person.village) : undefined;
    let version: number | undefined;
    let seed = index * 1000;
    while (performance.now() < deadline.at) {
      await sleep(between(THINK_MS));
      if (performance.now() >= deadline.at) break;
      if (person.role === 'clerk' && participationId) {
        const action = pick<'get' | 'save' | 'todo' | 'notices'>([
          [45, 'get'],
          [30, 'save'],
          [15, 'todo'],
          [10, 'notices'],
        ]);
        if (action === 'get' || version === undefined) {
          const detail = (await call('participations.get', cookie, 'participations.get', {
            id: participationId,
          })) as { participation: { version: number } } | undefined;
          version = detail?.participation.version ?? version;
        } else if (action === 'save') {
          const { items, vetoes } = sampleAnswers(framework!.definition, 0.9, seed++);
          // answers that differ from the village's records (来自台账) carry a reason, as a clerk's must
          const overrides = Object.fromEntries(
            itemCodes.map((code) => [code, '按村里核实的情况填写']),
          );
          const saved = (await call(
            'participations.saveSheet',
            cookie,
            'participations.saveSheet',
            {
              id: participationId,
              version,
              column: 'self',
              data: { items, vetoes, comments: {}, overrides },
            },
            true,
          )) as { version: number } | undefined;
          version = saved?.version;
        } else if (action === 'todo')
          await call('dashboard.todo', cookie, 'dashboard.todo', undefined);
        else await call('dashboard.notices', cookie, 'dashboard.notices', undefined);
      } else {
        const action = pick<'list' | 'ranking' | 'results' | 'todo'>(
          person.role === 'township'
            ? [
                [40, 'list'],
                [25, 'ranking'],
                [10, 'results'],
                [25, 'todo'],
              ]
            : [
                [30, 'list'],
                [30, 'ranking'],
                [25, 'results'],
                [15, 'todo'],
              ],
        );
        if (action === 'list')
          await call('participations.list', cookie, 'participations.list', {
            campaignId,
            page: 1 + Math.floor(Math.random() * 3),
            pageSize: 20,
          });
        else if (action === 'ranking')
          await call('campaigns.ranking', cookie, 'campaigns.ranking', { id: campaignId });
        else if (action === 'results')
          await call('campaigns.results', cookie, 'campaigns.results', { id: campaignId });
        else await call('dashboard.todo', cookie, 'dashboard.todo', undefined);
      }
    }
  }

  const rss: { at: number; mb: number }[] = [];
  const runStart = performance.now();
  deadline.at = runStart + SECONDS * 1000;
  const sampler = setInterval(
    () => rss.push({ at: (performance.now() - runStart) / 1000, mb: rssMb(server.pid!) }),
    5000,
  );
  console.log(
    `${USERS} users (${clerks} clerks, ${officers} township officers, ${county} county staff), think time ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s, ${SECONDS} s`,
  );
  await Promise.all(people.map((p, i) => user(p, i)));
  clearInterval(sampler);

  // ---- the figures -------------------------------------------------------------------------------
  const all: number[] = [];
  console.log('\naction                       requests   p50 ms   p95 ms   p99 ms  errors');
  for (const action of [...new Set([...latencies.keys(), ...errors.keys()])].sort()) {
    const list = (latencies.get(action) ?? []).sort((a, b) => a - b);
    if (action !== 'auth.login') all.push(...list);
    console.log(
      `${action.padEnd(28)} ${String(list.length).padStart(8)} ${percentile(list, 50).toFixed(1).padStart(8)} ${percentile(list, 95).toFixed(1).padStart(8)} ${percentile(list, 99).toFixed(1).padStart(8)} ${String(errors.get(action) ?? 0).padStart(7)}`,
    );
  }
  all.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((s, n) => s + n, 0);
  const p99 = percentile(all, 99);
  const minute = Math.min(60, SECONDS / 3);
  const early = rss.filter((s) => s.at <= minute).map((s) => s.mb);
  const late = rss.filter((s) => s.at >= SECONDS - minute).map((s) => s.mb);
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const seconds = (performance.now() - runStart) / 1000;
  console.log(
    `\nall requests after login: ${all.length} in ${seconds.toFixed(0)} s (${(all.length / seconds).toFixed(1)}/s), p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (limit ${LIMIT_P99_MS} ms: ${p99 < LIMIT_P99_MS ? 'met' : 'NOT met'}), errors ${errorCount} (limit 0: ${errorCount === 0 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `server RSS: first ${minute.toFixed(0)} s ${avg(early).toFixed(0)} MB, last ${minute.toFixed(0)} s ${avg(late).toFixed(0)} MB, peak ${Math.max(...rss.map((s) => s.mb)).toFixed(0)} MB (stable if the last is within 1.2× of the first: ${avg(late) <= avg(early) * 1.2 ? 'met' : 'NOT met'})`,
  );
  for (const sample of errorSamples) console.log(`error: ${sample}`);
} finally {
  await cleanUp();
}
