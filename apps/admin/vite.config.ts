import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes `<file>.br` and `<file>.gz` beside every built text file over 1 KB, so that the API
 * serves them compressed without compressing per request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'fazhi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/')
        ? config.build.outDir
        : join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file) || file.includes('/.vite/')) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
      }
    },
  };
}

/**
 * antd's form context (which every menu, tooltip, drawer and dialog reaches through antd's context
 * isolator) imports only `FormProvider` from @rc-component/form, but the package's index keeps
 * the whole form library with it (it attaches Field, List and useForm to the Form it exports).
 * Resolving that one import to the module that defines `FormProvider` keeps the form library
 * (about 13 KB gzip) off the pages that have no form, such as the dashboard.
 */
function formProviderOnly(): Plugin {
  return {
    name: 'fazhi-form-provider-only',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer) return null;
      if (!/antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

// Workspace packages resolve to their TypeScript source through the `@fazhi/source` condition.
export default defineConfig({
  plugins: [react(), formProviderOnly(), precompress()],
  resolve: { conditions: ['@fazhi/source', ...defaultClientConditions] },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
      '/public': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // read by scripts/first-screen.mjs (`pnpm bench`): which chunks each route loads
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // the menu (side navigation, dropdowns) only in the signed-in frame, not on the login page
          groups: [
            { name: 'rc-menu', test: /@rc-component[\\/](menu|overflow)[\\/]/ },
            // Typography's editing and copying: not on the login page
            { name: 'typography', test: /antd[\\/]es[\\/]typography[\\/]/ },
          ],
        },
      },
    },
  },
});
