import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

describe('divisions', () => {
  it('get answers a division with its level, parent and child count', async () => {
    const county = await t.as('county');
    expect(await county.divisions.get({ code: '330728101000' })).toEqual({
      code: '330728101000',
      name: '白石镇',
      level: 'township',
      parentCode: '330728000000',
      urbanRuralCode: null,
      childCount: 24,
    });
    await expectError(county.divisions.get({ code: '330728109000' }), 'NOT_FOUND');
    await expectError(county.divisions.get({ code: '3307' }), 'BAD_REQUEST', 'VALIDATION_FAILED');
  });

  it('children lists the 15 townships of the demo county in code order', async () => {
    const children = await (
      await t.as('county')
    ).divisions.children({ parentCode: '330728000000' });
    expect(children).toHaveLength(15);
    expect(children[0]).toMatchObject({
      code: '330728001000',
      name: '城东街道',
      level: 'township',
    });
    expect(children.map((c) => c.code)).toEqual([...children.map((c) => c.code)].sort());
  });

  it('the whole deployment starts at the provinces', async () => {
    const provinces = await (
      await t.as('admin')
    ).divisions.children({ parentCode: '000000000000' });
    expect(provinces.map((p) => p.name)).toEqual(['浙江省']);
  });

  it('search finds by name or code prefix, inside the scope, with the parent name', async () => {
    const county = await t.as('county');
    const byName = await county.divisions.search({ q: '白石' });
    expect(byName[0]).toMatchObject({ code: '330728101000', parentName: '清和县' });
    const byCode = await county.divisions.search({ q: '330728101', limit: 100 });
    expect(byCode).toHaveLength(25);
    const towns = await county.divisions.search({ q: '镇', level: 'township' });
    expect(towns).toHaveLength(8);
    // LIKE wildcards are literal
    expect(await county.divisions.search({ q: '%' })).toEqual([]);
  });

  it('dashboard counts townships, villages and users in scope', async () => {
    expect(await (await t.as('county')).dashboard.summary()).toEqual({
      townships: 15,
      villages: 300,
      users: 4,
    });
    expect(await (await t.as('admin')).dashboard.summary()).toEqual({
      townships: 15,
      villages: 300,
      users: 5,
    });
  });
});
