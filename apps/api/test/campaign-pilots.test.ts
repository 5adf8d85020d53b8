// 试点: pilot villages only until the on-site meeting (现场会) is recorded and the county rolls out.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { createCampaign, X_VILLAGE, Y_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();

const meeting = {
  heldOn: '2026-04-20',
  place: '白石镇白石村文化礼堂',
  attendees: 86,
  summary: '试点村介绍议事协商和村规民约修订经验，各乡镇分管领导观摩。',
  fileNames: ['现场会议程.pdf', '试点经验材料汇编.pdf'],
};

describe('the pilot phase', () => {
  it('admits pilot villages only until the meeting is recorded and the county rolls out', async () => {
    const { campaign, county } = await createCampaign(t, { pilotVillageCodes: [X_VILLAGE] });
    await county.campaigns.advance({ id: campaign.id });
    await county.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE });
    await expectError(
      county.participations.declare({ campaignId: campaign.id, villageCode: Y_VILLAGE }),
      'BAD_REQUEST',
      'NOT_A_PILOT',
    );
    await expectError(
      county.campaigns.rollOut({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'PILOT_MEETING_MISSING',
    );
    const recorded = await county.campaigns.recordPilotMeeting({ id: campaign.id, ...meeting });
    expect(recorded).toMatchObject(meeting);
    const list = await (await t.as('township')).campaigns.pilotMeetings({ id: campaign.id });
    expect(list).toMatchObject({ total: 1, items: [{ place: meeting.place, attendees: 86 }] });

    const after = await county.campaigns.rollOut({ id: campaign.id });
    expect(after.rolledOutAt).toBeInstanceOf(Date);
    await county.participations.declare({ campaignId: campaign.id, villageCode: Y_VILLAGE });
    await expectError(
      county.campaigns.rollOut({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'ALREADY_ROLLED_OUT',
    );
  });

  it('has no pilot phase without pilot villages, and checks the meeting fields', async () => {
    const { campaign, county } = await createCampaign(t);
    await expectError(
      county.campaigns.recordPilotMeeting({ id: campaign.id, ...meeting }),
      'PRECONDITION_FAILED',
      'NO_PILOT_PHASE',
    );
    const bad = await expectError(
      county.campaigns.recordPilotMeeting({
        id: campaign.id,
        ...meeting,
        attendees: 0,
        place: ' ',
      }),
      'BAD_REQUEST',
    );
    expect(bad.fieldErrors.map((f) => f.path).sort()).toEqual(['attendees', 'place']);
  });
});
