import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Browser tests: build the SPA once, then drive Debian's Chromium against the real API.
export default defineConfig({
  resolve: { conditions: ['@fazhi/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@fazhi/source', ...defaultServerConditions] } },
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // one after another in one worker sharing its modules: the database and Chromium are started
    // once for the run (e2e/harness.ts), each file starts from the demo county as seeded
    isolate: false,
    // a page on a loaded machine may take seconds to show what a step waits for: `expect.poll`
    // waits up to 15 s (not vitest's 1 s) unless the step says otherwise
    expect: { poll: { timeout: 15_000 } },
  },
});
