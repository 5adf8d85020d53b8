// Records feed scores in real Chromium: the clerk records a meeting and two disclosures, the
// township sees the village's compliance row change, the clerk opens the campaign's score sheet
// and finds the self column pre-filled with answers marked 来自台账 with links to the records;
// a changed answer needs a reason, which the township sees. Screenshots in
// test-results/records-to-scores-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { chooseOption, type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // the demo clerk's village (杨林村)
const REASON = '第四季度还有一次代表会议记录在纸质台账，尚未录入';

let h: Harness;
let page: Page;
let meetingsBefore = 0;
let participationId = '';

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
  // the demo clerk's declared village in the campaign at 自评
  const todo = await h.api<{ task: string; campaignId: string }[]>('clerk', 'dashboard.todo', {});
  const entry = todo.find((e) => e.task === 'self_assessment')!;
  const list = await h.api<{ items: { id: string }[] }>('clerk', 'participations.list', {
    campaignId: entry.campaignId,
  });
  participationId = list.items[0]!.id;
});

afterEach(() => {
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `records-to-scores-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function meetingsHeld(): Promise<number> {
  return Number(await page.getByTestId(`meetingsHeld-${VILLAGE}`).first().textContent());
}

async function openCompliance() {
  await page.getByRole('link', { name: '台账合规' }).click();
  await page.waitForURL((url) => url.pathname === '/records/compliance');
  await page.getByTestId(`meetingsHeld-${VILLAGE}`).waitFor();
}

describe('records feed the score sheet', () => {
  it('the township sees the village’s compliance row', async () => {
    await as('township');
    await openCompliance();
    meetingsBefore = await meetingsHeld();
    expect(meetingsBefore).toBeGreaterThan(0); // the demo village's records
  });

  it('the clerk records a meeting and two disclosures', async () => {
    await as('clerk');
    await page.getByRole('link', { name: '村务台账' }).click();
    await page.waitForURL((url) => url.pathname === '/records');
    await page.getByTestId('meeting-add').click();
    await chooseOption(page, 'meeting-body', '村民代表会议');
    await page.locator('#date').fill('2026-11-20');
    await page.locator('#eligible').fill('42');
    await page.locator('#attendees').fill('34');
    await page.locator('#resolutions_0_title').fill('冬季防火安全责任分工');
    await page.locator('#resolutions_0_votesFor').fill('32');
    await page.locator('#resolutions_0_votesAgainst').fill('1');
    await page.locator('#resolutions_0_abstentions').fill('1');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meetings-table').getByText('冬季防火安全责任分工').waitFor();

    await page.getByRole('tab', { name: '三务公开' }).click();
    for (const [category, period, posted, summary] of [
      ['财务公开', '2026-05', '2026-06-10', '2026年5月财务收支明细'],
      ['村务公开', '2026-Q2', '2026-06-12', '二季度村务：低保名单公示'],
    ] as const) {
      await page.getByTestId('disclosure-add').click();
      await chooseOption(page, 'disclosure-category', category);
      await page.locator('#period').fill(period);
      await page.locator('#postedOn').fill(posted);
      await page.locator('#summary').fill(summary);
      await page.getByTestId('disclosure-save').click();
      await page.getByTestId('disclosures-table').getByText(summary).waitFor();
    }
    await shot('1-records');
  });

  it('the clerk follows a 四议两公开 matter step by step and sees what comes next', async () => {
    await page.getByRole('tab', { name: '四议两公开' }).click();
    const table = page.getByTestId('matters-table');
    await table.getByText('村内道路硬化').waitFor(); // the demo's matter
    await page.getByTestId('matter-add').click();
    await page.getByTestId('matter-title').fill('村集体鱼塘发包');
    await page.getByTestId('matter-on-0').fill('2026-11-02');
    await page.getByTestId('matter-add-step').click();
    await page.getByTestId('matter-on-1').fill('2026-11-09');
    await page.getByTestId('matter-save').click();
    const row = table.locator('tr', { hasText: '村集体鱼塘发包' });
    await row.getByText('进行中').waitFor();
    await row.getByText(/下一步：党员大会审议/).waitFor();
    await shot('1b-matters');
  });

  it('the township sees the village’s row change', async () => {
    await as('township');
    await openCompliance();
    await expect.poll(() => meetingsHeld()).toBe(meetingsBefore + 1);
    await shot('2-compliance');
  });

  it('the clerk finds the self column filled from the records, marked 来自台账 with links', async () => {
    await as('clerk', `/participations/${participationId}`);
    await page.getByTestId('sheet-table').waitFor();
    await page
      .getByTestId('derived-banner')
      .getByText(/已按台账预填/)
      .waitFor();
    // 财务公开 months: the demo's July–November and June's posting recorded above
    const a44 = page.getByTestId('derived-A4.4');
    await a44.getByText('来自台账').waitFor();
    await expect(page.getByTestId('answer-A4.4').locator('input').inputValue()).resolves.toBe('6');
    await expect(a44.getByTestId('derived-link-disclosures').textContent()).resolves.toMatch(
      /三务公开 \d+ 条/,
    );
    // whole quarters with a lawful representatives' meeting: 2026's second and third
    const a33 = page.getByTestId('derived-A3.3');
    await a33.getByText('来自台账').waitFor();
    await expect(page.getByTestId('answer-A3.3').locator('input').inputValue()).resolves.toBe('2');
    await a33.getByTestId('derived-link-meetings').waitFor();
    await a33.scrollIntoViewIfNeeded();
    await shot('3-sheet-derived');
  });

  it('a changed answer needs a reason; with one it is saved', async () => {
    await page.getByTestId('answer-A3.3').locator('input').fill('4');
    const a33 = page.getByTestId('derived-A3.3');
    await a33.getByText('与台账不同').waitFor();
    await page.getByTestId('save-sheet').click();
    await page
      .getByText(/须填写理由/)
      .first()
      .waitFor();
    // the refused save is the expected 400
    expect(takeConsoleErrors(h, [/400 \(Bad Request\).*participations\.saveSheet/])).toEqual([]);
    await page.getByTestId('override-A3.3').fill(REASON);
    await page.getByTestId('save-sheet').click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(0);
    await a33.scrollIntoViewIfNeeded();
    await shot('4-override-saved');
    // the link leads to the records themselves
    await a33.getByTestId('derived-link-meetings').click();
    await page.waitForURL((url) => url.pathname === '/records');
    await page.getByTestId('meetings-table').getByText('冬季防火安全责任分工').waitFor();
  });

  it('the township sees the changed answer and its reason beside the records’ answer', async () => {
    await as('township', `/participations/${participationId}`);
    await page.getByTestId('sheet-table').waitFor();
    const cell = page.getByTestId('cell-self-A3.3');
    await cell.getByText('与台账不同').waitFor();
    await expect(cell.getByTestId('override-reason-A3.3').textContent()).resolves.toContain(REASON);
    await expect(page.getByTestId('derived-A4.4').getByText('来自台账').count()).resolves.toBe(1);
    await cell.scrollIntoViewIfNeeded();
    await shot('5-township-sees-reason');
  });
});
