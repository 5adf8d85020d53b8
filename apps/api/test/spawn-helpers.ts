// Starting the real commands (the server, the CLI) as child processes, on a database of their own:
// a PGlite directory, or a fresh PostgreSQL database when the file runs in the postgres project.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/db/client.js';
import { driver } from './harness.js';

export const apiDir = resolve(import.meta.dirname, '..');
const tsx = resolve(apiDir, 'node_modules/.bin/tsx');

export interface Target {
  /** Environment for a child process: DATABASE_URL or FAZHI_DATA_DIR. */
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** A fresh, empty database (and data directory) for child processes. */
export async function freshTarget(kind: 'pglite' | 'postgres' = driver): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-spawn-'));
  if (kind === 'pglite') {
    const pgliteDir = join(dataDir, 'pglite');
    return {
      env: { FAZHI_DATA_DIR: pgliteDir },
      dataDir: pgliteDir,
      open: () => openDatabase({ dataDir: pgliteDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const name = `fazhi_spawn_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), FAZHI_DATA_DIR: dataDir },
    dataDir,
    open: () => openDatabase({ url: url.toString() }),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The environment of a child: the parent's without database or test settings, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k.startsWith('FAZHI_') ||
      k === 'DATABASE_URL' ||
      k.startsWith('VITEST') ||
      k === 'NODE_ENV'
    )
      continue;
    env[k] = v;
  }
  return { ...env, FAZHI_LOG_LEVEL: 'warn', ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry of the api package to its end. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(tsx, ['--conditions=@fazhi/source', script, ...args], {
      cwd: apiDir,
      env: childEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** A port free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `src/main.ts` and waits until it listens. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(tsx, ['--conditions=@fazhi/source', 'src/main.ts'], {
    cwd: apiDir,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<void>((resolveStart, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('is running at')) resolveStart();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, stop };
}
