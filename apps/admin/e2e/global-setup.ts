// Builds the SPA once into apps/admin/dist (skipped when the build there is current, e.g. right
// after `pnpm build`); the browser tests serve it from the real API server.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { spaBuildIsCurrent } from '../../../scripts/spa-build.mjs';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Vitest sets NODE_ENV=test, which would give React's development build; build what ships.
 * `FAZHI_E2E_BUILD_MODE=development` builds React's and antd's development code instead, so that
 * their warnings reach the console (and fail the tests).
 */
export default async function setup() {
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
