import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { demoUsers } from '../src/demo/demo-county.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase({ campaign: true });
let app: Awaited<ReturnType<typeof createServer>>;
let limitedApp: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-notice-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
  limitedApp = await createServer({
    database: t.database,
    dataDir,
    logLevel: 'silent',
    publicRequestsPerMinute: 3,
  });
});
afterAll(async () => {
  await app.close();
  await limitedApp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function campaignAt(stage: string) {
  const county = await t.as('county');
  const { items } = await county.campaigns.list({});
  return items.find((c) => c.stage === stage)!;
}

describe('the notice particulars', () => {
  it('are part of the notice list, with the period computed from the date and the days', async () => {
    const county = await t.as('county');
    const campaign = await campaignAt('public_notice');
    const notice = await county.campaigns.noticeList({ id: campaign.id });
    expect(notice.particulars).toEqual({
      issuer: '清和县民主法治示范村创建工作领导小组办公室',
      contact: '县司法局基层工作科（电话：0579-8881 2345；地址：清和县人民路8号）',
      issuedOn: '2026-10-16',
      days: 7,
      periodStart: '2026-10-16',
      periodEnd: '2026-10-22',
      complete: true,
    });
    expect(notice.publicPath).toBe(`/public/notices/${campaign.id}`);
    const early = await county.campaigns.noticeList({ id: (await campaignAt('self_assess')).id });
    expect(early.publicPath).toBeNull();
  });

  it('are set by the county, audited, and refused to a township officer', async () => {
    const county = await t.as('county');
    const campaign = await campaignAt('public_notice');
    const result = await county.campaigns.setNotice({
      id: campaign.id,
      issuer: '清和县司法局',
      contact: '县司法局（电话0579-1234567）',
      issuedOn: '2026-12-30',
    });
    expect(result).toMatchObject({ periodStart: '2026-12-30', periodEnd: '2027-01-05' });
    const audit = await county.audit.list({});
    expect(audit.items[0]).toMatchObject({
      action: 'campaigns.setNotice',
      after: { issuer: '清和县司法局', issuedOn: '2026-12-30' },
    });
    const township = await t.as('township');
    await expectError(
      township.campaigns.setNotice({
        id: campaign.id,
        issuer: 'x',
        contact: 'y',
        issuedOn: '2026-12-30',
      }),
      'FORBIDDEN',
    );
    const empty = await expectError(
      county.campaigns.setNotice({
        id: campaign.id,
        issuer: ' ',
        contact: 'y',
        issuedOn: '2026-12-30',
      }),
      'BAD_REQUEST',
    );
    expect(empty.fieldErrors.map((f) => f.path)).toEqual(['issuer']);
  });
});

describe('GET /public/notices/:id', () => {
  it('shows the notice without login: period, objections contact, issuer, date and list', async () => {
    const campaign = await campaignAt('public_notice');
    const county = await t.as('county');
    const list = await county.campaigns.noticeList({ id: campaign.id });
    const res = await app.inject(`/public/notices/${campaign.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(`${campaign.name}拟命名民主法治示范村（社区）名单公示`);
    expect(res.body).toContain('公示期为2026年10月16日至2026年10月22日（7天）');
    expect(res.body).toContain(
      '县司法局基层工作科（电话：0579-8881 2345；地址：清和县人民路8号）反映',
    );
    expect(res.body).toContain('清和县民主法治示范村创建工作领导小组办公室<br>2026年10月16日');
    expect(list.rows.length).toBeGreaterThan(10);
    for (const row of list.rows) expect(res.body).toContain(`<td>${row.villageName}</td>`);
    expect(res.body).toContain('<svg');
    // no scripts, nothing personal
    expect(res.body).not.toMatch(/<script/i);
    for (const secret of ['赵某', '钱某', '1380000', ...demoUsers.map((u) => u.displayName)]) {
      expect(res.body).not.toContain(secret);
    }
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('escapes what the county typed', async () => {
    const campaign = await campaignAt('public_notice');
    const county = await t.as('county');
    await county.campaigns.setNotice({
      id: campaign.id,
      issuer: '<script>alert(1)</script>办公室',
      contact: '"><img src=x onerror=alert(1)>',
      issuedOn: '2026-10-16',
    });
    const res = await app.inject(`/public/notices/${campaign.id}`);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toContain('<img');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;办公室');
  });

  it('is not there before 公示, nor for an unknown or malformed id', async () => {
    const early = await campaignAt('self_assess');
    for (const id of [early.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00']) {
      const res = await app.inject(`/public/notices/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toContain('未找到该公示');
    }
  });

  it('gives a QR code of its own address', async () => {
    const campaign = await campaignAt('public_notice');
    const res = await app.inject({
      url: `/public/notices/${campaign.id}/qr.svg`,
      headers: { host: 'fazhi.example.gov.cn' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg/);
    const early = await campaignAt('self_assess');
    expect((await app.inject(`/public/notices/${early.id}/qr.svg`)).statusCode).toBe(404);
  });

  it('limits the requests of one address per minute: the one after the limit gets 429', async () => {
    const campaign = await campaignAt('public_notice');
    const from = (remoteAddress: string) =>
      limitedApp.inject({ url: `/public/notices/${campaign.id}`, remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).statusCode).toBe(200);
    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toContain('请求过于频繁');
    // another address is not held
    expect((await from('203.0.113.8')).statusCode).toBe(200);
  });
});
