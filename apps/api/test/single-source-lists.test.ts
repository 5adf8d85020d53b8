// One copy of each list: the roles are written out once, in @fazhi/domain (access/roles.ts), and
// so are the village records' lists (meeting kinds, resolution matters, the postings' categories
// and channels). Everything else imports them; this test fails when a .ts/.tsx file of the
// repository spells a whole list again (in any order), as the DB schema and the SPA once did.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  disclosureCategories,
  disclosureChannels,
  meetingBodies,
  ROLES,
  resolutionMatters,
} from '@fazhi/domain';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const skipped = new Set(['node_modules', 'dist', '.data', 'coverage', 'test-results', '.git']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Runs of quoted role codes separated by commas (an array literal's items, say), in any order. */
function roleListsIn(text: string): string[][] {
  const literal = `['"\`](?:${ROLES.join('|')})['"\`]`;
  const run = new RegExp(`${literal}(?:\\s*,\\s*${literal})+`, 'g');
  return [...text.matchAll(run)].map((m) => [...m[0].matchAll(/[a-z_]+/g)].map((r) => r[0]));
}

/** Whether a run names every role. */
const isWholeList = (run: string[]) => ROLES.every((role) => run.includes(role));

/** The one place the list is written, and the domain's own tests of it. */
const owner = /^packages\/domain\/src\/access\//;

describe('single-source lists', () => {
  it('finds a written-out role list in any order, and not a partial one', () => {
    expect(
      roleListsIn(`const r = ['${[...ROLES].reverse().join("', '")}'];`).some(isWholeList),
    ).toBe(true);
    expect(roleListsIn(`new Set(['system_admin', 'county_admin'])`).some(isWholeList)).toBe(false);
  });

  it('writes the role list out only in @fazhi/domain', () => {
    const copies: string[] = [];
    for (const file of sourceFiles(root)) {
      const path = relative(root, file).split('\\').join('/');
      if (owner.test(path)) continue;
      if (roleListsIn(readFileSync(file, 'utf8')).some(isWholeList)) copies.push(path);
    }
    expect(copies, 'import ROLES from @fazhi/domain instead').toEqual([]);
  });

  it('the domain’s list is the one the owner file spells out', () => {
    const text = readFileSync(join(root, 'packages/domain/src/access/roles.ts'), 'utf8');
    expect(roleListsIn(text).filter(isWholeList)).toEqual([[...ROLES]]);
  });
});

/** The village records' lists, each with the one domain file that writes it out. */
const recordLists: { name: string; items: readonly string[]; owner: string }[] = [
  {
    name: 'meetingBodies',
    items: meetingBodies,
    owner: 'packages/domain/src/governance/check-resolution.ts',
  },
  {
    name: 'resolutionMatters',
    items: resolutionMatters,
    owner: 'packages/domain/src/governance/check-resolution.ts',
  },
  {
    name: 'disclosureCategories',
    items: disclosureCategories,
    owner: 'packages/domain/src/governance/check-disclosures.ts',
  },
  {
    name: 'disclosureChannels',
    items: disclosureChannels,
    owner: 'packages/domain/src/governance/check-disclosures.ts',
  },
];

/** Runs of quoted items of `items`, separated by commas, that name every item (in any order). */
function wholeListsIn(text: string, items: readonly string[]): string[][] {
  const literal = `['"\`](?:${items.join('|')})['"\`]`;
  const run = new RegExp(`${literal}(?:\\s*,\\s*${literal})+`, 'g');
  return [...text.matchAll(run)]
    .map((m) => [...m[0].matchAll(/[a-z_]+/g)].map((r) => r[0]))
    .filter((found) => items.every((item) => found.includes(item)));
}

describe('single-source lists of the village records', () => {
  it('finds a written-out list in any order, and not a partial one', () => {
    const channels = `const c = ['online', 'board', 'screen'];`;
    expect(wholeListsIn(channels, disclosureChannels)).toHaveLength(1);
    expect(wholeListsIn(`const c = ['board', 'screen'];`, disclosureChannels)).toHaveLength(0);
  });

  for (const list of recordLists) {
    it(`writes ${list.name} out only in ${list.owner}`, () => {
      const copies: string[] = [];
      let inOwner = 0;
      for (const file of sourceFiles(root)) {
        const path = relative(root, file).split('\\').join('/');
        const found = wholeListsIn(readFileSync(file, 'utf8'), list.items).length;
        if (path === list.owner) inOwner = found;
        else if (found > 0 && !/\.test\.ts$/.test(path)) copies.push(path);
      }
      expect(copies, `import ${list.name} from @fazhi/domain instead`).toEqual([]);
      expect(inOwner).toBe(1);
    });
  }
});
