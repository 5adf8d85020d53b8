import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { zipOf } from './zip-bombs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinFrameworks,
  type Framework,
  type IndicatorItem,
  type RuleKind,
} from '@fazhi/domain';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { auditEvents } from '../src/db/schema.js';
import { buildScoreSheetWorkbook } from '../src/services/campaigns/score-sheet-export.js';
import { parseScoreSheetWorkbook } from '../src/services/campaigns/score-sheet-import.js';
import { useTestDatabase } from './harness.js';
import {
  campaignInSelfAssessment,
  goodSheet,
  versionOf,
  X_VILLAGE,
  X_VILLAGE_2,
  Y_VILLAGE,
} from './campaign-fixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = '考核评分表';
// the fixed columns of the exported layout
const COL = { code: 2, points: 4, rule: 5, selfAnswer: 8, selfPoints: 9, selfComment: 10 };

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-excel-'));

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

async function exportSheet(id: string, cookie: string) {
  const res = await app.inject({
    url: `/api/participations/${id}/sheet.xlsx`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, workbook: await load(res.rawPayload) };
}

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

async function importSheet(id: string, cookie: string, workbook: ExcelJS.Workbook | Buffer) {
  const payload = Buffer.isBuffer(workbook)
    ? workbook
    : Buffer.from(await workbook.xlsx.writeBuffer());
  return app.inject({
    method: 'POST',
    url: `/api/participations/${id}/sheet.xlsx`,
    headers: { cookie, 'content-type': XLSX },
    payload,
  });
}

/** The row number of each code in column B (areas, items and vetoes). */
function rowsByCode(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const code = row.getCell(COL.code).value;
    if (typeof code === 'string' && code !== '' && !rows.has(code)) rows.set(code, n);
  });
  return rows;
}

function allItems(framework: Framework): IndicatorItem[] {
  return framework.areas.flatMap((a) => a.items);
}

function firstOfKind(framework: Framework, kind: RuleKind): IndicatorItem {
  return allItems(framework).find((i) => i.rule.kind === kind)!;
}

/** What a county officer types into a 填报 cell for an answer. */
function typed(answer: boolean | number | string[]): string | number {
  if (typeof answer === 'boolean') return answer ? '是' : '否';
  if (Array.isArray(answer)) return answer.length ? answer.join('、') : '无';
  return answer;
}

async function saveAudits() {
  return t.db.select().from(auditEvents).where(eq(auditEvents.action, 'participations.save_sheet'));
}

describe('GET /api/participations/:id/sheet.xlsx', () => {
  it('exports the score sheet: item rows, points, rule text, answers, scores and totals', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const def = framework.definition;
    const clerk = await t.as('clerk');
    const sheet = goodSheet(def);
    const check = firstOfKind(def, 'check');
    const checklist = allItems(def).find(
      (i) => i.rule.kind === 'checklist' && i.rule.entries.length > 2,
    )!;
    const deduction = allItems(def).find((i) => i.rule.kind === 'deduction' && i.rule.unit)!;
    const entries = checklist.rule.kind === 'checklist' ? checklist.rule.entries : [];
    sheet.items[check.code] = false;
    sheet.items[checklist.code] = [entries[0]!.code, entries[1]!.code];
    sheet.items[deduction.code] = 1;
    sheet.comments = { [check.code]: '“两委”协作记录不全' };
    await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: sheet,
    });
    const detail = await clerk.participations.get({ id });

    const { res, workbook } = await exportSheet(id, await login('clerk'));
    expect(res.headers['content-type']).toContain(XLSX);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="score-sheet-330728101201\.xlsx"/);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('考核评分表-杨林村.xlsx')}`,
    );

    const ws = workbook.getWorksheet(SHEET)!;
    expect(String(ws.getCell(1, 1).value)).toContain(detail.campaign.name);
    expect(String(ws.getCell(1, 1).value)).toContain('杨林村');
    expect(detail.townshipName).toBe('白石镇');
    expect(String(ws.getCell(1, 1).value)).toContain('（白石镇杨林村）');
    const rows = rowsByCode(ws);
    for (const area of def.areas) {
      expect(ws.getCell(rows.get(area.code)!, 3).value).toBe(area.name);
      for (const item of area.items) {
        const r = rows.get(item.code);
        expect(r, item.code).toBeDefined();
        // area rows come before their items
        expect(r!).toBeGreaterThan(rows.get(area.code)!);
        expect(ws.getCell(r!, 3).value).toBe(item.name);
        expect(ws.getCell(r!, COL.points).value).toBe(item.points);
        expect(String(ws.getCell(r!, COL.rule).value)).not.toBe('');
      }
    }
    // the rule text is a readable rendering of each rule
    const ruleOf = (item: IndicatorItem) =>
      String(ws.getCell(rows.get(item.code)!, COL.rule).value);
    expect(ruleOf(deduction)).toContain(
      `每缺1项${deduction.rule.kind === 'deduction' ? deduction.rule.unit!.zh : ''}扣`,
    );
    for (const e of entries) expect(ruleOf(checklist)).toContain(`${e.name}，${e.points}分`);
    expect(ruleOf(check)).toContain(`符合要求得${check.points}分`);

    // answers as typed, awarded points from the scorecard, comments
    const at = (item: IndicatorItem, column: number) =>
      ws.getCell(rows.get(item.code)!, column).value;
    expect(at(check, COL.selfAnswer)).toBe('否');
    expect(at(check, COL.selfPoints)).toBe(0);
    expect(at(check, COL.selfComment)).toBe('“两委”协作记录不全');
    // the entries' names, never their codes
    expect(at(checklist, COL.selfAnswer)).toBe(`${entries[0]!.name}、${entries[1]!.name}`);
    expect(at(checklist, COL.selfPoints)).toBe(entries[0]!.points + entries[1]!.points);
    expect(at(deduction, COL.selfAnswer)).toBe(1);
    const scored = new Map(
      detail.scorecards.self!.areas.flatMap((a) => a.items.map((i) => [i.code, i.points])),
    );
    for (const item of allItems(def)) expect(at(item, COL.selfPoints)).toBe(scored.get(item.code));
    // the township and county columns are still empty
    expect(at(check, 11)).toBeNull();
    expect(at(check, 14)).toBeNull();

    // vetoes: 是/否 in the columns that have data
    for (const veto of def.vetoes) {
      const r = rows.get(veto.code)!;
      expect(ws.getCell(r, 1).value).not.toBe('一票否决');
      expect(ws.getCell(r, COL.selfAnswer).value).toBe('否');
      expect(ws.getCell(r, 11).value).toBeNull();
    }
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '合计') totalRow = n;
    });
    expect(ws.getCell(totalRow, COL.points).value).toBe(def.totalPoints);
    expect(ws.getCell(totalRow, COL.selfPoints).value).toBe(detail.scorecards.self!.total);
    expect(detail.scorecards.self!.total).toBeLessThan(100);
    // the stored total is in points, like the scorecard's
    expect(detail.participation.selfTotal).toBe(detail.scorecards.self!.total);

    // the record and its version, for the import
    const meta = workbook.getWorksheet('系统信息')!;
    expect(meta.state).toBe('hidden');
    expect(meta.getCell(2, 2).value).toBe(id);
    expect(meta.getCell(3, 2).value).toBe(detail.participation.version);
  });

  it('needs a session, and a valid id is answered with JSON errors, never a 500', async () => {
    const anonymous = await app.inject(
      '/api/participations/00000000-0000-4000-8000-000000000000/sheet.xlsx',
    );
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
    const cookie = await login('clerk');
    const bad = await app.inject({
      url: '/api/participations/nope/sheet.xlsx',
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problemCode).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/participations/:id/sheet.xlsx', () => {
  it('round trip: the self column filled in the exported workbook is saved, audited and scored', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const def = framework.definition;
    const cookie = await login('clerk');
    const answers = goodSheet(def).items;
    const first = allItems(def)[0]!;

    const { workbook } = await exportSheet(id, cookie);
    const ws = workbook.getWorksheet(SHEET)!;
    const rows = rowsByCode(ws);
    for (const [code, answer] of Object.entries(answers)) {
      ws.getCell(rows.get(code)!, COL.selfAnswer).value = typed(answer);
    }
    ws.getCell(rows.get(first.code)!, COL.selfComment).value = '台账齐全';
    ws.getCell(rows.get(def.vetoes[0]!.code)!, COL.selfAnswer).value = '否';
    // other columns are not read: neither the awarded points nor another level's cells
    ws.getCell(rows.get(first.code)!, COL.selfPoints).value = 'ignored';
    ws.getCell(rows.get(first.code)!, 11).value = 'not read either';
    const res = await importSheet(id, cookie, workbook);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 100,
      grade: 'excellent',
      complete: true,
      vetoed: false,
    });

    const clerk = await t.as('clerk');
    const saved = await clerk.participations.get({ id });
    expect(saved.participation.sheet.self).toEqual({
      items: answers,
      vetoes: [],
      comments: { [first.code]: '台账齐全' },
    });
    expect(saved.participation.selfTotal).toBe(100);
    expect(saved.participation.version).toBe(res.json().version);
    const audits = await saveAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUsername: 'clerk', entityId: id });

    // the next export carries the answers; blank cells are unanswered items, 是 triggers a veto
    const again = await exportSheet(id, cookie);
    const ws2 = again.workbook.getWorksheet(SHEET)!;
    const check = firstOfKind(def, 'check');
    const count = firstOfKind(def, 'count');
    ws2.getCell(rows.get(check.code)!, COL.selfAnswer).value = null;
    ws2.getCell(rows.get(count.code)!, COL.selfAnswer).value = '';
    ws2.getCell(rows.get(def.vetoes[1]!.code)!, COL.selfAnswer).value = '是';
    const partial = await importSheet(id, cookie, again.workbook);
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ complete: false, vetoed: true, grade: 'fail' });
    const after = (await clerk.participations.get({ id })).participation.sheet.self!;
    expect(Object.keys(after.items)).not.toContain(check.code);
    expect(Object.keys(after.items)).not.toContain(count.code);
    expect(Object.keys(after.items)).toHaveLength(allItems(def).length - 2);
    expect(after.vetoes).toEqual([def.vetoes[1]!.code]);
  });

  it('a workbook with bad cells imports nothing and lists every bad cell', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const def = framework.definition;
    const cookie = await login('clerk');
    const versionBefore = await versionOf(t, id);
    const { workbook } = await exportSheet(id, cookie);
    const ws = workbook.getWorksheet(SHEET)!;
    const rows = rowsByCode(ws);
    for (const [code, answer] of Object.entries(goodSheet(def).items)) {
      ws.getCell(rows.get(code)!, COL.selfAnswer).value = typed(answer);
    }
    const check = firstOfKind(def, 'check');
    const checklist = firstOfKind(def, 'checklist');
    const deduction = firstOfKind(def, 'deduction');
    const count = firstOfKind(def, 'count');
    const proportional = firstOfKind(def, 'proportional');
    const renamed = def.areas[1]!.items.at(-1)!;
    const veto = def.vetoes[0]!;
    const cell = (code: string) => ws.getCell(rows.get(code)!, COL.selfAnswer);
    cell(check.code).value = '可能';
    cell(checklist.code).value =
      `${checklist.rule.kind === 'checklist' ? checklist.rule.entries[0]!.code : ''}、nope`;
    cell(deduction.code).value = -1;
    cell(count.code).value = 1.5;
    cell(proportional.code).value = 'abc';
    cell(veto.code).value = '也许';
    ws.getCell(rows.get(renamed.code)!, COL.code).value = 'Z9.9';

    const res = await importSheet(id, cookie, workbook);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'BAD_REQUEST', problemCode: 'XLSX_INVALID' });
    expect(error.messages.zh).toContain('8处错误');
    const errors = error.details.errors as {
      sheet: string;
      row: number | null;
      column: string | null;
      message: { zh: string; en: string };
    }[];
    const where = errors.map((e) => [e.sheet, e.row, e.column]);
    expect(where).toEqual(
      expect.arrayContaining([
        [SHEET, rows.get(check.code), 'H'],
        [SHEET, rows.get(checklist.code), 'H'],
        [SHEET, rows.get(deduction.code), 'H'],
        [SHEET, rows.get(count.code), 'H'],
        [SHEET, rows.get(proportional.code), 'H'],
        [SHEET, rows.get(veto.code), 'H'],
        [SHEET, rows.get(renamed.code), 'B'],
        [SHEET, null, 'B'],
      ]),
    );
    expect(errors).toHaveLength(8);
    for (const e of errors) {
      expect(e.message.zh).not.toBe('');
      expect(e.message.en).not.toBe('');
    }
    const byRow = (code: string) => errors.find((e) => e.row === rows.get(code))!.message;
    expect(byRow(check.code).zh).toContain('“可能”');
    expect(byRow(checklist.code).zh).toContain('“nope”');
    expect(byRow(deduction.code).zh).toContain('负数');
    expect(byRow(count.code).zh).toContain('整数');
    expect(byRow(renamed.code).zh).toContain('Z9.9');
    expect(errors.find((e) => e.row === null)!.message.zh).toContain(renamed.code);

    // nothing was imported
    const saved = await (await t.as('clerk')).participations.get({ id });
    expect(saved.participation.version).toBe(versionBefore);
    expect(saved.participation.sheet.self).toBeUndefined();
    expect(await saveAudits()).toHaveLength(0);
  });

  it('refuses a file that is not a workbook, or a workbook of another participation', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE, X_VILLAGE_2]);
    const id = ids[X_VILLAGE]!;
    const cookie = await login('clerk');
    const garbage = await importSheet(id, cookie, Buffer.from('not a workbook'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.problemCode).toBe('XLSX_INVALID');
    expect(garbage.json().error.details.errors).toHaveLength(1);

    // a small file that would unpack to 200 MB is refused before it is unpacked
    const bomb = await importSheet(id, cookie, await zipOf([100 * 1024 * 1024, 100 * 1024 * 1024]));
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json().error.problemCode).toBe('XLSX_INVALID');
    expect(bomb.json().error.details.errors).toEqual([
      expect.objectContaining({
        message: {
          zh: expect.stringContaining('解压后超过100 MB'),
          en: expect.stringContaining('more than 100 MB'),
        },
      }),
    ]);

    const other = await exportSheet(ids[X_VILLAGE_2]!, await login('county'));
    const res = await importSheet(id, cookie, other.workbook);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([
      expect.objectContaining({ sheet: '系统信息', row: 2, column: 'B' }),
    ]);

    const wrongType = await app.inject({
      method: 'POST',
      url: `/api/participations/${id}/sheet.xlsx`,
      headers: { cookie, 'content-type': 'application/pdf' },
      payload: 'x',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const tooLarge = await importSheet(id, cookie, Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      problemCode: 'FILE_TOO_LARGE',
    });
    expect(await saveAudits()).toHaveLength(0);
  });

  it('a stale file gets the optimistic-lock conflict (409), and the newer save is kept', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const def = framework.definition;
    const cookie = await login('clerk');
    const { workbook } = await exportSheet(id, cookie);
    const ws = workbook.getWorksheet(SHEET)!;
    const rows = rowsByCode(ws);
    for (const [code, answer] of Object.entries(goodSheet(def).items)) {
      ws.getCell(rows.get(code)!, COL.selfAnswer).value = typed(answer);
    }
    // someone saves after the export
    const clerk = await t.as('clerk');
    const newer = {
      items: { [allItems(def)[0]!.code]: goodSheet(def).items[allItems(def)[0]!.code]! },
      vetoes: [],
      comments: {},
    };
    await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: newer,
    });
    const res = await importSheet(id, cookie, workbook);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', problemCode: 'SHEET_CONFLICT' });
    expect((await clerk.participations.get({ id })).participation.sheet.self).toEqual(newer);
  });

  it('only the role whose turn it is may import (403), even with a valid file', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const cookie = await login('township');
    const { workbook } = await exportSheet(id, cookie);
    const res = await importSheet(id, cookie, workbook);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.problemCode).toBe('NOT_YOUR_TURN');
  });
});

describe('scope', () => {
  it('a user of another township gets 404 for both the export and the import', async () => {
    const { ids } = await campaignInSelfAssessment(t);
    const yId = ids[Y_VILLAGE]!;
    const county = await login('county');
    const { workbook } = await exportSheet(yId, county);
    for (const username of ['township', 'clerk']) {
      const cookie = await login(username);
      const get = await app.inject({
        url: `/api/participations/${yId}/sheet.xlsx`,
        headers: { cookie },
      });
      expect(get.statusCode, username).toBe(404);
      expect(get.json().error.problemCode).toBe('NOT_FOUND');
      const post = await importSheet(yId, cookie, workbook);
      expect(post.statusCode, username).toBe(404);
    }
    expect(await versionOf(t, yId)).toBe(1);
    expect(await saveAudits()).toHaveLength(0);
  });
});

describe('GET /api/campaigns/:id/notice.xlsx', () => {
  it('exports the posted villages with their township, score and the notice period', async () => {
    const { campaign, framework, county, ids } = await campaignInSelfAssessment(t, [
      X_VILLAGE,
      X_VILLAGE_2,
    ]);
    const def = framework.definition;
    const township = await t.as('township');
    const villages = [X_VILLAGE, X_VILLAGE_2];
    // the second village misses one check item in every column
    const save = async (
      caller: Awaited<ReturnType<typeof t.as>>,
      code: string,
      column: 'self' | 'township' | 'county',
    ) => {
      const id = ids[code]!;
      const data = goodSheet(def);
      if (code === X_VILLAGE_2) data.items[firstOfKind(def, 'check').code] = false;
      return caller.participations.saveSheet({ id, version: await versionOf(t, id), column, data });
    };
    // self-assessment by each village's clerk
    await county.users.create({
      username: 'clerk_101202',
      displayName: '文书',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: X_VILLAGE_2,
    });
    const clerks = new Map([
      [X_VILLAGE, await t.as('clerk')],
      [X_VILLAGE_2, await t.as('clerk_101202')],
    ]);
    for (const code of villages) {
      const id = ids[code]!;
      const saved = await save(clerks.get(code)!, code, 'self');
      await clerks.get(code)!.participations.transition({
        id,
        version: saved.version,
        event: { type: 'submit_self_assessment' },
      });
    }
    await county.campaigns.advance({ id: campaign.id });
    for (const code of villages) {
      const id = ids[code]!;
      const saved = await save(township, code, 'township');
      await township.participations.transition({
        id,
        version: saved.version,
        event: { type: 'approve' },
      });
    }
    await county.campaigns.advance({ id: campaign.id });
    for (const code of villages) {
      const id = ids[code]!;
      const saved = await save(county, code, 'county');
      await county.participations.transition({
        id,
        version: saved.version,
        event: { type: 'accept' },
      });
    }
    await county.campaigns.advance({ id: campaign.id });
    for (const code of villages) {
      const id = ids[code]!;
      await county.participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type: 'post' },
      });
    }
    const list = await county.campaigns.noticeList({ id: campaign.id });
    expect(list.rows).toHaveLength(2);

    const res = await app.inject({
      url: `/api/campaigns/${campaign.id}/notice.xlsx`,
      headers: { cookie: await login('county') },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent(`公示名单-${campaign.name}.xlsx`)}`,
    );
    const ws = (await load(res.rawPayload)).getWorksheet('公示名单')!;
    expect(String(ws.getCell(1, 1).value)).toContain(campaign.name);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '乡镇（街道）',
      '村（社区）',
      '验收得分',
    ]);
    const body = [3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(body).toEqual(list.rows.map((r, i) => [i + 1, r.townshipName, r.villageName, r.total]));
    expect(body.map((r) => r[3])).toEqual([100, 100 - firstOfKind(def, 'check').points]);
    expect(body.map((r) => r[1])).toEqual(['白石镇', '白石镇']);
    const footer = String(ws.getCell(6, 1).value);
    expect(footer).toContain(`公示期${campaign.noticeDays}天`);
    expect(footer).toContain(list.rows[0]!.postedOn!);

    // out of scope: a clerk sees only their own village on the list
    const clerkList = await app.inject({
      url: `/api/campaigns/${campaign.id}/notice.xlsx`,
      headers: { cookie: await login('clerk') },
    });
    expect(clerkList.statusCode).toBe(200);
    const clerkSheet = (await load(clerkList.rawPayload)).getWorksheet('公示名单')!;
    expect(clerkSheet.getCell(3, 3).value).toBe('杨林村');
    expect(clerkSheet.getCell(4, 1).value).toBeNull();
  });
});

describe('parseScoreSheetWorkbook', () => {
  const def = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
  const exported = () =>
    buildScoreSheetWorkbook({
      participationId: 'p-1',
      version: 3,
      state: 'self_assessed',
      campaignName: '创建',
      villageName: '杨林村',
      villageCode: X_VILLAGE,
      framework: def,
      sheet: {},
      scorecards: {},
    });

  async function fill(column: 'township' | 'county', cells: Record<string, unknown>) {
    const workbook = await load(await exported());
    const ws = workbook.getWorksheet(SHEET)!;
    const rows = rowsByCode(ws);
    const at = column === 'township' ? 11 : 14;
    for (const [code, value] of Object.entries(cells)) {
      const cell = ws.getCell(rows.get(code)!, at);
      if (typeof value === 'object' && value !== null && 'percent' in value) {
        // (a fresh style: loaded cells share style objects)
        cell.style = { ...cell.style, numFmt: '0%' };
        cell.value = (value as { percent: number }).percent;
      } else {
        cell.value = value as ExcelJS.CellValue;
        // a date typed in Excel comes with a date format
        if (value instanceof Date) cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      }
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      rows,
      result: await parseScoreSheetWorkbook(bytes, {
        framework: def,
        column,
        participationId: 'p-1',
      }),
    };
  }

  it('reads the lenient forms people type: 无, entry names, booleans, numbers as text', async () => {
    const checklist = firstOfKind(def, 'checklist');
    const entries = checklist.rule.kind === 'checklist' ? checklist.rule.entries : [];
    const check = allItems(def).filter((i) => i.rule.kind === 'check');
    const count = firstOfKind(def, 'count');
    const bands = firstOfKind(def, 'bands');
    const { result } = await fill('township', {
      [checklist.code]: `${entries[1]!.name}， ${entries[0]!.code}`,
      [allItems(def).filter((i) => i.rule.kind === 'checklist')[1]!.code]: '无',
      [check[0]!.code]: ' 是 ',
      [check[1]!.code]: false,
      [count.code]: '3',
      [bands.code]: { formula: '80+5', result: 85 },
      [def.vetoes[0]!.code]: '是',
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.version).toBe(3);
    expect(result.data.items).toEqual({
      // in the framework's order, whatever order they were typed in
      [checklist.code]: [entries[0]!.code, entries[1]!.code],
      [allItems(def).filter((i) => i.rule.kind === 'checklist')[1]!.code]: [],
      [check[0]!.code]: true,
      [check[1]!.code]: false,
      [count.code]: 3,
      [bands.code]: 85,
    });
    expect(result.data.vetoes).toEqual([def.vetoes[0]!.code]);
  });

  it('refuses percentages, dates, duplicates, and answers in area rows', async () => {
    const proportional = firstOfKind(def, 'proportional');
    const checklist = firstOfKind(def, 'checklist');
    const entries = checklist.rule.kind === 'checklist' ? checklist.rule.entries : [];
    const deduction = firstOfKind(def, 'deduction');
    const { rows, result } = await fill('county', {
      [proportional.code]: { percent: 0.92 },
      [checklist.code]: `${entries[0]!.code}、${entries[0]!.code}`,
      [deduction.code]: new Date('2026-01-01'),
      [def.areas[0]!.code]: '是',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [rows.get(def.areas[0]!.code), 'N'],
      [rows.get(checklist.code), 'N'],
      [rows.get(deduction.code), 'N'],
      [rows.get(proportional.code), 'N'],
    ]);
    expect(result.errors[0]!.message.zh).toContain('类别行');
    expect(result.errors[1]!.message.zh).toContain('重复');
    expect(result.errors[2]!.message.zh).toContain('日期');
    expect(result.errors[3]!.message.zh).toContain('百分比');
  });
});
