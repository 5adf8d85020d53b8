// 待办 on the dashboard: each role sees the sheets whose column is theirs at the campaign's stage,
// inside their scope, and the county sees objections to resolve.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import {
  annualTownshipCampaign,
  campaignInSelfAssessment,
  X_VILLAGE,
  X_VILLAGE_2,
  Y_VILLAGE,
} from './campaign-fixture.js';
import { todayIso } from '../src/services/campaigns/participations.js';

const t = useTestDatabase();

async function todo(username: string) {
  return (await t.as(username)).dashboard.todo();
}

async function setStage(stage: string) {
  await t.db.execute(sql`update campaigns set stage = ${stage}`);
}

async function setState(state: string, villages: string[]) {
  for (const v of villages) {
    await t.db.execute(sql`update participations set state = ${state} where village_code = ${v}`);
  }
}

describe('dashboard.todo', () => {
  it('is empty without campaigns at work', async () => {
    for (const user of ['admin', 'county', 'township', 'clerk', 'inspector']) {
      expect(await todo(user)).toEqual([]);
    }
  });

  it('self-assessment: the clerk of a declared village, nobody else', async () => {
    const { campaign } = await campaignInSelfAssessment(t);
    expect(await todo('clerk')).toEqual([
      {
        campaignId: campaign.id,
        campaignName: campaign.name,
        year: 2026,
        stage: 'self_assess',
        subjectLevel: 'village',
        task: 'self_assessment',
        count: 1,
        dueOn: null,
        light: 'none',
        returned: [],
      },
    ]);
    expect(await todo('township')).toEqual([]);
    expect(await todo('county')).toEqual([]);
  });

  it('township review: the officer counts the submitted villages of their township only; a returned village is the clerk’s again', async () => {
    await campaignInSelfAssessment(t);
    await setStage('township_review');
    await setState('self_assessed', [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE]);
    expect(await todo('township')).toMatchObject([{ task: 'township_review', count: 2 }]);
    expect(await todo('clerk')).toEqual([]);

    await setState('returned', [X_VILLAGE]);
    expect(await todo('township')).toMatchObject([{ task: 'township_review', count: 1 }]);
    expect(await todo('clerk')).toMatchObject([{ task: 'self_assessment', count: 1 }]);
  });

  it('county acceptance: the county administrators, and an inspector only once assigned', async () => {
    const { campaign } = await campaignInSelfAssessment(t);
    await setStage('county_acceptance');
    await setState('township_approved', [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE]);
    expect(await todo('county')).toMatchObject([{ task: 'county_acceptance', count: 3 }]);
    expect(await todo('admin')).toMatchObject([{ task: 'county_acceptance', count: 3 }]);
    expect(await todo('township')).toEqual([]);
    expect(await todo('inspector')).toEqual([]);

    const inspector = await (await t.as('inspector')).auth.me();
    await t.db.execute(
      sql`update campaigns set inspector_ids = ${JSON.stringify([inspector.id])}::jsonb where id = ${campaign.id}`,
    );
    // the inspector's scope (the county) holds all three
    expect(await todo('inspector')).toMatchObject([{ task: 'county_acceptance', count: 3 }]);
  });

  it('public notice: objections await the county', async () => {
    await campaignInSelfAssessment(t);
    await setStage('public_notice');
    await setState('posted', [X_VILLAGE, Y_VILLAGE]);
    await setState('objected', [X_VILLAGE_2]);
    expect(await todo('county')).toMatchObject([
      { task: 'objection', count: 1, stage: 'public_notice' },
    ]);
    expect(await todo('township')).toEqual([]);
    expect(await todo('clerk')).toEqual([]);
  });

  it('shows the stage deadline: yellow within 3 days, red once past (boundaries in the domain tests)', async () => {
    await campaignInSelfAssessment(t);
    const inDays = (n: number) =>
      new Date(Date.parse(todayIso()) + n * 86_400_000).toISOString().slice(0, 10);
    const due = async (date: string) => {
      await t.db.execute(
        sql`update campaigns set stage_dates = ${JSON.stringify({ self_assess: date })}::jsonb`,
      );
      const [entry] = await todo('clerk');
      return { dueOn: entry!.dueOn, light: entry!.light };
    };
    expect(await due(inDays(4))).toEqual({ dueOn: inDays(4), light: 'none' });
    expect(await due(inDays(3))).toEqual({ dueOn: inDays(3), light: 'yellow' });
    expect(await due(inDays(0))).toEqual({ dueOn: inDays(0), light: 'yellow' });
    expect(await due(inDays(-1))).toEqual({ dueOn: inDays(-1), light: 'red' });
  });

  it('names whose work it is: a township officer fills the township’s own sheet of an annual assessment', async () => {
    await annualTownshipCampaign(t);
    expect(await todo('township')).toMatchObject([
      { task: 'self_assessment', subjectLevel: 'township', count: 1 },
    ]);
    expect(await todo('clerk')).toEqual([]);
  });
});
