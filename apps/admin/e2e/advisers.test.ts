// Legal advisers and community correction in real Chromium: the county records an adviser and a
// village's contract (an end before the start is refused under its field; an overlapping one is
// saved with a warning) and reads the coverage; the clerk records a service of their village;
// the township reports a month's correction figures (helped > released is refused). Screenshots
// in test-results/advisers-*.png (two at phone size).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { addMonths, monthOf } from '@fazhi/domain';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const TOWNSHIP = '330728101000'; // 白石镇
const VILLAGE = '330728101205'; // a village of 白石镇 the demo's adviser covers in 2026
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = addMonths(monthOf(today), -1);

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
});

afterEach(() => {
  // the refused saves answer 400 once each
  expect(takeConsoleErrors(h, [/400/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `advisers-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function openMenu(item: string) {
  const link = page.getByRole('link', { name: item, exact: true });
  if (!(await link.isVisible())) await page.getByText('法治台账', { exact: true }).click();
  await link.click();
}

/** Waits for antd's dialogs and popovers to finish opening before clicking inside them. */
async function settled() {
  await page.waitForFunction(
    () =>
      document.querySelectorAll(
        '.ant-zoom-enter, .ant-zoom-appear, .ant-slide-up-enter, .ant-slide-up-appear',
      ).length === 0,
  );
}

async function pickFirst(testId: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.getByTestId(testId).locator('input').fill(search);
  await settled();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await option.waitFor();
  await option.click();
}

describe('legal advisers', () => {
  it('the county records an adviser and a contract; a bad period is refused under its field', async () => {
    await as('county');
    await openMenu('法律顾问');
    await page.waitForURL((url) => url.pathname === '/registers/advisers');
    const table = page.getByTestId('advisers-table');
    await table.getByText('陈志远').waitFor();
    await page.getByTestId('adviser-add').click();
    await settled();
    await page.getByTestId('adviser-name').fill('测试律师');
    await page.getByTestId('adviser-firm').fill('清和正言律师事务所');
    await page.getByTestId('adviser-save').click();
    const row = table.locator('tr', { hasText: '测试律师' });
    await row.waitFor();
    await row.getByTestId('contract-add').click();
    await settled();
    await pickFirst('contract-village', VILLAGE);
    await page.locator('#endsOn').fill(`${today.slice(0, 4)}-01-01`);
    await page.getByTestId('contract-save').click();
    await page
      .getByText(/应晚于开始日期/)
      .first()
      .waitFor();
    await shot('1-contract-refused');
    await page.locator('#endsOn').fill(`${today.slice(0, 4)}-12-31`);
    await page.getByTestId('contract-save').click();
    // the demo's adviser covers the village this year too: saved, with a warning
    await page
      .getByText(/聘期重叠/)
      .first()
      .waitFor();
    await row.getByTestId('contract-tag').first().waitFor();
    await shot('2-contract-saved');
  });

  it('the county reads the coverage and drills down to the township', async () => {
    await page.getByRole('tab', { name: '覆盖率' }).click();
    const coverage = page.getByTestId('coverage-table');
    await coverage.getByText('白石镇').waitFor();
    await page.getByTestId(`coverage-drill-${TOWNSHIP}`).click();
    await coverage.getByText(/合计（白石镇）/).waitFor();
    const total = coverage.locator('tr', { hasText: '合计（白石镇）' });
    // 24 villages, one without an adviser in the demo
    await expect(total.locator('td').nth(1).textContent()).resolves.toBe('24');
    await shot('3-coverage-township');
  });

  it('the clerk records a service of their village', async () => {
    await as('clerk');
    await openMenu('法律顾问');
    await page.getByRole('tab', { name: '服务记录' }).click();
    await page.getByTestId('service-add').click();
    await settled();
    await pickFirst('service-adviser');
    await page.getByTestId('service-count').fill('2');
    await page.getByTestId('service-save').click();
    await page.getByTestId('services-table').getByText(today).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('4-clerk-services-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
  });
});

describe('community correction', () => {
  it('the township reports last month; helped above released persons is refused', async () => {
    await as('township');
    await openMenu('社区矫正与安置帮教');
    await page.waitForURL((url) => url.pathname === '/registers/corrections');
    await page.getByTestId('corrections-rollup').waitFor();
    await page.getByTestId('correction-add').click();
    await settled();
    await expect(page.getByTestId('correction-month').inputValue()).resolves.toBe(MONTH);
    for (const [field, value] of [
      ['underCorrection', '10'],
      ['newlyReceived', '1'],
      ['released', '5'],
      ['helped', '6'],
      ['filesOpened', '1'],
    ] as const) {
      await page.locator(`#${field}`).fill(value);
    }
    await page.getByTestId('correction-save').click();
    await page
      .getByText(/已安置帮教人数（6）不能多于/)
      .first()
      .waitFor();
    await shot('5-corrections-refused');
    await page.locator('#helped').fill('5');
    await page.getByTestId('correction-save').click();
    await page.getByTestId('corrections-table').getByText(`${MONTH} 白石镇`).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('6-corrections-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
  });
});
