// Correcting and importing village records on a phone (390×844) in real Chromium: the clerk adds
// two villager groups and sees the village totals grow by their sums, imports a groups file with
// a bad cell (the cell is listed, nothing imported), corrects a meeting's attendees, deletes a
// 四议两公开 matter (and is refused once the period's self-assessment is submitted), and
// uploads a ledger with a bad cell, then a good one. Screenshots in test-results/records-edit-*.png.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // 杨林村, the demo clerk's

let h: Harness;
let page: Page;

interface Totals {
  households: number;
  voters: number;
  representatives: number;
}

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.session('clerk', 'phone');
});

afterEach(() => {
  // the refused imports and the refused deletion are logged by Chromium as failed requests
  expect(takeConsoleErrors(h, [/status of 4\d\d/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `records-edit-${name}`);
}

/** Waits until no antd dialog or popover is still animating. */
async function settled() {
  await expect
    .poll(() => page.locator('[class*="ant-zoom"], [class*="ant-fade"]').count(), {
      timeout: 10_000,
    })
    .toBe(0);
}

const groupsOf = () =>
  h.api<{ items: { name: string }[]; totals: Totals }>('clerk', 'groups.list', {
    villageCode: VILLAGE,
  });

async function fill(testId: string, value: string | number) {
  const input = page.getByTestId(testId);
  await input.fill(String(value));
}

async function addGroup(name: string, households: number, voters: number, reps: number) {
  await page.getByTestId('group-add').click();
  await page.getByTestId('group-name').waitFor();
  await fill('group-name', name);
  await fill('group-households', households);
  await fill('group-voters', voters);
  await fill('group-representatives', reps);
  await page.getByTestId('group-save').click();
  await page.getByTestId('groups-table').getByText(name, { exact: true }).waitFor();
  await settled();
}

/** A ledger workbook: the 会议记录 sheet as the export lays it out. */
async function ledger(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议记录');
  ws.addRow([
    '会议编号',
    '日期',
    '会议类型',
    '村民小组',
    '召集人',
    '应到人数',
    '实到人数',
    '决议标题',
    '事项类型',
    '赞成',
    '反对',
    '弃权',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('correcting and importing village records', () => {
  it('the clerk adds two groups and sees the village totals grow by their sums', async () => {
    const before = (await groupsOf()).totals;
    await page.goto('/records?tab=groups');
    await page.getByTestId('group-add').waitFor();
    await addGroup('东山组', 120, 310, 6);
    await addGroup('西岭组', 95, 240, 5);
    const expected = {
      households: before.households + 215,
      voters: before.voters + 550,
      representatives: before.representatives + 11,
    };
    await expect
      .poll(() => page.getByTestId('group-totals').textContent(), { timeout: 10_000 })
      .toBe(
        `全村合计：${expected.households} 户，选民 ${expected.voters} 人（18周岁以上），村民代表 ${expected.representatives} 人`,
      );
    expect((await groupsOf()).totals).toEqual(expected);
    await shot('1-groups');
  });

  it('a groups file with a bad cell is refused with the cell listed, nothing imported', async () => {
    const before = await groupsOf();
    await page.getByTestId('groups-import').click();
    const dialog = page.getByTestId('groups-import-dialog');
    await dialog.waitFor();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '村民小组.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('小组名称,户数,选民数\n南湾组,八十,200\n北坡组,60,150\n', 'utf8'),
    });
    await page.getByTestId('groups-import-dialog-start').click();
    const cell = page.getByTestId('bad-cell');
    await cell.first().waitFor({ timeout: 15_000 });
    await expect(cell.count()).resolves.toBe(1);
    const text = (await cell.first().textContent()) ?? '';
    expect(text).toContain('第2行');
    expect(text).toContain('户数');
    expect(text).toContain('八十');
    await expect(page.getByTestId('groups-import-dialog-refused').textContent()).resolves.toMatch(
      /1 处错误，未导入任何数据/,
    );
    await shot('2-groups-import-refused');
    // nothing imported: not even the good row
    const after = await groupsOf();
    expect(after.items.map((g) => g.name)).toEqual(before.items.map((g) => g.name));
    expect(after.totals).toEqual(before.totals);
    await page.keyboard.press('Escape');
    await settled();
  });

  it('the clerk corrects a meeting’s attendees; the saved figure is shown', async () => {
    const { items } = await h.api<{
      items: { id: string; date: string; attendees: number; eligible: number; version: number }[];
    }>('clerk', 'meetings.list', { villageCode: VILLAGE, pageSize: 50 });
    const meeting = items.find((m) => m.date === '2026-07-20')!;
    expect(meeting.attendees).toBe(33);
    await page.goto('/records?tab=meetings');
    await page.getByTestId(`meeting-edit-${meeting.id}`).click();
    const attendees = page.getByTestId('meeting-attendees');
    await attendees.waitFor();
    // the form opens with the saved values (the register's total does not replace them)
    await expect(attendees.inputValue()).resolves.toBe('33');
    await expect(page.getByTestId('meeting-eligible').inputValue()).resolves.toBe('42');
    await expect(page.getByTestId('resolution-title-0').inputValue()).resolves.toBe(
      '村文化礼堂使用管理办法',
    );
    await attendees.fill('38');
    await shot('3-meeting-edit');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meetings-table').getByText('38/42').waitFor({ timeout: 15_000 });
    await settled();
    const saved = (
      await h.api<{ items: { id: string; attendees: number; version: number }[] }>(
        'clerk',
        'meetings.list',
        { villageCode: VILLAGE, pageSize: 50 },
      )
    ).items.find((m) => m.id === meeting.id)!;
    expect(saved).toMatchObject({ attendees: 38, version: meeting.version + 1 });
  });

  it('the clerk deletes a matter after confirming; a submitted period refuses with the reason', async () => {
    const save = (title: string) =>
      h.mutate<{ id: string }>('clerk', 'matters.save', {
        villageCode: VILLAGE,
        title,
        steps: [{ step: 'party_branch_proposal', on: '2026-11-02' }],
      });
    const gone = await save('村口停车场建设');
    await page.goto('/records?tab=matters');
    await page.getByTestId(`matter-remove-${gone.id}`).click();
    await page.getByTestId('confirm-remove').click();
    await page.getByText('记录已删除').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId(`matter-remove-${gone.id}`).count(), { timeout: 10_000 })
      .toBe(0);
    const matters = await h.api<{ id: string }[]>('clerk', 'matters.list', {
      villageCode: VILLAGE,
    });
    expect(matters.some((m) => m.id === gone.id)).toBe(false);
    await settled();

    // once the 2027 campaign's self-assessment (records of 2026-04 to 2027-03) is submitted
    const kept = await save('老年食堂运营补助');
    await h.database.db.execute(
      `update participations set state = 'self_assessed' where village_code = '${VILLAGE}'`,
    );
    await page.reload();
    await page.getByTestId(`matter-remove-${kept.id}`).click();
    await page.getByTestId('confirm-remove').click();
    await page
      .getByText(/创建自评已提交，不能删除/)
      .first()
      .waitFor({ timeout: 15_000 });
    await shot('4-matter-delete-refused');
    const still = await h.api<{ id: string }[]>('clerk', 'matters.list', { villageCode: VILLAGE });
    expect(still.some((m) => m.id === kept.id)).toBe(true);
    await h.database.db.execute(
      `update participations set state = 'declared' where village_code = '${VILLAGE}'`,
    );
  });

  it('a ledger with a bad cell imports nothing; the good one imports its meetings', async () => {
    const count = async () =>
      (
        await h.api<{ total: number }>('clerk', 'meetings.list', {
          villageCode: VILLAGE,
          from: '2026-01-01',
          to: '2026-12-31',
        })
      ).total;
    const before = await count();
    await page.goto('/records');
    await page.getByTestId('ledger-import').click();
    const dialog = page.getByTestId('ledger-import-dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('ledger-year').inputValue()).resolves.toBe('2026');
    const rows = (attendees: string | number) => [
      [
        'L1',
        '2026-11-20',
        '村民代表会议',
        '',
        '村委会',
        42,
        attendees,
        '村道路灯安装',
        '一般事项',
        30,
        2,
        1,
      ],
      ['L2', '2026-11-25', '两委联席会议', '', '村党组织', 9, 9],
    ];
    const file = dialog.locator('input[type=file]');
    await file.setInputFiles({
      name: '台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledger(rows('三十五')),
    });
    await page.getByTestId('ledger-import-dialog-start').click();
    const cell = page.getByTestId('bad-cell');
    await cell.first().waitFor({ timeout: 15_000 });
    const text = (await cell.first().textContent()) ?? '';
    expect(text).toContain('会议记录');
    expect(text).toContain('第2行');
    expect(text).toContain('实到人数');
    await shot('5-ledger-refused');
    expect(await count()).toBe(before);

    await file.setInputFiles({
      name: '台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledger(rows(35)),
    });
    await page.getByTestId('ledger-import-dialog-start').click();
    const done = page.getByTestId('ledger-import-dialog-done');
    await done.waitFor({ timeout: 15_000 });
    await expect(done.textContent()).resolves.toContain('已导入会议 2 条');
    await expect(page.getByTestId('bad-cells').count()).resolves.toBe(0);
    await shot('6-ledger-imported');
    expect(await count()).toBe(before + 2);
  });
});
