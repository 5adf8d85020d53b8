// The county administrator makes a county unit's officer (县直单位工作人员) in the users form,
// choosing the unit among the county's active units, and later moves the demo unit officer to
// another unit. Real Chromium against the real API; no console errors.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, signIn, signOut, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

interface UserRow {
  username: string;
  unitId: string | null;
  unitName: string | null;
}

/** Opens a Select of the dialog and picks the option with `text`. */
async function pick(page: Page, select: Locator, text: string | RegExp) {
  await select.click();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text });
  await option.first().click();
}

describe('a county unit’s officer', () => {
  it('is created with a unit of the county and moved to another unit', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    const table = page.getByTestId('users-table');
    await table.getByText('township', { exact: true }).waitFor();

    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#user-form_username').fill('gaj_officer');
    await dialog.locator('#user-form_displayName').fill('县公安局 法制大队 钱队长');
    await dialog.locator('#user-form_password').fill('Unit2026x');

    // the role is offered again, below the county administrator
    await dialog.locator('#user-form_role').click();
    const roleOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(() => roleOptions.allTextContents())
      .toEqual(['乡镇工作人员', '考核人员', '县直单位工作人员', '村级文书']);
    await roleOptions.filter({ hasText: '县直单位工作人员' }).click();

    // the unit is chosen once the county is
    const unit = dialog.locator('#user-form_unitId');
    await unit.waitFor();
    await expect.poll(() => dialog.getByText('请先选择管辖的县').count()).toBe(1);
    await dialog.locator('#user-form_scopeCode').click();
    await dialog.locator('#user-form_scopeCode').fill('清和县');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '330728000000' })
      .click();
    await unit.click();
    const unitOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(async () => (await unitOptions.allTextContents()).sort())
      .toEqual(['县公安局', '县司法局', '县市场监督管理局']);
    await unitOptions.filter({ hasText: '县公安局' }).click();
    await screenshot(page, 'unit-officer-form', false);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('用户已创建').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const row = table.locator('tr', { hasText: 'gaj_officer' });
    await row.waitFor();
    expect(await row.textContent()).toContain('县公安局');
    const units = await h.api<{ items: { id: string; name: string }[] }>(
      'county',
      'units.list',
      {},
    );
    const byName = new Map(units.items.map((u) => [u.name, u.id]));
    const users = async () =>
      (await h.api<{ items: UserRow[] }>('county', 'users.list', { role: 'unit_officer' })).items;
    expect((await users()).find((u) => u.username === 'gaj_officer')).toMatchObject({
      unitId: byName.get('县公安局'),
      unitName: '县公安局',
    });

    // the demo unit officer (县司法局) moves to 县市场监督管理局
    const demo = table.locator('tr', { hasText: '赵股长' });
    await demo.getByRole('button', { name: /编\s*辑/ }).click();
    // the form shows the officer's unit
    await expect.poll(async () => (await dialog.textContent()) ?? '').toContain('县司法局');
    await pick(page, dialog.locator('#user-form_unitId'), '县市场监督管理局');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('用户已更新').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await demo.textContent()) ?? '').toContain('县市场监督管理局');
    expect((await users()).find((u) => u.username === 'unit')?.unitName).toBe('县市场监督管理局');
    await screenshot(page, 'unit-officer-users');

    await signOut(page);
    await page.close();
    expect(h.consoleErrors).toEqual([]);
  });
});
