// Prints the gzip JavaScript of the first screens, measured from the built files the pages
// load: the module scripts and modulepreload links of dist/index.html, plus the lazy route
// chunks (and everything they import statically) that the login page and the dashboard load.
// Reads dist/.vite/manifest.json (build.manifest in vite.config.ts). Run after `vite build`;
// with --strict, exits non-zero when a first screen exceeds the budget; with --files, prints the
// counted files instead.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * A source module's manifest entry: its own (an entry or lazy route), or else the one chunk
 * named after it (a module also reached through a tree-shaken static import, such as a feature's
 * translation table, has a chunk of its own name but no entry of its own).
 */
function entryOf(source) {
  if (manifest[source]) return manifest[source];
  const name = basename(source).replace(/\.[^.]+$/, '');
  const named = Object.values(manifest).filter((entry) => entry.name === name);
  if (named.length !== 1) throw new Error(`${source} is not in the build manifest`);
  return named[0];
}

/** A source module's chunk and every chunk it imports statically. */
function chunksOf(source, into = new Set()) {
  const entry = entryOf(source);
  if (into.has(entry.file)) return into;
  into.add(entry.file);
  for (const imported of entry.imports ?? []) chunksOf(imported, into);
  return into;
}

// what each first screen's routes load (src/router.tsx): the page code, and the features'
// translation tables the route waits for (its `routeTables`, src/i18n/feature-tables.ts)
const routes = {
  login: ['src/features/auth/login-page.tsx'],
  dashboard: [
    'src/features/layout/app-layout.tsx',
    'src/features/dashboard/dashboard-page.tsx',
    'src/i18n/campaign-phase-resources.ts',
  ],
};

/** The files each first screen loads. */
const screens = Object.fromEntries(
  Object.entries(routes).map(([name, sources]) => {
    const files = new Set(fromHtml);
    for (const source of sources) chunksOf(source, files);
    return [name, files];
  }),
);

// --files: the counted files as JSON (the browser test e2e/first-screen.test.ts compares them
// with the scripts Chromium really loads)
if (process.argv.includes('--files')) {
  console.log(
    JSON.stringify(Object.fromEntries(Object.entries(screens).map(([n, f]) => [n, [...f]]))),
  );
  process.exit(0);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let over = false;
for (const [name, files] of Object.entries(screens)) {
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
