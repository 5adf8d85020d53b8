// A major matter's posting links to the resolution it discloses: the posting shows the resolution's
// title and its meeting's date; a correction (id + version) keeps the link or changes it; a
// resolution of another village is a field error; a stale version is refused.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();
const VILLAGE = '330728101201'; // 杨林村, the clerk's
const OTHER = '330728101210'; // 白石村, same township

async function meetingOf(villageCode: string, as: string, title: string) {
  return (await t.as(as)).meetings.save({
    villageCode,
    body: 'representatives_meeting',
    date: '2026-03-02',
    eligible: 40,
    attendees: 32,
    resolutions: [{ title, votesFor: 30, votesAgainst: 1, abstentions: 1 }],
  });
}

describe('a major matter’s posting and its resolution', () => {
  it('shows the linked resolution in the saved posting and in the list', async () => {
    const clerk = await t.as('clerk');
    const meeting = await meetingOf(VILLAGE, 'clerk', '村级水库承包方案');
    const resolution = meeting.resolutions[0]!;
    const saved = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'major',
      period: '2026-03',
      postedOn: '2026-03-04',
      channel: 'board',
      summary: '水库承包方案决议公开',
      resolutionId: resolution.id,
    });
    expect(saved.resolution).toEqual({
      id: resolution.id,
      title: '村级水库承包方案',
      meetingId: meeting.id,
      meetingDate: '2026-03-02',
    });
    const list = await clerk.disclosures.list({ villageCode: VILLAGE, pageSize: 200 });
    const row = list.items.find((d) => d.id === saved.id)!;
    expect(row.resolution?.title).toBe('村级水库承包方案');
    // an unlinked posting has none
    expect(
      list.items.filter((d) => d.category !== 'major').every((d) => d.resolution === null),
    ).toBe(true);
  });

  it('a corrected meeting keeps its resolutions, so the posting stays linked; one taken away unlinks it', async () => {
    const clerk = await t.as('clerk');
    const meeting = await meetingOf(VILLAGE, 'clerk', '村级水库承包方案');
    const resolution = meeting.resolutions[0]!;
    const posted = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'major',
      period: '2026-03',
      postedOn: '2026-03-04',
      channel: 'board',
      summary: '水库承包方案决议公开',
      resolutionId: resolution.id,
    });
    const input = {
      villageCode: VILLAGE,
      body: 'representatives_meeting' as const,
      date: '2026-03-02',
      eligible: 40,
      attendees: 34,
      resolutions: [
        { title: '村级水库承包方案（修正）', votesFor: 31, votesAgainst: 2, abstentions: 1 },
        { title: '村道维修方案', votesFor: 30, votesAgainst: 2, abstentions: 2 },
      ],
    };
    const corrected = await clerk.meetings.save({
      ...input,
      id: meeting.id,
      version: meeting.version,
    });
    expect(corrected.resolutions.map((r) => r.id)[0]).toBe(resolution.id);
    expect(corrected.resolutions).toHaveLength(2);
    const list = await clerk.disclosures.list({ villageCode: VILLAGE, pageSize: 200 });
    expect(list.items.find((d) => d.id === posted.id)!.resolution).toEqual({
      id: resolution.id,
      title: '村级水库承包方案（修正）',
      meetingId: meeting.id,
      meetingDate: '2026-03-02',
    });
    // the resolutions taken away: the posting is no longer linked
    await clerk.meetings.save({
      ...input,
      resolutions: [],
      id: meeting.id,
      version: corrected.version,
    });
    const after = await clerk.disclosures.list({ villageCode: VILLAGE, pageSize: 200 });
    expect(after.items.find((d) => d.id === posted.id)!.resolution).toBeNull();
  });

  it('a correction sends id and version; the link can change; a stale version is refused', async () => {
    const clerk = await t.as('clerk');
    const first = (await meetingOf(VILLAGE, 'clerk', '甲方案')).resolutions[0]!;
    const saved = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'major',
      period: '2026-03',
      postedOn: '2026-03-04',
      channel: 'board',
      summary: '决议公开',
      resolutionId: first.id,
    });
    const second = (
      await clerk.meetings.save({
        villageCode: VILLAGE,
        body: 'villagers_meeting',
        date: '2026-03-03',
        eligible: 800,
        attendees: 500,
        resolutions: [{ title: '乙方案', votesFor: 400, votesAgainst: 50, abstentions: 50 }],
      })
    ).resolutions[0]!;
    const corrected = await clerk.disclosures.save({
      id: saved.id,
      version: saved.version,
      villageCode: VILLAGE,
      category: 'major',
      period: '2026-03',
      postedOn: '2026-03-05',
      channel: 'online',
      summary: '决议公开（更正）',
      resolutionId: second.id,
    });
    expect(corrected).toMatchObject({
      id: saved.id,
      version: saved.version + 1,
      postedOn: '2026-03-05',
      channel: 'online',
      resolution: { title: '乙方案', meetingDate: '2026-03-03' },
    });
    await expectError(
      clerk.disclosures.save({
        id: saved.id,
        version: saved.version,
        villageCode: VILLAGE,
        category: 'major',
        period: '2026-03',
        postedOn: '2026-03-05',
        channel: 'board',
        summary: '旧版本',
      }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
  });

  it('refuses a resolution of another village as a field error, saving nothing', async () => {
    const other = (await meetingOf(OTHER, 'township', '白石村方案')).resolutions[0]!;
    const clerk = await t.as('clerk');
    const before = (await clerk.disclosures.list({ villageCode: VILLAGE, pageSize: 200 })).total;
    const error = await expectError(
      clerk.disclosures.save({
        villageCode: VILLAGE,
        category: 'major',
        period: '2026-03',
        postedOn: '2026-03-04',
        channel: 'board',
        summary: '决议公开',
        resolutionId: other.id,
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors).toEqual([
      {
        path: 'resolutionId',
        message: {
          zh: '该决议不属于本村',
          en: 'The resolution does not belong to this village',
        },
      },
    ]);
    expect((await clerk.disclosures.list({ villageCode: VILLAGE, pageSize: 200 })).total).toBe(
      before,
    );
  });
});
