// 从Excel导入 in real Chromium against the real API: the county administrator uploads a workbook
// with bad cells and sees each one; then its good 考核评分表 (areas merged over their rows),
// chooses the one rule the workbook did not state plainly, and saves it as the county's
// framework. No console errors other than the refused upload.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, signIn, startHarness, takeConsoleErrors } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

async function shot(page: Page, name: string) {
  await screenshot(page, name, false);
}

type Row = (string | number | null)[];

const HEADER = ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核方法', '佐证材料'];

function goodRows(): Row[] {
  return [
    [1, '组织建设（10分）', '村党组织健全', 4, '健全得满分，否则不得分', '查阅资料', '党组织名册'],
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

/** The county's table, each area in one cell merged over its rows, a 合计 row and a veto. */
async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核评分表');
  ws.getCell('A1').value = '清和县民主法治示范村考核评分表（Excel导入）';
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.getRow(2).values = HEADER;
  rows.forEach((row, i) => {
    ws.getRow(3 + i).values = i % 2 === 1 ? [row[0], null, ...row.slice(2)] : row;
  });
  ws.mergeCells(3, 2, 4, 2);
  ws.mergeCells(5, 2, 6, 2);
  ws.getRow(7).values = ['合计', null, null, 20];
  ws.getRow(8).values = ['一票否决', '一票否决', '发生重大刑事案件的'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('从Excel导入', () => {
  it('lists every bad cell, then turns the county’s table into its framework', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto('/frameworks');
    await page.getByTestId('frameworks-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('framework-import-xlsx').click();
    const dialog = page.getByRole('dialog', { name: '从Excel导入考核评分表' });
    await dialog.waitFor();
    const file = dialog.locator('input[type="file"]');

    // a workbook with text in points, an empty item and an area its items do not add up to
    const bad = goodRows();
    bad[0]![3] = '四分';
    bad[1]![2] = '';
    bad[3]![3] = 4;
    await file.setInputFiles({
      name: '评分表-有误.xlsx',
      mimeType: XLSX,
      buffer: await workbook(bad),
    });
    const refused = dialog.getByTestId('framework-xlsx-refused');
    await refused.getByText('Excel文件有3处错误，未生成指标体系草稿').waitFor();
    const cells = await refused.locator('tbody tr').allTextContents();
    expect(cells).toHaveLength(3);
    expect(cells[0]).toContain('D3');
    expect(cells[0]).toContain('分值“四分”不是数字');
    expect(cells[1]).toContain('C4');
    expect(cells[1]).toContain('第4行的考核内容为空');
    expect(cells[2]).toContain('B5');
    expect(cells[2]).toContain('考核项目“法治宣传”为10分，其下各项分值之和为9分');
    await expect(dialog.getByTestId('framework-xlsx-save').isDisabled()).resolves.toBe(true);
    await shot(page, 'framework-excel-bad-cells');

    // the good workbook: a draft, one rule left to the county
    await file.setInputFiles({
      name: '评分表.xlsx',
      mimeType: XLSX,
      buffer: await workbook(goodRows()),
    });
    const draft = dialog.getByTestId('framework-xlsx-draft');
    await draft.waitFor();
    await expect(refused.count()).resolves.toBe(0);
    await draft
      .getByText('已从工作表“考核评分表”读取 2 个考核项目、4 个评分项、1 个否决项，共 20 分')
      .waitFor();
    await draft.getByTestId('framework-xlsx-todo-A2.2').getByText('待补充 · E6').waitFor();
    const problems = draft.getByTestId('framework-xlsx-problems');
    await expect(problems.locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining('A2.2 法治宣传阵地 · rule'),
    ]);
    await expect(dialog.getByTestId('framework-xlsx-save').isDisabled()).resolves.toBe(true);
    await expect(dialog.getByTestId('framework-xlsx-name').inputValue()).resolves.toBe(
      '清和县民主法治示范村考核评分表（Excel导入）',
    );
    await shot(page, 'framework-excel-draft');

    // the county names it and chooses the rule: 按项扣分, 1 point per unit
    const code = `qinghe-xlsx-${Date.now() % 100000}`;
    await dialog.getByTestId('framework-xlsx-code').fill(code);
    const row = draft.locator('tr[data-row-key="A2.2"]');
    await row.locator('.ant-select').nth(1).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '按项扣分',
      })
      .click();
    await problems.getByText('A2.2 法治宣传阵地 · rule.perUnit', { exact: true }).waitFor();
    await row.locator('input.ant-input-number-input').fill('1');
    await draft.getByText('检查通过，可以保存为本县的指标体系').waitFor();
    await expect(draft.getByTestId('framework-xlsx-todo-A2.2').count()).resolves.toBe(0);
    await shot(page, 'framework-excel-completed');

    await dialog.getByTestId('framework-xlsx-save').click();
    await page.getByText(`已导入 ${code} 版本 1.0.0`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('framework-detail').getByText('法治宣传阵地').first().waitFor();
    await shot(page, 'framework-excel-saved');

    const stored = await h.api<
      { code: string; ownerCountyCode: string | null; itemCount: number }[]
    >('county', 'frameworks.list', {});
    expect(stored).toContainEqual(
      expect.objectContaining({
        code,
        ownerCountyCode: DEMO_COUNTY_CODE,
        itemCount: 4,
        status: 'in_force',
      }),
    );
    await page.close();
    expect(takeConsoleErrors(h, [/Failed to load resource.*status of 400/])).toEqual([]);
  });
});
