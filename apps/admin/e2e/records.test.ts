// Village records in real Chromium: the township sees its villages' compliance, the clerk records
// a meeting (checked by the law in force on its date) and two disclosures, and the township sees
// the village's row change. Screenshots in test-results/records-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { chooseOption, type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // the demo clerk's village

let h: Harness;
let page: Page;
let overdueBefore = 0;
let meetingsBefore = 0;

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
  await screenshot(page, `records-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function cell(key: string): Promise<number> {
  const text = await page.getByTestId(`${key}-${VILLAGE}`).first().textContent();
  return Number(text);
}

describe('village records', () => {
  it('the township sees the village’s compliance row', async () => {
    await as('township');
    await page.getByRole('link', { name: '台账合规' }).click();
    await page.waitForURL((url) => url.pathname === '/records/compliance');
    await page.getByTestId(`meetingsHeld-${VILLAGE}`).waitFor();
    // the demo village's year of records
    meetingsBefore = await cell('meetingsHeld');
    overdueBefore = await cell('disclosuresOverdue');
    expect(overdueBefore).toBeGreaterThanOrEqual(2); // the year's first quarter at least
    await shot('1-compliance-before');
  });

  it('the clerk records a meeting and sees its legal check', async () => {
    await as('clerk');
    await page.getByRole('link', { name: '村务台账' }).click();
    await page.waitForURL((url) => url.pathname === '/records');
    await page.getByTestId('meeting-add').click();
    await page.locator('#date').fill('2026-03-01');
    await page.locator('#eligible').fill('100');
    await page.locator('#attendees').fill('60');
    await page.locator('#resolutions_0_title').fill('村道硬化工程');
    await page.locator('#resolutions_0_votesFor').fill('40');
    await page.locator('#resolutions_0_votesAgainst').fill('15');
    await page.locator('#resolutions_0_abstentions').fill('5');
    await shot('2-meeting-form');
    await page.getByTestId('meeting-save').click();
    const table = page.getByTestId('meetings-table');
    await table.getByText('村道硬化工程').waitFor();
    const row = table.locator('tr', { hasText: '村道硬化工程' });
    await expect(row.getByText('通过', { exact: true }).count()).resolves.toBe(1);
    await table
      .getByText(/村民委员会组织法.*2025年版/)
      .first()
      .waitFor();
    await shot('3-meeting-saved');
  });

  it('the clerk records two disclosures', async () => {
    await page.getByRole('tab', { name: '三务公开' }).click();
    for (const [category, summary, posted] of [
      ['财务公开', '一季度财务收支明细', '2026-04-03'],
      ['村务公开', '一季度村务公开', '2026-04-05'],
    ] as const) {
      await page.getByTestId('disclosure-add').click();
      await chooseOption(page, 'disclosure-category', category);
      await page.locator('#period').fill('2026-Q1');
      await page.locator('#postedOn').fill(posted);
      await page.locator('#summary').fill(summary);
      await page.getByTestId('disclosure-save').click();
      await page.getByTestId('disclosures-table').getByText(summary).waitFor();
    }
    await shot('4-disclosures');
  });

  it('the township sees the village’s row change', async () => {
    await as('township');
    await page.getByRole('link', { name: '台账合规' }).click();
    await page.getByTestId(`meetingsHeld-${VILLAGE}`).waitFor();
    await expect.poll(() => cell('meetingsHeld')).toBe(meetingsBefore + 1);
    // the first quarter's finance and village-affairs postings are no longer overdue
    expect(await cell('disclosuresOverdue')).toBe(overdueBefore - 2);
    await shot('5-compliance-after');
    await page.getByTestId(`village-${VILLAGE}`).click();
    await page.waitForURL((url) => url.pathname === '/records');
    await page.getByTestId('meetings-table').getByText('村道硬化工程').waitFor();
    await shot('6-township-drill-down');
  });
});
