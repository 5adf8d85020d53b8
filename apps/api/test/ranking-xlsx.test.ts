// Issue 10, item 11: the ranking of a campaign as an Excel file, like the other .xlsx routes:
// labels (township, village, grade, state), never codes, and only what the caller's scope holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { useTestDatabase } from './harness.js';
import { campaignInSelfAssessment, X_VILLAGE, X_VILLAGE_2, Y_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-ranking-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
  return `fazhi_session=${cookie!.value}`;
}

async function rows(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as never);
  const ws = workbook.getWorksheet('得分排名')!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('GET /api/campaigns/:id/ranking.xlsx', () => {
  it('lists the ranked villages with labels, and a township only its own', async () => {
    const { campaign } = await campaignInSelfAssessment(t, [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE]);
    await t.db.execute(sql`update participations set state = 'county_accepted',
      county_total = 9000, county_grade = 'excellent' where village_code = ${X_VILLAGE}`);
    await t.db.execute(sql`update participations set state = 'county_accepted',
      county_total = 9550, county_grade = 'excellent' where village_code = ${Y_VILLAGE}`);
    await t.db.execute(sql`update participations set state = 'county_failed',
      county_total = 5000, county_grade = 'fail', county_vetoed = true where village_code = ${X_VILLAGE_2}`);
    const res = await app.inject({
      url: `/api/campaigns/${campaign.id}/ranking.xlsx`,
      headers: { cookie: await login('county') },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent(`得分排名-${campaign.name}.xlsx`)}`,
    );
    const all = await rows(res.rawPayload);
    expect(String(all[0]![0])).toBe(`${campaign.name}得分排名`);
    expect(all[1]).toEqual([
      '名次',
      '乡镇（街道）',
      '村（社区）',
      '验收得分',
      '等次',
      '一票否决',
      '状态',
    ]);
    const body = all.slice(2);
    expect(body.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      [1, '青山镇', 95.5, '优秀', '否'],
      [2, '白石镇', 90, '优秀', '否'],
      ['—', '白石镇', 50, '不合格', '是'],
    ]);
    // labels, never codes
    const text = JSON.stringify(body);
    for (const code of ['excellent', 'fail', 'county_accepted', 'county_failed', X_VILLAGE]) {
      expect(text).not.toContain(code);
    }
    const township = await app.inject({
      url: `/api/campaigns/${campaign.id}/ranking.xlsx`,
      headers: { cookie: await login('township') },
    });
    expect(township.statusCode).toBe(200);
    expect((await rows(township.rawPayload)).slice(2).map((r) => r[1])).toEqual([
      '白石镇',
      '白石镇',
    ]);
  });

  it('answers 401 without a session and 404 for an unknown campaign, in Chinese', async () => {
    const anonymous = await app.inject({
      url: `/api/campaigns/${crypto.randomUUID()}/ranking.xlsx`,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await app.inject({
      url: `/api/campaigns/${crypto.randomUUID()}/ranking.xlsx`,
      headers: { cookie: await login('county') },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('创建活动不存在');
  });
});
