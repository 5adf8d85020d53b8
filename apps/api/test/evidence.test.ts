import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { auditEvents, evidenceFiles } from '../src/db/schema.js';
import { createContextInner } from '../src/trpc/context.js';
import { createCaller } from '../src/trpc/root.js';
import { countRows, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
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

  it('says an empty file is empty, not of the wrong type', async () => {
    const { x, item } = await setup();
    const empty = await upload(
      x,
      await cookieOf('clerk'),
      Buffer.alloc(0),
      `?item=${item}&column=self`,
      '会议记录.pdf',
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.problemCode).toBe('EMPTY_FILE');
    expect(empty.json().error.messages.zh).toBe('文件为空');
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

describe('removing evidence', () => {
  const folder = (participationId: string) =>
    join(dataDir, 'evidence', '330728000000', participationId);

  /** A caller that stores files where the server does. */
  async function callerOf(username: string) {
    return createCaller(
      createContextInner({ db: t.db, user: await t.sessionUser(username), dataDir }),
    );
  }

  async function attach(id: string, username: string, item: string, column = 'self') {
    const res = await upload(id, await cookieOf(username), pdf, `?item=${item}&column=${column}`);
    expect(res.statusCode).toBe(201);
    await t.db.execute(sql`truncate table audit_events restart identity`);
    return res.json() as { id: string };
  }

  async function download(evidenceId: string, username = 'county') {
    return app.inject({
      url: `/api/evidence/${evidenceId}`,
      headers: { cookie: await cookieOf(username) },
    });
  }

  /** The audit events other than sign-ins (each cookie here comes from a real login). */
  async function changesAudited() {
    const events = await t.db.select().from(auditEvents);
    return events.filter((e) => !e.action.startsWith('auth.'));
  }

  /** The file, its row and its download are all still there, and nothing was audited. */
  async function expectUntouched(participationId: string, evidenceId: string) {
    expect((await t.db.select().from(evidenceFiles)).map((r) => r.id)).toEqual([evidenceId]);
    expect(readdirSync(folder(participationId))).toContain(`${evidenceId}.pdf`);
    const res = await download(evidenceId);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(await changesAudited()).toEqual([]);
  }

  it('the clerk removes a file of the self column: its row, its file and one audit event', async () => {
    const { x, item } = await setup();
    const saved = await attach(x, 'clerk', item);
    expect(readdirSync(folder(x))).toContain(`${saved.id}.pdf`);
    const cookie = await cookieOf('clerk');
    await t.db.execute(sql`truncate table audit_events restart identity`);
    // through HTTP, as the SPA calls it
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/participations.removeEvidence',
      headers: { cookie },
      payload: { id: saved.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.data).toEqual({ id: saved.id, participationId: x });
    expect(await t.db.select().from(evidenceFiles)).toEqual([]);
    expect(readdirSync(folder(x))).not.toContain(`${saved.id}.pdf`);
    const events = await t.db.select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'participations.remove_evidence',
      actorUsername: 'clerk',
      entity: 'evidence',
      entityId: saved.id,
      divisionCode: X_VILLAGE,
      before: {
        itemCode: item,
        column: 'self',
        fileName: '会议记录.pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
      after: null,
    });
    expect((await download(saved.id)).statusCode).toBe(404);
    const detail = await (await t.as('clerk')).participations.get({ id: x });
    expect(detail.evidence).toEqual([]);
  });

  it('a file already missing from disk is removed all the same', async () => {
    const { x, item } = await setup();
    const saved = await attach(x, 'clerk', item);
    rmSync(join(folder(x), `${saved.id}.pdf`));
    await (await callerOf('clerk')).participations.removeEvidence({ id: saved.id });
    expect(await t.db.select().from(evidenceFiles)).toEqual([]);
    expect((await changesAudited()).map((e) => e.action)).toEqual([
      'participations.remove_evidence',
    ]);
  });

  it('a user of another township gets NOT_FOUND and nothing changes', async () => {
    const { x, item } = await setup();
    const saved = await attach(x, 'clerk', item);
    await (
      await t.as('county')
    ).users.create({
      username: 'y_town',
      displayName: '青山镇干部',
      password: 'Town2026x',
      role: 'township_officer',
      scopeCode: '330728102000',
    });
    await t.db.execute(sql`truncate table audit_events restart identity`);
    await expectError(
      (await callerOf('y_town')).participations.removeEvidence({ id: saved.id }),
      'NOT_FOUND',
    );
    await expectUntouched(x, saved.id);
  });

  it('only the role whose turn it is, and only in its own column, may remove', async () => {
    const { x, item } = await setup();
    const saved = await attach(x, 'clerk', item);
    // in self-assessment the township, the county and the inspector may not touch the clerk's file
    for (const username of ['township', 'county', 'inspector']) {
      await expectError(
        (await callerOf(username)).participations.removeEvidence({ id: saved.id }),
        'FORBIDDEN',
        'NOT_YOUR_TURN',
      );
    }
    // once the self-assessment is submitted, the clerk's turn is over, and the township's
    // column is not the one the file belongs to
    await t.db.execute(sql`update campaigns set stage = 'township_review'`);
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    for (const username of ['clerk', 'township']) {
      const error = await expectError(
        (await callerOf(username)).participations.removeEvidence({ id: saved.id }),
        'FORBIDDEN',
        'NOT_YOUR_TURN',
      );
      expect(error.messages).toEqual({
        zh: '当前阶段您不能删除这一栏的佐证材料',
        en: 'You may not remove evidence of this column at this stage',
      });
    }
    await expectUntouched(x, saved.id);
  });

  it('an inspector removes a county file only when assigned, in acceptance', async () => {
    const { x, item } = await setup();
    await t.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
    await t.db.execute(sql`update participations set state = 'township_approved'`);
    const saved = await attach(x, 'county', item, 'county');
    const inspector = await callerOf('inspector');
    await expectError(
      inspector.participations.removeEvidence({ id: saved.id }),
      'FORBIDDEN',
      'NOT_YOUR_TURN',
    );
    await expectUntouched(x, saved.id);
    const me = await inspector.auth.me();
    await t.db.execute(sql`update campaigns set inspector_ids = ${JSON.stringify([me.id])}::jsonb`);
    await inspector.participations.removeEvidence({ id: saved.id });
    expect(await t.db.select().from(evidenceFiles)).toEqual([]);
    expect(existsSync(join(folder(x), `${saved.id}.pdf`))).toBe(false);
  });

  it('an unknown id is NOT_FOUND, a malformed one BAD_REQUEST', async () => {
    await setup();
    await t.db.execute(sql`truncate table audit_events restart identity`);
    const clerk = await callerOf('clerk');
    await expectError(
      clerk.participations.removeEvidence({ id: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
    await expectError(clerk.participations.removeEvidence({ id: 'nope' }), 'BAD_REQUEST');
    expect(await changesAudited()).toEqual([]);
  });
});
