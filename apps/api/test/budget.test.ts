// 参与式预算 (issue #13, item 3): a key project carried through its five stages in order — the
// requests behind it, the design with representatives and the agreed plan, the tender, the
// inspections and the residents' appraisal with its rectifications — refused out of order with a
// field error in Chinese and English, written by the township and read by the county, and shown
// on the public project page without anything personal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { keyProjectRecords } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();
const TOWNSHIP = '330728101000'; // 白石镇
const Y = '330728102000'; // 青山镇
const VILLAGE = '330728101202';
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-budget-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const idea = {
  divisionCode: TOWNSHIP,
  year: 2026,
  title: '兰林溪护岸及游步道',
  sourceKind: 'village' as const,
  source: '兰林村',
  raisedBy: 12,
};

/** A villagers' project of the township voted through by the congress. */
async function votedProject(divisionCode = TOWNSHIP) {
  const caller = await t.as(divisionCode === TOWNSHIP ? 'township' : 'admin');
  const saved = await caller.projects.save({ ...idea, divisionCode });
  const listed = await caller.projects.save({
    ...idea,
    divisionCode,
    id: saved.id,
    version: saved.version,
    stage: 'shortlisted',
    budgetYuan: 1_860_000,
  });
  return caller.projects.vote({
    id: listed.id,
    version: listed.version,
    date: '2026-01-10',
    deputies: 60,
    present: 50,
    votesFor: 45,
    votesAgainst: 3,
    abstentions: 2,
  });
}

async function aProject() {
  return (await t.as('township')).budget.save({
    divisionCode: TOWNSHIP,
    year: 2026,
    title: '兰林溪护岸修复',
    summary: '修复护岸 320 米',
  });
}

const meeting = {
  on: '2026-02-01',
  representatives: 21,
  convenor: '王主任',
  summary: '护岸改用生态石笼',
};
const plan = { on: '2026-02-10', plan: '生态石笼护岸 320 米' };
const tender = {
  on: '2026-03-01',
  representatives: 5,
  winningFirm: '瓯江水利建设有限公司',
  amountYuan: 1_742_000,
};
const inspection = {
  on: '2026-04-01',
  representatives: 4,
  engineerPresent: true,
  findings: '部分路段厚度不足',
  rectification: '返工不足厚度路段 80 米',
};
const appraisal = {
  on: '2026-06-01',
  participants: 86,
  satisfied: 71,
  basicallySatisfied: 12,
  unsatisfied: 3,
  rectifications: ['增设防滑提示牌', '增设休息座椅'],
};

describe('participatory budget', () => {
  it('a voted project goes through the five stages, each with its record, onto the public page', async () => {
    const township = await t.as('township');
    const voted = await votedProject();
    const comment = await township.comments.save({
      divisionCode: VILLAGE,
      ownerCode: TOWNSHIP,
      channel: 'phone',
      subject: '溪边护岸坍塌',
      content: '东岸护岸坍塌约三十米',
      contact: '13900001111',
      receivedOn: '2026-01-03',
    });
    let p = await township.budget.save({
      divisionCode: TOWNSHIP,
      year: 2026,
      title: '兰林溪护岸修复',
      summary: '修复护岸 320 米，新建游步道',
      villagerProjectId: voted.id,
    });
    expect(p).toMatchObject({ currentStage: 'origin', villagerProjectId: voted.id, records: [] });
    const at = () => ({ id: p.id, version: p.version });

    // 1. from the people: the idea and the comment behind it
    p = await township.budget.addRequest({
      ...at(),
      on: '2026-01-05',
      summary: '村民张某某等人联名反映',
      raisedBy: 12,
      ideaId: voted.id,
    });
    p = await township.budget.addRequest({
      ...at(),
      on: '2026-01-06',
      summary: '电话反映护岸坍塌',
      raisedBy: 1,
      commentId: comment.id,
    });
    expect(p.currentStage).toBe('design');
    // 2. design with the representatives, then the agreed plan
    p = await township.budget.addMeeting({ ...at(), ...meeting });
    expect(p.currentStage).toBe('design');
    p = await township.budget.agreePlan({ ...at(), ...plan });
    expect(p.stagesDone).toMatchObject({ origin: true, design: true, tender: false });
    // 3. the tender
    p = await township.budget.recordTender({ ...at(), ...tender });
    // 4. an inspection with the engineer, asking a rectification
    p = await township.budget.addInspection({ ...at(), ...inspection });
    expect(p.currentStage).toBe('appraisal');
    // 5. the residents' appraisal
    p = await township.budget.recordAppraisal({ ...at(), ...appraisal });
    expect(p.currentStage).toBe('complete');
    expect(p.records.map((r) => r.kind)).toEqual([
      'request',
      'request',
      'meeting',
      'plan',
      'tender',
      'inspection',
      'appraisal',
    ]);
    // the rectifications done
    const asked = p.records.find((r) => r.kind === 'inspection')!;
    p = await township.budget.markRectified({ ...at(), recordId: asked.id, doneOn: '2026-04-10' });
    const appraised = p.records.find((r) => r.kind === 'appraisal')!;
    p = await township.budget.markRectified({
      ...at(),
      recordId: appraised.id,
      item: 0,
      doneOn: '2026-06-10',
    });
    expect(p.records.find((r) => r.kind === 'inspection')!.rectifiedOn).toBe('2026-04-10');
    expect(p.records.find((r) => r.kind === 'appraisal')!.rectifications).toEqual([
      { text: '增设防滑提示牌', doneOn: '2026-06-10' },
      { text: '增设休息座椅', doneOn: null },
    ]);
    // done once
    await expectError(
      township.budget.markRectified({ ...at(), recordId: asked.id, doneOn: '2026-04-11' }),
      'BAD_REQUEST',
      'RECTIFICATION_COMPLETED',
    );

    // the county reads it
    const county = await t.as('county');
    expect((await county.budget.get({ id: p.id })).currentStage).toBe('complete');
    const listed = await county.budget.list({ divisionCode: TOWNSHIP, year: 2026 });
    expect(listed.items.map((i) => i.title)).toEqual(['兰林溪护岸修复']);

    // the public page: the stages, nothing personal
    const res = await app.inject({ url: `/public/projects/${TOWNSHIP}/2026` });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('参与式预算重点项目');
    expect(body).toContain('来自群众建议和意见 2 条，共 13 人次提出');
    expect(body).toContain('村民代表 21 人');
    expect(body).toContain('生态石笼护岸 320 米');
    expect(body).toContain('瓯江水利建设有限公司');
    expect(body).toContain('1,742,000 元');
    expect(body).toContain('会同监理工程师');
    expect(body).toContain('2026-04-10 已整改');
    expect(body).toContain('满意 71 人，基本满意 12 人，不满意 3 人');
    expect(body).toContain('增设休息座椅（整改中）');
    for (const personal of [
      '王主任',
      '张某某',
      '13900001111',
      '电话反映护岸坍塌',
      '东岸护岸坍塌',
    ]) {
      expect(body).not.toContain(personal);
    }
    expect(body).not.toContain('<script');
  });

  it('a later stage before the earlier ones is refused on the stage, in Chinese and English, and stores nothing', async () => {
    const township = await t.as('township');
    const p = await aProject();
    const at = { id: p.id, version: p.version };
    const early = await expectError(
      township.budget.addMeeting({ ...at, ...meeting }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    expect(early.fieldErrors[0]!.path).toBe('stage');
    expect(early.fieldErrors[0]!.message.zh).toContain('尚未完成「项目来自群众」阶段');
    expect(early.fieldErrors[0]!.message.en).toContain('the five stages follow in order');
    const withRequest = await township.budget.addRequest({
      ...at,
      on: '2026-01-05',
      summary: '群众反映',
      raisedBy: 3,
    });
    const next = { id: p.id, version: withRequest.version };
    // the plan waits for a meeting; the tender for the plan
    const noMeeting = await expectError(
      township.budget.agreePlan({ ...next, ...plan }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    expect(noMeeting.fieldErrors[0]!.message.zh).toContain('代表会议');
    const noPlan = await expectError(
      township.budget.recordTender({ ...next, ...tender }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    expect(noPlan.fieldErrors[0]!.message.zh).toContain('代表共商方案');
    await expectError(
      township.budget.addInspection({ ...next, ...inspection }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    await expectError(
      township.budget.recordAppraisal({ ...next, ...appraisal }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    const rows = await t.db.select().from(keyProjectRecords);
    expect(rows.map((r) => r.kind)).toEqual(['request']);
    expect((await township.budget.get({ id: p.id })).version).toBe(withRequest.version);
  });

  it('refuses bad counts and dates with the field, and an old version', async () => {
    const township = await t.as('township');
    let p = await aProject();
    const at = () => ({ id: p.id, version: p.version });
    p = await township.budget.addRequest({
      ...at(),
      on: '2026-01-05',
      summary: '反映',
      raisedBy: 3,
    });
    p = await township.budget.addMeeting({ ...at(), ...meeting });
    p = await township.budget.agreePlan({ ...at(), ...plan });
    p = await township.budget.recordTender({ ...at(), ...tender });
    // an inspection before the tender
    const early = await expectError(
      township.budget.addInspection({ ...at(), ...inspection, on: '2026-02-28' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(early.fieldErrors[0]).toMatchObject({ path: 'on' });
    await expectError(
      township.budget.addInspection({ ...at(), ...inspection, on: '2099-01-01' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    p = await township.budget.addInspection({ ...at(), ...inspection });
    // answers above the participants; exactly the participants pass
    const over = await expectError(
      township.budget.recordAppraisal({ ...at(), ...appraisal, participants: 85 }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(over.fieldErrors[0]!.path).toBe('satisfied');
    expect(over.fieldErrors[0]!.message.zh).toContain('超过参加评议的 85 人');
    expect(over.fieldErrors[0]!.message.en).toContain('more than the 85');
    await expectError(
      township.budget.recordTender({ ...at(), ...tender }),
      'BAD_REQUEST',
      'WRONG_STAGE',
    );
    await expectError(
      township.budget.recordAppraisal({ ...at(), version: p.version - 1, ...appraisal }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    const done = await township.budget.recordAppraisal({ ...at(), ...appraisal });
    expect(done.currentStage).toBe('complete');
    const rows = await t.db.select().from(keyProjectRecords);
    expect(rows.filter((r) => r.kind === 'appraisal')).toHaveLength(1);
  });

  it('the county reads but does not write; only a voted project of the township is carried, once', async () => {
    const county = await t.as('county');
    await expectError(
      county.budget.save({ divisionCode: TOWNSHIP, year: 2026, title: '县里登记' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    const p = await aProject();
    await expectError(
      county.budget.addRequest({
        id: p.id,
        version: p.version,
        on: '2026-01-05',
        summary: '反映',
        raisedBy: 1,
      }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    expect((await county.budget.get({ id: p.id })).title).toBe('兰林溪护岸修复');

    const township = await t.as('township');
    const notVoted = await township.projects.save({ ...idea, title: '未票决的建议' });
    const refused = await expectError(
      township.budget.save({
        divisionCode: TOWNSHIP,
        year: 2026,
        title: 'x',
        villagerProjectId: notVoted.id,
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(refused.fieldErrors[0]!.path).toBe('villagerProjectId');
    const elsewhere = await votedProject(Y);
    await expectError(
      township.budget.save({
        divisionCode: TOWNSHIP,
        year: 2026,
        title: 'x',
        villagerProjectId: elsewhere.id,
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    const voted = await votedProject();
    const carried = {
      divisionCode: TOWNSHIP,
      year: 2026,
      title: '护岸',
      villagerProjectId: voted.id,
    };
    await township.budget.save(carried);
    const twice = await expectError(township.budget.save(carried), 'BAD_REQUEST', 'INVALID_INPUT');
    expect(twice.fieldErrors[0]!.message.zh).toContain('已列为参与式预算项目');
    // a request linked to another township's idea is refused
    await expectError(
      township.budget.addRequest({
        id: p.id,
        version: p.version,
        on: '2026-01-05',
        summary: '反映',
        raisedBy: 1,
        ideaId: elsewhere.id,
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
  });
});
