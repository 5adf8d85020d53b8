// The server's messages in the chosen language, the language remembered across reloads, field
// errors on the form, and pages a role may not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, signIn, startHarness, takeConsoleErrors } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

const refused = (status: number) =>
  new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

describe('language and errors', () => {
  it('shows a failed sign-in in the chosen language and remembers English', async () => {
    const page = await h.newPage();
    // a page behind the login: auth.me answers 401 and the guard sends the visitor to sign in
    await page.goto('/audit');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('#username').fill('township');
    await page.locator('#password').fill('wrong-password1');
    await page.locator('button[type="submit"]').click();
    const error = page.getByTestId('login-error');
    await error.getByText('用户名或密码错误').waitFor();

    await page.getByText('English', { exact: true }).click();
    await error.getByText('Wrong username or password').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await page.reload();
    await page.locator('button[type="submit"]').getByText('Sign in').waitFor();

    // an inspector signs in, in English, lands on the page first asked for, and has no user
    // management
    await page.locator('#username').fill('inspector');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('menuitem', { name: /(^|\s)Dashboard$/ }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByTestId('count-villages').getByText('300').waitFor();
    await expect(page.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
    await screenshot(page, 'inspector-dashboard-en');
    await page.goto('/users');
    await page.getByText('Your role may not open this page.').waitFor();

    // the change-password dialog puts the server's field error on its field
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#change-password_currentPassword').fill('not-my-password1');
    await dialog.locator('#change-password_newPassword').fill('NewSecret2026');
    await dialog.locator('#change-password_confirm').fill('NewSecret2026');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The current password is wrong').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // back to Chinese through the user menu
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /Language/ }).click();
    await page.getByText('您的角色无权访问此页面。').waitFor();
    await expect(page.evaluate(() => localStorage.getItem('fazhi.lang'))).resolves.toBe('zh');

    await page.close();
    expect(takeConsoleErrors(h, [refused(401), refused(400)])).toEqual([]);
  });

  it('imports a division file: every bad line listed, then a good file imported', async () => {
    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /行政区划/ }).click();
    await page.getByTestId('division-tree').getByText('清和县', { exact: true }).waitFor();

    await page.getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('code,name[,urban_rural_code]', { exact: false }).first().waitFor();
    const bad = [
      'code,name,urban_rural_code',
      '330728101299,新建村,220',
      '33072810129X,坏代码村,220',
      '330728101298,,220',
      '330728999201,无上级村,220',
    ].join('\n');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: '坏文件.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad, 'utf8'),
    });
    await dialog.getByRole('button', { name: /开始导入/ }).click();
    await dialog
      .getByTestId('import-error')
      .getByText(/文件有3处错误/)
      .waitFor();
    const lines = await dialog.locator('.ant-table-tbody tr td:first-child').allTextContents();
    expect(lines).toEqual(['3', '4', '5']);
    await screenshot(page, 'county-import-rejected');

    await dialog.getByRole('button', { name: /导入其他文件/ }).click();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('330728101299,新建村,220\n', 'utf8'),
    });
    await dialog.getByRole('button', { name: /开始导入/ }).click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/总行数\s*1\s*新增\s*1/);
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });

    const search = page.getByPlaceholder('输入名称或代码搜索');
    await search.fill('新建村');
    await search.press('Enter');
    await page.getByTestId('division-search-results').getByText('330728101299').waitFor();

    await page.close();
    expect(takeConsoleErrors(h, [refused(400)])).toEqual([]);
  });

  it('the system administrator’s tree starts at the provinces; an ended session goes to login', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('全部区划');
    await page.getByRole('menuitem', { name: /行政区划/ }).click();
    const tree = page.getByTestId('division-tree');
    await tree.getByText('浙江省', { exact: true }).waitFor();
    await tree.locator('.ant-tree-switcher').first().click();
    await tree.getByText('金华市', { exact: true }).waitFor();

    // the session ends behind the SPA's back: the next query answers 401 and sends it to login
    const status = await page.evaluate(async () => {
      const res = await fetch('/trpc/auth.logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
      });
      return res.status;
    });
    expect(status).toBe(200);
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByText('登录已失效，请重新登录').waitFor();
    await page.close();
    expect(takeConsoleErrors(h, [refused(401)])).toEqual([]);
  });
});
