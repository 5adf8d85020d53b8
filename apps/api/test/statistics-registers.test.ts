// The 统计 page's 普法, adviser and community-correction views: the previous period on every row
// (环比) and the same months a year earlier (同比), head counts of a year not yet over, the month-by-month trend, and each table as an Excel workbook read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { REGISTER_SHEET_NAMES } from '../src/services/registers/statistics-xlsx-registers.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-statistics-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const COUNTY = '330728000000';
const X = '330728101000';
const X_VILLAGE = '330728101201';

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
  return `fazhi_session=${cookie!.value}`;
}

async function readBack(url: string, cookie: string, sheetName: string) {
  const res = await app.inject({ url, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as never);
  const sheet = workbook.getWorksheet(sheetName)!;
  return sheet.getSheetValues().filter(Boolean) as unknown[][];
}

async function adviserWithContract(startsOn: string, endsOn: string) {
  const county = await t.as('county');
  const adviser = await county.advisers.save({
    countyCode: COUNTY,
    name: '李明',
    firm: '清和正言律师事务所',
  });
  await county.advisers.saveContract({
    adviserId: adviser.id,
    villageCode: X_VILLAGE,
    startsOn,
    endsOn,
  });
  return adviser;
}

describe('advisers.coverage with the previous period', () => {
  it('gives the year before on the division and on every child', async () => {
    // under contract at the end of 2025, not at the end of 2026
    const adviser = await adviserWithContract('2025-01-01', '2026-06-30');
    const clerk = await t.as('clerk');
    for (const date of ['2025-05-10', '2026-05-10']) {
      await clerk.advisers.saveService({
        adviserId: adviser.id,
        divisionCode: X_VILLAGE,
        date,
        kind: 'consultation',
        count: date.startsWith('2025') ? 4 : 1,
      });
    }
    const township = await t.as('township');
    await township.advisers.saveDutyDay({
      adviserId: adviser.id,
      townshipCode: X,
      date: '2025-03-08',
      place: '白石镇集市',
    });
    const county = await t.as('county');
    const stats = await county.advisers.coverage({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(stats.covered).toBe(0);
    expect(stats.services.consultation).toBe(1);
    expect(stats.previousPeriod).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      covered: 1,
      dutyDays: 1,
      services: expect.objectContaining({ consultation: 4 }),
    });
    expect(stats.previousPeriod.villages).toBe(stats.villages);
    const x = stats.children.find((c) => c.code === X)!;
    expect(x.previousPeriod).toMatchObject({ covered: 1, dutyDays: 1 });
    const other = stats.children.find((c) => c.code !== X)!;
    expect(other.previousPeriod).toMatchObject({ covered: 0, dutyDays: 0 });
    // a month compares with the month before (环比)
    const june = await county.advisers.coverage({
      divisionCode: X,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(june.previousPeriod).toMatchObject({ from: '2026-05-01', to: '2026-05-31' });
    expect(june.covered).toBe(1);
  });
});

describe('corrections.statistics with the previous period', () => {
  it('compares a range of months with as many months before, per township', async () => {
    const township = await t.as('township');
    const figures = (month: string, underCorrection: number) => ({
      townshipCode: X,
      month,
      underCorrection,
      newlyReceived: 1,
      released: 4,
      helped: 3,
      filesOpened: 1,
    });
    for (const [month, n] of [
      ['2026-07', 6],
      ['2026-08', 7],
      ['2026-09', 8],
      ['2026-10', 9],
    ] as const) {
      await township.corrections.save(figures(month, n));
    }
    const county = await t.as('county');
    const stats = await county.corrections.statistics({
      divisionCode: COUNTY,
      from: '2026-09',
      to: '2026-10',
    });
    expect(stats).toMatchObject({ underCorrection: 9, newlyReceived: 2, reported: 2 });
    expect(stats.previousPeriod).toMatchObject({
      from: '2026-07',
      to: '2026-08',
      underCorrection: 7,
      newlyReceived: 2,
      reported: 2,
      placementRate: 0.75,
    });
    const x = stats.children.find((c) => c.code === X)!;
    expect(x.previousPeriod).toMatchObject({ underCorrection: 7, reported: 2 });
    // the year before: nothing reported, rates without a denominator stay empty
    const year = await county.corrections.statistics({
      divisionCode: COUNTY,
      from: '2026-01',
      to: '2026-12',
    });
    expect(year.previousPeriod).toMatchObject({
      from: '2025-01',
      to: '2025-12',
      reported: 0,
      placementRate: null,
    });
  });
});

describe('head counts of a year not yet over', () => {
  it('come from each township’s last month reported, named as asOfMonth, in the API and the annual report', async () => {
    const township = await t.as('township');
    const report = (month: string, underCorrection: number) =>
      township.corrections.save({
        townshipCode: X,
        month,
        underCorrection,
        newlyReceived: 1,
        released: 4,
        helped: 3,
        filesOpened: 1,
      });
    for (const [month, n] of [
      ['2025-06', 5],
      ['2025-11', 7],
      ['2026-07', 8],
      ['2026-10', 9],
    ] as const) {
      await report(month, n);
    }
    const county = await t.as('county');
    const year = await county.corrections.statistics({
      divisionCode: COUNTY,
      from: '2026-01',
      to: '2026-12',
    });
    // December is not reported (nor November): the counts are October's, not 0
    expect(year).toMatchObject({
      asOfMonth: '2026-10',
      underCorrection: 9,
      released: 4,
      helped: 3,
      newlyReceived: 2,
      placementRate: 0.75,
    });
    expect(year.previousPeriod).toMatchObject({
      from: '2025-01',
      to: '2025-12',
      asOfMonth: '2025-11',
      underCorrection: 7,
    });
    const x = year.children.find((c) => c.code === X)!;
    expect(x).toMatchObject({ asOfMonth: '2026-10', underCorrection: 9 });
    const quiet = year.children.find((c) => c.code !== X)!;
    expect(quiet).toMatchObject({ asOfMonth: null, underCorrection: 0, reported: 0 });

    const annual = await township.reports.annual({ divisionCode: X, year: 2026 });
    const figure = annual.sections
      .flatMap((s) => s.figures)
      .find((f) => f.key === 'corrections.underCorrection');
    expect(figure).toMatchObject({ value: 9, previous: 7 });
    const prose = annual.sections.find((s) => s.key === 'legal_services')!.prose;
    expect(prose).toContain('截至2026-10，在册社区矫正对象9人');
  });
});

describe('year on year (同比) beside the previous period', () => {
  it('compares part of a year with the same months a year earlier, in every register', async () => {
    const clerk = await t.as('clerk');
    const aCase = {
      divisionCode: X_VILLAGE,
      type: 'neighbour' as const,
      parties: 2,
      method: 'oral' as const,
      outcome: 'succeeded' as const,
    };
    // received in the period, a year before it, and in the months just before it only
    for (const [receivedOn, closedOn] of [
      ['2026-02-10', '2026-02-12'],
      ['2026-03-10', '2026-03-12'],
      ['2025-05-10', '2025-05-12'],
      ['2025-11-10', '2025-11-12'],
    ] as const) {
      await clerk.mediation.save({ ...aCase, receivedOn, closedOn });
    }
    for (const heldOn of ['2026-03-01', '2025-03-01', '2025-04-01', '2025-11-01']) {
      await clerk.pufa.saveActivity({
        divisionCode: X_VILLAGE,
        type: 'lecture',
        heldOn,
        place: '村文化礼堂',
        organiser: '白石镇司法所',
        participants: 45,
      });
    }
    const county = await t.as('county');
    const period = { divisionCode: COUNTY, from: '2026-01-01', to: '2026-09-30' };
    const mediation = await county.statistics.mediation(period);
    expect(mediation).toMatchObject({ received: 2, successRate: 1 });
    expect(mediation.previousPeriod).toMatchObject({
      from: '2025-04-01',
      to: '2025-12-31',
      received: 2,
    });
    expect(mediation.yearBefore).toMatchObject({
      from: '2025-01-01',
      to: '2025-09-30',
      received: 1,
      succeeded: 1,
      successRate: 1,
    });
    const x = mediation.children.find((c) => c.code === X)!;
    expect(x.yearBefore).toMatchObject({ received: 1 });
    expect(mediation.children.find((c) => c.code !== X)!.yearBefore).toMatchObject({
      received: 0,
      successRate: null,
    });

    const pufa = await county.statistics.pufa(period);
    expect(pufa.activities).toBe(1);
    expect(pufa.previousPeriod.activities).toBe(2);
    expect(pufa.yearBefore).toMatchObject({ from: '2025-01-01', to: '2025-09-30', activities: 2 });
    expect(pufa.children.find((c) => c.code === X)!.yearBefore.activities).toBe(2);

    const advisers = await county.advisers.coverage(period);
    expect(advisers.yearBefore).toMatchObject({
      from: '2025-01-01',
      to: '2025-09-30',
      villages: advisers.villages,
    });

    const township = await t.as('township');
    for (const [month, n] of [
      ['2025-06', 5],
      ['2025-11', 7],
      ['2026-07', 8],
    ] as const) {
      await township.corrections.save({
        townshipCode: X,
        month,
        underCorrection: n,
        newlyReceived: 1,
        released: 4,
        helped: 3,
        filesOpened: 1,
      });
    }
    const corrections = await county.corrections.statistics({
      divisionCode: COUNTY,
      from: '2026-01',
      to: '2026-09',
    });
    expect(corrections).toMatchObject({ underCorrection: 8, asOfMonth: '2026-07' });
    expect(corrections.previousPeriod).toMatchObject({
      from: '2025-04',
      to: '2025-12',
      underCorrection: 7,
      asOfMonth: '2025-11',
    });
    expect(corrections.yearBefore).toMatchObject({
      from: '2025-01',
      to: '2025-09',
      underCorrection: 5,
      asOfMonth: '2025-06',
      reported: 1,
    });

    // a whole year: the year before is its previous period
    const whole = await county.statistics.mediation({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(whole.yearBefore).toEqual(whole.previousPeriod);
    expect(whole.yearBefore.received).toBe(2);
  });
});

describe('statistics.trend', () => {
  it('gives every month of the period, zero where nothing happened', async () => {
    const clerk = await t.as('clerk');
    for (const [heldOn, participants] of [
      ['2026-03-05', 30],
      ['2026-03-20', 20],
      ['2026-05-02', 45],
    ] as const) {
      await clerk.pufa.saveActivity({
        divisionCode: X_VILLAGE,
        type: 'lecture',
        heldOn,
        place: '村文化礼堂',
        organiser: '白石镇司法所',
        participants,
        materials: 10,
      });
    }
    const county = await t.as('county');
    const trend = await county.statistics.trend({
      register: 'pufa',
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(trend.months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(trend.months[2]!.values).toEqual({ activities: 2, participants: 50, materials: 20 });
    expect(trend.months[3]!.values).toEqual({ activities: 0, participants: 0, materials: 0 });
    const total = trend.months.reduce((s, m) => s + m.values.activities!, 0);
    const stats = await county.statistics.pufa({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(total).toBe(stats.activities);
    // outside the scope: refused
    const other = await t.as('township');
    await expectError(
      other.statistics.trend({
        register: 'pufa',
        divisionCode: COUNTY,
        from: '2026-01-01',
        to: '2026-06-30',
      }),
      'FORBIDDEN',
    );
  });
});

describe('GET /api/statistics/:register.xlsx', () => {
  it('exports the 普法 table with a row per child, the total and the previous period', async () => {
    const clerk = await t.as('clerk');
    for (const heldOn of ['2025-04-01', '2026-04-01', '2026-04-11']) {
      await clerk.pufa.saveActivity({
        divisionCode: X_VILLAGE,
        type: 'materials',
        heldOn,
        place: '村部',
        organiser: '白石镇司法所',
        participants: 10,
        materials: 100,
      });
    }
    const rows = await readBack(
      `/api/statistics/pufa.xlsx?divisionCode=${X}&from=2026-01-01&to=2026-12-31`,
      await login('township'),
      REGISTER_SHEET_NAMES.pufa,
    );
    const header = rows[1]!;
    const village = rows.find((r) => r[1] === X_VILLAGE)!;
    const col = (name: string) => header.indexOf(name);
    expect(village[col('活动次数')]).toBe(2);
    expect(village[col('其中：宣传资料发放')]).toBe(2);
    expect(village[col('发放资料（份）')]).toBe(200);
    expect(village[col('上期活动次数')]).toBe(1);
    const total = rows.find((r) => String(r[2]).startsWith('合计'))!;
    expect(total[col('活动次数')]).toBe(2);
  });

  it('exports the adviser and correction tables; refuses outside the scope and bad input', async () => {
    await adviserWithContract('2026-01-01', '2026-12-31');
    const township = await t.as('township');
    await township.corrections.save({
      townshipCode: X,
      month: '2026-10',
      underCorrection: 5,
      newlyReceived: 1,
      released: 8,
      helped: 6,
      filesOpened: 1,
    });
    const cookie = await login('county');
    const advisers = await readBack(
      `/api/statistics/advisers.xlsx?divisionCode=${COUNTY}&from=2026-01-01&to=2026-12-31`,
      cookie,
      REGISTER_SHEET_NAMES.advisers,
    );
    const header = advisers[1]!;
    const x = advisers.find((r) => r[1] === X)!;
    expect(x[header.indexOf('已聘法律顾问')]).toBe(1);
    expect(x[header.indexOf('上期覆盖率')]).toBe('0.0%');
    const corrections = await readBack(
      `/api/statistics/corrections.xlsx?divisionCode=${COUNTY}&from=2026-10-01&to=2026-10-31`,
      cookie,
      REGISTER_SHEET_NAMES.corrections,
    );
    const cHeader = corrections[1]!;
    const cx = corrections.find((r) => r[1] === X)!;
    expect(cx[cHeader.indexOf('在册社区矫正对象')]).toBe(5);
    expect(cx[cHeader.indexOf('安置帮教率')]).toBe('75.0%');

    const townshipCookie = await login('township');
    const outside = await app.inject({
      url: `/api/statistics/pufa.xlsx?divisionCode=${COUNTY}&from=2026-01-01&to=2026-12-31`,
      headers: { cookie: townshipCookie },
    });
    expect(outside.statusCode).toBe(403);
    const bad = await app.inject({
      url: `/api/statistics/advisers.xlsx?divisionCode=x&from=2026&to=`,
      headers: { cookie: townshipCookie },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await app.inject({
      url: `/api/statistics/people.xlsx?divisionCode=${X}&from=2026-01-01&to=2026-12-31`,
      headers: { cookie: townshipCookie },
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await app.inject({
      url: `/api/statistics/pufa.xlsx?divisionCode=${X}&from=2026-01-01&to=2026-12-31`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
