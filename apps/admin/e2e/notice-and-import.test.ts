// A GBK CSV (as Excel on Chinese Windows saves it) imported through the SPA keeps its Chinese
// names; the 公示 opens at its public address without login, printable, with a QR code; the
// clerk and the township officer find their work in 待办 and its count in the menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, signIn, startHarness, takeConsoleErrors } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

// GBK bytes written out by hand: 代码,名称 / 新塘村
const GBK_HEADER = [0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6];
const GBK_XINTANG = [0xd0, 0xc2, 0xcc, 0xc1, 0xb4, 0xe5];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

const shot = (page: Page, name: string) => screenshot(page, name);

describe('GBK import, public notice, 待办', () => {
  it('imports a GBK file with its Chinese names intact', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /行政区划/ }).click();
    await page.getByTestId('division-tree').getByText('清和县', { exact: true }).waitFor();
    await page.getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: '区划（Excel另存为CSV）.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([
        ...GBK_HEADER,
        ...ascii('\r\n330728101297,'),
        ...GBK_XINTANG,
        ...ascii(',220\r\n'),
      ]),
    });
    await dialog.getByRole('button', { name: /开始导入/ }).click();
    await dialog.getByTestId('import-result').waitFor();
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    const search = page.getByPlaceholder('输入名称或代码搜索');
    await search.fill('330728101297');
    await search.press('Enter');
    const results = page.getByTestId('division-search-results');
    await results.getByText('新塘村').waitFor();
    await shot(page, 'county-import-gbk');
    await expect(results.textContent()).resolves.not.toContain('\uFFFD');
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('publishes the 公示 at a public address without login, with its QR code', async () => {
    const { items } = await h.api<{ items: { id: string; stage: string }[] }>(
      'county',
      'campaigns.list',
      {},
    );
    const campaign = items.find((c) => c.stage === 'public_notice')!;

    // the county's printable notice: particulars and the QR code of the public address
    const county = await h.newPage();
    await signIn(county, 'county', DEMO_PASSWORD);
    await county.goto(`/campaigns/${campaign.id}/notice`);
    const intro = county.getByTestId('notice-intro');
    await intro.getByText(/公示期为2026年10月16日至2026年10月22日（7天）/).waitFor();
    await expect(intro.textContent()).resolves.toContain('县司法局基层工作科');
    await county.getByTestId('notice-sign').getByText('2026年10月16日').waitFor();
    const qr = county.getByTestId('notice-qr').locator('img');
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await shot(county, 'county-notice-with-qr');
    await county.close();

    // a stranger, without login, in a fresh browser context: read-only, no scripts
    const context = await h.newContext('phone');
    const visitor = await context.newPage();
    const response = await visitor.goto(`${h.baseUrl}/public/notices/${campaign.id}`);
    expect(response?.status()).toBe(200);
    await visitor.getByRole('heading', { name: /名单公示/ }).waitFor();
    await visitor.getByText(/公示期为2026年10月16日至2026年10月22日/).waitFor();
    await expect(visitor.locator('script').count()).resolves.toBe(0);
    await expect(visitor.locator('table tbody tr').count()).resolves.toBeGreaterThan(10);
    await expect(visitor.locator('svg').count()).resolves.toBe(1);
    await screenshot(visitor, 'public-notice-phone');
    expect(await context.cookies()).toEqual([]);
    await context.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('shows the clerk and the township officer their 待办, counted in the menu', async () => {
    for (const [username, testId] of [
      ['clerk', 'todo-self_assessment'],
      ['township', 'todo-township_review'],
    ] as const) {
      const page = await h.newPage();
      await signIn(page, username, DEMO_PASSWORD);
      await page.getByTestId('todo').getByTestId(testId).waitFor();
      const badge = page.getByTestId('menu-todo-count');
      await badge.waitFor();
      expect(Number(await badge.getAttribute('data-count'))).toBeGreaterThan(0);
      await shot(page, `${username}-dashboard-todo`);
      await page.close();
    }
    expect(takeConsoleErrors(h)).toEqual([]);
  });
});
