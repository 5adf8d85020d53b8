import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages resolve to their TypeScript source through the `@fazhi/source` condition.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@fazhi/source', ...defaultClientConditions] },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
