// Once per run: the SPA's production build in apps/admin/dist (skipped when it is current, e.g.
// right after `pnpm build`), and the demo county's database as a dumped PGlite data directory,
// so that each test file starts its own copy instead of migrating and seeding one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { openDatabase, seedDemo } from '@fazhi/api';
import { spaBuildIsCurrent } from '../../../scripts/spa-build.mjs';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data directory (a file path) holding the migrated demo county. */
    demoImage: string;
  }
}

/**
 * Vitest sets NODE_ENV=test, which would give React's development build; build what ships.
 * `FAZHI_E2E_BUILD_MODE=development` builds React's and antd's development code instead, so that
 * their warnings reach the console (and fail the tests).
 */
async function buildSpa() {
  const mode = process.env.FAZHI_E2E_BUILD_MODE === 'development' ? 'development' : 'production';
  if (mode === 'production' && spaBuildIsCurrent()) return;
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    await build({
      root: appDir,
      configFile: resolve(appDir, 'vite.config.ts'),
      logLevel: 'warn',
      mode,
      ...(mode === 'development' ? { build: { minify: false } } : {}),
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

async function demoImage(dir: string) {
  const database = await openDatabase({});
  await database.migrate();
  await seedDemo(database.db);
  const file = join(dir, 'demo.tar');
  writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  return file;
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-image-'));
  const [, image] = await Promise.all([buildSpa(), demoImage(dir)]);
  project.provide('demoImage', image);
  return () => rmSync(dir, { recursive: true, force: true });
}
