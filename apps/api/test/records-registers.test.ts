// The township's view: compliance counts that match the records, metrics, the ledger workbook
// and its import (all or nothing), and the registers checked by their domain functions.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkDisclosures } from '@fazhi/domain';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

const VILLAGE = '330728101201';
const VILLAGE_2 = '330728101202';
const TOWNSHIP = '330728101000';

const meeting = (villageCode: string, date: string, votesFor: number) => ({
  villageCode,
  body: 'villagers_meeting' as const,
  date,
  eligible: 100,
  attendees: 60,
  resolutions: [{ title: '修路', votesFor, votesAgainst: 5, abstentions: 0 }],
});

const disclosure = (villageCode: string, category: 'general' | 'finance', postedOn: string) => ({
  villageCode,
  category,
  period: '2026-Q1',
  postedOn,
  channel: 'board' as const,
  summary: category === 'finance' ? '一季度财务收支' : '一季度村务',
});

async function workbook(sheets: Record<string, (string | number)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const MEETING_HEADER = [
  '会议编号',
  '日期',
  '会议类型',
  '村民小组',
  '应到人数',
  '实到人数',
  '决议标题',
  '事项类型',
  '赞成',
  '反对',
  '弃权',
];
const DISCLOSURE_HEADER = ['类别', '所属期间', '张贴日期', '撤下日期', '公开渠道', '内容摘要'];

describe('records.compliance', () => {
  it('counts what the records hold, village by village', async () => {
    const clerk = await t.as('clerk');
    const township = await t.as('township');
    // village 1: two meetings (one resolution fails), finance and village affairs of Q1 posted
    await clerk.meetings.save(meeting(VILLAGE, '2026-02-01', 40));
    await clerk.meetings.save(meeting(VILLAGE, '2026-03-01', 20)); // 20 of 60: not passed
    await clerk.disclosures.save(disclosure(VILLAGE, 'general', '2026-03-20'));
    await clerk.disclosures.save(disclosure(VILLAGE, 'finance', '2026-03-25'));
    await clerk.matters.save({
      villageCode: VILLAGE,
      title: '村道硬化',
      steps: [{ step: 'party_branch_proposal', on: '2026-02-01' }],
    });
    // village 2 (entered by the township): nothing posted
    await township.meetings.save(meeting(VILLAGE_2, '2026-02-10', 40));
    await township.villageRules.save({
      villageCode: VILLAGE_2,
      kind: 'village_compact',
      label: '2026年修订',
      text: '第一条 爱护公共设施。',
      adoptedOn: '2026-02-10',
    });

    const { items: rows } = await township.records.compliance({
      code: TOWNSHIP,
      from: '2026-01-01',
      to: '2026-06-30',
      pageSize: 200,
    });
    expect(rows.every((r) => r.villageCode.startsWith('330728101'))).toBe(true);
    const one = rows.find((r) => r.villageCode === VILLAGE)!;
    const two = rows.find((r) => r.villageCode === VILLAGE_2)!;
    expect(one).toMatchObject({
      meetingsHeld: 2,
      resolutionsWithProblems: 1,
      mattersOpen: 1,
      disclosuresOverdue: 0,
      rulesNotFiledOrReviewed: 0,
    });
    expect(two).toMatchObject({
      meetingsHeld: 1,
      resolutionsWithProblems: 0,
      mattersOpen: 0,
      rulesNotFiledOrReviewed: 1,
    });
    // Q1 general and finance are overdue for village 2, as checkDisclosures says
    expect(two.overdue).toEqual(
      checkDisclosures({
        from: '2026-01-01',
        asOf: '2026-06-30',
        frequentFinance: false,
        postings: [],
      }).overdue,
    );
    expect(two.disclosuresOverdue).toBe(2);
    // the drill-down gives the same records
    const problems = await township.meetings.list({ villageCode: VILLAGE, problemsOnly: true });
    expect(problems.total).toBe(1);
    expect(
      (
        await township.disclosures.compliance({
          villageCode: VILLAGE,
          from: '2026-01-01',
          asOf: '2026-06-30',
        })
      ).overdue,
    ).toEqual([]);
    // the county sees all townships
    const county = await (
      await t.as('county')
    ).records.compliance({
      code: '330728000000',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(county.total).toBe(300);
    expect(county.items).toHaveLength(20);
    expect(county.townships).toHaveLength(15);
  });

  it('pages, sorts and filters on the server', async () => {
    const clerk = await t.as('clerk');
    const township = await t.as('township');
    await clerk.meetings.save(meeting(VILLAGE, '2026-02-10', 55));
    await clerk.meetings.save(meeting(VILLAGE, '2026-03-10', 55));
    await township.meetings.save(meeting(VILLAGE_2, '2026-02-10', 55));
    const query = { code: TOWNSHIP, from: '2026-01-01', to: '2026-06-30' };
    const all = await township.records.compliance({ ...query, pageSize: 200 });
    expect(all.total).toBeGreaterThan(4);
    const byMeetings = await township.records.compliance({
      ...query,
      pageSize: 2,
      sort: { field: 'meetingsHeld', order: 'desc' },
    });
    expect(byMeetings.total).toBe(all.total);
    expect(byMeetings.items.map((r) => [r.villageCode, r.meetingsHeld])).toEqual([
      [VILLAGE, 2],
      [VILLAGE_2, 1],
    ]);
    const second = await township.records.compliance({
      ...query,
      page: 2,
      pageSize: 2,
      sort: { field: 'villageCode', order: 'desc' },
    });
    expect(second.items.map((r) => r.villageCode)).toEqual(
      all.items
        .map((r) => r.villageCode)
        .sort()
        .reverse()
        .slice(2, 4),
    );
    // January: no posting is due yet; only the village with an open 四议两公开 matter
    await clerk.matters.save({
      villageCode: VILLAGE,
      title: '村道硬化',
      steps: [{ step: 'party_branch_proposal', on: '2026-01-15' }],
    });
    const january = { ...query, to: '2026-01-31' };
    const problems = await township.records.compliance({ ...january, onlyProblems: true });
    expect(problems.items.map((r) => [r.villageCode, r.mattersOpen])).toEqual([[VILLAGE, 1]]);
    expect((await township.records.compliance({ ...january, pageSize: 200 })).total).toBe(
      all.total,
    );
    const found = await township.records.compliance({ ...query, search: VILLAGE });
    expect(found.items.map((r) => r.villageCode)).toEqual([VILLAGE]);
    const county = await (
      await t.as('county')
    ).records.compliance({ ...query, code: '330728000000', townshipCode: '330728102000' });
    expect(county.total).toBeGreaterThan(0);
    expect(county.items.every((r) => r.townshipCode === '330728102000')).toBe(true);
  });
});

describe('records.metrics', () => {
  it('aggregates the period’s records under the domain’s metric keys', async () => {
    const clerk = await t.as('clerk');
    await clerk.meetings.save(meeting(VILLAGE, '2026-02-01', 40));
    await clerk.meetings.save(meeting(VILLAGE, '2026-03-01', 20)); // not passed: a problem
    await clerk.meetings.save(meeting(VILLAGE, '2025-03-01', 40)); // outside the period
    await clerk.meetings.save({
      ...meeting(VILLAGE, '2026-05-10', 30),
      body: 'representatives_meeting',
      eligible: 30,
      attendees: 20, // exactly two thirds
      resolutions: [{ title: '预算', votesFor: 15, votesAgainst: 5, abstentions: 0 }],
    });
    await clerk.disclosures.save(disclosure(VILLAGE, 'general', '2026-03-20'));
    await clerk.disclosures.save(disclosure(VILLAGE, 'finance', '2026-03-25'));
    await clerk.disclosures.save(disclosure(VILLAGE, 'finance', '2026-06-25'));
    await clerk.matters.save({
      villageCode: VILLAGE,
      title: '村道硬化',
      steps: [{ step: 'party_branch_proposal', on: '2026-02-01' }],
    });
    const { period, values } = await clerk.records.metrics({
      villageCode: VILLAGE,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(values).toMatchObject({
      'meetings.villagers': 2,
      'meetings.representatives': 1,
      'meetings.total': 3,
      'meetings.representativesQuartersLawful': 1, // Q2 only
      'meetings.scheduleShortfall': 1, // no representatives meeting in Q1
      'resolutions.checked': 3,
      'resolutions.withProblems': 1,
      'fourDeliberations.complete': 0,
      'fourDeliberations.incomplete': 1,
      // Q1 is due by 2026-06-30 (Q2 ends on the last day, not before it)
      'disclosures.general.due': 1,
      'disclosures.general.onTime': 1,
      'disclosures.finance.due': 1,
      'disclosures.finance.overdue': 0,
      'disclosures.due': 2,
      'disclosures.onTimeRatio': 1,
      'disclosures.finance.monthsPosted': 2,
      'villageRules.compact.filed': false,
      'elections.withProblems': 0,
    });
    // what the records cannot say is missing, not zero: no case, no success rate (the mediation
    // register is kept here, so its counts are true zeros)
    expect(values['mediation.received']).toBe(0);
    expect(values).not.toHaveProperty('mediation.successRate');
    expect(values).not.toHaveProperty('disclosures.party.due');
  });
});

describe('village rules', () => {
  it('are checked, filed and reviewed by the township', async () => {
    const clerk = await t.as('clerk');
    const adopting = await clerk.meetings.save({
      ...meeting(VILLAGE, '2026-02-01', 50),
      resolutions: [{ title: '通过村规民约', votesFor: 50, votesAgainst: 5, abstentions: 5 }],
    });
    const rules = await clerk.villageRules.save({
      villageCode: VILLAGE,
      kind: 'village_compact',
      label: '2026年版',
      text: '第一条 村民应当遵守法律。',
      meetingId: adopting.id,
      adoptedOn: '2026-02-01',
      filedOn: '2026-02-10',
      publishedOn: '2026-02-05',
    });
    expect(rules.check).toMatchObject({ ok: true });
    await expectError(
      clerk.villageRules.review({
        id: rules.id,
        version: rules.version,
        receivedOn: '2026-02-11',
        reviewedOn: '2026-02-20',
        state: 'approved',
      }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    const township = await t.as('township');
    await expectError(
      township.villageRules.review({
        id: rules.id,
        version: rules.version,
        receivedOn: '2026-02-11',
        reviewedOn: '2026-02-20',
        state: 'returned',
      }),
      'BAD_REQUEST',
    );
    const reviewed = await township.villageRules.review({
      id: rules.id,
      version: rules.version,
      receivedOn: '2026-02-11',
      reviewedOn: '2026-02-20',
      state: 'approved',
    });
    expect(reviewed).toMatchObject({ reviewState: 'approved', reviewer: expect.any(String) });
    const { values } = await clerk.records.metrics({
      villageCode: VILLAGE,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(values).toMatchObject({
      'villageRules.compact.filed': true,
      'villageRules.compact.reviewed': true,
      'villageRules.compact.approved': true,
      'villageRules.charter.filed': false,
    });
  });
});

describe('四议两公开 and elections', () => {
  it('follows a matter step by step with checkFourDeliberations', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.matters.save({
      villageCode: VILLAGE,
      title: '村道硬化',
      steps: [
        { step: 'party_branch_proposal', on: '2026-02-01' },
        { step: 'party_members_review', on: '2026-02-05' },
      ],
    });
    expect(saved.complete).toBe(false);
    expect(saved.check.problems.map((p) => p.code)).toContain('STEP_SKIPPED');
    expect(saved.check.nextSteps[0]).toBe('two_committees_consultation');
  });

  it('records an election with its check, and refuses impossible figures', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.elections.save({
      villageCode: VILLAGE,
      kind: 'election',
      date: '2026-03-01',
      figures: {
        registeredVoters: 1000,
        ballotsCast: 400,
        seats: 1,
        round: 'first',
        candidates: [{ id: '甲', votes: 300 }],
      },
    });
    expect(saved.check.valid).toBe(false);
    expect(saved.problemCount).toBeGreaterThan(0);
    const error = await expectError(
      clerk.elections.save({
        villageCode: VILLAGE,
        kind: 'election',
        date: '2026-03-01',
        figures: {
          registeredVoters: 100,
          ballotsCast: 400,
          seats: 1,
          round: 'first',
          candidates: [],
        },
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]!.path).toMatch(/^figures\./);
  });
});

describe('the ledger workbook', () => {
  it('exports a sheet per register and imports back a year’s meetings and disclosures', async () => {
    const clerk = await t.as('clerk');
    await clerk.meetings.save(meeting(VILLAGE, '2026-02-01', 40));
    await clerk.disclosures.save(disclosure(VILLAGE, 'general', '2026-03-20'));
    const ledger = await clerk.records.ledger({ villageCode: VILLAGE, year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(ledger.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '村民小组',
      '会议记录',
      '三务公开',
      '四议两公开',
      '村规民约',
      '选举与评议',
    ]);
    // into the other village of the same clerk's township, through the township officer
    const township = await t.as('township');
    const imported = await township.records.importLedger({
      villageCode: VILLAGE_2,
      year: 2026,
      workbook: ledger.base64,
    });
    expect(imported).toEqual({ meetings: 1, disclosures: 1 });
    const copied = await township.meetings.list({ villageCode: VILLAGE_2 });
    expect(copied.items[0]!.resolutions[0]!.check!.passed).toBe(true);
  });

  it('imports nothing from a ledger with bad cells, listing every one in Chinese', async () => {
    const clerk = await t.as('clerk');
    const base64 = await workbook({
      会议记录: [
        MEETING_HEADER,
        [1, '2026-02-01', '村民会议', '', 100, 60, '修路', '', 40, 5, 0],
        [2, '2026-13-01', '村民大会', '', 100, 120, '建桥', '', 40, 5, 0],
        [3, '2026-03-01', '村民会议', '', 100, 60, '买车', '', 70, 0, 0],
      ],
      三务公开: [
        DISCLOSURE_HEADER,
        ['财务公开', '2026-Q1', '2026-03-25', '', '公开栏', '一季度财务'],
        ['家务公开', '', '2025-03-25', '', '广播', ''],
      ],
    });
    const error = await expectError(
      clerk.records.importLedger({ villageCode: VILLAGE, year: 2026, workbook: base64 }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = (
      error.details as {
        cells: { sheet: string; row: number; column: string; message: { zh: string } }[];
      }
    ).cells;
    expect(cells.map((c) => `${c.sheet}!${c.row}:${c.column}`)).toEqual([
      '会议记录!3:日期',
      '会议记录!3:会议类型',
      '会议记录!3:实到人数',
      '会议记录!4:赞成',
      '三务公开!3:类别',
      '三务公开!3:所属期间',
      '三务公开!3:张贴日期',
      '三务公开!3:公开渠道',
      '三务公开!3:内容摘要',
    ]);
    for (const c of cells) expect(c.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect((await clerk.meetings.list({ villageCode: VILLAGE })).total).toBe(0);
    expect((await clerk.disclosures.list({ villageCode: VILLAGE })).total).toBe(0);
  });

  it('refuses a file that is not a workbook', async () => {
    const clerk = await t.as('clerk');
    await expectError(
      clerk.records.importLedger({
        villageCode: VILLAGE,
        year: 2026,
        workbook: Buffer.from('%PDF-1.4 not a workbook').toString('base64'),
      }),
      'BAD_REQUEST',
      'FILE_TYPE',
    );
  });
});
