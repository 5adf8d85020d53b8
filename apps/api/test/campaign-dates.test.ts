// Stage deadlines (late subjects, extensions with a reason) and cross-checking (交叉检查).
import { eq, sql } from 'drizzle-orm';
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
import { todayIso } from '../src/services/campaigns/participations.js';
import { auditEvents } from '../src/db/schema.js';

const t = useTestDatabase();
const X = '330728101000';
const Y = '330728102000';

const inDays = (n: number) =>
  new Date(Date.parse(todayIso()) + n * 86_400_000).toISOString().slice(0, 10);

async function dueSelfAssessment(date: string) {
  await t.db.execute(
    sql`update campaigns set stage_dates = ${JSON.stringify({ self_assess: date })}::jsonb`,
  );
}

describe('late subjects', () => {
  it('lists the subjects still owing work after the deadline, per township, paged', async () => {
    const { campaign, county, framework, ids } = await campaignInSelfAssessment(t);
    await dueSelfAssessment(inDays(0)); // due today: not late yet
    expect(await county.campaigns.lateSubjects({ id: campaign.id })).toMatchObject({
      light: 'yellow',
      items: [],
      total: 0,
    });
    // X_VILLAGE submits; the other two are late once the day has passed
    const clerk = await t.as('clerk');
    const id = ids[X_VILLAGE]!;
    await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: goodSheet(framework.definition),
    });
    await clerk.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'submit_self_assessment' },
    });
    await dueSelfAssessment(inDays(-2));
    const late = await county.campaigns.lateSubjects({ id: campaign.id, pageSize: 1 });
    expect(late).toMatchObject({
      dueOn: inDays(-2),
      light: 'red',
      total: 2,
      byTownship: [
        { townshipCode: X, townshipName: '白石镇', count: 1 },
        { townshipCode: Y, count: 1 },
      ],
      items: [{ villageCode: X_VILLAGE_2, state: 'declared', daysLate: 2 }],
    });
    const page2 = await county.campaigns.lateSubjects({ id: campaign.id, pageSize: 1, page: 2 });
    expect(page2.items.map((i) => i.villageCode)).toEqual([Y_VILLAGE]);
    // the township officer sees their own township only
    const township = await (await t.as('township')).campaigns.lateSubjects({ id: campaign.id });
    expect(township.items.map((i) => i.villageCode)).toEqual([X_VILLAGE_2]);
    expect(township.total).toBe(1);
  });
});

describe('extending a deadline', () => {
  it('moves the deadline later with a reason, audited, and lists the extensions', async () => {
    const { campaign, county } = await campaignInSelfAssessment(t);
    await dueSelfAssessment('2026-04-15');
    await t.db.execute(sql`truncate table audit_events restart identity`);
    const ext = await county.campaigns.extendDeadline({
      id: campaign.id,
      stage: 'self_assess',
      to: '2026-04-30',
      reason: '汛期防汛任务重，自评顺延半个月',
    });
    expect(ext).toMatchObject({ fromDate: '2026-04-15', toDate: '2026-04-30' });
    expect((await county.campaigns.get({ id: campaign.id })).stageDates.self_assess).toBe(
      '2026-04-30',
    );
    const audit = await county.audit.list({ action: 'campaigns.extendDeadline' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      before: { stage: 'self_assess', deadline: '2026-04-15' },
      after: { deadline: '2026-04-30', reason: '汛期防汛任务重，自评顺延半个月' },
    });
    const list = await (await t.as('township')).campaigns.deadlineExtensions({ id: campaign.id });
    expect(list).toMatchObject({
      total: 1,
      items: [{ stage: 'self_assess', toDate: '2026-04-30', createdBy: '县司法局 王科长' }],
    });
  });

  it('refuses a date not later than the current deadline, and a missing reason', async () => {
    const { campaign, county } = await campaignInSelfAssessment(t);
    await dueSelfAssessment('2026-04-15');
    const same = await expectError(
      county.campaigns.extendDeadline({
        id: campaign.id,
        stage: 'self_assess',
        to: '2026-04-15',
        reason: '顺延',
      }),
      'BAD_REQUEST',
    );
    expect(same.fieldErrors[0]).toMatchObject({ path: 'to' });
    expect(same.fieldErrors[0]!.message.zh).toContain('须晚于');
    const noReason = await expectError(
      county.campaigns.extendDeadline({
        id: campaign.id,
        stage: 'self_assess',
        to: '2026-05-15',
        reason: ' ',
      }),
      'BAD_REQUEST',
    );
    expect(noReason.fieldErrors[0]).toMatchObject({ path: 'reason' });
    expect((await county.campaigns.deadlineExtensions({ id: campaign.id })).total).toBe(0);
  });
});

describe('cross-checking (交叉检查)', () => {
  it('lets the officer read and score the other township in that campaign only, until it closes', async () => {
    const { campaign, county, framework, ids } = await campaignInSelfAssessment(t);
    const other = await campaignInSelfAssessment(t, [Y_VILLAGE]);
    const officer = await t.as('township'); // 白石镇 (X)
    const me = await officer.auth.me();
    const yId = ids[Y_VILLAGE]!;
    await expectError(officer.participations.get({ id: yId }), 'NOT_FOUND');

    await county.campaigns.grantCrossCheck({ id: campaign.id, userId: me.id, townshipCode: Y });
    expect(
      (await officer.campaigns.crossChecks({ id: campaign.id })).items.map((g) => [
        g.townshipName,
        g.active,
      ]),
    ).toEqual([['青山镇', true]]);
    // reads the granted village in this campaign …
    expect((await officer.participations.get({ id: yId })).villageName).toBeTruthy();
    const listed = await officer.participations.list({ campaignId: campaign.id });
    expect(listed.items.map((i) => i.villageCode).sort()).toEqual(
      [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE].sort(),
    );
    // … but not the same village in another campaign
    await expectError(officer.participations.get({ id: other.ids[Y_VILLAGE]! }), 'NOT_FOUND');
    // scores it in the township review like its own township's officer
    await t.db.execute(
      sql`update campaigns set stage = 'township_review' where id = ${campaign.id}`,
    );
    await t.db.execute(sql`update participations set state = 'self_assessed' where id = ${yId}`);
    const saved = await officer.participations.saveSheet({
      id: yId,
      version: await versionOf(t, yId),
      column: 'township',
      data: goodSheet(framework.definition),
    });
    expect(saved).toBeTruthy();

    // closing the campaign ends the grant
    await county.campaigns.close({ id: campaign.id, summary: '交叉检查完成' });
    await expectError(officer.participations.get({ id: yId }), 'NOT_FOUND');
    expect((await officer.campaigns.crossChecks({ id: campaign.id })).items[0]!.active).toBe(false);
    await expectError(
      county.campaigns.grantCrossCheck({ id: campaign.id, userId: me.id, townshipCode: Y }),
      'PRECONDITION_FAILED',
      'CAMPAIGN_CLOSED',
    );
  });

  it('the county revokes a grant before the campaign ends, and the revocation is audited', async () => {
    const { campaign, county, ids } = await campaignInSelfAssessment(t);
    const officer = await t.as('township');
    const me = await officer.auth.me();
    const yId = ids[Y_VILLAGE]!;
    const grant = await county.campaigns.grantCrossCheck({
      id: campaign.id,
      userId: me.id,
      townshipCode: Y,
    });
    expect((await officer.participations.get({ id: yId })).villageName).toBeTruthy();
    // only the county revokes
    await expectError(
      officer.campaigns.revokeCrossCheck({ id: campaign.id, grantId: grant.id }),
      'FORBIDDEN',
    );
    const revoked = await county.campaigns.revokeCrossCheck({ id: campaign.id, grantId: grant.id });
    expect(revoked).toMatchObject({ userId: me.id, townshipCode: Y });
    await expectError(officer.participations.get({ id: yId }), 'NOT_FOUND');
    expect((await county.campaigns.crossChecks({ id: campaign.id })).total).toBe(0);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'campaigns.revokeCrossCheck'));
    expect(event).toMatchObject({
      entityId: campaign.id,
      before: { userId: me.id, townshipCode: Y },
    });
    // gone: a second revocation finds nothing; the officer may be granted again
    await expectError(
      county.campaigns.revokeCrossCheck({ id: campaign.id, grantId: grant.id }),
      'NOT_FOUND',
    );
    const again = await county.campaigns.grantCrossCheck({
      id: campaign.id,
      userId: me.id,
      townshipCode: Y,
    });
    // once the campaign is closed the grant has ended with it: nothing is left to revoke
    await county.campaigns.close({ id: campaign.id, summary: '交叉检查完成' });
    await expectError(
      county.campaigns.revokeCrossCheck({ id: campaign.id, grantId: again.id }),
      'PRECONDITION_FAILED',
      'CAMPAIGN_CLOSED',
    );
  });

  it('grants only a township officer of the county, over another township', async () => {
    const { campaign, county } = await campaignInSelfAssessment(t);
    const officer = await (await t.as('township')).auth.me();
    const clerk = await (await t.as('clerk')).auth.me();
    const own = await expectError(
      county.campaigns.grantCrossCheck({ id: campaign.id, userId: officer.id, townshipCode: X }),
      'BAD_REQUEST',
    );
    expect(own.fieldErrors[0]).toMatchObject({ path: 'userId' });
    const notOfficer = await expectError(
      county.campaigns.grantCrossCheck({ id: campaign.id, userId: clerk.id, townshipCode: Y }),
      'BAD_REQUEST',
    );
    expect(notOfficer.fieldErrors[0]!.message.zh).toBe('该用户不是乡镇干部');
    const village = await expectError(
      county.campaigns.grantCrossCheck({
        id: campaign.id,
        userId: officer.id,
        townshipCode: Y_VILLAGE,
      }),
      'BAD_REQUEST',
    );
    expect(village.fieldErrors[0]).toMatchObject({ path: 'townshipCode' });
    await county.campaigns.grantCrossCheck({
      id: campaign.id,
      userId: officer.id,
      townshipCode: Y,
    });
    const twice = await expectError(
      county.campaigns.grantCrossCheck({ id: campaign.id, userId: officer.id, townshipCode: Y }),
      'BAD_REQUEST',
    );
    expect(twice.fieldErrors[0]).toMatchObject({ path: 'townshipCode' });
  });
});
