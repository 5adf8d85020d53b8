// `pnpm start`: installs the dependencies and builds the SPA only when they are not current, then
// starts the API server (which serves the SPA). Plain Node.js with no dependencies: it runs before
// the first install.
//
// - install: skipped when node_modules/.fazhi-install-stamp (written after a successful install)
//   holds the hash of the lockfile, the workspace file and every package.json;
// - SPA build: skipped when apps/admin/dist/index.html is newer than every file the build reads
//   (scripts/spa-build.mjs).
//
// FAZHI_START_FORCE=1 installs and builds regardless.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spaBuildIsCurrent } from './spa-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.env.FAZHI_START_FORCE === '1';
const stampFile = join(root, 'node_modules', '.fazhi-install-stamp');

/** Runs pnpm with the arguments, inheriting the terminal; exits on failure. */
function pnpm(args) {
  // `pnpm start` sets npm_execpath to the pnpm that runs this script
  const execPath = process.env.npm_execpath;
  const viaNode = execPath && /pnpm\.c?js$/.test(execPath);
  const result = viaNode
    ? spawnSync(process.execPath, [execPath, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('pnpm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`pnpm ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

/** The workspace's package directories (pnpm-workspace.yaml lists apps/* and packages/*). */
function packageDirs() {
  const dirs = [root];
  for (const group of ['apps', 'packages']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(base, entry.name, 'package.json'))) {
        dirs.push(join(base, entry.name));
      }
    }
  }
  return dirs;
}

/** What the install depends on: the lockfile, the workspace file and every package.json. */
function installInputsHash() {
  const hash = createHash('sha256');
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']
    .map((f) => join(root, f))
    .concat(packageDirs().map((d) => join(d, 'package.json')));
  for (const file of files) {
    hash.update(`${file.slice(root.length)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '(none)');
    hash.update('\0');
  }
  hash.update(`node ${process.versions.modules} ${process.platform} ${process.arch}`);
  return hash.digest('hex');
}

function installIsCurrent(expected) {
  if (!existsSync(join(root, 'node_modules/.modules.yaml'))) return false;
  try {
    return readFileSync(stampFile, 'utf8').trim() === expected;
  } catch {
    return false;
  }
}

const started = performance.now();
const inputs = installInputsHash();
if (!force && installIsCurrent(inputs)) {
  console.log('dependencies are current (pnpm install skipped)');
} else {
  pnpm(['install']);
  // the install may have rewritten the lockfile: stamp what is there now
  writeFileSync(stampFile, `${installInputsHash()}\n`);
}
if (!force && spaBuildIsCurrent()) {
  console.log('the SPA build is current (apps/admin/dist; build skipped)');
} else {
  pnpm(['--filter', '@fazhi/admin', 'build']);
}
if (process.env.FAZHI_START_TIMING === '1') {
  console.log(`checks and builds: ${Math.round(performance.now() - started)} ms`);
}

// the API server, as `pnpm --filter @fazhi/api start` would run it, without a second pnpm
const api = join(root, 'apps/api');
const tsxCli = join(api, 'node_modules/tsx/dist/cli.mjs');
const child = existsSync(tsxCli)
  ? spawn(process.execPath, [tsxCli, '--conditions=@fazhi/source', 'src/main.ts'], {
      cwd: api,
      stdio: 'inherit',
    })
  : spawn('pnpm', ['--filter', '@fazhi/api', 'start'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
