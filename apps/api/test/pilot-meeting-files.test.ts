// 现场会 files: the county uploads them like evidence files (images and PDF, typed by content,
// at most 20 MB, audited); everyone who sees the campaign downloads them; the sweep keeps them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { auditEvents, pilotMeetingFiles } from '../src/db/schema.js';
import { sweepEvidence } from '../src/services/campaigns/evidence.js';
import { useTestDatabase } from './harness.js';
import { createCampaign, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-pilot-files-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

async function cookieOf(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

/** A campaign in its pilot phase with one recorded on-site meeting. */
async function meeting() {
  const { campaign, county } = await createCampaign(t, { pilotVillageCodes: [X_VILLAGE] });
  const row = await county.campaigns.recordPilotMeeting({
    id: campaign.id,
    heldOn: '2026-04-20',
    place: '白石镇白石村文化礼堂',
    attendees: 86,
    summary: '试点村介绍经验。',
  });
  return { campaign, county, meetingId: row.id };
}

function upload(
  campaignId: string,
  meetingId: string,
  cookie: string | undefined,
  body: Buffer,
  name = '现场会议程.pdf',
) {
  return app.inject({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/pilot-meetings/${meetingId}/files`,
    headers: {
      ...(cookie ? { cookie } : {}),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

describe('pilot meeting files', () => {
  it('the county uploads a file; whoever sees the campaign downloads it; it is audited', async () => {
    const { campaign, meetingId } = await meeting();
    const county = await cookieOf('county');
    const res = await upload(campaign.id, meetingId, county, pdf);
    expect(res.statusCode).toBe(201);
    const saved = res.json<{ id: string }>();
    expect(saved).toMatchObject({
      fileName: '现场会议程.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
    });
    expect(await upload(campaign.id, meetingId, county, png, '现场照片.png')).toMatchObject({
      statusCode: 201,
    });
    // stored beside the evidence files, under the meeting's directory
    expect(readdirSync(join(dataDir, 'evidence', '330728000000', meetingId))).toHaveLength(2);

    const listed = await (await t.as('township')).campaigns.pilotMeetings({ id: campaign.id });
    expect(listed.items[0]!.files.map((f) => [f.fileName, f.mimeType])).toEqual([
      ['现场会议程.pdf', 'application/pdf'],
      ['现场照片.png', 'image/png'],
    ]);

    const download = await app.inject({
      method: 'GET',
      url: `/api/pilot-meeting-files/${saved.id}`,
      headers: { cookie: await cookieOf('township') },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/pilot-meeting-files/${saved.id}`,
    });
    expect(anonymous.statusCode).toBe(401);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'campaigns.addPilotMeetingFile'))
      .orderBy(auditEvents.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      entityId: campaign.id,
      after: { meetingId, fileName: '现场会议程.pdf', size: pdf.length },
    });

    // the evidence sweep knows these files and keeps them
    await sweepEvidence({ db: t.db, dataDir });
    expect(readdirSync(join(dataDir, 'evidence', '330728000000', meetingId))).toHaveLength(2);
  });

  it('refuses other roles, other types, empty and oversized files, unknown meetings and closed campaigns', async () => {
    const { campaign, county, meetingId } = await meeting();
    const countyCookie = await cookieOf('county');
    const township = await upload(campaign.id, meetingId, await cookieOf('township'), pdf);
    expect(township.statusCode).toBe(403);
    expect((await upload(campaign.id, meetingId, undefined, pdf)).statusCode).toBe(401);
    const text = await upload(campaign.id, meetingId, countyCookie, Buffer.from('hello'), 'a.txt');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.problemCode).toBe('FILE_TYPE');
    expect((await upload(campaign.id, meetingId, countyCookie, Buffer.alloc(0))).statusCode).toBe(
      400,
    );
    const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]);
    expect((await upload(campaign.id, meetingId, countyCookie, big)).statusCode).toBe(413);
    const other = await meeting();
    // a meeting of another campaign
    expect((await upload(campaign.id, other.meetingId, countyCookie, pdf)).statusCode).toBe(404);
    await county.campaigns.close({ id: campaign.id, summary: '试点结束' });
    const closed = await upload(campaign.id, meetingId, countyCookie, pdf);
    expect(closed.statusCode).toBe(412);
    expect(closed.json().error.problemCode).toBe('CAMPAIGN_CLOSED');
    expect(await t.db.select().from(pilotMeetingFiles)).toEqual([]);
  });
});
