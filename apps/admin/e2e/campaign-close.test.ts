// Dates and the close of a campaign, in real Chromium against the real API: the county sees the
// late villages per township, extends the deadline with a reason (待办 then shows it due soon),
// and closes the campaign with a summary over the figures the system computes; the closed page
// is read-only, on a desktop and on a phone (390×844). Screenshots are saved.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, signIn, startHarness, takeConsoleErrors } from './harness';

const CAMPAIGN = '2026年度清和县民主法治示范村（社区）培育创建（第二批）';

let h: Harness;
let campaignPath = '';

/** The county's calendar day (UTC+8), `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function shot(page: Page, name: string) {
  await screenshot(page, name);
}

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  // the township review of the demo's second batch was due three days ago
  await h.database.db.execute(
    `update campaigns set stage_dates = '{"township_review":"${day(-3)}"}'::jsonb where name = '${CAMPAIGN}'`,
  );
});

afterEach(() => {
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

describe('the county closes a campaign', () => {
  it('sees the late villages per township and extends the deadline with a reason', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto('/campaigns');
    await page.getByRole('link', { name: CAMPAIGN }).first().click();
    await page.getByTestId('campaign-name').filter({ hasText: CAMPAIGN }).waitFor();
    campaignPath = new URL(page.url()).pathname;

    const late = page.getByTestId('late-subjects');
    await late.getByTestId('deadline-red').waitFor();
    await expect(late.getByTestId('late-by-township').textContent()).resolves.toMatch(/白石镇/);
    await shot(page, 'campaign-close-1-late');

    await page.getByTestId('extend-deadline').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '延长阶段截止日期' });
    await dialog
      .getByTestId('current-deadline')
      .filter({ hasText: day(-3) })
      .waitFor();
    const to = dialog.locator('#extend-deadline_to');
    await to.click();
    await to.fill(day(2));
    await to.press('Enter');
    await dialog.locator('#extend-deadline_reason').fill('部分乡镇受台风影响，初审顺延');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('截止日期已延长').waitFor();
    await page
      .getByTestId('extensions')
      .getByText('部分乡镇受台风影响，初审顺延', { exact: false })
      .waitFor();
    // due in two days: nothing late, the deadline lights yellow
    await late.getByTestId('deadline-yellow').waitFor();
    await page.close();
  });

  it('待办 shows the township officer the work due soon', async () => {
    const page = await h.newPage();
    await signIn(page, 'township', DEMO_PASSWORD);
    const entry = page.getByTestId('todo-township_review').filter({ hasText: CAMPAIGN }).first();
    await entry.getByTestId('deadline-yellow').waitFor();
    await expect(entry.textContent()).resolves.toContain(`即将到期 · 截止 ${day(2)}`);
    await shot(page, 'campaign-close-2-todo');
    await page.close();
  });

  it('closes it with a summary over the computed figures; the page is read-only after', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto(campaignPath);
    await page.getByTestId('close-campaign').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '结束活动并总结' });
    const figures = dialog.getByTestId('closing-figures');
    await figures.waitFor();
    await expect(figures.textContent()).resolves.toMatch(/参与村数\d+/);
    await dialog
      .locator('#close-campaign_summary')
      .fill('第二批培育创建工作按期完成初审，白石镇经验在全县推广。');
    await shot(page, 'campaign-close-3-dialog');
    await dialog.getByRole('button', { name: '结束活动' }).click();
    await page.getByText('活动已结束').first().waitFor();

    const closed = page.getByTestId('campaign-closed');
    await closed.getByText('第二批培育创建工作按期完成初审').waitFor();
    await expect(page.getByTestId('phase-actions').count()).resolves.toBe(0);
    await expect(page.getByTestId('advance').count()).resolves.toBe(0);
    // the page's figures (the closing dialog may still be fading out)
    await page.locator('#root').getByTestId('closing-figures').waitFor();
    await shot(page, 'campaign-close-4-closed');
    // the list marks it closed
    await page.goto('/campaigns');
    await page
      .locator('tr')
      .filter({ hasText: CAMPAIGN })
      .getByTestId('campaign-closed-tag')
      .waitFor();
    await page.close();
  });

  it('the closed campaign reads well on a phone', async () => {
    const page = await h.session('county', 'phone', {}, campaignPath);
    const context = page.context();
    await page.getByTestId('campaign-closed').waitFor();
    await page.getByTestId('closing-figures').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'campaign-close-5-phone');
    await context.close();
  });
});
