#!/usr/bin/env node
// Runs every test suite of the workspace and prints the totals as the last line:
// "N passed, N failed". Browser tests run when Chromium is installed (CHROMIUM_PATH or
// /usr/bin/chromium); otherwise they are reported as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suites = [
  { name: '@fazhi/domain', dir: 'packages/domain', args: [] },
  { name: '@fazhi/api', dir: 'apps/api', args: [] },
  { name: '@fazhi/admin', dir: 'apps/admin', args: [] },
  {
    name: '@fazhi/admin (browser)',
    dir: 'apps/admin',
    args: ['--config', 'vitest.browser.config.ts'],
    needsChromium: true,
  },
];

const only = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

for (const suite of suites) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
  if (suite.needsChromium && !existsSync(chromium)) {
    console.log(`\n— ${suite.name}: skipped, Chromium not found at ${chromium}`);
    continue;
  }
  const report = join(out, `${suite.name.replace(/[^a-z]+/gi, '_')}.json`);
  console.log(`\n— ${suite.name}`);
  const run = spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      ...suite.args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: join(root, suite.dir), stdio: 'inherit', env: process.env },
  );
  if (!existsSync(report)) {
    console.log(`${suite.name}: no report (exit ${run.status})`);
    broken = true;
    failed += 1;
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  if (run.status !== 0 && result.numFailedTests === 0) {
    // a suite that failed to load, or an unhandled error
    broken = true;
    failed += Math.max(1, result.numFailedTestSuites);
  }
}
rmSync(out, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken ? 1 : 0);
