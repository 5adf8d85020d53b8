// The admin SPA in real Chromium against the real API: a township officer sees only their
// township's villages; the county administrator creates a user. No console errors anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { checkResolution, describeCitation } from '@fazhi/domain';
import { type Harness, screenshot, signIn, signOut, startHarness } from './harness';

const BAISHI = '330728101000'; // 白石镇, the demo township officer's scope
const QINGSHAN = '330728102000'; // 青山镇, another township

interface Division {
  code: string;
  name: string;
  level: string;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

describe('admin SPA', () => {
  it('a township officer sees only the villages of their township', async () => {
    const baishi = await h.api<Division[]>('county', 'divisions.children', { parentCode: BAISHI });
    const qingshan = await h.api<Division[]>('county', 'divisions.children', {
      parentCode: QINGSHAN,
    });
    const own = baishi.find((d) => d.name.endsWith('村'))!;
    const other = qingshan.find((d) => d.name.endsWith('村'))!;
    expect(own).toBeDefined();
    expect(other).toBeDefined();

    const page = await h.newPage();
    await signIn(page, 'township', DEMO_PASSWORD);
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('白石镇');

    await page.getByRole('menuitem', { name: /行政区划/ }).click();
    const tree = page.getByTestId('division-tree');
    await tree.getByText(own.name, { exact: true }).waitFor();
    const treeText = (await tree.textContent()) ?? '';
    expect(treeText).toContain('白石镇');
    for (const village of baishi) expect(treeText).toContain(village.name);
    expect(treeText).not.toContain(other.name);
    expect(treeText).not.toContain('青山镇');

    // the detail panel of a selected village
    await tree.getByText(own.name, { exact: true }).click();
    const detail = page.getByTestId('division-detail');
    await detail.getByText(own.code).waitFor();
    await expect(detail.textContent()).resolves.toContain('村（社区）');

    // searching for the other township's village finds nothing; its own village is found
    const search = page.getByPlaceholder('输入名称或代码搜索');
    await search.fill(other.name);
    await search.press('Enter');
    await page.getByTestId('division-search-results').getByText('没有匹配的区划').waitFor();
    await search.fill(own.name);
    await search.press('Enter');
    await page.getByTestId('division-search-results').getByText(own.code).waitFor();

    // no import button for a township officer
    await expect(page.getByRole('button', { name: /导入/ }).count()).resolves.toBe(0);

    await search.fill('');
    await tree.getByText(own.name, { exact: true }).waitFor();
    await screenshot(page, 'township-divisions');

    await signOut(page);
    await page.close();
    expect(h.consoleErrors).toEqual([]);
  });

  it('the county administrator creates a village clerk and sees it in the list', async () => {
    const villages = await h.api<Division[]>('county', 'divisions.children', {
      parentCode: BAISHI,
    });
    const village = villages.find((d) => d.name.endsWith('村'))!;

    const page = await h.newPage();
    await signIn(page, 'county', DEMO_PASSWORD);
    await expect(page.getByTestId('count-villages').textContent()).resolves.toMatch(/\d{3}/);
    // 待办 lists what the API says awaits the county
    const todo = await h.api<{ campaignName: string; task: string; count: number }[]>(
      'county',
      'dashboard.todo',
      {},
    );
    const card = page.getByTestId('todo');
    // the demo campaign is in public notice with objections to resolve
    const objections = todo.find((e) => e.task === 'objection')!;
    expect(objections.count).toBeGreaterThan(0);
    const item = card.getByTestId('todo-objection');
    await item.waitFor();
    const text = (await card.textContent()) ?? '';
    for (const entry of todo) {
      expect(text).toContain(entry.campaignName);
      expect(text).toContain(`${entry.count} `);
    }
    await screenshot(page, 'county-dashboard');
    // 去处理 opens the campaign filtered to the villages under objection
    await item.getByRole('link', { name: '去处理' }).click();
    await page.waitForURL((url) => url.searchParams.get('state') === 'objected');
    const rows = page.getByTestId('participations-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(objections.count);
    for (const row of await rows.all()) {
      await expect(row.textContent()).resolves.toContain('异议处理中');
    }

    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    const table = page.getByTestId('users-table');
    await table.getByText('township', { exact: true }).waitFor();

    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#user-form_username').fill('e2e_clerk');
    await dialog.locator('#user-form_displayName').fill('测试文书');
    await dialog.locator('#user-form_password').fill('Clerk2026x');

    // only roles strictly below the county administrator's own are offered
    await dialog.locator('#user-form_role').click();
    const roleOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(() => roleOptions.allTextContents())
      .toEqual(['乡镇工作人员', '考核人员', '县直单位工作人员', '村级文书']);
    await roleOptions.filter({ hasText: '村级文书' }).click();

    await dialog.locator('#user-form_scopeCode').click();
    await dialog.locator('#user-form_scopeCode').fill(village.name);
    const scopeOption = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: village.code });
    await scopeOption.click();

    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('用户已创建').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const row = table.locator('tr', { hasText: 'e2e_clerk' });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('测试文书');
    expect(rowText).toContain('村级文书');
    expect(rowText).toContain(village.name);
    await screenshot(page, 'county-users');

    // the creation is in the audit log
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.getByTestId('audit-table').getByText('新建用户').first().waitFor();
    await screenshot(page, 'county-audit');

    await signOut(page);
    await page.close();
    expect(h.consoleErrors).toEqual([]);
  });
  it('a township officer checks a villagers’ meeting vote under the law in force on its date', async () => {
    const page = await h.newPage();
    await signIn(page, 'township', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /表决核算/ }).click();
    await page.getByText('填写会议日期和人数后显示核算结果').waitFor();

    const date = page.locator('#resolution-check_date');
    await date.click();
    await date.fill('2026-03-01');
    await date.press('Enter');
    const fill = async (field: string, value: number) =>
      page.locator(`#resolution-check_${field}`).fill(String(value));
    // exactly half of the 100 villagers attend: no quorum
    await fill('eligible', 100);
    await fill('attendees', 50);
    await fill('votesFor', 26);
    await fill('votesAgainst', 20);
    await fill('abstentions', 4);
    const result = page.getByTestId('resolution-result');
    await expect.poll(() => result.getByTestId('quorum').textContent()).toBe('未达到');
    await expect(result.getByTestId('passed').textContent()).resolves.toBe('未通过');
    const half = checkResolution({
      body: 'villagers_meeting',
      date: '2026-03-01',
      eligible: 100,
      attendees: 50,
      votesFor: 26,
      votesAgainst: 20,
      abstentions: 4,
    });
    const quorumProblem = half.problems.find((p) => p.code === 'QUORUM_NOT_MET')!;
    const problems = page.getByTestId('resolution-problems');
    await expect(problems.textContent()).resolves.toContain(quorumProblem.message.zh);
    await expect(problems.textContent()).resolves.toContain(
      describeCitation(quorumProblem.citation!).zh,
    );
    await expect(result.textContent()).resolves.toContain('村民委员会组织法（2025年版）');
    await screenshot(page, 'resolution-check');

    // one more attendee voting in favour: quorum met and passed
    await fill('attendees', 51);
    await fill('votesFor', 27);
    await expect.poll(() => result.getByTestId('quorum').textContent()).toBe('已达到');
    await expect(result.getByTestId('passed').textContent()).resolves.toBe('通过');

    // more present than entitled: only 数据有误 with the field in words, no 未达到/未通过 beside it
    await fill('attendees', 150);
    await result.getByTestId('resolution-invalid').waitFor();
    const invalidText = (await result.textContent()) ?? '';
    expect(invalidText).toContain('数据有误，无法核算');
    expect(invalidText).toContain('实到人数');
    expect(invalidText).toContain('应到人数');
    for (const word of ['未达到', '未通过', '已达到', 'attendees', 'eligible']) {
      expect(invalidText).not.toContain(word);
    }
    await expect(result.getByTestId('quorum').count()).resolves.toBe(0);
    await fill('attendees', 51);
    await expect.poll(() => result.getByTestId('quorum').textContent()).toBe('已达到');

    // the day before the amendment took effect, the 2018 text applies
    await date.click();
    await date.fill('2025-12-31');
    await date.press('Enter');
    await expect.poll(() => result.textContent()).toContain('村民委员会组织法（2018年版）');
    expect(h.consoleErrors).toEqual([]);
  });
});
