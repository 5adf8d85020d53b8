// The mediation statistics table as Excel: the file route answers the caller's scope only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import {
  MEDIATION_SHEET_NAME,
  MONTHLY_SHEET_NAME,
} from '../src/services/registers/statistics-xlsx.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-registers-'));

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
  const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
  return `fazhi_session=${cookie!.value}`;
}

const url = (divisionCode: string) =>
  `/api/statistics/mediation.xlsx?divisionCode=${divisionCode}&from=2026-01-01&to=2026-12-31`;

describe('GET /api/statistics/mediation.xlsx', () => {
  it('exports the table of the division with a row per child and the total', async () => {
    const clerk = await t.as('clerk');
    for (const receivedOn of ['2026-10-02', '2026-10-09']) {
      await clerk.mediation.save({
        divisionCode: '330728101201',
        receivedOn,
        type: 'neighbour',
        parties: 2,
        method: 'oral',
        outcome: 'succeeded',
        closedOn: '2026-10-20',
      });
    }
    const res = await app.inject({
      url: url('330728101000'),
      headers: { cookie: await login('township') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.getWorksheet(MEDIATION_SHEET_NAME)!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const village = rows.find((r) => r[1] === '330728101201')!;
    expect(village.slice(3, 10)).toEqual([2, 2, 2, 2, 0, '100.0%', '100.0%']);
    const total = rows.find((r) => String(r[2]).startsWith('合计'))!;
    expect(total[3]).toBe(2);
  });

  it('refuses a division outside the scope and bad input without a server error', async () => {
    const cookie = await login('township');
    expect((await app.inject({ url: url('330728000000'), headers: { cookie } })).statusCode).toBe(
      403,
    );
    const bad = await app.inject({
      url: '/api/statistics/mediation.xlsx?divisionCode=x&from=2026&to=',
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ url: url('330728101000') })).statusCode).toBe(401);
  });
});

describe('GET /api/statistics/mediation-monthly.xlsx', () => {
  it('a row per month by dispute type, and the year total; refused outside the scope', async () => {
    const clerk = await t.as('clerk');
    const base = {
      divisionCode: '330728101201',
      parties: 2,
      method: 'oral' as const,
      outcome: 'succeeded' as const,
    };
    await clerk.mediation.save({
      ...base,
      receivedOn: '2026-10-02',
      type: 'neighbour',
      closedOn: '2026-10-05',
    });
    // received in October, closed in November: handled in the year, not in its month
    await clerk.mediation.save({
      ...base,
      receivedOn: '2026-10-30',
      type: 'labour',
      closedOn: '2026-11-02',
    });
    await clerk.mediation.save({
      ...base,
      receivedOn: '2026-11-03',
      type: 'neighbour',
      closedOn: '2026-11-04',
    });
    const cookie = await login('township');
    const res = await app.inject({
      url: '/api/statistics/mediation-monthly.xlsx?divisionCode=330728101000&year=2026',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.getWorksheet(MONTHLY_SHEET_NAME)!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[1]!;
    const col = (name: string) => header.indexOf(name);
    const october = rows.find((r) => r[1] === '2026-10')!;
    const november = rows.find((r) => r[1] === '2026-11')!;
    const total = rows.find((r) => r[1] === '全年合计')!;
    expect(rows.filter((r) => /^2026-\d\d$/.test(String(r[1])))).toHaveLength(12);
    expect(october[col('受理纠纷')]).toBe(2);
    expect(october[col('其中：邻里')]).toBe(1);
    expect(october[col('其中：劳动')]).toBe(1);
    expect(october[col('调处')]).toBe(1);
    expect(november[col('受理纠纷')]).toBe(1);
    expect(total[col('受理纠纷')]).toBe(3);
    expect(total[col('调处')]).toBe(3);
    expect(total[col('调处率')]).toBe('100.0%');
    // a month without cases: no rate, no division by zero
    expect(rows.find((r) => r[1] === '2026-01')![col('调处率')]).toBe('—');
    const refused = await app.inject({
      url: '/api/statistics/mediation-monthly.xlsx?divisionCode=330728102000&year=2026',
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(403);
  });
});
