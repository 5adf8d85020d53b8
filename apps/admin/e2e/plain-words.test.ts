// Issue 10, items 10 and 11, in real Chromium against the real API: a mistyped address shows
// 页面不存在 (no "编号无效" with 重试), a clerk's dashboard counts no townships, bulk 公示 shows
// its preview (which villages will change and which cannot) and applies it, and the ranking
// downloads as an Excel file. No console errors.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import {
  type Harness,
  screenshot,
  signIn,
  signOut,
  startHarness,
  takeConsoleErrors,
} from './harness';

let h: Harness;
let page: Page;
const DEMO_CAMPAIGN = '2026年度清和县民主法治示范村（社区）创建';

// a refused request is logged by Chromium as "Failed to load resource: … status of 4xx"
const refused = (status: number) => new RegExp(`Failed to load resource.*status of ${status}`);

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
});

afterEach(() => {
  expect(takeConsoleErrors(h, [refused(400), refused(404)])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, name);
}

describe('plain words and small things', () => {
  it('a clerk’s dashboard shows no township count; a mistyped address is 页面不存在', async () => {
    await signIn(page, 'clerk', DEMO_PASSWORD);
    expect(await page.getByTestId('count-townships').count()).toBe(0);
    expect(await page.getByTestId('count-villages').count()).toBe(0);
    await page.goto('/participations/not-an-id');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    expect(await page.getByText('编号无效').count()).toBe(0);
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    await page.goto('/campaigns/00000000-0000-4000-8000-000000000000');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await shot('plain-words-not-found');
    await signOut(page);
  });

  it('bulk 公示 previews the villages that will change, then posts them all', async () => {
    await signIn(page, 'county', DEMO_PASSWORD);
    const campaigns = await h.api<{ items: { id: string; name: string }[] }>(
      'county',
      'campaigns.list',
      {},
    );
    const campaign = campaigns.items.find((c) => c.name === DEMO_CAMPAIGN)!;
    const before = await h.api<{ counts: Record<string, number> }>('county', 'campaigns.get', {
      id: campaign.id,
    });
    const accepted = before.counts.county_accepted ?? 0;
    expect(accepted).toBeGreaterThan(0);
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByTestId('bulk-post').click();
    const dialog = page.getByTestId('bulk-dialog');
    await dialog.getByText(`将变更的村（${accepted}个）`).waitFor();
    expect(await page.getByTestId('bulk-changes').locator('.ant-list-item').count()).toBe(accepted);
    await expect
      .poll(() => page.getByTestId('bulk-changes').textContent())
      .toContain('县级验收通过 → 公示中');
    await shot('plain-words-bulk-preview');
    await page.getByRole('button', { name: `确认公示${accepted}个村` }).click();
    await page.getByText(`已公示${accepted}个村`).waitFor();
    const after = await h.api<{ counts: Record<string, number> }>('county', 'campaigns.get', {
      id: campaign.id,
    });
    expect(after.counts.county_accepted ?? 0).toBe(0);
    expect(after.counts.posted).toBe((before.counts.posted ?? 0) + accepted);

    // the ranking as an Excel file
    await page.goto(`/campaigns/${campaign.id}/results`);
    const link = page.getByTestId('ranking-xlsx');
    await link.waitFor();
    const href = await link.getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain(
      encodeURIComponent(`得分排名-${DEMO_CAMPAIGN}.xlsx`),
    );
  });
});
