// A county's own 考核评分表 workbook becomes a framework draft: every bad cell listed (all or
// nothing), rules that cannot be read left to the county, zip bombs refused unpacked; the
// completed draft is saved as the county's framework through frameworks.import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateFramework, type FrameworkDraft, type ScoreTableProblem } from '@fazhi/domain';
import { createServer } from '../src/http/server.js';
import { frameworks } from '../src/db/schema.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { readFrameworkWorkbook } from '../src/services/campaigns/framework-workbook.js';
import { useTestDatabase } from './harness.js';
import { lyingZip, zipOf } from './zip-bombs.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const URL = '/api/frameworks/import.xlsx';
const COUNTY = '330728000000';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-framework-xlsx-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.execute(sql`delete from frameworks where not builtin`);
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

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(payload: Buffer, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: URL,
    headers: { 'content-type': XLSX, ...(cookie ? { cookie } : {}) },
    payload,
  });
}

const HEADER = ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核方法', '佐证材料'];

type Row = (string | number | null)[];

/** The county's table: two areas, a total of 20 and two vetoes. */
function countyRows(): Row[] {
  return [
    [
      1,
      '组织建设（10分）',
      '村党组织健全',
      4,
      '健全得满分，否则不得分',
      '查阅资料',
      '党组织名册、会议记录',
    ],
    [
      2,
      '组织建设（10分）',
      '村务会议按时召开',
      6,
      '每缺一次扣1分，扣完为止',
      '查看台账',
      '会议记录',
    ],
    [3, '法治宣传（10分）', '培养法律明白人', 5, '每培养1名得1分，最高5分', '走访', '名册'],
    [4, '法治宣传（10分）', '法治宣传阵地', 5, '视建设情况酌情给分', '实地查看', '照片'],
  ];
}

/**
 * A workbook of the county's layout: a title merged over the table, the header on row 2, the
 * items from row 3, a 合计 row and a 一票否决 section. With `mergeAreas`, each area is written once
 * in a cell merged over its rows, as counties do.
 */
function countyWorkbook(opts: { rows?: Row[]; header?: string[]; mergeAreas?: boolean } = {}) {
  const rows = opts.rows ?? countyRows();
  const header = opts.header ?? HEADER;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').getCell('A1').value = '本表由县委依法治县办制定';
  const ws = workbook.addWorksheet('考核评分表');
  ws.getCell('A1').value = '清和县民主法治示范村考核评分表';
  ws.mergeCells(1, 1, 1, header.length);
  ws.getRow(2).values = header;
  rows.forEach((row, i) => {
    ws.getRow(3 + i).values = row;
  });
  if (opts.mergeAreas) {
    // the area only in the first row of its run, merged down over the others
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i]![1] !== rows[start]![1]) {
        for (let j = start + 1; j < i; j++) ws.getCell(3 + j, 2).value = null;
        if (i - start > 1) ws.mergeCells(3 + start, 2, 3 + i - 1, 2);
        start = i;
      }
    }
  }
  const end = 3 + rows.length;
  ws.getRow(end).values = ['合计', null, null, 20];
  ws.mergeCells(end, 1, end, 3);
  ws.getRow(end + 1).values = ['一票否决', '一票否决', '发生重大刑事案件的'];
  ws.getRow(end + 2).values = [null, '一票否决', '发生群体性事件的'];
  ws.mergeCells(end + 1, 2, end + 2, 2);
  return workbook;
}

function cells(problems: readonly ScoreTableProblem[]) {
  return problems.map((p) => [p.code, p.sheet, p.cell]);
}

describe('POST /api/frameworks/import.xlsx', () => {
  it('turns the county’s workbook into a draft, leaving unreadable rules to the county', async () => {
    const res = await upload(await bytesOf(countyWorkbook()), await login('county'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as {
      sheet: string;
      draft: FrameworkDraft;
      incomplete: ScoreTableProblem[];
    };
    expect(body.sheet).toBe('考核评分表');
    expect(body.draft).toMatchObject({
      name: '清和县民主法治示范村考核评分表',
      totalPoints: 20,
      status: 'draft',
      vetoes: [
        { code: 'V1', name: '发生重大刑事案件的' },
        { code: 'V2', name: '发生群体性事件的' },
      ],
    });
    expect(
      body.draft.areas.map((a) => [a.name, a.points, a.items.map((i) => i.rule?.kind ?? null)]),
    ).toEqual([
      ['组织建设', 10, ['check', 'deduction']],
      ['法治宣传', 10, ['count', null]],
    ]);
    expect(body.draft.areas[0]!.items[0]!.evidence).toEqual(['党组织名册', '会议记录']);
    expect(cells(body.incomplete)).toEqual([['RULE_TO_COMPLETE', '考核评分表', 'E6']]);
    expect(body.incomplete[0]!.message.zh).toContain('无法自动识别');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('reads areas merged over their rows the same as areas written in every row', async () => {
    const cookie = await login('county');
    const plain = (await upload(await bytesOf(countyWorkbook()), cookie)).json();
    const merged = await upload(await bytesOf(countyWorkbook({ mergeAreas: true })), cookie);
    expect(merged.statusCode, merged.body.slice(0, 300)).toBe(200);
    expect(merged.json().draft).toEqual(plain.draft);
    expect(merged.json().draft.areas).toHaveLength(2);
  });

  it('saves the completed draft as a framework of the county', async () => {
    const cookie = await login('county');
    const { draft } = (await upload(await bytesOf(countyWorkbook()), cookie)).json() as {
      draft: FrameworkDraft;
    };
    // as stored, the draft is not yet a framework: the one unread rule is still missing
    const before = validateFramework(draft);
    expect(!before.ok && before.problems.map((p) => [p.code, p.path])).toEqual([
      ['FIELD_REQUIRED', 'areas[1].items[1].rule'],
    ]);
    const county = await t.as('county');
    await expect(county.frameworks.import({ definition: draft })).rejects.toMatchObject({
      cause: { code: 'FRAMEWORK_INVALID' },
    });
    // the county chooses the rule in the page, then saves
    const completed = {
      ...draft,
      code: 'qinghe-2026',
      areas: draft.areas.map((a, ai) => ({
        ...a,
        items: a.items.map((i, ii) =>
          ai === 1 && ii === 1 ? { ...i, rule: { kind: 'deduction', perUnit: 1 } } : i,
        ),
      })),
    };
    const saved = await county.frameworks.import({ definition: completed });
    const row = await county.frameworks.get({ id: saved.id });
    expect(row).toMatchObject({ code: 'qinghe-2026', ownerCountyCode: COUNTY });
    expect(row.definition.areas[1]!.items[1]!.note).toBe('视建设情况酌情给分');
  });

  it('lists every bad cell of the workbook and makes no draft', async () => {
    const rows = countyRows();
    rows[0]![3] = '四分'; // D3: text in points
    rows[1]![2] = ''; // C4: an empty item
    rows[3]![3] = 4; // 法治宣传（10分） now sums to 9 (B5)
    const res = await upload(await bytesOf(countyWorkbook({ rows })), await login('county'));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.problemCode).toBe('FRAMEWORK_XLSX_INVALID');
    expect(error.messages.zh).toBe('Excel文件有3处错误，未生成指标体系草稿');
    expect(cells(error.details.problems)).toEqual([
      ['POINTS_NOT_NUMBER', '考核评分表', 'D3'],
      ['ITEM_EMPTY', '考核评分表', 'C4'],
      ['ITEM_POINTS_MISMATCH', '考核评分表', 'B5'],
    ]);
    expect(error.details.problems.map((p: ScoreTableProblem) => p.message.zh)).toEqual([
      '“村党组织健全”的分值“四分”不是数字',
      '第4行的考核内容为空',
      '考核项目“法治宣传”为10分，其下各项分值之和为9分',
    ]);
    const stored = await t.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.builtin, false));
    expect(stored).toEqual([]);
  });

  it('refuses a total the areas do not add up to, at the total’s cell', async () => {
    const rows = countyRows().map((r) => [...r]);
    rows.forEach((r) => (r[1] = String(r[1]).replace(/（10分）/, ''))); // areas without stated points
    rows[3]![3] = 4;
    const res = await upload(await bytesOf(countyWorkbook({ rows })), await login('county'));
    expect(cells(res.json().error.details.problems)).toEqual([
      ['TOTAL_POINTS_MISMATCH', '考核评分表', 'D7'],
    ]);
  });

  it('names a missing and an unknown header', async () => {
    const header = ['序号', '考核类型', '考核内容', '分值', '评分标准', '考核方法', '佐证材料'];
    const res = await upload(await bytesOf(countyWorkbook({ header })), await login('county'));
    expect(res.statusCode).toBe(400);
    expect(cells(res.json().error.details.problems)).toEqual([
      ['UNKNOWN_HEADER', '考核评分表', 'B2'],
      ['MISSING_HEADER', '考核评分表', '2:2'],
    ]);
  });

  it('refuses a workbook without any score table', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '通知';
    const res = await upload(await bytesOf(workbook), await login('county'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({
        code: 'NO_HEADER',
        message: expect.objectContaining({ zh: expect.stringContaining('已查看：Sheet1') }),
      }),
    ]);
  });

  it('refuses a file that is no workbook, and a zip bomb before unpacking it', async () => {
    const cookie = await login('county');
    const garbage = await upload(Buffer.from('not a workbook'), cookie);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.details.problems[0].message.zh).toContain('不是有效的Excel工作簿');

    const bomb = await upload(await zipOf([100 * 1024 * 1024, 100 * 1024 * 1024]), cookie);
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json().error.details.problems[0].message).toEqual({
      zh: expect.stringContaining('解压后超过100 MB'),
      en: expect.stringContaining('more than 100 MB'),
    });
  });

  it('stops a zip whose entry inflates past its declared size', async () => {
    // the directory says 1 KB; the inflating stream is cut at the first byte beyond it
    const read = await readFrameworkWorkbook(await lyingZip(64 * 1024 * 1024));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]!.message.zh).toContain('不是有效的Excel工作簿');
  });

  it('serves county and system administrators only, and signed-in users only', async () => {
    const bytes = await bytesOf(countyWorkbook());
    const anonymous = await upload(bytes);
    expect(anonymous.statusCode).toBe(401);
    for (const username of ['township', 'clerk']) {
      const res = await upload(bytes, await login(username));
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.problemCode).toBe('ROLE_FORBIDDEN');
    }
    expect((await upload(bytes, await login('admin'))).statusCode).toBe(200);
  });

  it('refuses an upload from another site', async () => {
    const res = await app.inject({
      method: 'POST',
      url: URL,
      headers: {
        'content-type': XLSX,
        cookie: await login('county'),
        origin: 'https://evil.example',
      },
      payload: await bytesOf(countyWorkbook()),
    });
    expect(res.statusCode).toBe(403);
  });
});
