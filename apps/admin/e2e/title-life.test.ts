// 一村一档 in real Chromium against the real API: the county records a title named by the city,
// takes a complaint and issues a rectification order (a deadline before the issue date is refused
// under its field), the township records a daily check (a future date refused) and does not see
// the complainant, the village clerk reports the rectification done, the township confirms it,
// and the county opens a sampled re-check batch and decides it. Screenshots of each page.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const YANGLIN = '330728101201'; // 杨林村, the demo clerk's village in 白石镇

// a refused request is logged by Chromium as "Failed to load resource: … status of 4xx"
const refused = (status: number) => new RegExp(`Failed to load resource.*status of ${status}`);

let h: Harness;
let titleId = '';

function day(offset: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterEach(() => {
  expect(takeConsoleErrors(h, [refused(400)])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function newSession(username: string): Promise<Page> {
  return h.session(username, 'desktop');
}

async function shot(page: Page, name: string) {
  await screenshot(page, name);
}

async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  // through the signed-in page, so the session cookie goes along
  return page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
      if (!res.ok || !body.result) throw new Error(`${path}: ${res.status}`);
      return body.result.data;
    },
    { path, input },
  ) as Promise<T>;
}

async function choose(page: Page, field: string, option: string) {
  await page.getByRole('dialog').locator(`#${field}`).click();
  await page.locator('.ant-select-item-option', { hasText: option }).click();
}

async function save(page: Page) {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
}

async function saved(page: Page) {
  await page.getByText('已保存').first().waitFor();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('一村一档', () => {
  it('the county opens the file of a title named by the city and records a complaint and an order', async () => {
    const county = await newSession('county');
    ({ id: titleId } = await mutate<{ id: string }>(county, 'titles.recordDecision', {
      villageCode: YANGLIN,
      level: 'municipal',
      year: 2025,
      namedOn: '2025-03-10',
      awardingBody: '金华市司法局',
      documentNumber: '金司〔2025〕12号',
    }));

    // from the titles list to the title's file
    await county.getByRole('menuitem', { name: /称号复核/ }).click();
    await county.getByPlaceholder('年度').fill('2025');
    const row = county.getByTestId('titles-table').locator(`tr[data-row-key="${titleId}"]`);
    await row.getByRole('link').click();
    await county.waitForURL(`**/titles/${titleId}`);
    await county.getByTestId('title-file-heading').getByText('杨林村').waitFor();
    await county.getByText('金华市司法局 金司〔2025〕12号').waitFor();

    await county.getByRole('button', { name: '登记投诉' }).click();
    await county.locator('#receivedOn').fill(day(-3));
    await choose(county, 'channel', '12345热线');
    await county.locator('#substance').fill('村务公开栏两个月未更新');
    await county.locator('#complainantName').fill('李某');
    await save(county);
    await saved(county);
    await county.getByTestId('title-timeline').getByText('李某').waitFor();

    // a deadline before the issue date is refused under its field, in Chinese
    await county.getByRole('button', { name: '下发整改通知' }).click();
    await county.locator('#issuedOn').fill(day(-20));
    await county.locator('#findings').fill('补齐第四季度村务公开');
    await county.locator('#deadline').fill(day(-21));
    await save(county);
    await county.getByText('整改期限不能早于下发日期').waitFor();
    await county.locator('#deadline').fill(day(-1));
    await save(county);
    await saved(county);
    await expect
      .poll(() => county.getByTestId('overdue-rectifications').textContent(), { timeout: 20_000 })
      .toBe('1');
    await county.getByTestId('rectification-entry').getByText('逾期').waitFor();
    await shot(county, 'title-life-county');
  });

  it('the township records a daily check and does not see the complainant', async () => {
    const township = await newSession('township');
    await township.goto(`/titles/${titleId}`);
    await township.getByTestId('title-timeline').waitFor();
    await township.getByText('村务公开栏两个月未更新').waitFor();
    expect(await township.getByText('李某').count()).toBe(0);
    expect(await township.getByRole('button', { name: '下发整改通知' }).count()).toBe(0);

    await township.getByRole('button', { name: '登记日常检查' }).click();
    await township.locator('#checkedOn').fill(day(1));
    await township.locator('#inspector').fill('白石镇司法所 王某');
    await township.locator('#findings').fill('公开栏已更新，台账齐全');
    await save(township);
    await township.getByText('日期不能晚于今天').waitFor();
    await township.locator('#checkedOn').fill(day(0));
    await save(township);
    await saved(township);
    await township.getByText('公开栏已更新，台账齐全').waitFor();
    await shot(township, 'title-life-township');
  });

  it('the clerk reports the rectification done and the township confirms it', async () => {
    const clerk = await newSession('clerk');
    await clerk.goto(`/titles/${titleId}`);
    await clerk.getByTestId('rectification-entry').waitFor();
    expect(await clerk.getByRole('button', { name: '登记日常检查' }).count()).toBe(0);
    await clerk.getByRole('button', { name: '报告整改完成' }).click();
    await clerk.locator('#note').fill('已张贴第四季度公开');
    await save(clerk);
    await saved(clerk);
    await clerk.getByText('已张贴第四季度公开').waitFor();
    await shot(clerk, 'title-life-clerk');

    const township = await newSession('township');
    await township.goto(`/titles/${titleId}`);
    await township.getByRole('button', { name: '确认整改完成' }).click();
    await township.locator('#completedOn').fill(day(0));
    await save(township);
    await saved(township);
    await township.getByText('逾期完成').waitFor();
    await expect
      .poll(() => township.getByTestId('open-rectifications').textContent(), { timeout: 20_000 })
      .toBe('0');
  });

  it('the county opens a sampled re-check batch and decides it on the file', async () => {
    const county = await newSession('county');
    await county.goto('/titles');
    await county.getByRole('button', { name: '批量复核' }).click();
    const dialog = county.getByRole('dialog');
    await dialog.locator('#recheck-batch_year').fill('2025');
    await dialog.getByText('抽取个数').click();
    await dialog.locator('#recheck-batch_amount').fill('1');
    await dialog.getByTestId('batch-preview').click();
    await dialog.getByTestId('batch-total').getByText('共 1 个称号（符合条件 1 个）').waitFor();
    await expect
      .poll(() => dialog.locator('#recheck-batch_seed').inputValue(), { timeout: 20_000 })
      .toMatch(/^\d+$/);
    await shot(county, 'title-life-batch');
    await dialog.getByRole('button', { name: '开立复核批次' }).click();
    await county.getByText('已为 1 个称号开立复核记录').waitFor();

    await county.goto(`/titles/${titleId}`);
    await county.getByRole('button', { name: '作出复核结论' }).click();
    await county.locator('#note').fill('整改到位，予以保留');
    await save(county);
    await saved(county);
    await county.getByText('整改到位，予以保留').waitFor();
    expect(await county.getByRole('button', { name: '作出复核结论' }).count()).toBe(0);
    await shot(county, 'title-life-rechecked');
  });
});
