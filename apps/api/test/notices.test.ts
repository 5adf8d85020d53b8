import { describe, expect, it } from 'vitest';
import { DEMO_TOWNSHIP_REVIEW_CAMPAIGN } from '../src/demo/demo-rounds.js';
import { useTestDatabase } from './harness.js';
import { goodSheet } from './campaign-fixture.js';

const t = useTestDatabase({ campaign: true });

async function reviewSheets() {
  const township = await t.as('township');
  const { items } = await township.campaigns.list({});
  const campaign = items.find((c) => c.name === DEMO_TOWNSHIP_REVIEW_CAMPAIGN)!;
  const list = await township.participations.list({ campaignId: campaign.id });
  return { township, campaign, sheets: list.items };
}

/** The township scores its column in full, then approves. */
async function approve(township: Awaited<ReturnType<typeof t.as>>, id: string) {
  const sheet = await township.participations.get({ id });
  const saved = await township.participations.saveSheet({
    id,
    version: sheet.participation.version,
    column: 'township',
    data: goodSheet(sheet.framework),
  });
  await township.participations.transition({
    id,
    version: saved.version,
    event: { type: 'approve' },
  });
}

describe('dashboard.notices', () => {
  it('tells the scope when the township returns or approves a sheet, with the reason', async () => {
    const { township, campaign, sheets } = await reviewSheets();
    const [first, second] = sheets;
    const one = await township.participations.get({ id: first!.id });
    await township.participations.transition({
      id: first!.id,
      version: one.participation.version,
      event: { type: 'return', reason: '村务公开栏照片缺失，请补充' },
    });
    await approve(township, second!.id);

    const county = await t.as('county');
    const notices = await county.dashboard.notices();
    expect(notices.map((n) => [n.kind, n.villageCode])).toEqual([
      ['township_approved', second!.villageCode],
      ['returned', first!.villageCode],
    ]);
    expect(notices[1]).toMatchObject({
      campaignId: campaign.id,
      campaignName: DEMO_TOWNSHIP_REVIEW_CAMPAIGN,
      reason: '村务公开栏照片缺失，请补充',
      isNew: true,
      participationId: first!.id,
    });
    expect(notices[1]!.villageName).toBeTruthy();
    expect(notices[0]!.reason).toBeNull();

    // what one did oneself is no notice; a village outside the scope sees nothing of it
    expect(await township.dashboard.notices()).toEqual([]);
    const clerk = await t.as('clerk');
    expect(await clerk.dashboard.notices()).toEqual([]);
  });

  it('marks as new only what happened after the previous sign-in', async () => {
    const { township, sheets } = await reviewSheets();
    await approve(township, sheets[0]!.id);
    await t.as('county'); // a first visit after the approval…
    const later = await t.as('county'); // …then another sign-in
    const [notice] = await later.dashboard.notices();
    expect(notice).toMatchObject({ kind: 'township_approved', isNew: false });
  });
});
