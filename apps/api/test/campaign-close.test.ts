// Closing a campaign (总结): the figures the system computes, and read-only from then on.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  campaignInSelfAssessment,
  goodSheet,
  versionOf,
  X_VILLAGE,
  X_VILLAGE_2,
  Y_VILLAGE,
} from './campaign-fixture.js';

const t = useTestDatabase();

async function scoredCampaign() {
  const c = await campaignInSelfAssessment(t);
  await t.db.execute(sql`update participations set county_total = 9000, county_grade = 'excellent',
    state = 'named' where village_code = ${X_VILLAGE}`);
  await t.db.execute(sql`update participations set county_total = 7051, county_grade = 'pass',
    state = 'county_failed' where village_code = ${X_VILLAGE_2}`);
  await t.db.execute(
    sql`update participations set state = 'returned' where village_code = ${Y_VILLAGE}`,
  );
  return c;
}

describe('closing a campaign', () => {
  it('previews and records the figures the system computes, with the summary', async () => {
    const { campaign, county } = await scoredCampaign();
    const preview = await county.campaigns.closingPreview({ id: campaign.id });
    expect(preview.closedAt).toBeNull();
    expect(preview.figures).toMatchObject({
      subjects: 3,
      byGrade: { excellent: 1, pass: 1 },
      named: 1,
      returned: 1,
      average: 80.26, // (90 + 70.51) / 2, rounded to the hundredth
      townships: [
        { townshipCode: '330728101000', townshipName: '白石镇', subjects: 2, average: 80.26 },
        { townshipCode: '330728102000', subjects: 1, scored: 0, average: null },
      ],
    });
    const closed = await county.campaigns.close({
      id: campaign.id,
      summary: '全县创建工作圆满完成。',
    });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.closingSummary).toBe('全县创建工作圆满完成。');
    expect(closed.figures).toEqual(preview.figures);
    // later changes to the rows do not change what was recorded
    await t.db.execute(sql`update participations set county_total = 1000`);
    const after = await county.campaigns.closingPreview({ id: campaign.id });
    expect(after.summary).toBe('全县创建工作圆满完成。');
    expect(after.figures).toEqual(preview.figures);
    expect((await county.campaigns.get({ id: campaign.id })).closedAt).toBeInstanceOf(Date);
  });

  it('needs a summary, and only the county closes', async () => {
    const { campaign, county } = await scoredCampaign();
    const error = await expectError(
      county.campaigns.close({ id: campaign.id, summary: '   ' }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]?.path).toBe('summary');
    expect(error.fieldErrors[0]?.message.zh).toBe('请填写总结');
    await expectError(
      (await t.as('township')).campaigns.close({ id: campaign.id, summary: '总结' }),
      'FORBIDDEN',
    );
    expect((await county.campaigns.get({ id: campaign.id })).closedAt).toBeNull();
  });
});

describe('a closed campaign', () => {
  it('refuses every write with CAMPAIGN_CLOSED, in Chinese and English', async () => {
    const { campaign, county, framework, ids } = await campaignInSelfAssessment(t);
    const clerk = await t.as('clerk');
    const id = ids[X_VILLAGE]!;
    await county.campaigns.close({ id: campaign.id, summary: '提前结束' });

    const closed = async (p: Promise<unknown>) => {
      const e = await expectError(p, 'PRECONDITION_FAILED', 'CAMPAIGN_CLOSED');
      expect(e.messages.zh).toContain('已结束');
      expect(e.messages.en).toContain('closed');
    };
    await closed(
      clerk.participations.saveSheet({
        id,
        version: await versionOf(t, id),
        column: 'self',
        data: goodSheet(framework.definition),
      }),
    );
    await closed(
      clerk.participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type: 'withdraw', reason: '不再参加' },
      }),
    );
    await closed(county.campaigns.advance({ id: campaign.id }));
    await closed(
      county.campaigns.setNotice({
        id: campaign.id,
        issuer: '清和县司法局',
        contact: '0579-0000000',
        issuedOn: '2026-03-01',
      }),
    );
    await closed(county.campaigns.close({ id: campaign.id, summary: '再次总结' }));
    await closed(county.campaigns.update({ id: campaign.id, name: '改名' }));
    await closed(county.campaigns.remove({ id: campaign.id }));
    await t.db.execute(sql`update campaigns set stage = 'declare'`);
    await closed(
      county.participations.declare({ campaignId: campaign.id, villageCode: '330728101203' }),
    );
    // reads still work, and offer nothing to edit
    const detail = await clerk.participations.get({ id });
    expect(detail.editableColumn).toBeNull();
    expect(detail.allowedEvents).toEqual([]);
    expect(await clerk.dashboard.todo()).toEqual([]);
  });
});
