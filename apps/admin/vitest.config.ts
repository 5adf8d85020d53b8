import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Unit tests of pure modules (no DOM): i18n resources, error helpers, role rules.
export default defineConfig({
  resolve: { conditions: ['@fazhi/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@fazhi/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
