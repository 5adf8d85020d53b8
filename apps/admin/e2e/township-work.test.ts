// Township work in real Chromium (issue #13): the township assigns a task to a village, the
// clerk reports progress (on a phone) and asks to close, the township closes and rates it; the
// public comment page shows replies without login. The clerk's report carries a photo, which
// the township opens from the task's history. Screenshots in test-results/township-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // the demo clerk's village
const TITLE = '整治村内主干道路灯';
/** A small PNG (the server types files by their first bytes). */
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterEach(() => {
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function session(username: string, device: 'phone' | 'desktop', at?: string): Promise<Page> {
  return h.session(username, device === 'phone' ? 'phone' : 'wide', {}, at);
}

async function shot(page: Page, name: string) {
  await screenshot(page, `township-${name}`);
}

function inTen(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + 10);
  return d.toISOString().slice(0, 10);
}

describe('supervision of a task', () => {
  it('the township assigns a task to a village', async () => {
    const page = await session('township', 'desktop');
    await page.getByRole('link', { name: '督查督办' }).click();
    await page.waitForURL((url) => url.pathname === '/tasks');
    // the demo's tasks show their lights
    await page.getByTestId('tasks-table').getByTestId('light-red').first().waitFor();
    await shot(page, '1-tasks');
    await page.getByTestId('task-new').click();
    await page.locator('#ownerCode').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: VILLAGE })
      .first()
      .click();
    await page.getByTestId('task-title').fill(TITLE);
    await page.getByTestId('task-responsible').fill('村委会主任');
    await page.locator('#deadline').fill(inTen());
    await page.locator('#deadline').press('Enter');
    await shot(page, '2-assign');
    await page.getByTestId('task-save').click();
    const row = page.getByTestId('tasks-table').locator('tr', { hasText: TITLE });
    await row.waitFor();
    await expect(row.getByText('立项交办').count()).resolves.toBe(1);
    await expect(row.getByTestId('light-green').count()).resolves.toBe(1);
  });

  it('the clerk reports progress on a phone and asks to close', async () => {
    const page = await session('clerk', 'phone', '/tasks');
    const card = page.locator('.ant-card', { hasText: TITLE }).last();
    await card.waitFor();
    await card.getByRole('button', { name: '报送进展' }).click();
    await page.getByTestId('report-text').fill('已更换路灯 12 盏，线路检修完毕');
    await page.getByTestId('report-percent').fill('100');
    await page.getByTestId('report-request-close').check();
    // a photo of the work goes with the report
    await page.locator('.ant-modal:visible input[type=file]').setInputFiles({
      name: '路灯照片.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page.locator('.ant-modal:visible').getByText('路灯照片.png').waitFor();
    await shot(page, '3-report-phone');
    await page.getByTestId('report-save').click();
    await card.getByText('申请办结').waitFor();
    await shot(page, '4-reported-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('the township closes and rates it', async () => {
    const page = await session('township', 'desktop', '/tasks');
    const row = page.getByTestId('tasks-table').locator('tr', { hasText: TITLE });
    await row.getByRole('button', { name: '办结评价' }).click();
    await page.getByText('已更换路灯 12 盏').waitFor(); // the clerk's report in the history
    // with its photo, which the township opens
    const photo = page.locator('.ant-modal:visible').getByRole('link', { name: '路灯照片.png' });
    await photo.waitFor();
    const opened = await page.request.get((await photo.getAttribute('href'))!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('image/png');
    await page.getByTestId('close-rating').getByText('基本满意').click();
    await shot(page, '5-close');
    await page.getByTestId('close-save').click();
    await row.getByText('已办结（基本满意）').waitFor();
    await shot(page, '6-closed');
  });
});

describe('villagers’ projects', () => {
  it('an idea becomes a voted project with a milestone on the public page', async () => {
    const page = await session('township', 'desktop');
    await page.getByRole('link', { name: '百姓点单' }).click();
    await page.waitForURL((url) => url.pathname === '/projects');
    await page.getByTestId('project-add').click();
    await page.locator('#title').fill('村口停车场建设');
    await page.locator('#source').fill('杨林村');
    await page.locator('#raisedBy').fill('28');
    await page.getByTestId('project-save').click();
    const row = page.getByTestId('projects-table').locator('tr', { hasText: '村口停车场建设' });
    await row.getByRole('button', { name: '列入票决' }).click();
    await row.getByRole('button', { name: '人大票决' }).click();
    // a tally above the deputies present is refused with the article
    for (const [field, value] of [
      ['deputies', '58'],
      ['present', '50'],
      ['votesFor', '48'],
      ['votesAgainst', '3'],
      ['abstentions', '1'],
    ]) {
      await page.locator(`#${field}`).fill(value!);
    }
    await page.getByTestId('vote-save').click();
    await page
      .getByText(/超过出席代表人数.*组织法/)
      .first()
      .waitFor();
    await shot(page, '8-vote-refused');
    // Chromium logs the refused request (400); nothing else went wrong
    expect(takeConsoleErrors(h, [/status of 400/])).toEqual([]);
    await page.locator('#votesFor').fill('46');
    await page.getByTestId('vote-save').click();
    await row.getByText(/票决通过/).waitFor();
    await row.getByRole('button', { name: '报告进度' }).click();
    await page.getByTestId('progress-milestone').fill('完成场地平整');
    await page.locator('#due').fill('2026-11-30');
    await page.locator('#due').press('Enter');
    await page.getByTestId('progress-save').click();
    // the dialog closes once the progress is saved (the vote's "已保存" may still be showing)
    await page.getByTestId('progress-milestone').waitFor({ state: 'hidden' });
    await page.getByText('已保存').first().waitFor();
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await page.goto(`/public/projects/330728101000/${year}`);
    await page.getByText('村口停车场建设').waitFor();
    await page.getByText(/完成场地平整/).waitFor();
    await page.getByText(/赞成 46/).waitFor();
    await shot(page, '9-public-projects');
  });
});

describe('every comment answered', () => {
  it('the public page lists replies and takes a comment without login', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/public/comments/330728101000');
    await page.getByText('村口路灯不亮').waitFor();
    await page.getByText('已联系供电所更换').waitFor();
    await page.locator('input[name="subject"]').fill('河道垃圾');
    await page.locator('textarea[name="content"]').fill('三组河道有垃圾漂浮');
    await page.locator('input[name="contact"]').fill('13700001111');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('您的意见已收到').waitFor();
    expect(await page.content()).not.toContain('13700001111');
    await shot(page, '7-public-comments');
  });
});
