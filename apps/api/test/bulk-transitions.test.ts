// Issue 10, item 11: 验收 and 公示 for many villages at once, with a preview of what will change
// and what cannot; applied in one transaction with one audit event per village.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, participations } from '../src/db/schema.js';
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

/** Three villages approved by their townships, in county acceptance; two scored by the county. */
async function inAcceptance() {
  const { campaign, framework, county, ids } = await campaignInSelfAssessment(t);
  await t.db.execute(sql`update participations set state = 'township_approved'`);
  await t.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
  for (const code of [X_VILLAGE, Y_VILLAGE]) {
    await county.participations.saveSheet({
      id: ids[code]!,
      version: await versionOf(t, ids[code]!),
      column: 'county',
      data: goodSheet(framework.definition),
    });
  }
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { campaign, county, ids };
}

async function states() {
  const rows = await t.db
    .select({ code: participations.villageCode, state: participations.state })
    .from(participations)
    .orderBy(participations.villageCode);
  return Object.fromEntries(rows.map((r) => [r.code, r.state]));
}

describe('bulk 验收 with a preview', () => {
  it('previews what will change and what cannot, with the reason, and changes nothing', async () => {
    const { campaign, county, ids } = await inAcceptance();
    const before = await states();
    const preview = await county.participations.bulkPreview({
      campaignId: campaign.id,
      event: 'accept',
    });
    expect(preview.changes.map((c) => [c.villageCode, c.from, c.to])).toEqual([
      [X_VILLAGE, 'township_approved', 'county_accepted'],
      [Y_VILLAGE, 'township_approved', 'county_accepted'],
    ]);
    expect(preview.refused.map((r) => r.villageCode)).toEqual([X_VILLAGE_2]);
    expect(preview.refused[0]!.reason.zh).toContain('评分表尚未填写完整');
    expect(preview.refused[0]!.id).toBe(ids[X_VILLAGE_2]);
    expect(await states()).toEqual(before);
    expect(await t.db.select().from(auditEvents).orderBy(auditEvents.id)).toEqual([]);
  });

  it('applies in one transaction, one audit event per village', async () => {
    const { campaign, county } = await inAcceptance();
    const preview = await county.participations.bulkPreview({
      campaignId: campaign.id,
      event: 'accept',
    });
    const done = await county.participations.bulkTransition({
      campaignId: campaign.id,
      event: 'accept',
      items: preview.changes.map(({ id, version }) => ({ id, version })),
    });
    expect(done.map((d) => d.state)).toEqual(['county_accepted', 'county_accepted']);
    expect(await states()).toEqual({
      [X_VILLAGE]: 'county_accepted',
      [X_VILLAGE_2]: 'township_approved',
      [Y_VILLAGE]: 'county_accepted',
    });
    const events = await t.db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.divisionCode])).toEqual([
      ['participations.accept', X_VILLAGE],
      ['participations.accept', Y_VILLAGE],
    ]);
    // then 公示 for both, after the campaign moves on
    await t.db.execute(sql`update campaigns set stage = 'public_notice'`);
    const posting = await county.participations.bulkPreview({
      campaignId: campaign.id,
      event: 'post',
    });
    expect(posting.changes.map((c) => c.to)).toEqual(['posted', 'posted']);
    await county.participations.bulkTransition({
      campaignId: campaign.id,
      event: 'post',
      items: posting.changes.map(({ id, version }) => ({ id, version })),
    });
    expect((await states())[Y_VILLAGE]).toBe('posted');
  });

  it('one village that cannot fails the whole, naming it, and nothing changes', async () => {
    const { campaign, county, ids } = await inAcceptance();
    const before = await states();
    const items = [X_VILLAGE, X_VILLAGE_2].map((code) => ({ id: ids[code]!, version: 0 }));
    for (const item of items) item.version = await versionOf(t, item.id);
    const error = await expectError(
      county.participations.bulkTransition({ campaignId: campaign.id, event: 'accept', items }),
      'PRECONDITION_FAILED',
      'SHEET_INCOMPLETE',
    );
    const [village2] = await t.db
      .execute(sql`select name from divisions where code = ${X_VILLAGE_2}`)
      .then(
        (r) =>
          (Array.isArray(r) ? r : (r as { rows: { name: string }[] }).rows) as { name: string }[],
      );
    expect(error.messages.zh.startsWith(`${village2!.name}：`)).toBe(true);
    expect(await states()).toEqual(before);
    expect(await t.db.select().from(auditEvents).orderBy(auditEvents.id)).toEqual([]);
  });

  it('is the county’s: a township officer cannot preview nor apply, nor reach another township', async () => {
    const { campaign, ids } = await inAcceptance();
    const township = await t.as('township');
    await expectError(
      township.participations.bulkPreview({ campaignId: campaign.id, event: 'accept' }),
      'FORBIDDEN',
    );
    await expectError(
      township.participations.bulkTransition({
        campaignId: campaign.id,
        event: 'accept',
        items: [{ id: ids[X_VILLAGE]!, version: await versionOf(t, ids[X_VILLAGE]!) }],
      }),
      'FORBIDDEN',
    );
    const [row] = await t.db
      .select()
      .from(participations)
      .where(eq(participations.id, ids[X_VILLAGE]!));
    expect(row!.state).toBe('township_approved');
  });
});
