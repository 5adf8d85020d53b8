// The rule-of-law registers in real Chromium: the clerk records mediation cases (uploads the written
// agreement's 调解协议书 at phone size, imports a case from Excel), the township
// approves and locks the month (the clerk's next case of that month is refused), and the county
// opens 统计 and drills down county → township → village → cases, then opens the 年度报告, edits
// a paragraph and downloads the .docx, read back here (word/document.xml). Screenshots in
// test-results/registers-*.png (two at phone size).
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { addMonths, monthOf } from '@fazhi/domain';
import { chooseOption, type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const TOWNSHIP = '330728101000'; // 白石镇
const VILLAGE = '330728101201'; // the demo clerk's village
// the month the township closes: last month (the page's default)
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = addMonths(monthOf(today), -1);

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  page = await h.newPage();
});

afterEach(() => {
  // the refused case of the locked month answers 409 once
  expect(takeConsoleErrors(h, [/409/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(name: string) {
  await screenshot(page, `registers-${name}`);
}

async function as(username: string, at?: string) {
  await h.signInAs(page, username, at);
}

async function openMenu(item: string) {
  const link = page.getByRole('link', { name: item, exact: true });
  if (!(await link.isVisible())) await page.getByText('法治台账', { exact: true }).click();
  await link.click();
}

async function recordCase(received: string, closed: string, written: boolean) {
  await page.getByTestId('mediation-add').click();
  await page.locator('#receivedOn').fill(received);
  if (written) await chooseOption(page, 'mediation-method', '书面协议');
  await chooseOption(page, 'mediation-outcome', '调解成功');
  await page.locator('#closedOn').fill(closed);
  if (written) await page.locator('#agreementNo').fill('白石调字〔2026〕88号');
  await page.getByTestId('mediation-save').click();
}

describe('the mediation register', () => {
  it('the clerk records two cases of last month', async () => {
    await as('clerk');
    await openMenu('人民调解');
    await page.waitForURL((url) => url.pathname === '/registers/mediation');
    await page.getByTestId('mediation-table').waitFor();
    await recordCase(`${MONTH}-03`, `${MONTH}-06`, false);
    await page.getByTestId('mediation-table').getByText(`${MONTH}-03`).waitFor();
    await recordCase(`${MONTH}-08`, `${MONTH}-12`, true);
    await page.getByTestId('mediation-table').getByText(`${MONTH}-08`).waitFor();
    await shot('1-clerk-cases');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('2-clerk-cases-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('the clerk uploads the agreement of the written case at phone size and imports a case', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const row = page.getByTestId('mediation-table').locator('tr', { hasText: `${MONTH}-08` });
    await row.getByTestId('agreement-missing').waitFor();
    await row.locator('[data-testid^="case-files-"]').click();
    const files = page.getByTestId('case-files');
    await files.getByText('尚无附件').waitFor();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    await files
      .locator('input[type=file]')
      .setInputFiles({ name: '调解协议书.pdf', mimeType: 'application/pdf', buffer: pdf });
    const file = files.getByTestId('case-file').filter({ hasText: '调解协议书.pdf' });
    await file.waitFor({ timeout: 15_000 });
    const download = await page.request.get((await file.locator('a').getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await shot('2b-clerk-case-file-phone');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => row.locator('[data-testid^="case-files-"]').textContent(), { timeout: 15_000 })
      .toMatch(/1$/);
    expect(await row.getByTestId('agreement-missing').count()).toBe(0);

    // one case from an Excel sheet in the exported layout
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人民调解台账');
    sheet.addRow([
      '编号',
      '单位代码',
      '单位',
      '受理日期',
      '纠纷类型',
      '当事人数',
      '当事人姓名',
      '调解员',
      '调解方式',
      '调解结果',
      '结案日期',
      '是否激化',
      '协议书编号',
      '附件数',
      '备注',
    ]);
    sheet.addRow(['', VILLAGE, '', `${MONTH}-20`, '邻里', 2, '', '', '口头调解', '调解成功']);
    sheet.getRow(2).getCell(11).value = `${MONTH}-21`;
    await page
      .getByTestId('mediation-excel-import')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]')
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: '人民调解台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
    await page.getByText('已导入：新增 1 条，更新 0 条').waitFor({ timeout: 15_000 });
    await page.getByTestId('mediation-table').getByText(`${MONTH}-20`).waitFor();
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('the township approves and locks the month', async () => {
    await as('township');
    await openMenu('人民调解');
    await expect(page.getByTestId('period-month').inputValue()).resolves.toBe(MONTH);
    await page.getByTestId('period-lock').click();
    await page.getByTestId('period-locked').filter({ hasText: MONTH }).waitFor();
    await shot('3-township-locked');
  });

  it('the clerk can no longer record a case of the locked month', async () => {
    await as('clerk');
    await openMenu('人民调解');
    await page.getByTestId('mediation-table').waitFor();
    await recordCase(`${MONTH}-15`, `${MONTH}-16`, false);
    await page
      .getByText(/已由乡镇审核锁定/)
      .first()
      .waitFor();
    await shot('4-clerk-refused');
    await page.keyboard.press('Escape');
  });
});

describe('统计', () => {
  it('the county drills down from the county to the township, the village and its cases', async () => {
    await as('county');
    await openMenu('统计');
    await page.waitForURL((url) => url.pathname === '/registers/statistics');
    const table = page.getByTestId('statistics-table');
    await table.getByText('白石镇').waitFor();
    await page.getByTestId('statistics-chart').waitFor();
    await shot('5-county');
    await page.getByTestId(`drill-${TOWNSHIP}`).click();
    await table.getByText('白石镇（本级）').waitFor();
    await shot('6-township');
    const villageRow = table.locator('tr', { has: page.getByTestId(`drill-${VILLAGE}`) });
    // the demo's cases and the clerk's two: at least two received this year
    expect(Number(await villageRow.locator('td').nth(1).textContent())).toBeGreaterThanOrEqual(2);
    await page.getByTestId(`drill-${VILLAGE}`).click();
    await page.getByTestId('mediation-table').getByText(`${MONTH}-08`).waitFor();
    await shot('7-village-cases');
  });
});

/** The text of word/document.xml of a .docx, one line per paragraph or table cell. */
function docxText(bytes: Buffer): Promise<string> {
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

describe('年度报告', () => {
  it('the county opens the annual report, edits a paragraph and downloads the .docx', async () => {
    await as('county');
    await openMenu('年度报告');
    await page.waitForURL((url) => url.pathname === '/registers/annual-report');
    const mediation = page.getByTestId('report-section-mediation');
    const received = mediation.locator('tr', { hasText: '受理矛盾纠纷' }).first();
    await received.waitFor();
    // this year's figure, e.g. 27件, the records' (the clerk's two cases of last month among them)
    const figure = (await received.locator('td').nth(1).textContent())!.trim();
    expect(figure).toMatch(/^\d+件$/);
    expect(Number.parseInt(figure, 10)).toBeGreaterThanOrEqual(2);
    await mediation.getByText('各乡镇人民调解情况').waitFor();
    const edited = '我县坚持发展新时代“枫桥经验”，矛盾纠纷就地化解（浏览器中修改）。';
    await page.getByTestId('report-prose-mediation').fill(edited);
    await shot('8-annual-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/法治建设工作情况报告\.docx$/);
    const text = await docxText(await readFile((await download.path())!));
    expect(text).toContain(edited);
    expect(text).toContain(`受理矛盾纠纷\n${figure}\n`);
    expect(text).toContain('三、人民调解');
    expect(text).toContain('白石镇\n');
    expect(text).toContain('人民调解台账');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('9-annual-report-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
  });
});
