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
});
