/**
 * Packaging: build the library, `pnpm pack` it, install the tarball with npm in a fresh directory
 * outside the workspace, and score an assessment from a plain Node ESM script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const temporary: string[] = [];

function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function run(file: string, args: string[], cwd: string): string {
  return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const script = `
import { builtinFrameworks, scoreAssessment, validateFramework, frameworkJsonSchema } from '@fazhi/domain';
const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026');
const result = scoreAssessment(demo, {
  items: { 'A1.6': ['meetings', 'study', 'rewards', 'integrity', 'finance', 'democratic-finance'], 'A1.8': 2 },
  vetoes: [],
});
const a18 = result.scorecard.areas[0].items.find((i) => i.code === 'A1.8');
console.log(JSON.stringify({
  ok: result.ok,
  total: result.scorecard.total,
  missing: result.scorecard.missing.length,
  explanation: a18.explanation.zh,
  frameworks: builtinFrameworks.map((f) => f.code),
  valid: validateFramework(JSON.parse(JSON.stringify(demo))).ok,
  schema: frameworkJsonSchema.$schema,
}));
`;

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the packed @fazhi/domain tarball', () => {
  it('installs with npm outside the workspace and scores from a plain Node ESM script', () => {
    run('pnpm', ['run', 'build'], packageDir);
    const packDir = temporaryDir('fazhi-pack-');
    run('pnpm', ['pack', '--pack-destination', packDir], packageDir);
    const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^fazhi-domain-.*\.tgz$/);

    const appDir = temporaryDir('fazhi-consumer-');
    writeFileSync(
      join(appDir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', join(packDir, tarball!)],
      appDir,
    );
    writeFileSync(join(appDir, 'score.mjs'), script);
    const output = JSON.parse(run('node', ['score.mjs'], appDir)) as unknown;

    expect(output).toEqual({
      ok: true,
      total: 4, // 3 (six 0.5-point rules) + 1 (2 − 2 × 0.5)
      missing: 38,
      explanation: '缺少2项会议记录，每项扣0.5分，得1分',
      frameworks: ['national-guiding-standard-template', 'demo-county-2026'],
      valid: true,
      schema: 'https://json-schema.org/draft/2020-12/schema',
    });
  }, 120_000);
});
