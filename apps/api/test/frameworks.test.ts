// Frameworks belong to the county that imported them; the built-ins and the frameworks the system
// administrator publishes are shared by every county.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { demoFramework } from './campaign-fixture.js';

const t = useTestDatabase();

const A = '330728000000'; // 清和县, the demo county
const B = '330702000000'; // a second county of 金华市

// imported frameworks outlive the harness's reset: each test starts with the built-ins only
beforeEach(async () => {
  await t.db.execute(sql`delete from frameworks where not builtin`);
});

/** A second county with one township and village, and its county administrator. */
async function secondCounty() {
  const admin = await t.as('admin');
  await admin.divisions.import({
    csv: `${B},婺城区\n330702001000,城东街道\n330702001201,东关村\n`,
  });
  await admin.users.create({
    username: 'county_b',
    displayName: '婺城区司法局',
    password: 'CountyB2026',
    role: 'county_admin',
    scopeCode: B,
  });
  return t.as('county_b');
}

function campaignIn(countyCode: string, frameworkId: string) {
  return {
    countyCode,
    name: '2026年度县级民主法治示范村创建',
    year: 2026,
    level: 'county' as const,
    frameworkId,
  };
}

describe('frameworks by owner', () => {
  it('one county’s import is not seen, fetched or usable in another county', async () => {
    const countyB = await secondCounty();
    const { definition } = await demoFramework(t);
    const imported = await countyB.frameworks.import({
      definition: { ...definition, version: '9.9.9', name: '（县司法局最新版）' },
    });
    const mine = await countyB.frameworks.list();
    expect(mine.find((f) => f.id === imported.id)).toMatchObject({ ownerCountyCode: B });
    expect((await countyB.frameworks.get({ id: imported.id })).ownerCountyCode).toBe(B);

    for (const username of ['county', 'township', 'clerk', 'inspector']) {
      const other = await t.as(username);
      const list = await other.frameworks.list();
      expect(list.some((f) => f.id === imported.id)).toBe(false);
      expect(list.some((f) => f.name.includes('县司法局最新版'))).toBe(false);
      await expectError(other.frameworks.get({ id: imported.id }), 'NOT_FOUND');
    }

    const refused = await expectError(
      (await t.as('county')).campaigns.create(campaignIn(A, imported.id)),
      'BAD_REQUEST',
    );
    expect(refused.fieldErrors[0]?.path).toBe('frameworkId');
    // not even the system administrator puts county B's framework into county A's campaign
    await expectError(
      (await t.as('admin')).campaigns.create(campaignIn(A, imported.id)),
      'BAD_REQUEST',
    );
    // county B uses its own
    expect((await countyB.campaigns.create(campaignIn(B, imported.id))).frameworkId).toBe(
      imported.id,
    );
    // the system administrator sees every county's frameworks
    expect((await (await t.as('admin')).frameworks.list()).some((f) => f.id === imported.id)).toBe(
      true,
    );
  });

  it('the same code and version may be imported by two counties, but not twice by one', async () => {
    const countyB = await secondCounty();
    const { definition } = await demoFramework(t);
    const next = { ...definition, version: '9.9.9' };
    await countyB.frameworks.import({ definition: next });
    const county = await t.as('county');
    const own = await county.frameworks.import({ definition: next });
    expect((await county.frameworks.get({ id: own.id })).ownerCountyCode).toBe(A);
    await expectError(
      county.frameworks.import({ definition: next }),
      'CONFLICT',
      'FRAMEWORK_VERSION_EXISTS',
    );
    // a built-in version is taken for every county
    await expectError(
      county.frameworks.import({ definition }),
      'CONFLICT',
      'FRAMEWORK_VERSION_EXISTS',
    );
  });

  it('the built-ins and the system administrator’s imports are shared', async () => {
    const countyB = await secondCounty();
    const { id: builtinId, definition } = await demoFramework(t);
    const published = await (
      await t.as('admin')
    ).frameworks.import({ definition: { ...definition, version: '8.0.0' } });
    for (const caller of [countyB, await t.as('county'), await t.as('clerk')]) {
      const list = await caller.frameworks.list();
      expect(list.find((f) => f.id === published.id)).toMatchObject({ ownerCountyCode: null });
      expect(list.find((f) => f.id === builtinId)).toMatchObject({
        builtin: true,
        ownerCountyCode: null,
      });
    }
    expect((await countyB.campaigns.create(campaignIn(B, published.id))).frameworkId).toBe(
      published.id,
    );
    expect(
      (await (await t.as('county')).campaigns.create(campaignIn(A, builtinId))).frameworkId,
    ).toBe(builtinId);
  });
});
