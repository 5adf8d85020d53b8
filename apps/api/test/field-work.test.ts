// What the people who enter the data rely on: a returned sheet says why (on the sheet, the
// village row and 待办) until it is submitted again; a repeated save, transition or declaration
// (a double click) is the same action, never a conflict with oneself; the township approves only
// a complete column unless the campaign makes it optional.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  campaignInSelfAssessment,
  createCampaign,
  goodSheet,
  versionOf,
  X_VILLAGE,
  X_VILLAGE_2,
} from './campaign-fixture.js';

const t = useTestDatabase();

/** A campaign at township review with the clerk's village submitted. */
async function atTownshipReview() {
  const setup = await campaignInSelfAssessment(t, [X_VILLAGE]);
  const id = setup.ids[X_VILLAGE]!;
  const clerk = await t.as('clerk');
  const saved = await clerk.participations.saveSheet({
    id,
    version: await versionOf(t, id),
    column: 'self',
    data: goodSheet(setup.framework.definition),
  });
  await clerk.participations.transition({
    id,
    version: saved.version,
    event: { type: 'submit_self_assessment' },
  });
  await setup.county.campaigns.advance({ id: setup.campaign.id });
  return { ...setup, id, clerk, township: await t.as('township') };
}

describe('the reason of a return', () => {
  it('reaches the clerk on the sheet, the village row and 待办, until submitted again', async () => {
    const { id, clerk, township, campaign, framework } = await atTownshipReview();
    await township.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'return', reason: '请补充村规民约修订记录' },
    });
    const sheet = await clerk.participations.get({ id });
    expect(sheet.participation).toMatchObject({
      state: 'returned',
      returnedReason: '请补充村规民约修订记录',
    });
    const list = await clerk.participations.list({ campaignId: campaign.id });
    expect(list.items.map((i) => [i.villageCode, i.returnedReason])).toEqual([
      [X_VILLAGE, '请补充村规民约修订记录'],
    ]);
    const todo = await clerk.dashboard.todo();
    const entry = todo.find((e) => e.campaignId === campaign.id);
    expect(entry).toMatchObject({ task: 'self_assessment', count: 1 });
    expect(entry?.returned).toEqual([
      {
        participationId: id,
        villageCode: X_VILLAGE,
        villageName: expect.any(String) as string,
        reason: '请补充村规民约修订记录',
      },
    ]);

    const saved = await clerk.participations.saveSheet({
      id,
      version: sheet.participation.version,
      column: 'self',
      data: goodSheet(framework.definition),
    });
    await clerk.participations.transition({
      id,
      version: saved.version,
      event: { type: 'submit_self_assessment' },
    });
    expect((await clerk.participations.get({ id })).participation.returnedReason).toBeNull();
    const again = await clerk.participations.list({ campaignId: campaign.id });
    expect(again.items[0]?.returnedReason).toBeNull();
  });

  it('is not shown in another township’s 待办 (scope)', async () => {
    const { id, township, campaign } = await atTownshipReview();
    await township.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'return', reason: '材料不全' },
    });
    const county = await t.as('county');
    const other = await county.users.create({
      username: 'clerk_other',
      displayName: '文书乙',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: X_VILLAGE_2,
    });
    expect(other.id).toBeTruthy();
    const todo = await (await t.as('clerk_other')).dashboard.todo();
    expect(todo.find((e) => e.campaignId === campaign.id)).toBeUndefined();
  });
});

describe('a repeated request is the same action', () => {
  it('a save sent twice at the same version answers both as saved', async () => {
    const { id, clerk, framework } = await campaignInSelfAssessment(t, [X_VILLAGE]).then(
      async (s) => ({ ...s, id: s.ids[X_VILLAGE]!, clerk: await t.as('clerk') }),
    );
    const version = await versionOf(t, id);
    const data = goodSheet(framework.definition);
    const first = await clerk.participations.saveSheet({ id, version, column: 'self', data });
    const second = await clerk.participations.saveSheet({ id, version, column: 'self', data });
    expect(second).toEqual(first);
    expect(await versionOf(t, id)).toBe(version + 1);
    // in parallel too (two clicks before the first answer)
    const v2 = await versionOf(t, id);
    const both = await Promise.all([
      clerk.participations.saveSheet({ id, version: v2, column: 'self', data }),
      clerk.participations.saveSheet({ id, version: v2, column: 'self', data }),
    ]);
    expect(both.map((b) => b.version)).toEqual([v2 + 1, v2 + 1]);
  });

  it('a different content at the old version is still a conflict', async () => {
    const s = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = s.ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const version = await versionOf(t, id);
    const data = goodSheet(s.framework.definition);
    await clerk.participations.saveSheet({ id, version, column: 'self', data });
    const other = { ...data, comments: { 'A1.1': '改过的说明' } };
    await expectError(
      clerk.participations.saveSheet({ id, version, column: 'self', data: other }),
      'CONFLICT',
      'SHEET_CONFLICT',
    );
  });

  it('the same content saved by someone else at the old version is a conflict', async () => {
    const s = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = s.ids[X_VILLAGE]!;
    const version = await versionOf(t, id);
    const data = goodSheet(s.framework.definition);
    await (await t.as('clerk')).participations.saveSheet({ id, version, column: 'self', data });
    await t.as('county');
    const county = await t.as('county');
    await county.users.create({
      username: 'clerk_twin',
      displayName: '文书',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: X_VILLAGE,
    });
    await expectError(
      (await t.as('clerk_twin')).participations.saveSheet({ id, version, column: 'self', data }),
      'CONFLICT',
      'SHEET_CONFLICT',
    );
  });

  it('a transition sent twice answers both with the new state; once the sheet moved on, not', async () => {
    const { id, township } = await atTownshipReview();
    const version = await versionOf(t, id);
    const event = { type: 'return', reason: '材料不全' } as const;
    const first = await township.participations.transition({ id, version, event });
    const second = await township.participations.transition({ id, version, event });
    expect(second).toEqual(first);
    expect(first.state).toBe('returned');
    // another event at the old version is a conflict
    await expectError(
      township.participations.transition({ id, version, event: { type: 'approve' } }),
      'CONFLICT',
      'SHEET_CONFLICT',
    );
  });

  it('a declaration sent twice declares once; another user’s is refused', async () => {
    const { campaign, county } = await createCampaign(t);
    await county.campaigns.advance({ id: campaign.id });
    const clerk = await t.as('clerk');
    const input = { campaignId: campaign.id, villageCode: X_VILLAGE };
    const [a, b] = await Promise.all([
      clerk.participations.declare(input),
      clerk.participations.declare(input),
    ]);
    expect(b).toEqual(a);
    const again = await clerk.participations.declare(input);
    expect(again).toEqual(a);
    await expectError(county.participations.declare(input), 'CONFLICT', 'ALREADY_DECLARED');
    expect((await county.participations.list({ campaignId: campaign.id })).total).toBe(1);
  });
});

describe('the township column', () => {
  it('must be complete before approving (the default), with a field error', async () => {
    const { id, township, framework } = await atTownshipReview();
    const error = await expectError(
      township.participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type: 'approve' },
      }),
      'BAD_REQUEST',
      'TOWNSHIP_SCORE_INCOMPLETE',
    );
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['sheet.township']);
    expect(error.messages.zh).toContain('乡镇初审栏尚未评分');
    // one item short
    const sheet = goodSheet(framework.definition);
    const [first] = Object.keys(sheet.items);
    delete sheet.items[first!];
    const saved = await township.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'township',
      data: sheet,
    });
    const short = await expectError(
      township.participations.transition({
        id,
        version: saved.version,
        event: { type: 'approve' },
      }),
      'BAD_REQUEST',
      'TOWNSHIP_SCORE_INCOMPLETE',
    );
    expect(short.messages.zh).toContain('还有1项未评分');
    const full = await township.participations.saveSheet({
      id,
      version: saved.version,
      column: 'township',
      data: goodSheet(framework.definition),
    });
    const approved = await township.participations.transition({
      id,
      version: full.version,
      event: { type: 'approve' },
    });
    expect(approved.state).toBe('township_approved');
  });

  it('may be left empty where the campaign makes it optional', async () => {
    const { campaign, framework, county } = await createCampaign(t, {
      townshipScoreRequired: false,
    });
    expect(campaign.townshipScoreRequired).toBe(false);
    await county.campaigns.advance({ id: campaign.id });
    const { id } = await county.participations.declare({
      campaignId: campaign.id,
      villageCode: X_VILLAGE,
    });
    await county.campaigns.advance({ id: campaign.id });
    const clerk = await t.as('clerk');
    const saved = await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: goodSheet(framework.definition),
    });
    await clerk.participations.transition({
      id,
      version: saved.version,
      event: { type: 'submit_self_assessment' },
    });
    await county.campaigns.advance({ id: campaign.id });
    const township = await t.as('township');
    const approved = await township.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'approve' },
    });
    expect(approved.state).toBe('township_approved');
  });

  it('is required by default when a campaign is created', async () => {
    const { campaign } = await createCampaign(t);
    expect(campaign.townshipScoreRequired).toBe(true);
  });
});
