// Participatory budget in real Chromium (issue #13, item 3): the township enters a key project and
// walks its five stages — a request, a design meeting and the agreed plan, the tender, an
// inspection with a rectification, the residents' appraisal — each stage offered only after the
// one before, the agreed plan with its file uploaded, the tender corrected in place; the budget
// reached from the side menu; the public page shows the stages; the demo's finished project on a
// 390×844 phone.
// Screenshots in test-results/budget-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const TITLE = '杨林村文化广场改造';
const WAIT = { timeout: 15_000 };

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterEach(() => {
  expect(takeConsoleErrors(h)).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function session(username: string, device: 'phone' | 'desktop', at?: string): Promise<Page> {
  return h.session(username, device === 'phone' ? 'phone' : 'wide', {}, at);
}

async function shot(page: Page, name: string) {
  await screenshot(page, `budget-${name}`);
}

/** Opens a stage's form, fills the fields by their ids, and saves it. */
async function addRecord(page: Page, kind: string, fields: Record<string, string>) {
  await page.getByTestId(`budget-add-${kind}`).click();
  for (const [id, value] of Object.entries(fields)) {
    await page.locator(`.ant-modal:visible #${id}`).fill(value);
  }
  await page.getByTestId('budget-record-save').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'detached', ...WAIT });
}

describe('participatory budget', () => {
  it('the township walks a key project through the five stages', async () => {
    const page = await session('township', 'desktop');
    // the side menu leads to the budget
    await page.getByTestId('nav-budget').click();
    await page.waitForURL((url) => url.pathname === '/projects/budget');
    // the demo's finished key project is listed as complete
    await page.getByText('兰林村溪边游步道及护岸修复').waitFor(WAIT);
    await page.getByTestId('budget-add').click();
    await page.getByTestId('budget-title').fill(TITLE);
    await page.getByTestId('budget-summary').fill('改造广场 1200 平方米，增设健身器材');
    await page.getByTestId('budget-save').click();
    await page.waitForURL((url) => url.pathname.startsWith('/projects/budget/'), WAIT);
    await page.getByTestId('budget-steps').waitFor(WAIT);

    // later stages wait, with the reason; only the first stage's form is offered
    await page.getByTestId('budget-waiting-design').getByText('尚未完成「项目来自群众」').waitFor();
    expect(await page.getByTestId('budget-add-meeting').count()).toBe(0);
    expect(await page.getByTestId('budget-add-tender').count()).toBe(0);
    await shot(page, '1-new');

    await addRecord(page, 'request', { summary: '村民代表会议集中反映广场破旧', raisedBy: '35' });
    await page.getByText('共 1 条诉求，35 人次提出').waitFor(WAIT);
    await addRecord(page, 'meeting', {
      representatives: '20',
      summary: '讨论两套设计方案，选定方案二',
    });
    // the plan is offered after a meeting; the tender only after the plan
    expect(await page.getByTestId('budget-add-tender').count()).toBe(0);
    // the agreed plan with its file, uploaded once the record is saved
    await page.getByTestId('budget-add-plan').click();
    await page.locator('.ant-modal:visible #plan').fill('方案二：硬化 1200 平方米，健身器材 12 件');
    await page.locator('.ant-modal:visible input[type=file]').setInputFiles({
      name: '广场改造方案.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    await page.getByTestId('budget-record-save').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached', ...WAIT });
    const planFile = page.getByTestId('budget-files-plan').getByRole('link', {
      name: '广场改造方案.pdf',
    });
    await planFile.waitFor(WAIT);
    const download = await page.request.get((await planFile.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await addRecord(page, 'tender', {
      representatives: '5',
      winningFirm: '清和县城建公司',
      amountYuan: '650000',
    });
    // the tender corrected in place: the firm's full name and the amount
    const tender = page.getByTestId('budget-section-tender');
    await tender.locator('[data-testid^="budget-edit-"]').click();
    await page.locator('.ant-modal:visible #winningFirm').fill('清和县城建工程有限公司');
    await page.locator('.ant-modal:visible #amountYuan').fill('680000');
    await shot(page, '2-edit-tender');
    await page.getByTestId('budget-record-save').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached', ...WAIT });
    await tender.getByText(/清和县城建工程有限公司/).waitFor(WAIT);
    await addRecord(page, 'inspection', {
      representatives: '4',
      findings: '排水坡度不足',
      rectification: '调整东侧排水坡度',
    });
    await shot(page, '3-construction');
    // the rectification done
    await page.getByTestId('budget-rectify-inspection-0').click();
    await page.getByTestId('budget-rectify-save').click();
    await page.getByText(/已整改（/).waitFor(WAIT);
    // an appraisal whose answers exceed the participants is refused under its field
    await page.getByTestId('budget-add-appraisal').click();
    for (const [id, value] of [
      ['participants', '60'],
      ['satisfied', '55'],
      ['basicallySatisfied', '6'],
      ['unsatisfied', '1'],
    ] as const) {
      await page.locator(`.ant-modal:visible #${id}`).fill(value);
    }
    await page.getByTestId('budget-record-save').click();
    await page
      .getByText(/超过参加评议的 60 人/)
      .first()
      .waitFor(WAIT);
    await shot(page, '4-appraisal-refused');
    // Chromium logs the refused request (400); nothing else went wrong
    expect(takeConsoleErrors(h, [/status of 400/])).toEqual([]);
    await page.locator('.ant-modal:visible #satisfied').fill('53');
    await page.locator('.ant-modal:visible #rectifications').fill('增设夜间照明');
    await page.getByTestId('budget-record-save').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached', ...WAIT });
    await page.getByText('五个阶段均已完成').waitFor(WAIT);
    await page.getByText(/满意率 98%/).waitFor(WAIT);
    await shot(page, '5-complete');

    // the public page shows the five stages
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await page.goto(`/public/projects/330728101000/${year}`);
    await page.getByRole('heading', { name: TITLE }).waitFor(WAIT);
    await page.getByText(/清和县城建工程有限公司，中标金额 680,000 元/).waitFor();
    await page.getByText(/满意 53 人，基本满意 6 人，不满意 1 人/).waitFor();
    await shot(page, '6-public');
  });

  it('the demo key project reads on a phone, its five stages done', async () => {
    const page = await session('township', 'phone', '/projects/budget');
    await page.getByRole('link', { name: '兰林村溪边游步道及护岸修复' }).click();
    await page.getByTestId('budget-steps').waitFor(WAIT);
    await page.getByText('五个阶段均已完成').waitFor(WAIT);
    await page.getByText(/丽水市瓯江水利建设有限公司/).waitFor();
    await shot(page, '7-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
