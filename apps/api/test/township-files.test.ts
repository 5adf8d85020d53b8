// Files of township work: uploaded onto a supervision task's progress report (by the owning
// division, until the task is closed) and onto a participatory budget's plan, tender and
// inspection records (by the township); a PDF or an image typed by content, at most ten per
// report or record; listed with the task or project, downloaded inside scope, removed with their
// bytes, audited, swept and backed up like the evidence files. Also: a budget stage record edited
// (id + version, RECORD_CONFLICT) and deleted (files along), in order only.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { maxTownshipFilesPerRecord } from '@fazhi/domain';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { eq } from 'drizzle-orm';
import { auditEvents, keyProjectRecords, townshipFiles } from '../src/db/schema.js';
import { sweepEvidence } from '../src/services/campaigns/evidence.js';
import { backup } from '../src/services/backup.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { sampleInput } from './sample-inputs.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-township-files-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
// the database is put back before each test: so are the stored files
beforeEach(() => rmSync(join(dataDir, 'evidence'), { recursive: true, force: true }));
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const COUNTY = '330728000000';
const TOWNSHIP = '330728101000';
const VILLAGE = '330728101201';
const Y_TOWNSHIP = '330728102000';
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function shift(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const Y_PASSWORD = 'Qingshan2026';

/** The officer of township Y (`township_y`) and the clerk of one of its villages (`clerk_y`). */
async function usersOfY() {
  const county = await t.as('county');
  await county.users.create({
    username: 'township_y',
    displayName: '青山镇 干部',
    password: Y_PASSWORD,
    role: 'township_officer',
    scopeCode: Y_TOWNSHIP,
  });
  await county.users.create({
    username: 'clerk_y',
    displayName: '青山镇 村干部',
    password: Y_PASSWORD,
    role: 'village_clerk',
    scopeCode: '330728102201',
  });
}

async function cookieOf(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: username.endsWith('_y') ? Y_PASSWORD : DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

function post(url: string, cookie: string, body: Buffer, name: string) {
  return app.inject({
    method: 'POST',
    url,
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

function download(id: string, cookie: string) {
  return app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: { cookie } });
}

/** A task of the township for the clerk's village, with one progress report of the clerk. */
async function reportedTask() {
  const task = await (
    await t.as('township')
  ).tasks.save({ ...(sampleInput['tasks.save'] as object), deadline: shift(30) } as never);
  const reported = await (
    await t.as('clerk')
  ).tasks.report({ id: task.id, version: task.version, text: '路基已完成', percentDone: 40 });
  return { taskId: task.id, reportId: reported.reportId, version: reported.version };
}

const reportUrl = (r: { taskId: string; reportId: number }) =>
  `/api/tasks/${r.taskId}/reports/${r.reportId}/files`;
const taskDir = (taskId: string) => join(dataDir, 'evidence', COUNTY, taskId);

describe('files of a progress report', () => {
  it('are uploaded by the owner, listed with the task, downloaded in scope, audited', async () => {
    const r = await reportedTask();
    const clerk = await cookieOf('clerk');
    const first = await post(reportUrl(r), clerk, png, '现场照片.png');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ fileName: '现场照片.png', mimeType: 'image/png' });
    expect((await post(reportUrl(r), clerk, pdf, '验收单.pdf')).statusCode).toBe(201);
    expect(readdirSync(taskDir(r.taskId)).filter((n) => !n.endsWith('.part'))).toHaveLength(2);

    // the assigning office and the level above see them with the report
    const task = await (await t.as('township')).tasks.get({ id: r.taskId });
    const report = task.reports.find((x) => x.id === r.reportId)!;
    expect(report.attachments.map((f) => f.fileName)).toEqual(['现场照片.png', '验收单.pdf']);
    for (const user of ['township', 'county', 'clerk']) {
      const res = await download(report.attachments[1]!.id, await cookieOf(user));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.equals(pdf)).toBe(true);
    }
    // the file upload does not change the task's version (the forms stay current)
    expect(task.version).toBe(r.version);
    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'tasks.addReportFile')).toHaveLength(2);
    expect(events.find((e) => e.action === 'tasks.addReportFile')?.divisionCode).toBe(VILLAGE);
  });

  it('refuses a file of another type, an empty one and one over the count, keeping nothing', async () => {
    const r = await reportedTask();
    const clerk = await cookieOf('clerk');
    for (const body of [Buffer.from('plain text, not a scan'), Buffer.alloc(0)]) {
      const res = await post(reportUrl(r), clerk, body, 'x.txt');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.problemCode).toMatch(/FILE_TYPE|EMPTY_FILE/);
    }
    expect(await t.db.select().from(townshipFiles)).toEqual([]);
    for (let i = 0; i < maxTownshipFilesPerRecord; i++) {
      expect((await post(reportUrl(r), clerk, png, `${i}.png`)).statusCode).toBe(201);
    }
    const over = await post(reportUrl(r), clerk, png, 'one-more.png');
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fieldErrors[0].path).toBe('file');
    expect(await t.db.select().from(townshipFiles)).toHaveLength(maxTownshipFilesPerRecord);
    // nothing left behind by the refusals
    expect(readdirSync(taskDir(r.taskId))).toHaveLength(maxTownshipFilesPerRecord);
  });

  it('is refused to the assigning office, the read-only inspector, users out of scope, once closed', async () => {
    await usersOfY();
    const r = await reportedTask();
    for (const user of ['township', 'inspector', 'clerk_y']) {
      const res = await post(reportUrl(r), await cookieOf(user), png, 'x.png');
      expect(res.statusCode, user).toBeGreaterThanOrEqual(403);
    }
    // a report that does not belong to the task
    const other = await reportedTask();
    const mixed = await post(
      reportUrl({ taskId: r.taskId, reportId: other.reportId }),
      await cookieOf('clerk'),
      png,
      'x.png',
    );
    expect(mixed.statusCode).toBe(404);
    // closed: no more changes
    const clerk = await t.as('clerk');
    const asked = await clerk.tasks.report({
      id: r.taskId,
      version: r.version,
      text: '完成',
      requestClose: true,
    });
    const proof = await post(
      reportUrl({ taskId: r.taskId, reportId: asked.reportId }),
      await cookieOf('clerk'),
      pdf,
      '验收单.pdf',
    );
    expect(proof.statusCode).toBe(201);
    await (
      await t.as('township')
    ).tasks.close({ id: r.taskId, version: asked.version, rating: 'satisfied' });
    const late = await post(reportUrl(r), await cookieOf('clerk'), png, 'x.png');
    expect(late.statusCode).toBe(409);
    await expectError(
      clerk.tasks.removeReportFile({ id: proof.json().id }),
      'CONFLICT',
      'TASK_TRANSITION_NOT_ALLOWED',
    );
    // out of scope: not downloadable either
    expect((await download(proof.json().id, await cookieOf('clerk_y'))).statusCode).toBe(404);
    expect(await t.db.select().from(townshipFiles)).toHaveLength(1);
  });

  it('removes a file and its bytes, audited; the sweep keeps the others; a backup carries them', async () => {
    const r = await reportedTask();
    const clerk = await cookieOf('clerk');
    const one = (await post(reportUrl(r), clerk, png, '一.png')).json();
    const two = (await post(reportUrl(r), clerk, pdf, '二.pdf')).json();
    const removed = await mutate('tasks.removeReportFile', clerk, { id: one.id });
    expect(removed.statusCode).toBe(200);
    expect(readdirSync(taskDir(r.taskId))).toHaveLength(1);
    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'tasks.removeReportFile')).toHaveLength(1);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 0 });
    expect(readdirSync(taskDir(r.taskId))).toHaveLength(1);
    const file = join(dataDir, `backup-${Date.now()}.zip`);
    const manifest = await backup({ db: t.db, driver: 'test', dataDir, file });
    const [row] = await t.db.select().from(townshipFiles);
    expect(row!.id).toBe(two.id);
    expect(manifest.files.map((f) => f.path)).toContain(row!.storagePath);
    expect(manifest.tables.find((x) => x.name === 'township_files')?.rows).toBe(1);
    rmSync(file);
  });

  it('a township file alone shows the sweep the database is the right one', async () => {
    const r = await reportedTask();
    await post(reportUrl(r), await cookieOf('clerk'), png, '照片.png');
    // an orphan (its row gone with a crash after a delete's commit) beside the kept file
    const orphan = join(taskDir(r.taskId), '00000000-0000-4000-8000-000000000001.png');
    writeFileSync(orphan, png);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 1 });
    expect(existsSync(orphan)).toBe(false);
    expect(readdirSync(taskDir(r.taskId))).toHaveLength(1);
  });
});

/** A key project of the township through all five stages (plan, tender, inspection dated). */
async function fullProject() {
  const caller = await t.as('township');
  let p = await caller.budget.save(sampleInput['budget.save'] as never);
  for (const step of [
    'budget.addRequest',
    'budget.addMeeting',
    'budget.agreePlan',
    'budget.recordTender',
    'budget.addInspection',
    'budget.recordAppraisal',
  ] as const) {
    const name = step.slice('budget.'.length) as 'addRequest';
    p = await caller.budget[name]({
      ...(sampleInput[step] as object),
      id: p.id,
      version: p.version,
    } as never);
  }
  return p;
}

const recordUrl = (id: string) => `/api/budget/records/${id}/files`;

describe('files of budget stage records', () => {
  it('the township uploads the agreed plan and the tender outcome; the county downloads them', async () => {
    await usersOfY();
    const p = await fullProject();
    const plan = p.records.find((r) => r.kind === 'plan')!;
    const tender = p.records.find((r) => r.kind === 'tender')!;
    const township = await cookieOf('township');
    const up = await post(recordUrl(plan.id), township, pdf, '议定方案.pdf');
    expect(up.statusCode).toBe(201);
    expect((await post(recordUrl(tender.id), township, png, '中标通知.png')).statusCode).toBe(201);
    const seen = await (await t.as('county')).budget.get({ id: p.id });
    expect(seen.records.find((r) => r.kind === 'plan')!.files.map((f) => f.fileName)).toEqual([
      '议定方案.pdf',
    ]);
    const res = await download(up.json().id, await cookieOf('county'));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    // another township's officer and a village clerk do not reach it
    expect((await download(up.json().id, await cookieOf('township_y'))).statusCode).toBe(404);
    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'budget.addRecordFile')).toHaveLength(2);
    // the public page names the plan's files, the uploaded one and one typed in by a plan recorded
    // before uploads (a name only, as agreePlan took then), and links none
    await t.db
      .update(keyProjectRecords)
      .set({ fileName: '实施方案.pdf' })
      .where(eq(keyProjectRecords.id, plan.id));
    const page = await app.inject({ url: `/public/projects/${TOWNSHIP}/${p.year}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('（方案文件：实施方案.pdf、议定方案.pdf）');
    expect(page.body).not.toContain('中标通知.png');
    expect(page.body).not.toContain(up.json().id);
    expect(page.body).not.toContain('/api/evidence/');
  });

  it('refuses a request or appraisal record, the county, the clerk and another township', async () => {
    await usersOfY();
    const p = await fullProject();
    const request = p.records.find((r) => r.kind === 'request')!;
    const plan = p.records.find((r) => r.kind === 'plan')!;
    const refused = await post(recordUrl(request.id), await cookieOf('township'), png, 'x.png');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fieldErrors[0].path).toBe('recordId');
    for (const user of ['county', 'clerk', 'inspector']) {
      const res = await post(recordUrl(plan.id), await cookieOf(user), png, 'x.png');
      expect(res.statusCode, user).toBe(403);
    }
    const other = await post(recordUrl(plan.id), await cookieOf('township_y'), png, 'x.png');
    expect(other.statusCode).toBe(404);
    expect(await t.db.select().from(townshipFiles)).toEqual([]);
  });

  it('removes a file with its bytes; deleting a record takes its files along', async () => {
    const p = await fullProject();
    const township = await cookieOf('township');
    const inspection = p.records.find((r) => r.kind === 'inspection')!;
    const appraisal = p.records.find((r) => r.kind === 'appraisal')!;
    const one = (await post(recordUrl(inspection.id), township, png, '检查.png')).json();
    await post(recordUrl(inspection.id), township, pdf, '整改单.pdf');
    const dir = join(dataDir, 'evidence', COUNTY, inspection.id);
    expect((await mutate('budget.removeRecordFile', township, { id: one.id })).statusCode).toBe(
      200,
    );
    expect(readdirSync(dir)).toHaveLength(1);
    // the appraisal goes first (it follows the inspection), then the inspection with its file
    const caller = await t.as('township');
    await caller.budget.removeRecord({ recordId: appraisal.id, version: appraisal.version });
    const gone = await mutate('budget.removeRecord', township, {
      recordId: inspection.id,
      version: inspection.version,
    });
    expect(gone.statusCode).toBe(200);
    expect(await t.db.select().from(townshipFiles)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    const after = await caller.budget.get({ id: p.id });
    expect(after.currentStage).toBe('construction');
  });
});

describe('budget stage records: edit and delete', () => {
  it('edits a record at its version; a stale version is refused with the current one', async () => {
    const p = await fullProject();
    const caller = await t.as('township');
    const tender = p.records.find((r) => r.kind === 'tender')!;
    const edited = await caller.budget.updateRecord({
      recordId: tender.id,
      version: tender.version,
      winningFirm: '县第二建筑公司',
      amountYuan: 990000,
      summary: 'ignored: not a field of a tender',
    });
    const now = edited.records.find((r) => r.id === tender.id)!;
    expect(now).toMatchObject({
      winningFirm: '县第二建筑公司',
      amountYuan: 990000,
      version: tender.version + 1,
      text: tender.text,
    });
    expect(edited.version).toBe(p.version + 1);
    const stale = await expectError(
      caller.budget.updateRecord({ recordId: tender.id, version: tender.version, amountYuan: 1 }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    expect(stale).toBeDefined();
    const events = await t.db.select().from(auditEvents);
    const audited = events.filter((e) => e.action === 'budget.updateRecord');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.divisionCode).toBe(TOWNSHIP);
  });

  it('keeps a moved date between the stages around it and checks the counts of its kind', async () => {
    const p = await fullProject();
    const caller = await t.as('township');
    const plan = p.records.find((r) => r.kind === 'plan')!;
    const tender = p.records.find((r) => r.kind === 'tender')!;
    const meeting = p.records.find((r) => r.kind === 'meeting')!;
    const appraisal = p.records.find((r) => r.kind === 'appraisal')!;
    await expectError(
      caller.budget.updateRecord({ recordId: plan.id, version: plan.version, on: shift(1) }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    const dayAfterTender = new Date(`${tender.on}T00:00:00Z`);
    dayAfterTender.setUTCDate(dayAfterTender.getUTCDate() + 1);
    await expectError(
      caller.budget.updateRecord({
        recordId: plan.id,
        version: plan.version,
        on: dayAfterTender.toISOString().slice(0, 10),
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    await expectError(
      caller.budget.updateRecord({
        recordId: meeting.id,
        version: meeting.version,
        representatives: 0,
      }),
      'BAD_REQUEST',
    );
    await expectError(
      caller.budget.updateRecord({
        recordId: appraisal.id,
        version: appraisal.version,
        satisfied: appraisal.people + 1,
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    const same = await caller.budget.get({ id: p.id });
    expect(same.records).toEqual(p.records);
    // within the bounds: the plan moves to the tender's day
    const moved = await caller.budget.updateRecord({
      recordId: plan.id,
      version: plan.version,
      on: tender.on,
      plan: '方案（修订）',
    });
    expect(moved.records.find((r) => r.id === plan.id)).toMatchObject({
      on: tender.on,
      text: '方案（修订）',
    });
  });

  it('deletes a record only when no later stage depends on it; stale and out-of-scope refused', async () => {
    await usersOfY();
    const p = await fullProject();
    const caller = await t.as('township');
    const plan = p.records.find((r) => r.kind === 'plan')!;
    const appraisal = p.records.find((r) => r.kind === 'appraisal')!;
    await expectError(
      caller.budget.removeRecord({ recordId: plan.id, version: plan.version }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    await expectError(
      caller.budget.removeRecord({ recordId: appraisal.id, version: appraisal.version + 1 }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    await expectError(
      (await t.as('township_y')).budget.removeRecord({
        recordId: appraisal.id,
        version: appraisal.version,
      }),
      'NOT_FOUND',
    );
    await expectError(
      (await t.as('county')).budget.removeRecord({
        recordId: appraisal.id,
        version: appraisal.version,
      }),
      'FORBIDDEN',
    );
    expect((await caller.budget.get({ id: p.id })).records).toHaveLength(p.records.length);
    const after = await caller.budget.removeRecord({
      recordId: appraisal.id,
      version: appraisal.version,
    });
    expect(after.records.map((r) => r.kind)).not.toContain('appraisal');
    expect(after.currentStage).toBe('appraisal');
    const events = await t.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'budget.removeRecord')).toHaveLength(1);
  });
});
