import { defineConfig } from 'vitest/config';

export default defineConfig({
  // the library is pure: its test files share one worker's modules instead of importing it again
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], isolate: false },
});
