// Issue 10, item 11: a campaign's name has 2 to 60 characters; a campaign can be edited and
// deleted until a village declares for it, and is refused afterwards; numbers on a sheet are bounded.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { campaignNameLength, maxAnswerValue } from '@fazhi/domain';
import { auditEvents, campaigns } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  campaignInSelfAssessment,
  createCampaign,
  goodSheet,
  versionOf,
  X_VILLAGE,
} from './campaign-fixture.js';

const t = useTestDatabase();

const named = (n: number) => '创'.repeat(n);

describe('a campaign’s name', () => {
  it(`has ${campaignNameLength.min} to ${campaignNameLength.max} characters, on create and update`, async () => {
    const short = await expectError(
      createCampaign(t, { name: named(campaignNameLength.min - 1) }),
      'BAD_REQUEST',
      'VALIDATION_FAILED',
    );
    expect(short.fieldErrors[0]?.path).toBe('name');
    expect(short.fieldErrors[0]?.message.zh).toBe('名称至少2个字');
    const long = await expectError(
      createCampaign(t, { name: named(campaignNameLength.max + 1) }),
      'BAD_REQUEST',
      'VALIDATION_FAILED',
    );
    expect(long.fieldErrors[0]?.message.zh).toBe('名称最多60个字');
    const { campaign, county } = await createCampaign(t, { name: named(campaignNameLength.min) });
    expect(campaign.name).toBe('创创');
    expect(
      (await county.campaigns.update({ id: campaign.id, name: named(campaignNameLength.max) }))
        .name,
    ).toHaveLength(60);
    await expectError(
      county.campaigns.update({ id: campaign.id, name: named(campaignNameLength.max + 1) }),
      'BAD_REQUEST',
      'VALIDATION_FAILED',
    );
  });
});

describe('campaigns.update and campaigns.remove', () => {
  it('change and delete a campaign nobody has declared for, audited', async () => {
    const { campaign, county } = await createCampaign(t);
    await county.campaigns.advance({ id: campaign.id }); // at 申报, still no declaration
    const after = await county.campaigns.update({
      id: campaign.id,
      name: '2026年度县级民主法治示范村创建（修订）',
      noticeDays: 10,
      minSelfScore: 70,
    });
    expect(after).toMatchObject({ noticeDays: 10, minSelfScore: 70, minAcceptedScore: 60 });
    expect(after.name).toBe('2026年度县级民主法治示范村创建（修订）');
    // the same checks as creating: a minimum above the framework's total is a field error
    const tooHigh = await expectError(
      county.campaigns.update({ id: campaign.id, minSelfScore: 101 }),
      'BAD_REQUEST',
    );
    expect(tooHigh.fieldErrors[0]?.path).toBe('minSelfScore');
    const [update] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'campaigns.update'));
    expect(update).toMatchObject({
      entity: 'campaign',
      entityId: campaign.id,
      before: expect.objectContaining({ noticeDays: 7 }),
      after: expect.objectContaining({ noticeDays: 10 }),
    });
    await county.campaigns.remove({ id: campaign.id });
    expect(await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id))).toEqual([]);
    const removed = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'campaigns.remove'));
    expect(removed).toHaveLength(1);
    await expectError(county.campaigns.remove({ id: campaign.id }), 'NOT_FOUND');
  });

  it('are refused, with a clear reason, once a village has declared', async () => {
    const { campaign, county } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const edit = await expectError(
      county.campaigns.update({ id: campaign.id, name: '改名' }),
      'PRECONDITION_FAILED',
      'CAMPAIGN_HAS_DECLARATIONS',
    );
    expect(edit.messages.zh).toBe('已有村申报本次创建活动，不能再修改或删除');
    await expectError(
      county.campaigns.remove({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'CAMPAIGN_HAS_DECLARATIONS',
    );
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row!.name).toBe(campaign.name);
  });

  it('are for county admins only', async () => {
    const { campaign } = await createCampaign(t);
    const township = await t.as('township');
    await expectError(township.campaigns.update({ id: campaign.id, name: '改名了' }), 'FORBIDDEN');
    await expectError(township.campaigns.remove({ id: campaign.id }), 'FORBIDDEN');
  });
});

describe('numbers on a score sheet', () => {
  it(`are at most ${maxAnswerValue}: 99999999999999999999 is refused with the item’s path`, async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const v = await versionOf(t, id);
    const sheet = goodSheet(framework.definition);
    const countItem = framework.definition.areas
      .flatMap((a) => a.items)
      .find((i) => i.rule.kind === 'count' || i.rule.kind === 'deduction')!;
    // what a clerk typed: twenty nines (a number JavaScript cannot even hold exactly)
    for (const value of [Number('9'.repeat(20)), maxAnswerValue + 1]) {
      const error = await expectError(
        clerk.participations.saveSheet({
          id,
          version: v,
          column: 'self',
          data: { ...sheet, items: { ...sheet.items, [countItem.code]: value } },
        }),
        'BAD_REQUEST',
        'VALIDATION_FAILED',
      );
      expect(error.fieldErrors[0]?.path).toBe(`data.items.${countItem.code}`);
      expect(error.fieldErrors[0]?.message.zh).toContain('数值过大');
    }
    await clerk.participations.saveSheet({
      id,
      version: v,
      column: 'self',
      data: { ...sheet, items: { ...sheet.items, [countItem.code]: 3 } },
    });
    expect(await versionOf(t, id)).toBe(v + 1);
  });
});
