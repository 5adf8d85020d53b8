import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreEn, coreZh, en, zh } from './resources';
import { featureTableNames, featureTables } from './feature-tables';

describe('the translation tables loaded with the pages', () => {
  it('together with the core make the whole table, in both languages', async () => {
    const tables = await Promise.all(featureTableNames.map((name) => featureTables[name]()));
    const wholeZh = Object.assign({}, coreZh, ...tables.map((table) => table.zh));
    const wholeEn = Object.assign({}, coreEn, ...tables.map((table) => table.en));
    expect(wholeZh).toEqual(zh);
    expect(wholeEn).toEqual(en);
  });

  it('share no section with the core or with each other', async () => {
    const tables = await Promise.all(featureTableNames.map((name) => featureTables[name]()));
    const sections = [...Object.keys(coreZh), ...tables.flatMap((table) => Object.keys(table.zh))];
    expect(new Set(sections).size).toBe(sections.length);
  });

  it('give the signed-in frame (menu, header) every text from the core: it loads no feature table', () => {
    // the frame is on screen before any feature page has loaded its table
    const source = readFileSync(
      new URL('../features/layout/app-layout.tsx', import.meta.url),
      'utf8',
    );
    const keys = [...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    const missing = keys.filter((key) => {
      let node: unknown = coreZh;
      for (const part of key.split('.'))
        node = (node as Record<string, unknown> | undefined)?.[part];
      return typeof node !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
