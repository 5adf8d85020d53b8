// Photos of 普法 activities (images only, typed by content, refused in a locked month, swept and
// deleted with their activity), the Excel round trips of the 普法 and adviser registers (the listed
// rows out, the same workbook back; an import with one bad cell imports nothing and lists every
// bad cell), and the deletion of advisers' duty days and service records.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import {
  adviserDutyDays,
  adviserServices,
  auditEvents,
  pufaActivities,
  pufaActivityPhotos,
  pufaRoster,
} from '../src/db/schema.js';
import { sweepEvidence } from '../src/services/campaigns/evidence.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { sampleInput } from './sample-inputs.js';
import {
  activityHeaders,
  activityRow,
  dutyHeaders,
  dutyRow,
  readXlsx,
  rosterHeaders,
  rosterRow,
  serviceHeaders,
  serviceRow,
  xlsxBase64,
} from './register-workbook-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-pufa-photos-'));
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
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 1)]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

async function cookieOf(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

function upload(activityId: string, cookie: string, body: Buffer, name = '讲座现场.png') {
  return app.inject({
    method: 'POST',
    url: `/api/pufa/activities/${activityId}/photos`,
    headers: {
      cookie,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

/** A tRPC mutation over HTTP (the server's context has the data directory). */
function mutate(path: string, cookie: string, input: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/trpc/${path}`, headers: { cookie }, payload: input });
}

async function activity(heldOn = '2026-11-10') {
  return (await t.as('clerk')).pufa.saveActivity({
    ...(sampleInput['pufa.saveActivity'] as object),
    heldOn,
  } as never);
}

interface Cell {
  row: number;
  column: string;
  message: { zh: string; en: string };
}
/** The bad cells of a refused import. */
const cellsOf = (error: { details?: unknown }) => (error.details as { cells: Cell[] }).cells;

const photoDir = (activityId: string) => join(dataDir, 'evidence', COUNTY, activityId);

describe('photos of 普法 activities', () => {
  it('keeps uploaded images; the list counts them; users in scope download them', async () => {
    const a = await activity();
    const clerk = await cookieOf('clerk');
    const first = await upload(a.id, clerk, png);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      activityId: a.id,
      fileName: '讲座现场.png',
      mimeType: 'image/png',
      size: png.length,
    });
    expect((await upload(a.id, clerk, jpeg, '发放资料.jpg')).statusCode).toBe(201);
    // stored beside the evidence, named for good after the commit
    expect(readdirSync(photoDir(a.id)).filter((n) => !n.endsWith('.part'))).toHaveLength(2);

    const township = await t.as('township');
    const photos = await township.pufa.activityPhotos({ activityId: a.id });
    expect(photos.map((p) => p.fileName)).toEqual(['讲座现场.png', '发放资料.jpg']);
    const listed = await township.pufa.listActivities({ divisionCode: X });
    expect(listed.items.find((i) => i.id === a.id)?.photos).toBe(2);

    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${photos[0]!.id}`,
      headers: { cookie: await cookieOf('township') },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);

    // the upload is audited in words
    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'pufa.addActivityPhoto')).toHaveLength(2);
    // the sweep keeps them
    await sweepEvidence({ db: t.db, dataDir });
    expect(readdirSync(photoDir(a.id))).toHaveLength(2);
  });

  it('refuses a PDF, an empty file and a file of another type, keeping nothing', async () => {
    const a = await activity();
    const clerk = await cookieOf('clerk');
    for (const body of [pdf, Buffer.from('GIF? no, plain text'), Buffer.alloc(0)]) {
      const res = await upload(a.id, clerk, body, 'x.png');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.problemCode).toMatch(/FILE_TYPE|EMPTY_FILE/);
      expect(res.json().error.messages.zh).toMatch(/图片|文件为空/);
    }
    expect(await t.db.select().from(pufaActivityPhotos)).toEqual([]);
    expect(existsSync(photoDir(a.id)) ? readdirSync(photoDir(a.id)) : []).toEqual([]);
  });

  it('refuses an upload and a removal in a locked month, and accepts them once reopened', async () => {
    const a = await activity('2026-10-12');
    const clerk = await cookieOf('clerk');
    const saved = (await upload(a.id, clerk, png)).json();
    await (await t.as('township')).periods.lock({ townshipCode: X, month: '2026-10' });
    const refused = await upload(a.id, clerk, jpeg);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.problemCode).toBe('PERIOD_LOCKED');
    await expectError(
      (await t.as('clerk')).pufa.removeActivityPhoto({ id: saved.id }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    expect(await t.db.select().from(pufaActivityPhotos)).toHaveLength(1);
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-10', reason: '补传活动照片' });
    expect((await upload(a.id, clerk, jpeg)).statusCode).toBe(201);
    expect(await t.db.select().from(pufaActivityPhotos)).toHaveLength(2);
  });

  it('is refused to a township officer for a village activity and to users out of scope', async () => {
    const a = await activity();
    const township = await upload(a.id, await cookieOf('township'), png);
    expect(township.statusCode).toBe(403);
    const inspector = await upload(a.id, await cookieOf('inspector'), png);
    expect(inspector.statusCode).toBe(403);
    expect(await t.db.select().from(pufaActivityPhotos)).toEqual([]);
  });

  it('removes a photo and its bytes; deleting the activity takes its photos along', async () => {
    const a = await activity();
    const clerk = await cookieOf('clerk');
    const one = (await upload(a.id, clerk, png)).json();
    await upload(a.id, clerk, jpeg, '第二张.jpg');
    const removed = await mutate('pufa.removeActivityPhoto', clerk, { id: one.id });
    expect(removed.statusCode).toBe(200);
    expect(readdirSync(photoDir(a.id))).toHaveLength(1);
    const current = (await (await t.as('clerk')).pufa.listActivities({ divisionCode: VILLAGE }))
      .items[0]!;
    expect(current.photos).toBe(1);
    const gone = await mutate('pufa.removeActivity', clerk, {
      id: a.id,
      version: current.version,
    });
    expect(gone.statusCode).toBe(200);
    expect(await t.db.select().from(pufaActivityPhotos)).toEqual([]);
    expect(readdirSync(photoDir(a.id))).toEqual([]);
  });
});

describe('Excel import and export of the 普法 register', () => {
  it('exports the listed activities and imports the same workbook back (round trip)', async () => {
    const clerk = await t.as('clerk');
    await clerk.pufa.saveActivity(sampleInput['pufa.saveActivity'] as never);
    await clerk.pufa.saveActivity({
      ...(sampleInput['pufa.saveActivity'] as object),
      type: 'materials',
      heldOn: '2026-09-03',
      participants: 0,
      materials: 300,
      notes: '发放宪法读本',
    } as never);
    const file = await clerk.pufa.exportActivities({ divisionCode: VILLAGE, from: '2026-10-01' });
    const sheet = await readXlsx(file.base64);
    expect(sheet.name).toBe('普法活动');
    expect(sheet.rows[0]).toEqual(activityHeaders);
    // the filter holds: only the November lecture
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[1]!.slice(1)).toEqual([
      VILLAGE,
      '杨林村',
      '讲座',
      '2026-11-10',
      '村文化礼堂',
      '白石镇司法所',
      '45',
      '60',
      '',
    ]);

    // the whole list out, then back in as new records (编号 cleared) and as corrections
    const all = await clerk.pufa.exportActivities({ divisionCode: VILLAGE });
    const before = (await t.db.select().from(pufaActivities)).map(({ id, ...rest }) => ({
      id,
      type: rest.type,
      heldOn: rest.heldOn,
      participants: rest.participants,
      materials: rest.materials,
      notes: rest.notes,
    }));
    expect(
      await clerk.pufa.importActivities({ divisionCode: VILLAGE, workbook: all.base64 }),
    ).toEqual({ added: 0, updated: 2 });
    const after = await t.db.select().from(pufaActivities);
    expect(after).toHaveLength(2);
    for (const b of before) {
      expect(after.find((a) => a.id === b.id)).toMatchObject({ ...b, version: 2 });
    }
    const rows = (await readXlsx(all.base64)).rows.slice(1).map((r) => ['', ...r.slice(1)]);
    const copy = await xlsxBase64('普法活动', activityHeaders, rows);
    expect(await clerk.pufa.importActivities({ divisionCode: VILLAGE, workbook: copy })).toEqual({
      added: 2,
      updated: 0,
    });
    expect(await t.db.select().from(pufaActivities)).toHaveLength(4);
  });

  it('imports nothing when one cell is bad, and lists every bad cell in Chinese and English', async () => {
    const clerk = await t.as('clerk');
    const workbook = await xlsxBase64('普法活动', activityHeaders, [
      activityRow(),
      activityRow({ 活动类型: '座谈', 参加人数: '四十' }),
      activityRow({ 日期: '2026-02-30' }),
      activityRow({ 单位代码: OTHER_VILLAGE }),
      activityRow({ 日期: '2099-01-01' }),
    ]);
    const error = await expectError(
      clerk.pufa.importActivities({ divisionCode: VILLAGE, workbook }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = cellsOf(error);
    expect(cells.map((c) => [c.row, c.column])).toEqual([
      [3, '活动类型'],
      [3, '参加人数'],
      [4, '日期'],
      [5, '单位代码'],
      [6, '日期'],
    ]);
    for (const c of cells) {
      expect(c.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.message.en).toMatch(/[a-z]/);
    }
    expect(cells[0]!.message.zh).toContain('座谈');
    expect(await t.db.select().from(pufaActivities)).toEqual([]);
    expect(
      (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).filter((e) =>
        e.action.startsWith('pufa.'),
      ),
    ).toEqual([]);
  });

  it('a locked month refuses the import of its rows, cell by cell', async () => {
    await (await t.as('township')).periods.lock({ townshipCode: X, month: '2026-10' });
    const workbook = await xlsxBase64('普法活动', activityHeaders, [
      activityRow(),
      activityRow({ 日期: '2026-10-08' }),
    ]);
    const error = await expectError(
      (await t.as('clerk')).pufa.importActivities({ divisionCode: VILLAGE, workbook }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = cellsOf(error);
    expect(cells.map((c) => [c.row, c.column])).toEqual([[3, '日期']]);
    expect(await t.db.select().from(pufaActivities)).toEqual([]);
  });

  it('exports the roster and imports it back; bad cells of the roster are listed', async () => {
    const clerk = await t.as('clerk');
    await clerk.pufa.saveRosterMember(sampleInput['pufa.saveRosterMember'] as never);
    const file = await clerk.pufa.exportRoster({ divisionCode: VILLAGE });
    const sheet = await readXlsx(file.base64);
    expect(sheet.rows[0]).toEqual(rosterHeaders);
    expect(sheet.rows[1]!.slice(1)).toEqual([
      VILLAGE,
      '杨林村',
      '法律明白人',
      '陈明理',
      '12',
      '合格',
      '2026-06-18',
      '',
    ]);
    // the county sees no names: its export leaves them out
    const county = await (await t.as('county')).pufa.exportRoster({ divisionCode: COUNTY });
    expect((await readXlsx(county.base64)).rows[1]![4]).toBe('');

    const bad = await xlsxBase64('普法名册', rosterHeaders, [
      rosterRow({ 姓名: '林晓' }),
      rosterRow({ 名册类别: '调解员', 培训学时: 12.3 }),
      rosterRow({ 姓名: '', 考核结果: '优秀' }),
    ]);
    const error = await expectError(
      clerk.pufa.importRoster({ divisionCode: VILLAGE, workbook: bad }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = cellsOf(error);
    expect(cells.map((c) => [c.row, c.column])).toEqual([
      [3, '名册类别'],
      [3, '培训学时'],
      [4, '考核结果'],
    ]);
    expect(await t.db.select().from(pufaRoster)).toHaveLength(1);

    const good = await xlsxBase64('普法名册', rosterHeaders, [
      rosterRow({ 姓名: '林晓', 名册类别: '宣讲员', 培训学时: 6.5, 考核结果: '', 考核日期: '' }),
    ]);
    expect(await clerk.pufa.importRoster({ divisionCode: VILLAGE, workbook: good })).toEqual({
      added: 1,
      updated: 0,
    });
    const lecturer = (await t.db.select().from(pufaRoster)).find((m) => m.name === '林晓');
    expect(lecturer).toMatchObject({
      role: 'lecturer',
      trainingHours: 6.5,
      examResult: 'not_taken',
    });
    // a new member needs a name
    const nameless = await xlsxBase64('普法名册', rosterHeaders, [rosterRow({ 姓名: '' })]);
    const refused = await expectError(
      clerk.pufa.importRoster({ divisionCode: VILLAGE, workbook: nameless }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    expect(cellsOf(refused).map((c) => c.column)).toEqual(['姓名']);
  });

  it('refuses a file that is not a workbook, and a sheet without its columns', async () => {
    const clerk = await t.as('clerk');
    await expectError(
      clerk.pufa.importRoster({ divisionCode: VILLAGE, workbook: 'UEsDBA==' }),
      'BAD_REQUEST',
      'FILE_TYPE',
    );
    const headless = await xlsxBase64('普法名册', ['姓名'], [['陈明理']]);
    const error = await expectError(
      clerk.pufa.importRoster({ divisionCode: VILLAGE, workbook: headless }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    expect(cellsOf(error).map((c) => c.column)).toEqual(['村代码', '名册类别', '培训学时']);
  });
});

/** An adviser of the county (李明) with a 2026 contract of the clerk's village. */
async function anAdviser() {
  const county = await t.as('county');
  const adviser = await county.advisers.save(sampleInput['advisers.save'] as never);
  await county.advisers.saveContract({
    ...(sampleInput['advisers.saveContract'] as object),
    adviserId: adviser.id,
  } as never);
  return adviser;
}

describe('advisers’ duty days and service records', () => {
  it('export, import (bad cells listed, nothing kept) and import again', async () => {
    const adviser = await anAdviser();
    const township = await t.as('township');
    await township.advisers.saveDutyDay({
      ...(sampleInput['advisers.saveDutyDay'] as object),
      adviserId: adviser.id,
    } as never);
    const out = await readXlsx(
      (await township.advisers.exportDutyDays({ divisionCode: X })).base64,
    );
    expect(out.rows[0]).toEqual(dutyHeaders);
    expect(out.rows[1]!.slice(1)).toEqual([X, '白石镇', '李明', '2026-11-10', '白石镇集市', '']);

    const bad = await xlsxBase64('法律顾问值班', dutyHeaders, [
      dutyRow({ 日期: '2026-11-17' }),
      dutyRow({ 法律顾问: '王五', 地点: '' }),
    ]);
    const error = await expectError(
      township.advisers.importDutyDays({ divisionCode: X, workbook: bad }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    expect(cellsOf(error).map((c) => [c.row, c.column])).toEqual([
      [3, '法律顾问'],
      [3, '地点'],
    ]);
    expect(await t.db.select().from(adviserDutyDays)).toHaveLength(1);
    const good = await xlsxBase64('法律顾问值班', dutyHeaders, [dutyRow({ 日期: '2026-11-17' })]);
    expect(await township.advisers.importDutyDays({ divisionCode: X, workbook: good })).toEqual({
      added: 1,
      updated: 0,
    });

    const clerk = await t.as('clerk');
    const services = await xlsxBase64('法律顾问服务', serviceHeaders, [
      serviceRow(),
      serviceRow({ 服务类型: '审查文件', 次数: 3 }),
    ]);
    expect(
      await clerk.advisers.importServices({ divisionCode: VILLAGE, workbook: services }),
    ).toEqual({ added: 2, updated: 0 });
    const back = await readXlsx(
      (await clerk.advisers.exportServices({ divisionCode: VILLAGE })).base64,
    );
    expect(back.rows[0]).toEqual(serviceHeaders);
    expect(
      back.rows
        .slice(1)
        .map((r) => [r[5], r[6]])
        .sort(),
    ).toEqual([
      ['审查文件', '3'],
      ['法律咨询', '2'],
    ]);
    // a village clerk cannot import a township's duty days
    const dutyByClerk = await expectError(
      clerk.advisers.importDutyDays({ divisionCode: VILLAGE, workbook: good }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    expect(cellsOf(dutyByClerk).map((c) => c.column)).toEqual(['乡镇代码']);
  });

  it('deletes a duty day and a service record, audited; a locked month refuses', async () => {
    const adviser = await anAdviser();
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    const duty = await township.advisers.saveDutyDay({
      ...(sampleInput['advisers.saveDutyDay'] as object),
      adviserId: adviser.id,
    } as never);
    const service = await clerk.advisers.saveService({
      ...(sampleInput['advisers.saveService'] as object),
      adviserId: adviser.id,
    } as never);
    // a clerk cannot delete the township's duty day; a stale version is refused
    await expectError(
      clerk.advisers.removeDutyDay({ id: duty.id, version: duty.version }),
      'NOT_FOUND',
    );
    await expectError(
      clerk.advisers.removeService({ id: service.id, version: service.version + 1 }),
      'CONFLICT',
    );
    await township.periods.lock({ townshipCode: X, month: '2026-11' });
    await expectError(
      township.advisers.removeDutyDay({ id: duty.id, version: duty.version }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    await expectError(
      clerk.advisers.removeService({ id: service.id, version: service.version }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-11', reason: '删除重复登记' });
    expect(await township.advisers.removeDutyDay({ id: duty.id, version: duty.version })).toEqual({
      id: duty.id,
    });
    expect(
      await clerk.advisers.removeService({ id: service.id, version: service.version }),
    ).toEqual({ id: service.id });
    expect(await t.db.select().from(adviserDutyDays)).toEqual([]);
    expect(await t.db.select().from(adviserServices)).toEqual([]);
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toContain('advisers.removeDuty');
    expect(actions).toContain('advisers.removeService');
  });
});
