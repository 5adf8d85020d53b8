// The configurable list of revocation reasons: kept by the system administrator, used by re-checks.
import { describe, expect, it } from 'vitest';
import { auditEvents, titles } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

const X_VILLAGE = '330728101201';

async function activeTitle() {
  const [row] = await t.db
    .insert(titles)
    .values({
      countyCode: '330728000000',
      villageCode: X_VILLAGE,
      level: 'county',
      year: 2024,
      namedOn: '2024-06-01',
    })
    .returning();
  return row!;
}

describe('revocation reasons', () => {
  it('start with the six reasons of the re-check standard, in order', async () => {
    const reasons = await (await t.as('clerk')).titles.revocationReasons();
    expect(reasons.map((r) => r.code)).toEqual([
      'crime_or_discipline',
      'unlawful_act',
      'serious_incident',
      'vulnerable_groups',
      'mass_petitions',
      'other',
    ]);
  });

  it('a new reason is listed in its order and a re-check may give it', async () => {
    const admin = await t.as('admin');
    const saved = await admin.titles.saveRevocationReason({
      code: 'land_disputes',
      nameZh: '土地纠纷长期未化解',
      nameEn: 'Long-unresolved land disputes',
      sortOrder: 15,
    });
    expect(saved).toEqual({
      created: true,
      reason: {
        code: 'land_disputes',
        nameZh: '土地纠纷长期未化解',
        nameEn: 'Long-unresolved land disputes',
        active: true,
        sortOrder: 15,
      },
    });
    const codes = (await admin.titles.revocationReasons()).map((r) => r.code);
    expect(codes.slice(0, 3)).toEqual(['crime_or_discipline', 'land_disputes', 'unlawful_act']);

    const title = await activeTitle();
    const county = await t.as('county');
    await county.titles.recheck({ ids: [title.id], outcome: 'revoke', reasons: ['land_disputes'] });
    const [listed] = (await county.titles.list({})).items;
    expect(listed).toMatchObject({ status: 'revoked', recheckReasons: ['land_disputes'] });
  });

  it('a deactivated reason leaves the list and cannot be given, but revoked titles keep it', async () => {
    const admin = await t.as('admin');
    const county = await t.as('county');
    const first = await activeTitle();
    await county.titles.recheck({
      ids: [first.id],
      outcome: 'revoke',
      reasons: ['mass_petitions'],
    });

    const changed = await admin.titles.saveRevocationReason({
      code: 'mass_petitions',
      nameZh: '发生群体性事件',
      nameEn: 'Mass incidents',
      active: false,
      sortOrder: 50,
    });
    expect(changed.created).toBe(false);
    expect((await county.titles.revocationReasons()).map((r) => r.code)).not.toContain(
      'mass_petitions',
    );
    const all = await county.titles.revocationReasons({ includeInactive: true });
    expect(all.find((r) => r.code === 'mass_petitions')).toMatchObject({
      active: false,
      nameZh: '发生群体性事件',
    });

    const second = await t.db
      .insert(titles)
      .values({
        countyCode: '330728000000',
        villageCode: '330728101202',
        level: 'county',
        year: 2024,
        namedOn: '2024-06-01',
      })
      .returning();
    const refused = await expectError(
      county.titles.recheck({
        ids: [second[0]!.id],
        outcome: 'revoke',
        reasons: ['mass_petitions'],
      }),
      'BAD_REQUEST',
    );
    expect(refused.fieldErrors.map((e) => e.path)).toEqual(['reasons.0']);
    const revoked = (await county.titles.list({ status: 'revoked' })).items;
    expect(revoked.map((r) => r.recheckReasons)).toEqual([['mass_petitions']]);

    // and it may be brought back
    await admin.titles.saveRevocationReason({ ...changed.reason, active: true });
    expect((await county.titles.revocationReasons()).map((r) => r.code)).toContain(
      'mass_petitions',
    );
  });

  it('records the change with before and after', async () => {
    const admin = await t.as('admin');
    await admin.titles.saveRevocationReason({
      code: 'other',
      nameZh: '其他造成不良影响的情形',
      nameEn: 'Other cases with bad impact',
      sortOrder: 60,
    });
    const [event] = await t.db.select().from(auditEvents);
    expect(event).toMatchObject({
      action: 'titles.update_revocation_reason',
      entity: 'revocation_reason',
      entityId: 'other',
      actorUsername: 'admin',
      before: { nameZh: '其他不符合创建标准、造成不良影响的情形', active: true },
      after: { nameZh: '其他造成不良影响的情形', active: true },
    });
  });

  it('needs no English name: the English interface then shows the Chinese one', async () => {
    const admin = await t.as('admin');
    const { reason } = await admin.titles.saveRevocationReason({
      code: 'village_feud',
      nameZh: '发生宗族械斗',
    });
    expect(reason).toMatchObject({ code: 'village_feud', nameZh: '发生宗族械斗', nameEn: '' });
  });

  it('bad input gets field errors in both languages and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = await admin.titles.revocationReasons({ includeInactive: true });
    const badCode = await expectError(
      admin.titles.saveRevocationReason({ code: 'Bad Code', nameZh: '理由', nameEn: 'Reason' }),
      'BAD_REQUEST',
    );
    expect(badCode.fieldErrors).toHaveLength(1);
    expect(badCode.fieldErrors[0]).toMatchObject({
      path: 'code',
      message: {
        zh: expect.stringContaining('小写字母'),
        en: expect.stringContaining('lowercase'),
      },
    });
    const blank = await expectError(
      admin.titles.saveRevocationReason({ code: 'blank', nameZh: '  ', nameEn: '' }),
      'BAD_REQUEST',
    );
    // the English name is optional; the Chinese one is not
    expect(blank.fieldErrors.map((e) => e.path).sort()).toEqual(['nameZh']);
    const negative = await expectError(
      admin.titles.saveRevocationReason({
        code: 'negative',
        nameZh: '负数',
        nameEn: 'Negative',
        sortOrder: -1,
      }),
      'BAD_REQUEST',
    );
    expect(negative.fieldErrors.map((e) => e.path)).toEqual(['sortOrder']);
    const duplicate = await expectError(
      admin.titles.saveRevocationReason({
        code: 'copy',
        nameZh: before[0]!.nameZh,
        nameEn: 'Copy',
      }),
      'BAD_REQUEST',
    );
    expect(duplicate.fieldErrors[0]).toMatchObject({
      path: 'nameZh',
      message: { zh: expect.stringContaining(before[0]!.code) },
    });
    expect(await admin.titles.revocationReasons({ includeInactive: true })).toEqual(before);
    expect(await t.db.select().from(auditEvents).orderBy(auditEvents.id)).toEqual([]);
  });
});
