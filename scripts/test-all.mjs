#!/usr/bin/env node
// Runs every test suite of the workspace and prints the totals as the last line:
// "N passed, N failed". Browser tests run when Chromium is installed (CHROMIUM_PATH or
// /usr/bin/chromium); otherwise they are reported as skipped.
//
// The browser tests run beside the domain, API and SPA unit tests, each suite's output printed
// whole when it ends. The others run niced: Chromium's renderer, which the browser tests wait on,
// takes a core whenever it wants one, and they use what it leaves. FAZHI_TEST_LANES=1 runs the
// suites one after another, printing as they go.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const oneLane = process.env.FAZHI_TEST_LANES === '1';
const lanes = [
  [
    { name: '@fazhi/domain', dir: 'packages/domain', args: [] },
    { name: '@fazhi/api', dir: 'apps/api', args: [] },
    { name: '@fazhi/admin', dir: 'apps/admin', args: [] },
  ],
  [
    {
      name: '@fazhi/admin (browser)',
      dir: 'apps/admin',
      args: ['--config', 'vitest.browser.config.ts'],
      needsChromium: true,
    },
  ],
];

const only = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
const totals = { passed: 0, failed: 0, skipped: 0, broken: false };
/** Each failed test (or file that failed to load), named again above the totals. */
const failures = [];

function seconds(since) {
  return `${Math.round((performance.now() - since) / 1000)} s`;
}

/** Runs one suite's vitest; resolves with its exit status once its report is written. */
function runVitest(suite, report, log) {
  return new Promise((done) => {
    // beside the browser tests, the other suites yield the cores to Chromium's renderer
    const yields = !oneLane && !suite.needsChromium;
    const [command, ...prefix] = yields ? ['nice', '-n', '15', 'pnpm'] : ['pnpm'];
    const child = spawn(
      command,
      [
        ...prefix,
        'exec',
        'vitest',
        'run',
        ...suite.args,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      {
        cwd: join(root, suite.dir),
        stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        env: process.env,
      },
    );
    if (log) {
      const file = createWriteStream(log);
      child.stdout.pipe(file, { end: false });
      child.stderr.pipe(file, { end: false });
      child.on('close', (status) => file.end(() => done(status)));
    } else {
      child.on('close', (status) => done(status));
    }
  });
}

async function runSuite(suite) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) return;
  if (suite.needsChromium && !existsSync(chromium)) {
    console.log(`\n— ${suite.name}: skipped, Chromium not found at ${chromium}`);
    return;
  }
  const slug = suite.name.replace(/[^a-z]+/gi, '_');
  const report = join(out, `${slug}.json`);
  const log = oneLane ? undefined : join(out, `${slug}.log`);
  const started = performance.now();
  if (oneLane) console.log(`\n— ${suite.name}`);
  else console.log(`— ${suite.name}: started`);
  const status = await runVitest(suite, report, log);
  if (log) {
    console.log(`\n— ${suite.name} (${seconds(started)})`);
    process.stdout.write(readFileSync(log, 'utf8'));
  }
  if (!existsSync(report)) {
    console.log(`${suite.name}: no report (exit ${status})`);
    totals.broken = true;
    totals.failed += 1;
    return;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const named = failures.length;
  for (const file of result.testResults ?? []) {
    const path = file.name.slice(root.length + 1);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failed) failures.push(`${suite.name}: ${path} › ${test.fullName}`);
    if (failed.length === 0 && file.status === 'failed') {
      failures.push(`${suite.name}: ${path} (${(file.message ?? 'failed to run').split('\n')[0]})`);
    }
  }
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  if (status !== 0 && result.numFailedTests === 0) {
    // a suite that failed to load, or an unhandled error
    totals.broken = true;
    totals.failed += Math.max(1, result.numFailedTestSuites);
    if (failures.length === named)
      failures.push(`${suite.name}: exit ${status} with no failed test`);
  }
}

async function runLane(lane) {
  for (const suite of lane) await runSuite(suite);
}

const started = performance.now();
if (oneLane) await runLane(lanes.flat());
else await Promise.all(lanes.map(runLane));
rmSync(out, { recursive: true, force: true });
console.log(`\nall suites: ${seconds(started)}`);
const { passed, failed, skipped } = totals;
if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
if (skipped > 0) console.log(`\n${skipped} skipped`);
console.log(`\n${passed} passed, ${failed} failed`);
// not process.exit(): on a pipe, stdout is written asynchronously, and exiting at once would cut
// off the end of the last suite's output and the totals line after it
process.exitCode = failed > 0 || totals.broken ? 1 : 0;
