import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { countRows, useTestDatabase } from './harness.js';
import {
  campaignInSelfAssessment,
  demoFramework,
  X_VILLAGE,
  Y_VILLAGE,
} from './campaign-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-evidence-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

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

async function setup() {
  const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE, Y_VILLAGE]);
  const item = (await demoFramework(t)).definition.areas[0]!.items[0]!.code;
  return { x: ids[X_VILLAGE]!, y: ids[Y_VILLAGE]!, item };
}

function upload(id: string, cookie: string, body: Buffer, query = '', name = '会议记录.pdf') {
  return app.inject({
    method: 'POST',
    url: `/api/participations/${id}/evidence${query}`,
    headers: {
      cookie,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

describe('evidence files', () => {
  it('the clerk attaches a PDF to an item of the self column; users in scope download it', async () => {
    const { x, item } = await setup();
    const res = await upload(x, await cookieOf('clerk'), pdf, `?item=${item}&column=self`);
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      itemCode: item,
      column: 'self',
      fileName: '会议记录.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
    });
    const files = readdirSync(join(dataDir, 'evidence', '330728000000', x));
    expect(files).toContain(`${saved.id}.pdf`);
    const download = await app.inject({
      url: `/api/evidence/${saved.id}`,
      headers: { cookie: await cookieOf('county') },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const detail = await (await t.as('township')).participations.get({ id: x });
    expect(detail.evidence.map((e: { id: string }) => e.id)).toEqual([saved.id]);
    expect(await countRows(t.db, 'audit_events')).toBeGreaterThan(0);
  });

  it('checks the type by content, not by name', async () => {
    const { x, item } = await setup();
    const fake = await upload(
      x,
      await cookieOf('clerk'),
      Buffer.from('not really a pdf'),
      `?item=${item}&column=self`,
      'x.pdf',
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.problemCode).toBe('FILE_TYPE');
    const image = await upload(
      x,
      await cookieOf('clerk'),
      png,
      `?item=${item}&column=self`,
      'photo.bin',
    );
    expect(image.statusCode).toBe(201);
    expect(image.json().mimeType).toBe('image/png');
  });

  it('refuses files over 20 MB', async () => {
    const { x, item } = await setup();
    const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]);
    const res = await upload(x, await cookieOf('clerk'), big, `?item=${item}&column=self`);
    expect(res.statusCode).toBe(413);
    const stored = await t.db.execute(sql`select count(*)::int as n from evidence_files`);
    expect(JSON.stringify(stored)).toContain('"n":0');
  });

  it('only the role whose turn it is attaches evidence, to its own column', async () => {
    const { x, item } = await setup();
    const township = await upload(
      x,
      await cookieOf('township'),
      pdf,
      `?item=${item}&column=township`,
    );
    expect(township.statusCode).toBe(403);
    const wrongColumn = await upload(
      x,
      await cookieOf('clerk'),
      pdf,
      `?item=${item}&column=county`,
    );
    expect(wrongColumn.statusCode).toBe(403);
    const unknownItem = await upload(x, await cookieOf('clerk'), pdf, `?item=NOPE&column=self`);
    expect(unknownItem.statusCode).toBe(400);
    const anonymous = await upload(x, '', pdf, `?item=${item}&column=self`);
    expect(anonymous.statusCode).toBe(401);
  });

  it('a user of another township can neither upload nor download', async () => {
    const { x, y, item } = await setup();
    const saved = (
      await upload(x, await cookieOf('clerk'), pdf, `?item=${item}&column=self`)
    ).json();
    const county = await t.as('county');
    await county.users.create({
      username: 'y_town',
      displayName: '青山镇干部',
      password: 'Town2026x',
      role: 'township_officer',
      scopeCode: '330728102000',
    });
    const yCookie = await cookieOf('y_town', 'Town2026x');
    expect(
      (await app.inject({ url: `/api/evidence/${saved.id}`, headers: { cookie: yCookie } }))
        .statusCode,
    ).toBe(404);
    expect((await upload(x, yCookie, pdf, `?item=${item}&column=township`)).statusCode).toBe(404);
    // and the clerk of X cannot upload to Y
    expect(
      (await upload(y, await cookieOf('clerk'), pdf, `?item=${item}&column=self`)).statusCode,
    ).toBe(404);
  });
});
