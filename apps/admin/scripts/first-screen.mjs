// Prints the gzip JavaScript of the first screens, measured from the built files the pages
// load: the module scripts and modulepreload links of dist/index.html, plus the lazy route
// chunks (and everything they import statically) that the login page and the dashboard load.
// Reads dist/.vite/manifest.json (build.manifest in vite.config.ts). Run after `vite build`;
// with --strict, exits non-zero when a first screen exceeds the budget.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 300 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/** The JS files index.html loads: module scripts and modulepreload links. */
const fromHtml = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
].map((m) => m[1]);

/** A source module's chunk and every chunk it imports statically. */
function chunksOf(source, into = new Set()) {
  const entry = manifest[source];
  if (!entry) throw new Error(`${source} is not in the build manifest`);
  if (into.has(entry.file)) return into;
  into.add(entry.file);
  for (const imported of entry.imports ?? []) chunksOf(imported, into);
  return into;
}

const routes = {
  login: ['src/features/auth/login-page.tsx'],
  dashboard: ['src/features/layout/app-layout.tsx', 'src/features/dashboard/dashboard-page.tsx'],
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let over = false;
for (const [name, sources] of Object.entries(routes)) {
  const files = new Set(fromHtml);
  for (const source of sources) chunksOf(source, files);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  const ok = gzip <= BUDGET_GZIP_BYTES;
  over ||= !ok;
  console.log(
    `first screen ${name.padEnd(9)} ${String(files.size).padStart(2)} JS files: ` +
      `${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli ` +
      `(budget ${kb(BUDGET_GZIP_BYTES)} gzip: ${ok ? 'ok' : 'OVER'})`,
  );
}
if (over && process.argv.includes('--strict')) process.exitCode = 1;
