// What the campaign walk-through does not cover, in real Chromium against the real API: two
// people saving the same score sheet (the conflict panel), the Excel round trip of a sheet with
// bad cells, re-checking (复核) a named title and the 2-year bar on declaring again, and the
// 指标体系 page importing a framework. No console errors anywhere.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks, scoreAssessment, type IndicatorItem } from '@fazhi/domain';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const BAISHI = '330728101000'; // 白石镇, the demo township officer's scope
const framework = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
const items = framework.areas.flatMap((a) => a.items);
const stamp = Date.now();

// the county column of the exported score sheet: 填报 (answer) and 说明 (comment)
const COUNTY_ANSWER = 14;
const COUNTY_ANSWER_LETTER = 'N';
const CODE_COLUMN = 2;

// a refused request is logged by Chromium as "Failed to load resource: … status of 4xx"
const refused = (status: number) => new RegExp(`Failed to load resource.*status of ${status}`);

let h: Harness;
const cookies = new Map<string, string>();

interface Division {
  code: string;
  name: string;
  level: string;
}

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterEach(() => {
  // no console errors in any step (each test names the refusals it provokes on purpose)
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

/** A page in its own browser context (its own session), collecting console errors. */
async function newSession(username: string): Promise<Page> {
  return h.session(username, 'desktop', { acceptDownloads: true });
}

async function shot(page: Page, name: string, fullPage = true) {
  await screenshot(page, name, fullPage);
}

/** Calls a tRPC mutation over HTTP as `username`, outside the browser. */
async function mutate<T>(username: string, path: string, input: unknown): Promise<T> {
  let cookie = cookies.get(username);
  if (!cookie) {
    const res = await fetch(`${h.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(username, cookie);
  }
  const res = await fetch(`${h.baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

async function frameworkId(code: string, version: string): Promise<string> {
  const list = await h.api<{ id: string; code: string; version: string }[]>(
    'county',
    'frameworks.list',
    {},
  );
  const found = list.find((f) => f.code === code && f.version === version);
  if (!found) throw new Error(`no framework ${code} ${version}`);
  return found.id;
}

/** A campaign of the demo county, created and advanced to the declaration stage by the API. */
async function campaignInDeclareStage(name: string, inspectorIds: string[] = []) {
  const campaign = await mutate<{ id: string }>('county', 'campaigns.create', {
    countyCode: DEMO_COUNTY_CODE,
    name,
    year: 2026,
    level: 'county',
    frameworkId: await frameworkId(framework.code, framework.version),
    inspectorIds,
  });
  await mutate('county', 'campaigns.advance', { id: campaign.id });
  return campaign.id;
}

/** Waits for the score sheet to show, editable in the county column. */
async function openCountySheet(page: Page, participationId: string) {
  await page.goto(`/participations/${participationId}`);
  await page.getByTestId('sheet-table').waitFor();
  await page.getByText('正在填写：县级验收').waitFor();
}

function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

const checkItems = items.filter((i) => i.rule.kind === 'check');
const countItem = items.find((i) => i.rule.kind === 'count' || i.rule.kind === 'deduction')!;

describe('score sheets at the county acceptance', () => {
  // two villages of 白石镇 waiting for the county acceptance, in a campaign with the inspector
  let conflictId = '';
  let excelId = '';

  beforeAll(async () => {
    const inspectors = await h.api<{ items: { id: string; username: string }[] }>(
      'county',
      'users.list',
      { role: 'inspector', page: 1, pageSize: 20 },
    );
    const inspector = inspectors.items.find((u) => u.username === 'inspector')!;
    const campaignId = await campaignInDeclareStage(`E2E验收冲突${stamp}`, [inspector.id]);
    const villages = await h.api<Division[]>('county', 'divisions.children', {
      parentCode: BAISHI,
    });
    const declared: string[] = [];
    // some demo villages already hold a county title and may not declare again: skip those
    for (const village of villages.filter((v) => v.level === 'village')) {
      if (declared.length === 2) break;
      try {
        const p = await mutate<{ id: string }>('county', 'participations.declare', {
          campaignId,
          villageCode: village.code,
        });
        declared.push(p.id);
      } catch {
        // already named
      }
    }
    expect(declared).toHaveLength(2);
    [conflictId, excelId] = declared as [string, string];
    // the self-assessment and township review are covered elsewhere: jump to the acceptance
    await h.database.db.execute(
      `update campaigns set stage = 'county_acceptance' where id = '${campaignId}'`,
    );
    await h.database.db.execute(
      `update participations set state = 'township_approved' where campaign_id = '${campaignId}'`,
    );
  });

  it('the second of two people saving the same sheet sees the conflict and loads the change', async () => {
    const item = checkItems[0]!;
    const county = await newSession('county');
    const inspector = await newSession('inspector');
    await openCountySheet(county, conflictId);
    await openCountySheet(inspector, conflictId);

    // the inspector answers 是 with a comment and saves first
    await inspector
      .getByTestId(`answer-${item.code}`)
      .locator('.ant-radio-button-wrapper')
      .first()
      .click();
    await inspector.getByTestId(`comment-${item.code}`).fill('现场查看，符合要求');
    await inspector.getByTestId('save-sheet').click();
    await inspector.getByText('已保存').first().waitFor();
    await shot(inspector, 'conflict-inspector-saved', false);

    // the county administrator, still on the version it read, answers 否 and saves
    await county
      .getByTestId(`answer-${item.code}`)
      .locator('.ant-radio-button-wrapper')
      .nth(1)
      .click();
    await county.getByTestId(`comment-${item.code}`).fill('台账缺失');
    await county.getByTestId('save-sheet').click();
    const panel = county.getByTestId('sheet-conflict');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('县考核组 陈评审');
    // the other's change next to one's own, item by item
    const row = panel.locator('tbody tr', { hasText: item.code });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toContain(item.name);
    expect(cells[1]).toContain('是');
    expect(cells[1]).toContain('现场查看，符合要求');
    expect(cells[2]).toContain('否');
    expect(cells[2]).toContain('台账缺失');
    await shot(county, 'conflict-panel', false);

    // nothing was lost: loading the other's change shows it in the editor
    await panel.getByRole('button', { name: /载入对方的修改/ }).click();
    const popover = county.locator('.ant-popover:visible');
    // a click while the popover still zooms in can be lost: wait for it to settle
    await expect.poll(() => popover.getAttribute('class')).not.toMatch(/ant-zoom/);
    await popover.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(() => county.getByTestId(`comment-${item.code}`).inputValue())
      .toBe('现场查看，符合要求');
    await expect(
      county
        .getByTestId(`answer-${item.code}`)
        .locator('.ant-radio-button-wrapper-checked')
        .textContent(),
    ).resolves.toBe('是');
    await shot(county, 'conflict-loaded', false);

    // the stored sheet holds the inspector's answer
    const stored = await h.api<{
      participation: { sheet: { county?: { items: Record<string, unknown> } } };
    }>('county', 'participations.get', { id: conflictId });
    expect(stored.participation.sheet.county?.items[item.code]).toBe(true);

    await county.context().close();
    await inspector.context().close();
    expect(takeConsoleErrors(h, [refused(409)])).toEqual([]);
  });

  it('an Excel file with bad cells lists every one and imports nothing; a good one imports', async () => {
    const page = await newSession('county');
    await openCountySheet(page, excelId);

    // the download of 导出Excel
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = await readFile((await download.path())!);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('考核评分表')!;
    const rowOf = new Map<string, number>();
    sheet.eachRow((row, n) => {
      const code = row.getCell(CODE_COLUMN).value;
      if (typeof code === 'string') rowOf.set(code, n);
    });
    const [check1, check2] = checkItems as [IndicatorItem, IndicatorItem];
    const bad: [IndicatorItem, ExcelJS.CellValue][] = [
      [check1, '也许'],
      [check2, 3],
      [countItem, -2],
    ];
    for (const [item, value] of bad) {
      sheet.getRow(rowOf.get(item.code)!).getCell(COUNTY_ANSWER).value = value;
    }
    const badFile = Buffer.from(await workbook.xlsx.writeBuffer());

    const upload = async (buffer: Buffer, name: string) => {
      await page.getByRole('button', { name: /导入Excel/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      await dialog.getByRole('button', { name: /开始导入/ }).click();
      return dialog;
    };

    let dialog = await upload(badFile, '评分表-有误.xlsx');
    await dialog.getByTestId('xlsx-error').waitFor();
    await dialog.getByText(`错误单元格（共 ${bad.length} 处）`).waitFor();
    const listed = await dialog
      .locator('.ant-table-tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(listed.map((cells) => [cells[0], Number(cells[1]), cells[2]])).toEqual(
      bad
        .map(([item]) => ['考核评分表', rowOf.get(item.code)!, COUNTY_ANSWER_LETTER])
        .sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    for (const cells of listed) expect(cells[3]!.length).toBeGreaterThan(0);
    await shot(page, 'excel-import-bad-cells');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });

    // nothing was imported
    const untouched = await h.api<{
      participation: { sheet: { county?: unknown }; version: number };
    }>('county', 'participations.get', { id: excelId });
    expect(untouched.participation.sheet.county).toBeUndefined();

    // the same cells with good answers
    const good: [IndicatorItem, ExcelJS.CellValue, boolean | number][] = [
      [check1, '是', true],
      [check2, '否', false],
      [countItem, 1, 1],
    ];
    for (const [item, value] of good) {
      sheet.getRow(rowOf.get(item.code)!).getCell(COUNTY_ANSWER).value = value;
    }
    const goodFile = Buffer.from(await workbook.xlsx.writeBuffer());
    const expected = scoreAssessment(framework, {
      items: Object.fromEntries(good.map(([item, , answer]) => [item.code, answer])),
    });
    if (!expected.ok) throw new Error('the good answers do not score');

    dialog = await upload(goodFile, '评分表.xlsx');
    const result = dialog.getByTestId('xlsx-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain(
      `导入成功，合计 ${expected.scorecard.total} 分`,
    );
    await shot(page, 'excel-import-done');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('total-county').locator('.ant-statistic-content').textContent())
      .toContain(String(expected.scorecard.total));

    const imported = await h.api<{
      participation: { sheet: { county?: { items: Record<string, unknown> } } };
    }>('county', 'participations.get', { id: excelId });
    expect(imported.participation.sheet.county?.items).toEqual({
      [check1.code]: true,
      [check2.code]: false,
      [countItem.code]: 1,
    });

    await page.context().close();
    expect(takeConsoleErrors(h, [refused(400), refused(422)])).toEqual([]);
  });
});

describe('复核', () => {
  it('the county revokes a named title; the village may not declare again for 2 years', async () => {
    const active = await h.api<{
      items: { id: string; villageCode: string; villageName: string; status: string }[];
    }>('county', 'titles.list', { status: 'active', level: 'county', page: 1, pageSize: 50 });
    const title = active.items[0]!;
    expect(title).toBeDefined();

    const page = await newSession('county');
    await page.getByRole('menuitem', { name: /称号复核/ }).click();
    const row = page.getByTestId('titles-table').locator(`tr[data-row-key="${title.id}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('有效');
    await row.locator('input.ant-checkbox-input').check();
    await page.getByRole('button', { name: /记录复核结果/ }).click();

    const dialog = page.getByRole('dialog').filter({ hasText: '复核 1 个称号' });
    await dialog.getByText('复核 1 个称号').waitFor();
    await dialog.locator('.ant-radio-button-wrapper', { hasText: '撤销' }).click();
    const reasons = dialog.locator('.ant-checkbox-wrapper');
    await reasons.first().waitFor();
    const reasonLabel = (await reasons.first().textContent())!.trim();
    await reasons.first().click();
    await shot(page, 'recheck-revoke-dialog', false);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // a revocation asks a second time, naming the bar on declaring again
    const confirm = page.getByRole('dialog').filter({ hasText: '确定撤销这1个称号吗？' });
    await confirm.getByText('撤销后，这些村2年内不得再申报创建。').waitFor();
    // a click while the dialog still zooms in can be lost: wait for it to settle
    await expect.poll(() => confirm.getAttribute('class')).not.toMatch(/ant-zoom/);
    await confirm.getByRole('button', { name: '确定撤销' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('已记录 1 个称号的复核结果').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // the row shows its new state, the outcome and the reason
    await expect.poll(() => row.textContent()).toContain('已撤销');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`撤销 · ${todayInChina()}`);
    expect(text).toContain(reasonLabel);
    await shot(page, 'recheck-revoked');

    // a new campaign: the county cannot declare the village, for 2 years from today
    const campaignId = await campaignInDeclareStage(`E2E复核后申报${stamp}`);
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByTestId('declare').click();
    const declare = page.getByRole('dialog');
    await declare.locator('#declare-form_villageCode').click();
    await declare.locator('#declare-form_villageCode').fill(title.villageName);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: title.villageCode })
      .click();
    await declare.getByRole('button', { name: /申\s*报/ }).click();
    const today = todayInChina();
    const until = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
    const refusal = page.locator('.ant-message').getByText(`被撤销，${until}前不得再次申报`, {
      exact: false,
    });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(
      `该村称号于${today}被撤销，${until}前不得再次申报`,
    );
    await shot(page, 'recheck-declare-refused', false);
    // nothing was declared
    const list = await h.api<{ total: number }>('county', 'participations.list', {
      campaignId,
      page: 1,
      pageSize: 20,
    });
    expect(list.total).toBe(0);

    await page.context().close();
    expect(takeConsoleErrors(h, [refused(412)])).toEqual([]);
  });

  it('the system administrator adds a revocation reason and retires another', async () => {
    const page = await newSession('admin');
    await page.getByRole('menuitem', { name: /称号复核/ }).click();
    await page.getByRole('button', { name: '撤销理由设置' }).click();
    const settings = page.getByRole('dialog', { name: '撤销理由' });
    const table = settings.getByTestId('revocation-reasons-table');
    await table.locator('tr[data-row-key="other"]').waitFor();

    await settings.getByRole('button', { name: '新增理由' }).click();
    const form = page.getByRole('dialog', { name: '新增撤销理由' });
    await form.locator('#revocation-reason-form_code').fill('Land');
    await form.locator('#revocation-reason-form_nameZh').fill('土地纠纷长期未化解');
    await form.locator('#revocation-reason-form_nameEn').fill('Long-unresolved land disputes');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    // the server's field error sits under the code
    await form.getByText('代码须以小写字母开头', { exact: false }).waitFor();
    await form.locator('#revocation-reason-form_code').fill('land_disputes');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('撤销理由已保存').first().waitFor();
    const added = table.locator('tr[data-row-key="land_disputes"]');
    await added.waitFor();
    await expect(added.textContent()).resolves.toContain('土地纠纷长期未化解');

    const petitions = table.locator('tr[data-row-key="mass_petitions"]');
    await petitions.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.getByRole('dialog', { name: '编辑撤销理由' });
    await expect(edit.locator('#revocation-reason-form_code').isDisabled()).resolves.toBe(true);
    await edit.locator('#revocation-reason-form_active').click();
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => petitions.textContent()).toContain('已停用');
    await shot(page, 'revocation-reasons', false);

    // the county now revokes with the new reason, and no longer with the retired one
    const offered = await h.api<{ code: string }[]>('county', 'titles.revocationReasons', {});
    const codes = offered.map((r) => r.code);
    expect(codes).toContain('land_disputes');
    expect(codes).not.toContain('mass_petitions');
    await page.context().close();
    expect(takeConsoleErrors(h, [refused(400)])).toEqual([]);
  });
});

describe('指标体系', () => {
  it('lists the frameworks and shows one in full', async () => {
    const page = await newSession('township');
    await page.getByRole('menuitem', { name: /指标体系/ }).click();
    const table = page.getByTestId('frameworks-table');
    const row = table.locator('tbody tr', { hasText: framework.code });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual([
      framework.code,
      framework.version,
      framework.name,
      '示例',
      '内置',
      String(framework.totalPoints),
      String(items.length),
      '查看',
    ]);
    // a township officer may read but not import
    await expect(page.getByTestId('framework-import').count()).resolves.toBe(0);

    await page.getByTestId(`framework-view-${framework.code}-${framework.version}`).click();
    const detail = page.getByTestId('framework-detail');
    await detail.waitFor();
    await page.waitForURL(/\/frameworks\?id=/);
    const firstArea = framework.areas[0]!;
    const area = detail.getByTestId(`framework-area-${firstArea.code}`);
    await area.getByText(firstArea.name).first().waitFor();
    const firstCheck = firstArea.items.find((i) => i.rule.kind === 'check');
    if (firstCheck) {
      await area
        .locator('tr', { hasText: firstCheck.code })
        .getByText(`符合要求得${firstCheck.points}分，否则不得分`)
        .waitFor();
    }
    for (const veto of framework.vetoes) {
      await detail.getByTestId('framework-vetoes').getByText(veto.name).waitFor();
    }
    const grades = (await detail.getByTestId('framework-grades').textContent()) ?? '';
    for (const band of framework.grades) expect(grades).toContain(`${band.minPoints} 分及以上`);
    await shot(page, 'frameworks-detail', false);
    await page.context().close();
  });

  it('a broken framework lists its problems; a built-in with a new version imports', async () => {
    const page = await newSession('county');
    await page.goto('/frameworks');
    await page.getByTestId('frameworks-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('framework-import').click();
    const dialog = page.getByRole('dialog', { name: '导入指标体系' });
    await dialog.waitFor();

    // a broken file: every problem with its path, checked in the browser
    const [first, ...rest] = framework.areas;
    const broken = {
      ...framework,
      version: '',
      totalPoints: 'hundred',
      areas: [
        {
          ...first!,
          items: first!.items.map((item, i) => (i === 0 ? { ...item, method: 'guess' } : item)),
        },
        ...rest,
      ],
    };
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken, null, 2)),
    });
    await dialog.getByText('已载入文件 broken.json').waitFor();
    const problems = dialog.getByTestId('framework-local-problems');
    await problems.waitFor();
    await dialog.getByText('浏览器检查发现 3 处问题，请修改后再导入').waitFor();
    const listed = await problems.locator('tbody tr').allTextContents();
    expect(listed).toHaveLength(3);
    expect(listed[0]).toContain('version');
    expect(listed[0]).toContain('version不能为空');
    expect(listed[1]).toContain('totalPoints');
    expect(listed[2]).toContain('areas[0].items[0].method');
    await expect(dialog.getByTestId('framework-import-start').isDisabled()).resolves.toBe(true);
    await shot(page, 'framework-import-problems', false);

    // text that is not JSON
    const json = dialog.getByTestId('framework-json');
    await json.fill('{ "code": ');
    await dialog.getByText('不是有效的 JSON', { exact: false }).waitFor();

    // the built-in as it is: valid, but its version exists — the server says to change it
    await json.fill(JSON.stringify(framework));
    await dialog.getByText(`检查通过：${framework.name}`, { exact: false }).waitFor();
    await dialog.getByTestId('framework-import-start').click();
    const server = dialog.getByTestId('framework-server-result');
    await server.getByText('版本已存在').waitFor();
    await expect(server.textContent()).resolves.toContain('请修改版本号');
    await shot(page, 'framework-import-version-exists', false);

    // a new version imports and appears in the list
    const version = `2.0.${stamp % 1000}`;
    await json.fill(JSON.stringify({ ...framework, version }, null, 2));
    await expect.poll(() => server.count()).toBe(0);
    await dialog.getByText(`版本 ${version}`, { exact: false }).waitFor();
    await dialog.getByTestId('framework-import-start').click();
    await page.getByText(`已导入 ${framework.code} 版本 ${version}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // the new version opens in the drawer
    await page.getByTestId('framework-detail').getByText(version, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    const row = page
      .getByTestId('frameworks-table')
      .locator('tbody tr', { hasText: version })
      .filter({ hasText: framework.code });
    await row.waitFor();
    // a county administrator's import belongs to the county
    await expect(row.textContent()).resolves.toContain('本县');
    await shot(page, 'frameworks-list-imported');

    const stored = await h.api<{ code: string; version: string; builtin: boolean }[]>(
      'county',
      'frameworks.list',
      {},
    );
    expect(stored).toContainEqual(
      expect.objectContaining({ code: framework.code, version, builtin: false }),
    );
    await page.context().close();
    expect(takeConsoleErrors(h, [refused(409)])).toEqual([]);
  });
});
