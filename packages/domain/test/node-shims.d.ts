// The workspace installs no @types/node. These are the few Node APIs the packaging test uses,
// declared narrowly so the test type-checks under the package's `types: []`.
declare module 'node:child_process' {
  export function execFileSync(
    file: string,
    args: readonly string[],
    options?: {
      cwd?: string;
      encoding?: 'utf8';
      stdio?: unknown;
      env?: Record<string, string | undefined>;
    },
  ): string;
}
declare module 'node:fs' {
  export function mkdtempSync(prefix: string): string;
  export function readdirSync(path: string): string[];
  export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  export function writeFileSync(path: string, data: string): void;
}
declare module 'node:os' {
  export function tmpdir(): string;
}
declare module 'node:path' {
  export function join(...parts: string[]): string;
}
declare module 'node:url' {
  export function fileURLToPath(url: string | URL): string;
}
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
}
interface ImportMeta {
  readonly url: string;
}
declare module 'node:fs' {
  export function readFileSync(path: string | URL, encoding: 'utf8'): string;
}
