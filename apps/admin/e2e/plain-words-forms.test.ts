// What users read is words, never codes: the audit log on a phone (the person, the action and
// each change in words, no JSON, ids or state codes), the objection form's own message per
// field, the selection checkboxes in Chinese, and a campaign changed and deleted before any
// village has declared.
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

const shot = (page: Page, name: string) => screenshot(page, name);

/** Waits until no antd dialog or popover is still zooming in or out. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelector('.ant-zoom-enter, .ant-zoom-leave') === null);

describe('words, not codes', () => {
  it('the audit log on a phone names the person, the action and each change in words', async () => {
    // a recorded change of state: the county accepts nothing here, it changes a user's name
    const users = await h.api<{ items: { id: string; username: string; version?: number }[] }>(
      'county',
      'users.list',
      {},
    );
    const clerk = users.items.find((u) => u.username === 'clerk')!;
    await h.mutate('county', 'users.update', { id: clerk.id, displayName: '村文书 张敏敏' });

    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('修改用户').first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('县司法局 王科长');
    expect(text).toContain('姓名：村文书 张敏 → 村文书 张敏敏');
    expect(text).not.toMatch(/[{}"]/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    for (const code of ['county_admin', 'village_clerk', 'users.update', 'user ', 'displayName']) {
      expect(text).not.toContain(code);
    }
    // no sideways scrolling on the phone
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'audit-phone');
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('an empty objection form names each missing field once', async () => {
    const { items } = await h.api<{ items: { id: string; stage: string }[] }>(
      'county',
      'campaigns.list',
      {},
    );
    const campaign = items.find((c) => c.stage === 'public_notice')!;
    const list = await h.api<{ items: { id: string; state: string }[] }>(
      'county',
      'participations.list',
      { campaignId: campaign.id, pageSize: 100 },
    );
    const posted = list.items.find((p) => p.state === 'posted')!;
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto(`/participations/${posted.id}`);
    await page.getByTestId('event-object').click();
    const dialog = page.getByRole('dialog');
    await settled(page);
    await dialog.getByRole('button', { name: /登记异议/ }).click();
    const errors = dialog.locator('.ant-form-item-explain-error');
    await expect.poll(() => errors.count()).toBe(3);
    expect(await errors.allTextContents()).toEqual([
      '请填写异议人姓名',
      '请填写联系方式',
      '请填写异议内容',
    ]);
    await shot(page, 'objection-form-empty');
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('the titles table names its select-all checkbox in Chinese', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto('/titles');
    const table = page.getByTestId('titles-table');
    await table.getByRole('checkbox', { name: '全选本页' }).waitFor({ state: 'attached' });
    await expect(table.getByRole('checkbox', { name: '全选本页' }).count()).resolves.toBe(1);
    await expect(table.getByRole('checkbox', { name: /Select/ }).count()).resolves.toBe(0);
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('on a phone the titles cards keep their selection: one card, then the whole page', async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto('/titles');
    const cards = page.getByTestId('titles-table');
    const rowBoxes = cards.getByRole('checkbox', { name: '选择此行', disabled: false });
    await rowBoxes.first().waitFor({ timeout: 20_000 });
    const selectable = await rowBoxes.count();
    expect(selectable).toBeGreaterThan(0);
    await rowBoxes.first().check();
    await page.getByText('已选 1 项', { exact: true }).waitFor({ timeout: 10_000 });
    await cards.getByRole('checkbox', { name: '全选本页' }).check();
    await page.getByText(`已选 ${selectable} 项`, { exact: true }).waitFor({ timeout: 10_000 });
    await shot(page, 'titles-phone-selection');
    await cards.getByRole('checkbox', { name: '全选本页' }).uncheck();
    await expect(rowBoxes.first().isChecked()).resolves.toBe(false);
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('the county changes and then deletes a campaign no village has declared for', async () => {
    const frameworks = await h.api<{ id: string }[]>('county', 'frameworks.list', {});
    const created = await h.mutate<{ id: string }>('county', 'campaigns.create', {
      countyCode: '330728000000',
      name: '待修改的创建活动',
      year: 2027,
      level: 'county',
      frameworkId: frameworks[0]!.id,
    });
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto(`/campaigns/${created.id}`);
    await page.getByTestId('campaign-edit').click();
    const dialog = page.getByRole('dialog');
    await settled(page);
    const name = dialog.locator('#campaign-edit_name');
    await name.fill('   ');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('此项为必填项').waitFor();
    await name.fill('2027年度县级法治示范村创建');
    // the county sets the records period the score sheet is derived from
    const start = dialog.getByPlaceholder('开始日期');
    await start.click();
    await start.fill('2026-07-01');
    await start.press('Enter');
    const end = dialog.getByPlaceholder('结束日期');
    await end.fill('2027-06-30');
    await end.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('campaign-name').textContent())
      .toBe('2027年度县级法治示范村创建');
    const edited = await h.api<{ recordPeriod: { from: string; to: string } | null }>(
      'county',
      'campaigns.get',
      { id: created.id },
    );
    expect(edited.recordPeriod).toEqual({ from: '2026-07-01', to: '2027-06-30' });

    await page.getByTestId('campaign-remove').click();
    const confirm = page.getByRole('dialog');
    await settled(page);
    await expect(confirm.textContent()).resolves.toContain(
      '删除“2027年度县级法治示范村创建”？删除后不能恢复。',
    );
    await confirm.getByRole('button', { name: /删除活动/ }).click();
    await page.waitForURL((url) => url.pathname === '/campaigns');
    const after = await h.api<{ items: { id: string }[] }>('county', 'campaigns.list', {});
    expect(after.items.map((c) => c.id)).not.toContain(created.id);
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });

  it('a campaign villages have declared for offers neither change nor delete', async () => {
    const { items } = await h.api<{ items: { id: string; stage: string }[] }>(
      'county',
      'campaigns.list',
      {},
    );
    const campaign = items.find((c) => c.stage === 'public_notice')!;
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByTestId('campaign-name').waitFor();
    await page.getByTestId('blockers').waitFor();
    await expect(page.getByTestId('campaign-edit').count()).resolves.toBe(0);
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });
});
