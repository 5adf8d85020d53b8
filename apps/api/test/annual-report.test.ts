// The annual 法治建设 report (issue #11, item 9): its figures are the registers', each year's
// figure is compared with the year before, scope holds, zero cases divide by nothing, and the
// .docx carries the figures and the officer's edited prose (read back from word/document.xml).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { NOTHING_RECORDED } from '../src/services/reports/annual-report.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase({ campaign: true });

const COUNTY = '330728000000';
const X = '330728101000'; // 白石镇, the township officer's scope
const Y = '330728102000';
const X_VILLAGE = '330728101201'; // the clerk's village

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof t.as>>['reports']['annual']>>;

function figure(report: Report, key: string) {
  const found = report.sections.flatMap((s) => s.figures).find((f) => f.key === key);
  expect(found, key).toBeDefined();
  return found!;
}

function section(report: Report, key: string) {
  return report.sections.find((s) => s.key === key)!;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

const aCase = {
  divisionCode: X_VILLAGE,
  receivedOn: '2026-11-03',
  type: 'neighbour' as const,
  parties: 2,
  partyNames: '张三、李四',
  method: 'oral' as const,
  outcome: 'succeeded' as const,
  closedOn: '2026-11-06',
};

async function recordCases() {
  const clerk = await t.as('clerk');
  await clerk.mediation.save(aCase);
  await clerk.mediation.save({ ...aCase, method: 'written', agreementNo: '白石调字〔2026〕99号' });
  await clerk.mediation.save({
    ...aCase,
    outcome: 'open',
    closedOn: null,
    escalation: 'criminal',
  });
  await clerk.mediation.save({ ...aCase, receivedOn: '2025-11-03', closedOn: '2025-11-05' });
}

describe('reports.annual', () => {
  it('gives the mediation figures of statistics.mediation for the year, and counts new cases', async () => {
    const township = await t.as('township');
    const before = await township.reports.annual({ divisionCode: X, year: 2026 });
    const stats = await township.statistics.mediation({
      divisionCode: X,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    for (const key of ['received', 'closed', 'succeeded', 'oral', 'written'] as const) {
      expect(figure(before, `mediation.${key}`).value).toBe(stats[key]);
      expect(figure(before, `mediation.${key}`).previous).toBe(stats.previousPeriod[key]);
    }
    expect(figure(before, 'mediation.successRate').value).toBe(stats.successRate);
    expect(figure(before, 'mediation.received').source).toBe('人民调解台账');

    await recordCases();
    const after = await township.reports.annual({ divisionCode: X, year: 2026 });
    const delta = (key: string) => figure(after, key).value! - figure(before, key).value!;
    expect(delta('mediation.received')).toBe(3);
    expect(delta('mediation.closed')).toBe(2);
    expect(delta('mediation.succeeded')).toBe(2);
    expect(delta('mediation.oral')).toBe(2);
    expect(delta('mediation.written')).toBe(1);
    expect(delta('mediation.criminal')).toBe(1);
    expect(
      figure(after, 'mediation.received').previous! -
        figure(before, 'mediation.received').previous!,
    ).toBe(1);
    const village = (r: Report) =>
      section(r, 'mediation').tables[0]!.rows.find((row) => row.code === X_VILLAGE)!.values[0]!;
    expect(village(after) - village(before)).toBe(3);
    expect(section(after, 'mediation').prose).toContain(
      `受理矛盾纠纷${figure(after, 'mediation.received').value}件`,
    );
    // the escalation is named among the problems
    expect(section(after, 'problems').prose).toMatch(/民转刑[1-9]/);
  });

  it('compares each figure with the same figure of the year before', async () => {
    const county = await t.as('county');
    const [now, then] = await Promise.all([
      county.reports.annual({ divisionCode: COUNTY, year: 2026 }),
      county.reports.annual({ divisionCode: COUNTY, year: 2025 }),
    ]);
    const previous = new Map(then.sections.flatMap((s) => s.figures).map((f) => [f.key, f]));
    let compared = 0;
    for (const f of now.sections.flatMap((s) => s.figures)) {
      const last = previous.get(f.key);
      // a standing count (the 普法 rosters as they are now) has no figure of the year before
      if (!last || (f.kind === 'count' && f.previous === null)) continue;
      expect(f.previous, f.key).toBe(last.value);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(15);
    expect(figure(now, 'mediation.received').value).toBeGreaterThan(0);
    expect(figure(then, 'mediation.received').value).toBeGreaterThan(0);
  });

  it('counts meetings, titles and tasks as the records hold them', async () => {
    const county = await t.as('county');
    const report = await county.reports.annual({ divisionCode: COUNTY, year: 2026 });
    const [meetings] = await rows<{ n: number }>(
      sql`select count(*)::int as n from village_meetings where village_code like '330728%' and date between '2026-01-01' and '2026-12-31'`,
    );
    const [named] = await rows<{ n: number }>(
      sql`select count(*)::int as n from titles where county_code = ${COUNTY} and named_on between '2026-01-01' and '2026-12-31'`,
    );
    const [tasks] = await rows<{ n: number }>(
      sql`select count(*)::int as n from supervision_tasks where owner_code like '330728%' and assigned_on between '2026-01-01' and '2026-12-31'`,
    );
    expect(figure(report, 'democracy.meetings').value).toBe(meetings!.n);
    expect(figure(report, 'demonstration.titles').value).toBe(named!.n);
    expect(figure(report, 'organization.tasksAssigned').value).toBe(tasks!.n);
    expect(meetings!.n + named!.n + tasks!.n).toBeGreaterThan(0);
    expect(figure(report, 'demonstration.titles').source).toBe('称号管理');
  });

  it("a county's report has per-township tables adding up to the county", async () => {
    const county = await t.as('county');
    const report = await county.reports.annual({ divisionCode: COUNTY, year: 2026 });
    const table = section(report, 'mediation').tables[0]!;
    expect(table.rows.map((r) => r.name)).toContain('白石镇');
    expect(table.rows.reduce((a, r) => a + r.values[0]!, 0)).toBe(
      figure(report, 'mediation.received').value,
    );
    const demo = section(report, 'demonstration').tables[0]!;
    expect(demo.rows.reduce((a, r) => a + r.values[1]!, 0)).toBe(
      figure(report, 'demonstration.titles').value,
    );
    expect(section(report, 'democracy').tables[0]!.rows).toHaveLength(table.rows.length);
  });

  it('answers only inside the scope, and only for a county or a township', async () => {
    const township = await t.as('township');
    await expectError(
      township.reports.annual({ divisionCode: Y, year: 2026 }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      township.reports.annual({ divisionCode: COUNTY, year: 2026 }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      (await t.as('clerk')).reports.annual({ divisionCode: X, year: 2026 }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    const error = await expectError(
      (await t.as('county')).reports.annual({ divisionCode: X_VILLAGE, year: 2026 }),
      'BAD_REQUEST',
    );
    expect(error.messages.zh).toContain('县或乡镇');
  });

  it('fills 普法宣传 and 公共法律服务 from the 普法, adviser and correction registers', async () => {
    const county = await t.as('county');
    const report = await county.reports.annual({ divisionCode: COUNTY, year: 2026 });
    const pufa = await county.statistics.pufa({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(pufa.activities).toBeGreaterThan(0);
    expect(figure(report, 'pufa.activities')).toMatchObject({
      value: pufa.activities,
      previous: pufa.previousPeriod.activities,
    });
    expect(figure(report, 'pufa.legalLiterate').value).toBe(pufa.legalLiterate);
    expect(section(report, 'legal_education').prose).toContain(`开展普法活动${pufa.activities}场`);
    const coverage = await county.advisers.coverage({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(figure(report, 'advisers.covered').value).toBe(coverage.covered);
    expect(figure(report, 'advisers.coverage').value).toBe(coverage.coverage);
    // the whole year asked for, while it is not over: month-end counts of the last month reported
    const corrections = await county.corrections.statistics({
      divisionCode: COUNTY,
      from: '2026-01',
      to: '2026-12',
    });
    const last = corrections.asOfMonth!;
    expect(last).toMatch(/^2026-/);
    expect(corrections.underCorrection).toBeGreaterThan(0);
    expect(figure(report, 'corrections.underCorrection').value).toBe(corrections.underCorrection);
    expect(figure(report, 'corrections.newlyReceived').value).toBe(corrections.newlyReceived);
    expect(figure(report, 'corrections.helped').value).toBe(corrections.helped);
    const services = section(report, 'legal_services').prose;
    expect(services).toContain(`${coverage.covered}个聘有法律顾问`);
    expect(services).toContain(`截至${last}`);
    // a township's report counts only its own
    const own = await (await t.as('township')).reports.annual({ divisionCode: X, year: 2026 });
    expect(figure(own, 'pufa.activities').value).toBeLessThanOrEqual(pufa.activities);
    expect(figure(own, 'advisers.villages').value).toBeLessThan(coverage.villages);
  });

  it('a year without cases has no rates and says nothing was recorded', async () => {
    const township = await t.as('township');
    const report = await township.reports.annual({ divisionCode: X, year: 2024 });
    expect(figure(report, 'mediation.received')).toMatchObject({ value: 0, previous: 0 });
    expect(figure(report, 'mediation.handlingRate')).toMatchObject({ value: null, previous: null });
    expect(figure(report, 'mediation.successRate').value).toBeNull();
    expect(section(report, 'mediation').prose).toBe('本年度人民调解台账暂无登记案件。');
    expect(section(report, 'legal_education').prose).toBe(NOTHING_RECORDED);
    expect(section(report, 'legal_services').prose).toBe(NOTHING_RECORDED);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it('refuses prose over the limit as a field error naming the section', async () => {
    const county = await t.as('county');
    const error = await expectError(
      county.reports.annual({
        divisionCode: COUNTY,
        year: 2026,
        prose: { mediation: '字'.repeat(5001) },
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]!.message.zh).toContain('5000');
  });
});

// ——— the .docx ———

let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-report-'));

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

/** The text of one entry of a zip (the .docx). */
function unzipEntry(bytes: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in the file`)));
      zip.readEntry();
    });
  });
}

/** The text of word/document.xml without its markup. */
async function documentText(bytes: Buffer): Promise<string> {
  const xml = await unzipEntry(bytes, 'word/document.xml');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('POST /api/reports/annual.docx', () => {
  it("carries the records' figures and the officer's edited prose; no party names", async () => {
    await recordCases();
    const cookie = await login('county');
    const report = await (
      await t.as('county')
    ).reports.annual({ divisionCode: COUNTY, year: 2026 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/reports/annual.docx',
      headers: { cookie },
      payload: {
        divisionCode: COUNTY,
        year: 2026,
        prose: {
          mediation:
            '我县坚持和发展新时代“枫桥经验”（编辑后的正文）。\n第二段：调解员队伍不断壮大。',
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '清和县2026年法治建设工作情况报告.docx',
    );
    const text = await documentText(res.rawPayload);
    expect(text).toContain('清和县2026年法治建设工作情况报告');
    expect(text).toContain('我县坚持和发展新时代“枫桥经验”（编辑后的正文）。\n');
    expect(text).toContain('第二段：调解员队伍不断壮大。');
    // the generated mediation prose was replaced, the other sections kept theirs
    expect(text).not.toContain(section(report, 'mediation').prose);
    expect(text).toContain(section(report, 'democracy').prose);
    for (const title of ['一、组织领导', '三、人民调解', '五、公共法律服务', '八、下一步打算']) {
      expect(text).toContain(title);
    }
    const received = figure(report, 'mediation.received');
    expect(text).toContain(`受理矛盾纠纷\n${received.value}件\n${received.previous}件`);
    expect(text).toContain('人民调解台账');
    expect(text).toContain(`白石镇\n`);
    expect(text).not.toContain('张三');
  });

  it('serves the generated prose by GET and refuses scope, bad prose and anonymous callers', async () => {
    const township = await login('township');
    const ok = await app.inject({
      url: `/api/reports/annual.docx?divisionCode=${X}&year=2024`,
      headers: { cookie: township },
    });
    expect(ok.statusCode).toBe(200);
    const text = await documentText(ok.rawPayload);
    expect(text).toContain('本年度人民调解台账暂无登记案件。');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(
      (
        await app.inject({
          url: `/api/reports/annual.docx?divisionCode=${Y}&year=2026`,
          headers: { cookie: township },
        })
      ).statusCode,
    ).toBe(403);
    const post = (payload: unknown, cookie?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/reports/annual.docx',
        headers: cookie ? { cookie } : {},
        payload: payload as never,
      });
    expect(
      (
        await post(
          { divisionCode: X, year: 2026, prose: { mediation: 'x'.repeat(5001) } },
          township,
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (await post({ divisionCode: X, year: 2026, prose: { nonsense: 'x' } }, township)).statusCode,
    ).toBe(400);
    expect((await post({ divisionCode: X, year: 'last' }, township)).statusCode).toBe(400);
    expect((await post({ divisionCode: X, year: 2026 })).statusCode).toBe(401);
  });
});
