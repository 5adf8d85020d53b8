// The township work dashboard in real Chromium (issue #13): the township opens 工作看板 and drills
// down from the red figure to the red tasks; it edits a task (title, deadline, a milestone); the
// clerk asks for more time on a phone and the township approves, so the deadline and the light
// change; the 通报 downloads as Word and is read back. Screenshots in test-results/board-*.png.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // the demo clerk's village
const TITLE = '清理村内河道垃圾';
const EDITED = '清理村内河道垃圾并设置警示牌';

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
  return h.session(username, device === 'phone' ? 'phone' : 'wide', { acceptDownloads: true }, at);
}

async function shot(page: Page, name: string) {
  await screenshot(page, `board-${name}`);
}

/** A day `days` from today in the county's calendar. */
function inDays(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function pickDate(page: Page, selector: string, date: string) {
  await page.locator(selector).click();
  await page.locator(selector).fill(date);
  await page.locator(selector).press('Enter');
}

function documentText(bytes: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return fail(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return fail(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () =>
            done(
              Buffer.concat(chunks)
                .toString('utf8')
                .replace(/<\/w:p>/g, '\n')
                .replace(/<[^>]+>/g, ''),
            ),
          );
        });
      });
      zip.on('end', () => fail(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

describe('the township work dashboard', () => {
  it('opens from the menu and drills down from the red figure to the red tasks', async () => {
    const page = await session('township', 'desktop');
    await page.getByTestId('nav-township-board').click();
    await page.waitForURL((url) => url.pathname === '/township-board');
    const red = page.getByTestId('board-tasks').getByTestId('board-light-red');
    await red.waitFor({ timeout: 20_000 });
    const count = Number(await red.textContent());
    expect(count).toBeGreaterThan(0); // the demo county has overdue tasks
    await page.getByTestId('board-rows').waitFor();
    await shot(page, '1-dashboard');
    await red.click();
    await page.waitForURL(
      (url) => url.pathname === '/tasks' && url.searchParams.get('light') === 'red',
    );
    const table = page.getByTestId('tasks-table');
    await table.getByTestId('light-red').first().waitFor({ timeout: 20_000 });
    // only red tasks, as many as the figure (one page holds them)
    await expect(table.getByTestId('light-green').count()).resolves.toBe(0);
    await expect(table.getByTestId('light-yellow').count()).resolves.toBe(0);
    await expect(table.getByTestId('light-red').count()).resolves.toBe(Math.min(count, 20));
    await shot(page, '2-red-tasks');
  });

  it('works on a phone at 390×844', async () => {
    const page = await session('township', 'phone', '/township-board');
    await page
      .getByTestId('board-tasks')
      .getByTestId('board-light-red')
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('board-rows').waitFor();
    await page.getByTestId('board-stage-idea').click();
    await page.getByTestId('board-project-list').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('board-project-list').waitFor({ state: 'detached', timeout: 20_000 });
    await shot(page, '3-dashboard-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});

describe('editing a task and its extension', () => {
  it('the township assigns a task, then edits its title, deadline and milestones', async () => {
    const page = await session('township', 'desktop', '/tasks');
    await page.getByTestId('task-new').click();
    await page.locator('#ownerCode').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: VILLAGE })
      .first()
      .click();
    await page.getByTestId('task-title').fill(TITLE);
    await page.getByTestId('task-responsible').fill('村委会主任');
    await pickDate(page, '#deadline', inDays(10));
    await page.getByTestId('task-save').click();
    const row = page.getByTestId('tasks-table').locator('tr', { hasText: TITLE });
    await row.getByTestId('light-green').waitFor({ timeout: 20_000 });

    await row.getByRole('button', { name: /^修\s?改$/ }).click();
    await page.getByTestId('task-edit-title').fill(EDITED);
    await pickDate(page, '#deadline', inDays(2)); // within three days: yellow
    await page.getByTestId('task-edit-add-milestone').click();
    await page.locator('#milestones_0_title').fill('清运完毕');
    await pickDate(page, '#milestones_0_due', inDays(1));
    await shot(page, '4-edit');
    await page.getByTestId('task-edit-save').click();
    const edited = page.getByTestId('tasks-table').locator('tr', { hasText: EDITED });
    await edited.getByTestId('light-yellow').waitFor({ timeout: 20_000 });
    await expect(edited.getByText(inDays(2)).count()).resolves.toBeGreaterThan(0);
  });

  it('the clerk asks for more time on a phone', async () => {
    const page = await session('clerk', 'phone', '/tasks');
    const card = page.locator('.ant-card', { hasText: EDITED }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: '申请延期' }).click();
    await pickDate(page, '#to', inDays(20));
    await page.getByTestId('extension-reason').fill('汛期河道水位高，需待水位回落后清理');
    await shot(page, '5-extension-phone');
    await page.getByTestId('extension-request-save').click();
    await card.getByText('延期待审批').waitFor({ timeout: 20_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('the township approves: the deadline moves and the light turns green', async () => {
    const page = await session('township', 'desktop', '/tasks');
    const row = page.getByTestId('tasks-table').locator('tr', { hasText: EDITED });
    await row.getByRole('button', { name: '审批延期' }).click();
    await page.getByTestId('extension-asked').getByText(inDays(20), { exact: false }).waitFor();
    await page.getByTestId('extension-approve').getByText('同意延期', { exact: true }).click();
    await shot(page, '6-decide');
    await page.getByTestId('extension-decide-save').click();
    await row.getByTestId('light-green').waitFor({ timeout: 20_000 });
    await expect(row.getByText(inDays(20)).count()).resolves.toBeGreaterThan(0);
    await expect(row.getByText('延期待审批').count()).resolves.toBe(0);
    await shot(page, '7-approved');
  });

  it('downloads the 通报 as Word with the figures of the page', async () => {
    const page = await session('township', 'desktop', '/tasks');
    const bulletin = page.locator('.ant-card', { hasText: '通报' }).last();
    const firstRow = bulletin.locator('tbody tr.ant-table-row').first();
    await firstRow.waitFor({ timeout: 20_000 });
    const cells = await firstRow.locator('td').allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^白石镇督查督办通报-.*\.docx$/);
    const text = await documentText(await readFile((await download.path())!));
    expect(text).toContain('白石镇督查督办通报');
    // the unit's row of the page, cell by cell, is a row of the document's table
    expect(text).toContain(cells.map((c) => c.trim()).join('\n'));
  });
});
