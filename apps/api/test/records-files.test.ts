// Files of village records (minutes and photos of a meeting, a disclosure's photo, a rules text):
// typed by their content per purpose (a wrong type is a field error), scoped to the village,
// downloaded through the evidence route, kept once the period's self-assessment is submitted.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { recordFiles } from '../src/db/schema.js';
import { sweepEvidence } from '../src/services/campaigns/evidence.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { campaignInSelfAssessment } from './campaign-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-record-files-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const VILLAGE = '330728101201'; // 杨林村, the clerk's
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

async function cookieOf(username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

function upload(
  path: string,
  purpose: string,
  cookie: string,
  body: Buffer,
  name = '会议记录.pdf',
) {
  return app.inject({
    method: 'POST',
    url: `/api/records/${path}/files?purpose=${purpose}`,
    headers: {
      cookie,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

/** A tRPC mutation over HTTP (the server's context has the data directory). */
function mutate(path: string, cookie: string, input: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/trpc/${path}`, headers: { cookie }, payload: input });
}

async function fileRows() {
  return (await t.db.select().from(recordFiles)).length;
}

async function meeting(date = '2026-03-01') {
  return (await t.as('clerk')).meetings.save({
    villageCode: VILLAGE,
    body: 'villagers_meeting',
    date,
    eligible: 100,
    attendees: 60,
    resolutions: [{ title: '修路', votesFor: 50, votesAgainst: 5, abstentions: 5 }],
  });
}

describe('files of village records', () => {
  it('keeps a meeting’s minutes and photo; users in scope list and download them', async () => {
    const m = await meeting();
    const clerk = await cookieOf('clerk');
    const minutes = await upload(`meeting/${m.id}`, 'minutes', clerk, pdf);
    expect(minutes.statusCode).toBe(201);
    expect(minutes.json()).toMatchObject({
      recordKind: 'meeting',
      purpose: 'minutes',
      fileName: '会议记录.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
    });
    const photo = await upload(`meeting/${m.id}`, 'photo', clerk, png, '会场.png');
    expect(photo.statusCode).toBe(201);
    // stored beside the evidence, named for good after the commit
    const names = readdirSync(join(dataDir, 'evidence', '330728000000', m.id));
    expect(names.sort()).toEqual([`${minutes.json().id}.pdf`, `${photo.json().id}.png`].sort());
    const listed = await (
      await t.as('township')
    ).recordFiles.list({ recordKind: 'meeting', recordId: m.id });
    expect(listed.map((f) => f.purpose).sort()).toEqual(['minutes', 'photo']);
    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${minutes.json().id}`,
      headers: { cookie: await cookieOf('township') },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const audited = await t.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'records.add_file'`,
    );
    expect(
      Number(((audited as { rows?: { n: number }[] }).rows ?? (audited as { n: number }[]))[0]!.n),
    ).toBe(2);
    // the sweep keeps files that have their row
    const swept = await sweepEvidence({ db: t.db, dataDir });
    expect(swept.removed).toBe(0);
    expect(readdirSync(join(dataDir, 'evidence', '330728000000', m.id))).toHaveLength(2);
  });

  it('refuses a file of the wrong type with a field error, and stores nothing', async () => {
    const m = await meeting();
    const clerk = await cookieOf('clerk');
    // a PDF is no photo
    const asPhoto = await upload(`meeting/${m.id}`, 'photo', clerk, pdf, 'photo.jpg');
    expect(asPhoto.statusCode).toBe(400);
    const error = asPhoto.json().error;
    expect(error.problemCode).toBe('FILE_TYPE');
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'file',
        message: expect.objectContaining({ zh: expect.stringContaining('图片') }),
      }),
    ]);
    // a text file is no minutes
    const text = await upload(
      `meeting/${m.id}`,
      'minutes',
      clerk,
      Buffer.from('会议记录：到会60人'),
      'minutes.pdf',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fieldErrors[0].path).toBe('file');
    // a meeting takes no rules text; an unknown purpose is a field error too
    const purpose = await upload(`meeting/${m.id}`, 'text', clerk, pdf);
    expect(purpose.statusCode).toBe(400);
    expect(purpose.json().error.fieldErrors[0].path).toBe('purpose');
    const unknown = await upload(`meeting/${m.id}`, 'video', clerk, pdf);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fieldErrors[0].path).toBe('purpose');
    const empty = await upload(`meeting/${m.id}`, 'minutes', clerk, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await fileRows()).toBe(0);
    expect(existsSync(join(dataDir, 'evidence', '330728000000', m.id))).toSatisfy(
      (has: boolean) =>
        !has || readdirSync(join(dataDir, 'evidence', '330728000000', m.id)).length === 0,
    );
  });

  it('keeps a disclosure’s photo and a rules version’s text', async () => {
    const clerk = await t.as('clerk');
    const cookie = await cookieOf('clerk');
    const d = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'finance',
      period: '2026-Q1',
      postedOn: '2026-04-02',
      channel: 'board',
      summary: '一季度财务收支',
    });
    expect(
      (await upload(`disclosure/${d.id}`, 'photo', cookie, png, '公开栏.png')).statusCode,
    ).toBe(201);
    const r = await clerk.villageRules.save({
      villageCode: VILLAGE,
      kind: 'village_compact',
      label: '2026年修订',
      text: '第一条 村民应当遵守法律法规。',
      adoptedOn: '2026-02-01',
    });
    const text = await upload(`rules/${r.id}`, 'text', cookie, pdf, '村规民约.pdf');
    expect(text.statusCode).toBe(201);
    expect(
      (await clerk.recordFiles.list({ recordKind: 'rules', recordId: r.id })).map(
        (f) => f.fileName,
      ),
    ).toEqual(['村规民约.pdf']);
    // a disclosure's photo must be an image
    const wrong = await upload(`disclosure/${d.id}`, 'photo', cookie, pdf);
    expect(wrong.json().error.fieldErrors[0].path).toBe('file');
  });

  it('another township’s officer and a read-only role neither upload nor read', async () => {
    const county = await t.as('county');
    await county.users.create({
      username: 'y_officer',
      displayName: '青山镇 干部',
      password: 'Yofficer2026',
      role: 'township_officer',
      scopeCode: '330728102000',
    });
    const m = await meeting();
    const saved = (await upload(`meeting/${m.id}`, 'minutes', await cookieOf('clerk'), pdf)).json();
    const y = await cookieOf('y_officer', 'Yofficer2026');
    const refused = await upload(`meeting/${m.id}`, 'minutes', y, pdf);
    expect(refused.statusCode).toBe(404);
    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${saved.id}`,
      headers: { cookie: y },
    });
    expect(download.statusCode).toBe(404);
    const yCaller = await t.as('y_officer');
    await expectError(
      yCaller.recordFiles.list({ recordKind: 'meeting', recordId: m.id }),
      'NOT_FOUND',
    );
    await expectError(yCaller.recordFiles.remove({ id: saved.id }), 'NOT_FOUND');
    const inspector = await upload(`meeting/${m.id}`, 'minutes', await cookieOf('inspector'), pdf);
    expect(inspector.statusCode).toBe(403);
    expect(await fileRows()).toBe(1);
  });

  it('removes a file until the period is submitted; a file added then marks the record corrected', async () => {
    const m = await meeting();
    const cookie = await cookieOf('clerk');
    const first = (await upload(`meeting/${m.id}`, 'photo', cookie, png, 'a.png')).json();
    const clerk = await t.as('clerk');
    expect((await mutate('recordFiles.remove', cookie, { id: first.id })).statusCode).toBe(200);
    expect(existsSync(join(dataDir, 'evidence', '330728000000', m.id, `${first.id}.png`))).toBe(
      false,
    );
    const second = (await upload(`meeting/${m.id}`, 'photo', cookie, png, 'b.png')).json();
    await campaignInSelfAssessment(t, [VILLAGE]);
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    await expectError(clerk.recordFiles.remove({ id: second.id }), 'CONFLICT', 'RECORD_LOCKED');
    const third = await upload(`meeting/${m.id}`, 'minutes', cookie, pdf);
    expect(third.statusCode).toBe(201);
    const after = await clerk.meetings.get({ id: m.id });
    expect(after.correctedAfterSubmission).toBe(true);
  });

  it('deleting a meeting takes its files along, rows and bytes', async () => {
    const m = await meeting();
    const saved = (await upload(`meeting/${m.id}`, 'minutes', await cookieOf('clerk'), pdf)).json();
    const removed = await mutate('meetings.remove', await cookieOf('clerk'), {
      id: m.id,
      version: m.version,
    });
    expect(removed.statusCode).toBe(200);
    expect(await fileRows()).toBe(0);
    expect(existsSync(join(dataDir, 'evidence', '330728000000', m.id, `${saved.id}.pdf`))).toBe(
      false,
    );
  });
});
