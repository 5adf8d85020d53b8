// The public comment page (件件有反馈): no login, read-only but for the submit form, nothing
// personal shown, limited per client address, and a sent comment is audited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { auditEvents, publicComments } from '../src/db/schema.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
let limitedApp: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-comments-'));
const TOWNSHIP = '330728101000';
const VILLAGE = '330728101201';

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
  limitedApp = await createServer({
    database: t.database,
    dataDir,
    logLevel: 'silent',
    publicRequestsPerMinute: 2,
  });
});
afterAll(async () => {
  await app.close();
  await limitedApp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: `/public/comments/${VILLAGE}`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('the public comment page', () => {
  it('shows answered comments with reply and days taken, never the contact or the text', async () => {
    const clerk = await t.as('clerk');
    const c = await clerk.comments.save({
      divisionCode: VILLAGE,
      ownerCode: VILLAGE,
      channel: 'phone',
      subject: '村口路灯不亮',
      content: '张三家门口那盏灯坏了',
      contact: '13912345678',
      receivedOn: '2026-11-20',
    });
    await clerk.comments.reply({ id: c.id, version: 1, reply: '已更换路灯' });
    const res = await app.inject({ method: 'GET', url: `/public/comments/${TOWNSHIP}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    // so that the browser's form POST carries this site's Origin, not "null"
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.body).toContain('村口路灯不亮');
    expect(res.body).toContain('已更换路灯');
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('张三');
    expect(res.body).not.toContain('<script');
    const days = Math.round((Date.parse(todayIso()) - Date.parse('2026-11-20')) / 86_400_000);
    expect(res.body).toContain(`<td>${days}</td>`);
  });

  it('answers 404 for an unknown or malformed division', async () => {
    expect((await app.inject({ url: '/public/comments/999999999999' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/public/comments/abc' })).statusCode).toBe(404);
  });

  it('takes a comment from the form, owned by the township, with one audit event', async () => {
    const res = await app.inject(
      form({ subject: '道路积水', content: '雨后三组道路积水', contact: '微信 zhangsan-7788' }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/public/comments/${VILLAGE}?sent=1`);
    const [row] = await t.db.select().from(publicComments);
    expect(row).toMatchObject({
      channel: 'public_page',
      divisionCode: VILLAGE,
      ownerCode: TOWNSHIP,
      contact: '微信 zhangsan-7788',
      receivedOn: todayIso(),
    });
    const events = await t.db.select().from(auditEvents);
    expect(events.map((e) => e.action)).toEqual(['comments.submitPublic']);
    expect(JSON.stringify(events)).not.toContain('zhangsan-7788');
    // the township sees it, light and all, in its list
    const list = await (await t.as('township')).comments.list({ divisionCode: TOWNSHIP });
    expect(list.items[0]).toMatchObject({ subject: '道路积水', light: 'green' });
  });

  it('refuses an empty or too long form with Chinese messages and stores nothing', async () => {
    const res = await app.inject(form({ subject: '', content: 'x'.repeat(2001) }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请填写事项');
    expect(res.body).toContain('内容最多 2000 个字');
    expect(await t.db.select().from(publicComments)).toEqual([]);
  });

  it('is limited per client address', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await limitedApp.inject({ url: `/public/comments/${TOWNSHIP}` })).statusCode);
    }
    expect(codes).toEqual([200, 200, 429]);
  });
});
