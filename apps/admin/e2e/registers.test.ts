// The rule-of-law registers in real Chromium: the clerk records mediation cases, the township
// approves and locks the month (the clerk's next case of that month is refused), and the county
// opens 统计 and drills down county → township → village → cases. Screenshots in
// test-results/registers-*.png (one at phone size).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { addMonths, monthOf } from '@fazhi/domain';
import {
  resultsDir,
  signIn,
  signOut,
  startHarness,
  takeConsoleErrors,
  type Harness,
} from './harness';

const TOWNSHIP = '330728101000'; // 白石镇
const VILLAGE = '330728101201'; // the demo clerk's village
// the month the township closes: last month (the page's default)
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = addMonths(monthOf(today), -1);

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
});

afterEach(() => {
  // the refused case of the locked month answers 409 once
  expect(takeConsoleErrors(h, [/409/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await page.screenshot({
    path: resolve(resultsDir, `registers-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

async function as(username: string) {
  if (page.url() !== 'about:blank' && new URL(page.url()).pathname !== '/login') {
    await page.waitForLoadState('networkidle');
    await signOut(page);
  }
  await signIn(page, username, DEMO_PASSWORD);
}

async function openMenu(item: string) {
  const link = page.getByRole('link', { name: item, exact: true });
  if (!(await link.isVisible())) await page.getByText('法治台账', { exact: true }).click();
  await link.click();
}

async function chooseOption(testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

async function recordCase(received: string, closed: string, written: boolean) {
  await page.getByTestId('mediation-add').click();
  await page.locator('#receivedOn').fill(received);
  if (written) await chooseOption('mediation-method', '书面协议');
  await chooseOption('mediation-outcome', '调解成功');
  await page.locator('#closedOn').fill(closed);
  if (written) await page.locator('#agreementNo').fill('白石调字〔2026〕88号');
  await page.getByTestId('mediation-save').click();
}

describe('the mediation register', () => {
  it('the clerk records two cases of last month', async () => {
    await as('clerk');
    await openMenu('人民调解');
    await page.waitForURL((url) => url.pathname === '/registers/mediation');
    await page.getByTestId('mediation-table').waitFor();
    await recordCase(`${MONTH}-03`, `${MONTH}-06`, false);
    await page.getByTestId('mediation-table').getByText(`${MONTH}-03`).waitFor();
    await recordCase(`${MONTH}-08`, `${MONTH}-12`, true);
    await page.getByTestId('mediation-table').getByText(`${MONTH}-08`).waitFor();
    await shot('1-clerk-cases');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('2-clerk-cases-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('the township approves and locks the month', async () => {
    await as('township');
    await openMenu('人民调解');
    await expect(page.getByTestId('period-month').inputValue()).resolves.toBe(MONTH);
    await page.getByTestId('period-lock').click();
    await page.getByTestId('period-locked').filter({ hasText: MONTH }).waitFor();
    await shot('3-township-locked');
  });

  it('the clerk can no longer record a case of the locked month', async () => {
    await as('clerk');
    await openMenu('人民调解');
    await page.getByTestId('mediation-table').waitFor();
    await recordCase(`${MONTH}-15`, `${MONTH}-16`, false);
    await page
      .getByText(/已由乡镇审核锁定/)
      .first()
      .waitFor();
    await shot('4-clerk-refused');
    await page.keyboard.press('Escape');
  });
});

describe('统计', () => {
  it('the county drills down from the county to the township, the village and its cases', async () => {
    await as('county');
    await openMenu('统计');
    await page.waitForURL((url) => url.pathname === '/registers/statistics');
    const table = page.getByTestId('statistics-table');
    await table.getByText('白石镇').waitFor();
    await page.getByTestId('statistics-chart').waitFor();
    await shot('5-county');
    await page.getByTestId(`drill-${TOWNSHIP}`).click();
    await table.getByText('白石镇（本级）').waitFor();
    await shot('6-township');
    const villageRow = table.locator('tr', { has: page.getByTestId(`drill-${VILLAGE}`) });
    // the demo's cases and the clerk's two: at least two received this year
    expect(Number(await villageRow.locator('td').nth(1).textContent())).toBeGreaterThanOrEqual(2);
    await page.getByTestId(`drill-${VILLAGE}`).click();
    await page.getByTestId('mediation-table').getByText(`${MONTH}-08`).waitFor();
    await shot('7-village-cases');
  });
});
