// Files of mediation cases (调解协议书 scans, PDFs, images, Word documents; typed by content, at most
// 20 MB, refused in a locked month, in scope only, audited, swept and deleted with their case); the
// written-agreement rule reading whether the case keeps a file; and the Excel round trip of the
// mediation register (the listed cases out, the same workbook back; one bad cell imports nothing
// and every bad cell is listed).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_FILE_BYTES, maxMediationCaseFiles } from '@fazhi/domain';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { auditEvents, mediationCaseFiles, mediationCases } from '../src/db/schema.js';
import { sweepEvidence } from '../src/services/campaigns/evidence.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { sampleInput } from './sample-inputs.js';
import {
  mediationHeaders,
  mediationRow,
  readXlsx,
  xlsxBase64,
} from './register-workbook-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-mediation-files-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const COUNTY = '330728000000';
const X = '330728101000';
const VILLAGE = '330728101201';
const OTHER_VILLAGE = '330728102201';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 1)]);

async function cookieOf(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

function upload(caseId: string, cookie: string, body: Buffer, name = '调解协议书.pdf') {
  return app.inject({
    method: 'POST',
    url: `/api/mediation/cases/${caseId}/files`,
    headers: {
      cookie,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

function mutate(path: string, cookie: string, input: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/trpc/${path}`, headers: { cookie }, payload: input });
}

/** A case of the clerk's village; a settled written agreement unless told otherwise. */
async function aCase(over: Record<string, unknown> = {}) {
  return (await t.as('clerk')).mediation.save({
    ...(sampleInput['mediation.save'] as object),
    method: 'written',
    ...over,
  } as never);
}

const caseDir = (caseId: string) => join(dataDir, 'evidence', COUNTY, caseId);

interface Cell {
  row: number;
  column: string;
  message: { zh: string; en: string };
}
const cellsOf = (error: { details?: unknown }) => (error.details as { cells: Cell[] }).cells;

describe('files of mediation cases', () => {
  it('keeps a PDF, an image and a Word document; lists, counts and serves them in scope', async () => {
    const c = await aCase();
    const clerk = await cookieOf('clerk');
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('调解协议书')] }] }),
    );
    const first = await upload(c.id, clerk, pdf);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      caseId: c.id,
      fileName: '调解协议书.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
    });
    expect((await upload(c.id, clerk, jpeg, '现场.jpg')).statusCode).toBe(201);
    const word = await upload(c.id, clerk, docx, '协议书.docx');
    expect(word.statusCode).toBe(201);
    expect(word.json().mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(readdirSync(caseDir(c.id)).filter((n) => !n.endsWith('.part'))).toHaveLength(3);

    const township = await t.as('township');
    const files = await township.mediation.files({ caseId: c.id });
    expect(files.map((f) => f.fileName)).toEqual(['调解协议书.pdf', '现场.jpg', '协议书.docx']);
    const listed = await township.mediation.list({ divisionCode: X });
    expect(listed.items.find((i) => i.id === c.id)?.files).toBe(3);

    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${files[0]!.id}`,
      headers: { cookie: await cookieOf('township') },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'mediation.addFile')).toHaveLength(3);
    await sweepEvidence({ db: t.db, dataDir });
    expect(readdirSync(caseDir(c.id))).toHaveLength(3);
  });

  it('refuses an empty file, a file of another type, a zip that is no Word document and too many files', async () => {
    const c = await aCase({ method: 'oral' });
    const clerk = await cookieOf('clerk');
    const zip = Buffer.from('504b0304', 'hex');
    for (const body of [Buffer.alloc(0), Buffer.from('plain text, no PDF'), zip]) {
      const res = await upload(c.id, clerk, body, 'x.pdf');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.problemCode).toMatch(/FILE_TYPE|EMPTY_FILE/);
      expect(res.json().error.messages.zh).toMatch(/PDF|文件为空/);
    }
    expect(await t.db.select().from(mediationCaseFiles)).toEqual([]);
    expect(existsSync(caseDir(c.id)) ? readdirSync(caseDir(c.id)) : []).toEqual([]);
    // larger than the limit: refused before it is read
    const big = await upload(c.id, clerk, Buffer.alloc(MAX_RECORD_FILE_BYTES + 1, 0x25));
    expect(big.statusCode).toBe(413);
    for (let i = 0; i < maxMediationCaseFiles; i += 1) {
      expect((await upload(c.id, clerk, pdf)).statusCode).toBe(201);
    }
    const full = await upload(c.id, clerk, pdf);
    expect(full.statusCode).toBe(400);
    expect(full.json().error.messages.zh).toContain(`最多上传${maxMediationCaseFiles}个附件`);
    expect(await t.db.select().from(mediationCaseFiles)).toHaveLength(maxMediationCaseFiles);
  });

  it('refuses an upload and a removal in a locked month, and accepts them once reopened (audited)', async () => {
    const c = await aCase({ receivedOn: '2026-10-12', closedOn: '2026-10-20' });
    const clerk = await cookieOf('clerk');
    const saved = (await upload(c.id, clerk, pdf)).json();
    await upload(c.id, clerk, jpeg, '现场.jpg');
    await (await t.as('township')).periods.lock({ townshipCode: X, month: '2026-10' });
    const refused = await upload(c.id, clerk, jpeg);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.problemCode).toBe('PERIOD_LOCKED');
    await expectError(
      (await t.as('clerk')).mediation.removeFile({ id: saved.id }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    expect(await t.db.select().from(mediationCaseFiles)).toHaveLength(2);
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-10', reason: '补传调解协议书' });
    expect((await upload(c.id, clerk, jpeg)).statusCode).toBe(201);
    const removed = await mutate('mediation.removeFile', clerk, { id: saved.id });
    expect(removed.statusCode).toBe(200);
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'mediation.addFile')).toHaveLength(3);
    expect(actions.filter((a) => a === 'mediation.removeFile')).toHaveLength(1);
    expect(actions).toContain('periods.reopen');
  });

  it('is refused to a township officer for a village case and to users out of scope', async () => {
    const c = await aCase();
    expect((await upload(c.id, await cookieOf('township'), pdf)).statusCode).toBe(403);
    expect((await upload(c.id, await cookieOf('inspector'), pdf)).statusCode).toBe(403);
    expect(await t.db.select().from(mediationCaseFiles)).toEqual([]);
    // a case of another township: unknown to the clerk and to township X, its file unseen
    const other = await (
      await t.as('county')
    ).mediation.save({
      ...(sampleInput['mediation.save'] as object),
      divisionCode: OTHER_VILLAGE,
    } as never);
    expect((await upload(other.id, await cookieOf('clerk'), pdf)).statusCode).toBe(404);
    const stored = await upload(other.id, await cookieOf('county'), pdf);
    expect(stored.statusCode).toBe(201);
    const seen = await app.inject({
      method: 'GET',
      url: `/api/evidence/${stored.json().id}`,
      headers: { cookie: await cookieOf('township') },
    });
    expect(seen.statusCode).toBe(404);
    await expectError((await t.as('township')).mediation.files({ caseId: other.id }), 'NOT_FOUND');
  });

  it('deleting the case takes its files and their bytes along', async () => {
    const c = await aCase({ method: 'oral' });
    const clerk = await cookieOf('clerk');
    await upload(c.id, clerk, pdf);
    const gone = await mutate('mediation.remove', clerk, { id: c.id, version: c.version });
    expect(gone.statusCode).toBe(200);
    expect(await t.db.select().from(mediationCaseFiles)).toEqual([]);
    expect(readdirSync(caseDir(c.id))).toEqual([]);
  });
});

describe('the rule “书面协议 cases have an agreement file” reads the case’s files', () => {
  it('a settled written agreement without a file is refused on correction, accepted with one', async () => {
    const clerk = await t.as('clerk');
    // a new case has no file yet: it is recorded, its file follows
    const c = await aCase({ agreementNo: '白石调字〔2026〕3号' });
    expect(c.files).toBe(0);
    // the agreement number alone no longer satisfies the rule
    const refused = await expectError(
      clerk.mediation.save({
        ...(sampleInput['mediation.save'] as object),
        method: 'written',
        id: c.id,
        version: c.version,
        notes: '补充说明',
      } as never),
      'BAD_REQUEST',
      'AGREEMENT_MISSING',
    );
    expect(refused.messages.zh).toContain('调解协议书');
    const cookie = await cookieOf('clerk');
    expect((await upload(c.id, cookie, pdf)).statusCode).toBe(201);
    const saved = await clerk.mediation.save({
      ...(sampleInput['mediation.save'] as object),
      method: 'written',
      id: c.id,
      version: c.version,
      notes: '补充说明',
    } as never);
    expect(saved).toMatchObject({ files: 1, notes: '补充说明' });
    // its only file cannot be removed; a second one can, then the first stays
    const [only] = await clerk.mediation.files({ caseId: c.id });
    await expectError(
      clerk.mediation.removeFile({ id: only!.id }),
      'BAD_REQUEST',
      'AGREEMENT_MISSING',
    );
    const second = (await upload(c.id, cookie, jpeg, '第二页.jpg')).json();
    await clerk.mediation.removeFile({ id: only!.id });
    expect((await clerk.mediation.files({ caseId: c.id })).map((f) => f.id)).toEqual([second.id]);
  });

  it('an oral case, or a written agreement that did not settle, needs no file', async () => {
    const clerk = await t.as('clerk');
    for (const over of [{ method: 'oral' }, { method: 'written', outcome: 'failed' }]) {
      const c = await aCase(over);
      const again = await clerk.mediation.save({
        ...(sampleInput['mediation.save'] as object),
        ...over,
        id: c.id,
        version: c.version,
      } as never);
      expect(again.files).toBe(0);
    }
  });
});

describe('Excel export and import of the mediation register', () => {
  it('imports back what it exports (round trip), as corrections and as new cases', async () => {
    const clerk = await t.as('clerk');
    await clerk.mediation.save({
      ...(sampleInput['mediation.save'] as object),
      partyNames: '张三、李四',
      mediator: '王调解',
      notes: '宅基地界址',
    } as never);
    await clerk.mediation.save({
      ...(sampleInput['mediation.save'] as object),
      receivedOn: '2026-10-08',
      type: 'land_contract',
      parties: 3,
      outcome: 'open',
      closedOn: null,
      escalation: 'petition',
    } as never);
    const file = await clerk.mediation.export({ divisionCode: VILLAGE });
    const sheet = await readXlsx(file.base64);
    expect(sheet.name).toBe('人民调解台账');
    expect(sheet.rows[0]).toEqual(mediationHeaders);
    expect(sheet.rows[1]!.slice(1)).toEqual([
      VILLAGE,
      '杨林村',
      '2026-11-02',
      '邻里',
      '2',
      '张三、李四',
      '王调解',
      '口头调解',
      '调解成功',
      '2026-11-05',
      '无',
      '',
      '0',
      '宅基地界址',
    ]);
    const columns = ['divisionCode', 'receivedOn', 'type', 'parties', 'partyNames', 'mediator'];
    const facts = (rows: (typeof mediationCases.$inferSelect)[]) =>
      rows
        .map((r) => [
          ...columns.map((k) => r[k as keyof typeof r]),
          r.method,
          r.outcome,
          r.closedOn,
          r.escalation,
          r.notes,
        ])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    const before = await t.db.select().from(mediationCases);
    expect(await clerk.mediation.import({ divisionCode: VILLAGE, workbook: file.base64 })).toEqual({
      added: 0,
      updated: 2,
    });
    const after = await t.db.select().from(mediationCases);
    expect(facts(after)).toEqual(facts(before));
    for (const r of after) expect(r.version).toBe(2);
    // the same rows without their 编号 are new cases
    const rows = sheet.rows.slice(1).map((r) => ['', ...r.slice(1)]);
    const copy = await xlsxBase64('人民调解台账', mediationHeaders, rows);
    expect(await clerk.mediation.import({ divisionCode: VILLAGE, workbook: copy })).toEqual({
      added: 2,
      updated: 0,
    });
    expect(await t.db.select().from(mediationCases)).toHaveLength(4);
    const events = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).filter(
      (e) => e.action === 'mediation.import',
    );
    expect(events).toHaveLength(2);
  });

  it('a county round trip keeps the party names it does not see', async () => {
    await (
      await t.as('clerk')
    ).mediation.save({
      ...(sampleInput['mediation.save'] as object),
      partyNames: '张三、李四',
    } as never);
    const county = await t.as('county');
    const file = await county.mediation.export({ divisionCode: COUNTY });
    expect((await readXlsx(file.base64)).rows[1]![6]).toBe('');
    expect(await county.mediation.import({ divisionCode: COUNTY, workbook: file.base64 })).toEqual({
      added: 0,
      updated: 1,
    });
    const [row] = await t.db.select().from(mediationCases);
    expect(row).toMatchObject({ partyNames: '张三、李四', version: 2 });
  });

  it('imports nothing when one cell is bad, and lists every bad cell in Chinese and English', async () => {
    const clerk = await t.as('clerk');
    const workbook = await xlsxBase64('人民调解台账', mediationHeaders, [
      mediationRow(),
      mediationRow({ 纠纷类型: '吵架', 当事人数: '两' }),
      mediationRow({ 受理日期: '2026-02-30' }),
      mediationRow({ 单位代码: OTHER_VILLAGE }),
      mediationRow({ 结案日期: '2026-11-01' }),
      mediationRow({ 调解方式: '书面', 是否激化: '打架' }),
      mediationRow({ 当事人数: 1 }),
    ]);
    const error = await expectError(
      clerk.mediation.import({ divisionCode: VILLAGE, workbook }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = cellsOf(error);
    // the cells read wrong first, then those the register's rules refuse
    expect(cells.map((c) => [c.row, c.column])).toEqual([
      [3, '纠纷类型'],
      [3, '当事人数'],
      [4, '受理日期'],
      [5, '单位代码'],
      [7, '调解方式'],
      [7, '是否激化'],
      [6, '结案日期'],
      [8, '当事人数'],
    ]);
    for (const c of cells) {
      expect(c.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.message.en).toMatch(/[a-z]/);
    }
    expect(cells[0]!.message.zh).toContain('吵架');
    expect(cells[6]!.message.zh).toContain('不能早于受理日期');
    expect(await t.db.select().from(mediationCases)).toEqual([]);
    expect(
      (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).filter((e) =>
        e.action.startsWith('mediation.'),
      ),
    ).toEqual([]);
  });

  it('a locked month refuses the import of its rows; a correction of another village is refused', async () => {
    await (await t.as('township')).periods.lock({ townshipCode: X, month: '2026-10' });
    const workbook = await xlsxBase64('人民调解台账', mediationHeaders, [
      mediationRow(),
      mediationRow({ 受理日期: '2026-10-08', 结案日期: '2026-10-09' }),
    ]);
    const error = await expectError(
      (await t.as('clerk')).mediation.import({ divisionCode: VILLAGE, workbook }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    expect(cellsOf(error).map((c) => [c.row, c.column])).toEqual([[3, '受理日期']]);
    expect(await t.db.select().from(mediationCases)).toEqual([]);
  });
});
