import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The same suite runs on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
const drivers = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  resolve: { conditions: ['@fazhi/source'] },
  ssr: { resolve: { conditions: ['@fazhi/source'] } },
  test: {
    // limits against a test that hangs, not speed checks: beside the browser tests (pnpm test runs
    // this suite niced) a test can take four or five times as long as alone
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The files of a project share one worker's modules instead of importing the whole API again
    // for each (importing was most of a small file's time). Every file opens its own database, and
    // the process keeps no state that depends on one (the framework cache holds stored frameworks,
    // which never change, by id).
    isolate: false,
    // at least two files at once, even on two cores (vitest's default there is one): a PGlite
    // file keeps its worker's core busy while a PostgreSQL file waits on the server's
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // each project (driver) prepares its test databases once: test/global-setup.ts
    globalSetup: ['test/global-setup.ts'],
    projects: drivers.map((driver) => ({
      extends: true,
      test: {
        name: driver,
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        env: { FAZHI_TEST_DRIVER: driver },
      },
    })),
  },
});
