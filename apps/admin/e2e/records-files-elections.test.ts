// Village records on a phone (390×844) in real Chromium: the clerk attaches a meeting's minutes
// (a PDF), is refused a PDF as a photo, downloads the file; then records the representatives'
// make-up and an election and sees each check's verdict with the law it cites. Screenshots in
// test-results/records-phone-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { chooseOption, type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

let h: Harness;
let page: Page;

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.session('clerk', 'phone');
});

afterEach(() => {
  // the refused upload is logged by Chromium as a failed resource (400)
  expect(takeConsoleErrors(h, [/status of 400/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `records-phone-${name}`);
}

/** Waits until no antd dialog or popover is still animating. */
async function settled() {
  await expect.poll(() => page.locator('[class*="ant-zoom"]').count()).toBe(0);
}

describe('records on a phone', () => {
  it('the clerk attaches a meeting’s minutes; a PDF is refused as a photo', async () => {
    await page.goto('/records');
    const table = page.getByTestId('meetings-table');
    const button = table.locator('[data-testid^="files-"]').first();
    await button.waitFor();
    await button.click();
    const files = page.getByTestId('record-files');
    await files.waitFor();
    await settled();
    const inputs = files.locator('input[type=file]');
    // the first upload is the minutes, the second the photo
    await inputs
      .nth(0)
      .setInputFiles({ name: '会议记录.pdf', mimeType: 'application/pdf', buffer: pdf });
    const entry = files.getByTestId('record-file').filter({ hasText: '会议记录.pdf' });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain('会议记录');
    const href = await entry.locator('a').getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await inputs.nth(1).setInputFiles({ name: '会场.jpg', mimeType: 'image/jpeg', buffer: pdf });
    await page
      .getByText(/照片只能上传图片/)
      .first()
      .waitFor();
    await expect(files.getByTestId('record-file').count()).resolves.toBe(1);
    await shot('1-meeting-files');
    await page.keyboard.press('Escape');
    await settled();
  });

  it('the clerk records the representatives’ make-up and sees the check with its article', async () => {
    await page.goto('/records?tab=elections');
    await page.getByTestId('election-add').click();
    await settled();
    await chooseOption(page, 'election-kind', '村民代表构成');
    await page.locator('#date').fill('2026-06-01');
    await page.locator('#figures_households').fill('600');
    await page.locator('#figures_representatives').fill('45');
    await page.locator('#figures_womenRepresentatives').fill('5');
    await page.locator('#figures_committeeMembers').fill('5');
    await shot('2-representatives-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const saved = page.getByTestId('election-saved');
    await saved.waitFor();
    await saved.getByText('构成不符合规定').waitFor();
    await expect(saved.getByTestId('election-citations').textContent()).resolves.toMatch(
      /村民委员会组织法/,
    );
    await shot('3-representatives-check');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await settled();
    await page.getByTestId('elections-list').getByText('构成不符合规定').waitFor();
  });

  it('the clerk records an election: valid, with the candidate elected', async () => {
    await page.getByTestId('election-add').click();
    await settled();
    await page.locator('#date').fill('2026-05-10');
    await page.locator('#figures_registeredVoters').fill('1000');
    await page.locator('#figures_ballotsCast').fill('700');
    await page.locator('#figures_seats').fill('1');
    await page.locator('#figures_candidates_0_votes').fill('420');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const saved = page.getByTestId('election-saved');
    await saved.getByText('选举有效').waitFor();
    await expect(saved.textContent()).resolves.toContain('当选：甲');
    await expect(saved.getByTestId('election-citations').textContent()).resolves.toMatch(
      /村民委员会组织法/,
    );
    await shot('4-election-check');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await settled();
    await expect(
      page.getByTestId('elections-list').locator('.ant-list-item').count(),
    ).resolves.toBeGreaterThanOrEqual(2);
    // nothing overflows the phone's width
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot('5-elections-list');
  });
});
