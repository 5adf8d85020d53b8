// The 统计 page's register views in real Chromium: the county opens 统计, switches to 普法,
// 法律顾问 and 社区矫正, sees the charts and the previous period's figures, exports the 普法 table
// (read back here) and drills down to a township; the clerk's score sheet shows the 普法 answer
// derived from the register with its link to the register page. Screenshots in
// test-results/statistics-registers-*.png (one at phone size).
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const TOWNSHIP = '330728101000'; // 白石镇
const VILLAGE = '330728101201'; // the demo clerk's village

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
});

afterEach(() => {
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `statistics-registers-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function view(label: string) {
  await page.getByTestId('statistics-view').getByText(label, { exact: true }).click();
}

/** The cells of the table row whose first cell holds `name`. */
async function rowCells(tableId: string, name: string) {
  const row = page.getByTestId(tableId).locator('tr', { hasText: name }).first();
  return row.locator('td').allTextContents();
}

describe('统计: 普法, 法律顾问 and 社区矫正', () => {
  it('the county sees the 普法 figures with charts and the previous period, and exports them', async () => {
    await as('county', '/registers/statistics');
    await page.getByTestId('statistics-table').waitFor({ timeout: 20_000 });
    await view('普法');
    const table = page.getByTestId('pufa-statistics-table');
    await table.getByText('白石镇').waitFor({ timeout: 20_000 });
    for (const chart of ['pufa-type-chart', 'trend-chart-pufa', 'pufa-division-chart']) {
      await page.getByTestId(chart).locator('canvas').waitFor({ timeout: 20_000 });
    }
    const summary = page.getByTestId('statistics-previous');
    await summary
      .getByText(/上期 \d+/)
      .first()
      .waitFor();
    await page.getByText(/上期（\d{4}-01-01 至 \d{4}-12-31）/).waitFor();
    await shot('1-county-pufa');

    const cells = await rowCells('pufa-statistics-table', '白石镇');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('statistics-xlsx-pufa').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^普法统计-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as never);
    const rows = workbook.getWorksheet('普法统计')!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[1]!;
    const baishi = rows.find((r) => r[1] === TOWNSHIP)!;
    // the page's row and the workbook's: the same activities and the same previous period
    expect(String(baishi[header.indexOf('活动次数')])).toBe(cells[1]);
    expect(String(baishi[header.indexOf('上期活动次数')])).toBe(cells[cells.length - 1]);
    expect(Number(baishi[header.indexOf('活动次数')])).toBeGreaterThan(0);
  });

  it('drills down to the township and its villages', async () => {
    await page.getByTestId(`drill-${TOWNSHIP}`).click();
    await page.waitForURL((url) => url.searchParams.get('division') === TOWNSHIP);
    const table = page.getByTestId('pufa-statistics-table');
    await table.getByTestId(`drill-${VILLAGE}`).waitFor({ timeout: 20_000 });
    await table.getByText('白石镇（本级）').waitFor();
    await shot('2-township-pufa');
    // the village's own figures, then back to the township
    await table.getByTestId(`drill-${VILLAGE}`).click();
    await page.waitForURL((url) => url.searchParams.get('division') === VILLAGE);
    await table.getByText('合计（杨林村）').waitFor({ timeout: 20_000 });
    await page.goBack();
    await table.getByText('白石镇（本级）').waitFor({ timeout: 20_000 });
  });

  it('switches to the legal advisers: coverage by village, services, the previous period', async () => {
    await view('法律顾问');
    const table = page.getByTestId('advisers-statistics-table');
    await table.getByTestId(`drill-${VILLAGE}`).waitFor({ timeout: 20_000 });
    await page
      .getByText(/上期覆盖率/)
      .first()
      .waitFor();
    for (const chart of ['advisers-division-chart', 'trend-chart-advisers']) {
      await page.getByTestId(chart).locator('canvas').waitFor({ timeout: 20_000 });
    }
    // a village row: one village, covered or not
    const village = await rowCells('advisers-statistics-table', '杨林村');
    expect(village[1]).toBe('1');
    expect(['0', '1']).toContain(village[2]);
    await shot('3-township-advisers');
  });

  it('switches to community correction at the county and drills down to a township', async () => {
    await page.getByTestId('statistics-top').click();
    await view('社区矫正');
    const table = page.getByTestId('corrections-statistics-table');
    await table.getByTestId(`drill-${TOWNSHIP}`).waitFor({ timeout: 20_000 });
    for (const chart of ['corrections-division-chart', 'trend-chart-corrections']) {
      await page.getByTestId(chart).locator('canvas').waitFor({ timeout: 20_000 });
    }
    // the comparison shows the previous period and the same months a year before
    await page.getByTestId('statistics-previous').getByText('在册社区矫正对象').first().waitFor();
    await shot('4-county-corrections');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('5-county-corrections-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
    await table.getByTestId(`drill-${TOWNSHIP}`).click();
    await page.waitForURL((url) => url.searchParams.get('division') === TOWNSHIP);
    await page
      .getByTestId('corrections-statistics-table')
      .getByText(/合计（白石镇）/)
      .waitFor({ timeout: 20_000 });
  });
});

describe('the score sheet', () => {
  it('shows the 普法 answer derived from the register, linked to the register page', async () => {
    const todo = await h.api<{ task: string; campaignId: string }[]>('clerk', 'dashboard.todo', {});
    const entry = todo.find((e) => e.task === 'self_assessment')!;
    const list = await h.api<{ items: { id: string }[] }>('clerk', 'participations.list', {
      campaignId: entry.campaignId,
    });
    await as('clerk', `/participations/${list.items[0]!.id}`);
    await page.getByTestId('sheet-table').waitFor({ timeout: 20_000 });
    const a55 = page.getByTestId('derived-A5.5');
    await a55.getByText('来自台账').waitFor({ timeout: 20_000 });
    const link = a55.getByTestId('derived-link-legal_education');
    await expect(link.textContent()).resolves.toMatch(/普法活动 \d+ 条/);
    const count = Number((await link.textContent())!.match(/(\d+) 条/)![1]);
    await expect(page.getByTestId('answer-A5.5').locator('input').inputValue()).resolves.toBe(
      String(count),
    );
    await a55.scrollIntoViewIfNeeded();
    await screenshot(page, 'statistics-registers-6-clerk-sheet', false);
    // saved with the answers from the records, the link leads to the village's 普法 register
    await page.getByTestId('save-sheet').click();
    await page.getByText('已保存').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(0);
    await link.click();
    await page.waitForURL((url) => url.pathname === '/registers/pufa', { timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('division')).toBe(VILLAGE);
  });
});
