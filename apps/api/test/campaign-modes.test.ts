// Campaign modes and subject levels: annual assessments that enrol every subject at launch,
// townships and county units as subjects, and recommendation upward.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  annualTownshipAccepted,
  annualTownshipCampaign,
  countyUnitsWithOfficer,
  createCampaign,
  goodSheet,
  versionOf,
  X_TOWNSHIP,
  X_VILLAGE,
  X_VILLAGE_2,
} from './campaign-fixture.js';

const t = useTestDatabase();

describe('an annual township assessment', () => {
  it('lists the county’s 15 townships right after launch, enrolled, nobody declaring', async () => {
    const { campaign, county } = await createCampaign(t, {
      name: '2026年度依法治镇考核',
      mode: 'annual',
      subjectLevel: 'township',
    });
    expect(campaign).toMatchObject({
      mode: 'annual',
      subjectLevel: 'township',
      stage: 'deploy',
      stages: ['deploy', 'self_assess', 'county_acceptance', 'concluded'],
    });
    const list = await county.participations.list({ campaignId: campaign.id, pageSize: 100 });
    expect(list.total).toBe(15);
    expect(list.items.every((p) => p.state === 'enrolled' && p.villageCode.endsWith('000'))).toBe(
      true,
    );
    expect(list.items.find((p) => p.villageCode === X_TOWNSHIP)?.villageName).toBe('白石镇');
    await county.campaigns.advance({ id: campaign.id });
    await expectError(
      county.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE }),
      'PRECONDITION_FAILED',
      'NO_DECLARATIONS',
    );
  });

  it('the township fills its own self-assessment; the county scores it directly, records the outcome and concludes', async () => {
    const { campaign, county, id, accepted } = await annualTownshipAccepted(t);
    expect(accepted.state).toBe('county_accepted');
    // the township officer sees their own township only
    const township = await t.as('township');
    const seen = await township.participations.list({ campaignId: campaign.id });
    expect(seen.items.map((p) => p.villageCode)).toEqual([X_TOWNSHIP]);
    // a village clerk takes no part
    const clerk = await t.as('clerk');
    expect((await clerk.participations.list({ campaignId: campaign.id })).total).toBe(0);

    const outcome = await county.participations.setOutcome({
      id,
      version: accepted.version,
      outcome: 'commended',
      note: '依法治镇工作成效明显',
    });
    expect(outcome).toMatchObject({ outcome: 'commended' });
    const row = (
      await county.participations.list({ campaignId: campaign.id, pageSize: 100 })
    ).items.find((p) => p.id === id);
    expect(row).toMatchObject({ outcome: 'commended', countyGrade: 'excellent' });
    // no 公示 or naming: acceptance leads to the end
    const done = await county.campaigns.advance({ id: campaign.id });
    expect(done.stage).toBe('concluded');
    await expectError(
      county.campaigns.advance({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'STAGE_BLOCKED',
    );
  });

  it('a township’s own sheet derives nothing from its committee’s cases, and saves', async () => {
    const { id, framework } = await annualTownshipCampaign(t);
    const township = await t.as('township');
    // a case of the township's own mediation committee, in the campaign's period
    await township.mediation.save({
      divisionCode: '330728101000',
      receivedOn: '2026-03-12',
      type: 'neighbour',
      parties: 2,
      method: 'oral',
      outcome: 'succeeded',
      closedOn: '2026-03-15',
    });
    const derived = await township.records.derivedAnswers({ participationId: id });
    expect(derived.hasRecords).toBe(false);
    expect(derived.items).toEqual([]);
    const saved = await township.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: goodSheet(framework.definition),
    });
    expect(saved.complete).toBe(true);
  });

  it('the county cannot accept before the township submits, and the township does not review itself', async () => {
    const { county, id, framework } = await annualTownshipCampaign(t);
    const township = await t.as('township');
    const detail = await township.participations.get({ id });
    expect(detail.editableColumn).toBe('self');
    expect(detail.allowedEvents).toEqual(['submit_self_assessment', 'withdraw']);
    await expectError(
      county.participations.saveSheet({
        id,
        version: await versionOf(t, id),
        column: 'county',
        data: goodSheet(framework.definition),
      }),
      'FORBIDDEN',
      'NOT_YOUR_TURN',
    );
  });

  it('an outcome is refused before the county has assessed', async () => {
    const { county, id } = await annualTownshipCampaign(t);
    await expectError(
      county.participations.setOutcome({ id, version: await versionOf(t, id), outcome: 'none' }),
      'PRECONDITION_FAILED',
      'NOT_ASSESSED',
    );
  });
});

describe('title levels', () => {
  it('a county never names above its own level; a recommendation needs a quota', async () => {
    await expectError(
      createCampaign(t, { level: 'provincial' }),
      'BAD_REQUEST',
      'LEVEL_ABOVE_COUNTY',
    );
    await expectError(
      createCampaign(t, { mode: 'recommendation', level: 'municipal' }),
      'BAD_REQUEST',
      'QUOTA_REQUIRED',
    );
    await expectError(
      createCampaign(t, { mode: 'recommendation', level: 'county', recommendationQuota: 2 }),
      'BAD_REQUEST',
      'LEVEL_NOT_ABOVE_COUNTY',
    );
  });
});

describe('county units', () => {
  it('an annual unit assessment enrols every active unit; the officer fills their own unit only and the county scores', async () => {
    const { county, units, officer } = await countyUnitsWithOfficer(t);
    await county.units.save({ ...units[2]!, active: false });
    await expectError(
      county.units.save({ countyCode: '330728000000', name: '司法局', kind: '' }),
      'CONFLICT',
      'NAME_TAKEN',
    );
    const { campaign, framework } = await createCampaign(t, {
      name: '2026年度县直单位依法行政考核',
      mode: 'annual',
      subjectLevel: 'county_unit',
    });
    await county.campaigns.advance({ id: campaign.id });
    const all = await county.participations.list({ campaignId: campaign.id });
    expect(all.items.map((p) => p.villageName).sort()).toEqual(['公安局', '司法局']);
    const own = all.items.find((p) => p.unitId === units[0]!.id)!;
    const other = all.items.find((p) => p.unitId === units[1]!.id)!;

    // the officer sees their unit only, and nothing of the county's villages
    const seen = await officer.participations.list({ campaignId: campaign.id });
    expect(seen.items.map((p) => p.id)).toEqual([own.id]);
    await expectError(officer.participations.get({ id: other.id }), 'NOT_FOUND');
    await expectError(officer.divisions.children({ parentCode: '330728000000' }), 'FORBIDDEN');
    await expectError(
      officer.participations.saveSheet({
        id: other.id,
        version: other.version,
        column: 'self',
        data: goodSheet(framework.definition),
      }),
      'NOT_FOUND',
    );

    const saved = await officer.participations.saveSheet({
      id: own.id,
      version: own.version,
      column: 'self',
      data: goodSheet(framework.definition),
    });
    await officer.participations.transition({
      id: own.id,
      version: saved.version,
      event: { type: 'submit_self_assessment' },
    });
    await county.participations.transition({
      id: other.id,
      version: other.version,
      event: { type: 'withdraw', reason: '机构改革' },
    });
    await county.campaigns.advance({ id: campaign.id });
    // the officer cannot score the county's column; the county can
    await expectError(
      officer.participations.saveSheet({
        id: own.id,
        version: await versionOf(t, own.id),
        column: 'county',
        data: goodSheet(framework.definition),
      }),
      'FORBIDDEN',
      'NOT_YOUR_TURN',
    );
    const scored = await county.participations.saveSheet({
      id: own.id,
      version: await versionOf(t, own.id),
      column: 'county',
      data: goodSheet(framework.definition),
    });
    expect(
      await county.participations.transition({
        id: own.id,
        version: scored.version,
        event: { type: 'accept' },
      }),
    ).toMatchObject({ state: 'county_accepted' });
  });

  it('a unit officer needs a unit of the county, and nobody else has one', async () => {
    const { county, units } = await countyUnitsWithOfficer(t);
    const base = {
      username: 'u2',
      displayName: '干部',
      password: 'Unit2026x',
      scopeCode: '330728000000',
    };
    await expectError(county.users.create({ ...base, role: 'unit_officer' }), 'BAD_REQUEST');
    await expectError(
      county.users.create({ ...base, role: 'inspector', unitId: units[0]!.id }),
      'BAD_REQUEST',
    );
    // a township officer cannot make one
    await expectError(
      (await t.as('township')).users.create({
        ...base,
        role: 'unit_officer',
        unitId: units[0]!.id,
      }),
      'FORBIDDEN',
    );
  });
});

describe('a recommendation upward', () => {
  it('recommends the posted villages within the quota and records the higher level’s decision', async () => {
    const { campaign, county } = await createCampaign(t, {
      name: '2026年度市级民主法治示范村推荐',
      mode: 'recommendation',
      level: 'municipal',
      recommendationQuota: 1,
    });
    expect(campaign.stages).toEqual([
      'deploy',
      'declare',
      'self_assess',
      'township_review',
      'county_acceptance',
      'public_notice',
      'recommend',
      'concluded',
    ]);
    const setStage = (stage: string) =>
      t.db.execute(sql`update campaigns set stage = ${stage} where id = ${campaign.id}`);
    await county.campaigns.advance({ id: campaign.id });
    const ids = [];
    for (const code of [X_VILLAGE, X_VILLAGE_2]) {
      ids.push(
        (await county.participations.declare({ campaignId: campaign.id, villageCode: code })).id,
      );
    }
    // accepted and posted, as in a creation campaign (covered there): set directly
    await t.db.execute(
      sql`update participations set state = 'posted', posted_on = '2026-09-01' where campaign_id = ${campaign.id}`,
    );
    await setStage('public_notice');
    await county.campaigns.advance({ id: campaign.id });
    const [first, second] = ids as [string, string];
    await county.participations.transition({
      id: first,
      version: await versionOf(t, first),
      event: { type: 'recommend' },
    });
    await expectError(
      county.participations.transition({
        id: second,
        version: await versionOf(t, second),
        event: { type: 'recommend' },
      }),
      'PRECONDITION_FAILED',
      'QUOTA_EXCEEDED',
    );
    // a naming needs the body, the number and the date
    await expectError(
      county.participations.transition({
        id: first,
        version: await versionOf(t, first),
        event: { type: 'record_decision', awarded: true },
      }),
      'PRECONDITION_FAILED',
      'DECISION_INCOMPLETE',
    );
    // the county cannot leave the stage while the decision is open
    await expectError(county.campaigns.advance({ id: campaign.id }), 'PRECONDITION_FAILED');
    await county.participations.transition({
      id: first,
      version: await versionOf(t, first),
      event: {
        type: 'record_decision',
        awarded: true,
        awardingBody: '金华市委依法治市办 金华市司法局',
        documentNumber: '金法治办〔2026〕15号',
        decidedOn: '2026-11-20',
      },
    });
    const { items } = await county.titles.list({ level: 'municipal' });
    expect(items).toMatchObject([{ villageCode: X_VILLAGE, namedOn: '2026-11-20' }]);
    const page = await county.titles.get({ id: items[0]!.id });
    expect(page.decision).toMatchObject({ documentNumber: '金法治办〔2026〕15号' });
    expect((await county.campaigns.advance({ id: campaign.id })).stage).toBe('concluded');
  });
});
