// Whether the SPA's production build (apps/admin/dist) is current: its index.html is newer than
// every file the build reads (apps/admin/src, public, index.html, the vite and TypeScript
// configurations, package.json, packages/domain/src and its package.json, the lockfile).
// Used by `pnpm start` and by the browser tests' set-up, which both skip a current build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const builtIndex = join(root, 'apps/admin/dist/index.html');

/** The newest modification time among the files and (recursively) the directories' files. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs); // a deleted file changes its directory
      for (const name of readdirSync(path)) {
        if (name !== 'node_modules') visit(join(path, name));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when apps/admin/dist holds a build of the current sources. */
export function spaBuildIsCurrent() {
  if (!existsSync(builtIndex)) return false;
  const admin = join(root, 'apps/admin');
  const domain = join(root, 'packages/domain');
  const inputs = [
    join(admin, 'src'),
    join(admin, 'public'),
    join(admin, 'index.html'),
    join(admin, 'vite.config.ts'),
    join(admin, 'tsconfig.json'),
    join(admin, 'package.json'),
    join(domain, 'src'),
    join(domain, 'package.json'),
    join(root, 'pnpm-lock.yaml'),
  ];
  return statSync(builtIndex).mtimeMs > newestMtime(inputs);
}
