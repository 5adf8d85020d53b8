// An annual township assessment (年度考核) in real Chromium: the county launches it over its
// townships (all 15 enrolled at once, nobody declares), the township officer of 白石镇 fills and
// submits its own self-assessment, the county scores it, records the 奖惩 outcome and concludes
// the assessment. Screenshots in test-results/annual-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks } from '@fazhi/domain';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';
import { answerAllFully, saveColumnFully, splitForPage } from './sheet';

const TOWNSHIP = '330728101000'; // 白石镇, the demo township officer's
const framework = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
const items = framework.areas.flatMap((a) => a.items);
// campaign.test.ts fills the same framework's sheet item by item on this screen: here one item of
// each kind of rule is answered on the page, the others are saved through the API beforehand
const { onPage, beforehand } = splitForPage(items);
const campaignName = `E2E年度依法治镇考核${Date.now()}`;

let h: Harness;
let page: Page;
let campaignId = '';
let participationId = '';

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
  await screenshot(page, `annual-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function choose(selector: string, label: string) {
  await page.getByRole('dialog').locator(selector).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

/** Moves the campaign on to `stage` from its page; as `username` when given (signed in there). */
async function advanceTo(stage: string, username?: string) {
  const at = `/campaigns/${campaignId}`;
  if (username) await as(username, at);
  else await page.goto(at);
  await page.getByTestId('advance').click();
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await page.getByText(`已进入“${stage}”阶段`).waitFor();
}

/**
 * Opens the sheet with all but `onPage` saved for full points through the API as `username`, then
 * answers those on the page, sees the full total and saves.
 */
async function fillFully(column: 'self' | 'county', username: string) {
  await saveColumnFully(h, username, participationId, column, beforehand);
  await page.goto(`/participations/${participationId}`);
  await page.getByTestId('sheet-table').waitFor();
  await answerAllFully(page, onPage);
  await expect
    .poll(() => page.getByTestId(`total-${column}`).locator('.ant-statistic-content').textContent())
    .toContain('100');
  await page.getByTestId('save-sheet').click();
  await page.getByText('已保存').first().waitFor();
}

async function act(event: string, label: RegExp) {
  await page.getByTestId(`event-${event}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('an annual township assessment', () => {
  it('the county launches it over its 15 townships', async () => {
    await as('county', '/campaigns');
    await page.getByRole('button', { name: /新建活动/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#campaign-form_name').fill(campaignName);
    await choose('#campaign-form_mode', '年度考核');
    await choose('#campaign-form_subjectLevel', '乡镇（街道）');
    await choose('#campaign-form_frameworkId', framework.name);
    await shot('1-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('活动已创建').waitFor();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('state-counts').getByText('已纳入考核 15').waitFor();
    // the page speaks of townships, not villages
    await page.getByTestId('state-counts').getByText('15 个乡镇').waitFor();
    await page.getByText('各状态乡镇数').waitFor();
    await page.getByText('参与乡镇（街道）').first().waitFor();
    expect(
      await page.getByTestId('participations-table').locator('th').allTextContents(),
    ).toContain('乡镇（街道）');
    await advanceTo('自评');
    const row = page.getByTestId('participations-table').locator('tr', { hasText: TOWNSHIP });
    await row.waitFor();
    participationId = (await row.getAttribute('data-row-key'))!;
    await shot('2-launched');
    // the other townships are assessed elsewhere in this test: they leave it (as the county's
    // 退出 would), so that the assessment may move on after 白石镇
    await h.database.db.execute(
      `update participations set state = 'withdrawn' where campaign_id = '${campaignId}' and village_code <> '${TOWNSHIP}'`,
    );
  });

  it('the township officer fills and submits its own self-assessment', async () => {
    // 待办 (on the dashboard, where signing in leads) names the township's own sheet
    await as('township');
    await page.getByTestId('todo-self_assessment').getByText('1 个乡镇待自评').first().waitFor();
    await fillFully('self', 'township');
    await act('submit_self_assessment', /提交自评/);
    await expect.poll(() => page.getByTestId('participation-state').textContent()).toBe('已自评');
    await shot('3-self-assessed');
  });

  it('the county scores it, records the outcome and concludes the assessment', async () => {
    await advanceTo('县级验收', 'county');
    await fillFully('county', 'county');
    await act('accept', /验收通过/);
    await expect
      .poll(() => page.getByTestId('participation-state').textContent())
      .toBe('县级验收通过');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByTestId(`outcome-${TOWNSHIP}`).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '通报表扬' })
      .click();
    await page.getByText('已记录奖惩结果').waitFor();
    await advanceTo('已结束');
    await shot('4-concluded');

    // the county closes it with its summary over the computed figures; then it is read-only
    await page.getByTestId('close-campaign').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '结束活动并总结' });
    await dialog.getByTestId('closing-figures').waitFor();
    await dialog
      .locator('#close-campaign_summary')
      .fill('2026年度依法治镇考核完成，白石镇获通报表扬。');
    await dialog.getByRole('button', { name: '结束活动' }).click();
    await page.getByTestId('campaign-closed').getByText('2026年度依法治镇考核完成').waitFor();
    await expect(page.getByTestId('advance').count()).resolves.toBe(0);
    await shot('5-closed');
  });
});
