// Village rules and disclosures on a phone (390×844) in real Chromium: the clerk is refused a
// non-Word file as the rules text, reads a .docx's text on the server, links the adopting meeting
// and saves; the content screen flags the clause about married-out women as a warning with its law;
// the township officer returns the version with findings (refused without them); the clerk
// records a major matter's posting linked to a meeting's resolution, corrects it (the form opens
// with its values) and deletes it; once the period's self-assessment is submitted a deletion is
// refused with the API's words. Screenshots in test-results/records-rules-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@fazhi/api';
import { chooseOption, type Harness, screenshot, startHarness, takeConsoleErrors } from './harness';

const VILLAGE = '330728101201'; // 杨林村, the clerk's
const FLAGGED = '二、外嫁女户口未迁出的，不再享受集体收益分配。';

let h: Harness;
let clerk: Page;
let township: Page;

// ——— a .docx as Word would store it: a zip holding word/document.xml (stored, not deflated) ———

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const docx = storedZip({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'word/document.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraph('杨林村村规民约（补充条款）') +
    paragraph('一、爱护公共财物，损坏照价赔偿。') +
    paragraph(FLAGGED) +
    paragraph('三、邻里纠纷先由村人民调解委员会调解。') +
    '</w:body></w:document>',
});

async function phone(username: string) {
  return h.session(username, 'phone');
}

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
  clerk = await phone('clerk');
  township = await phone('township');
});

afterEach(() => {
  // refused requests (the wrong file, the missing findings, the locked deletion) are logged by
  // Chromium as failed resources
  expect(takeConsoleErrors(h, [/status of 400/, /status of 409/, /status of 412/])).toEqual([]);
});

afterAll(async () => {
  await h?.close();
});

async function shot(page: Page, name: string) {
  await screenshot(page, `records-rules-${name}`);
}

/** Waits until no antd dialog or popover is still animating. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('[class*="ant-zoom"], [class*="ant-fade"]').count(), {
      timeout: 15_000,
    })
    .toBe(0);
}

interface RulesRow {
  id: string;
  label: string;
  reviewState: string;
}
interface DisclosureRow {
  id: string;
  summary: string;
}

describe('village rules and disclosures on a phone', () => {
  it('the clerk records a rules version from a Word document; the screen flags a clause', async () => {
    await clerk.goto('/records?tab=rules');
    await clerk.getByTestId('rules-add').click();
    await settled(clerk);
    const dialog = clerk.locator('.ant-modal');
    const file = dialog.locator('input[type=file]');
    // an old .doc (or anything not a .docx) is refused in words
    await file.setInputFiles({
      name: '村规民约.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from('这不是Word文档'),
    });
    await expect
      .poll(() => clerk.getByTestId('rules-docx-error').textContent(), { timeout: 15_000 })
      .toMatch(/只能读取Word文档（\.docx）/);
    await file.setInputFiles({
      name: '村规民约补充条款.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await expect
      .poll(() => clerk.getByTestId('rules-text').inputValue(), { timeout: 15_000 })
      .toContain(FLAGGED);
    await expect(clerk.getByTestId('rules-docx-error').count()).resolves.toBe(0);
    // the form says the document will be kept with the version
    await expect(clerk.getByTestId('rules-docx-kept').textContent()).resolves.toContain(
      '村规民约补充条款.docx',
    );
    await clerk.getByTestId('rules-label').fill('2026年补充条款');
    await chooseOption(clerk, 'rules-meeting', '2026-05-10');
    // the adoption date is the meeting's
    await expect.poll(() => clerk.getByTestId('rules-adopted').inputValue()).toBe('2026-05-10');
    await clerk.getByTestId('rules-filed').fill('2026-05-25');
    await clerk.getByTestId('rules-published').fill('2026-05-26');
    await shot(clerk, '1-form');
    await clerk.getByTestId('rules-save').click();
    await settled(clerk);
    const rows = await h.api<RulesRow[]>('clerk', 'villageRules.list', { villageCode: VILLAGE });
    const saved = rows.find((r) => r.label === '2026年补充条款');
    expect(saved?.reviewState).toBe('pending');
    // the Word document is the version's text file, listed under 附件 with its download link
    const files = await h.api<{ id: string; fileName: string; purpose: string }[]>(
      'clerk',
      'recordFiles.list',
      { recordKind: 'rules', recordId: saved!.id },
    );
    expect(files.map((f) => [f.fileName, f.purpose])).toEqual([['村规民约补充条款.docx', 'text']]);
    await clerk.getByTestId(`files-${saved!.id}`).click();
    const link = clerk
      .getByTestId('record-file')
      .getByRole('link', { name: /村规民约补充条款\.docx/ });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/api/evidence/${files[0]!.id}`);
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('record-files').waitFor({ state: 'hidden' });
    const finding = clerk.getByTestId('rules-finding').filter({ hasText: '外嫁女' });
    await finding.waitFor({ timeout: 15_000 });
    const words = (await finding.textContent()) ?? '';
    expect(words).toContain(`第3句：${FLAGGED}`);
    expect(words).toMatch(/疑似以妇女结婚/);
    expect(words).toMatch(/妇女权益保障法/);
    expect(words).toMatch(/村民委员会组织法/);
    // the lawful demo version has no finding, and its making was checked with its articles
    await clerk.getByText('未发现常见违法条款表述').first().waitFor();
    await clerk
      .getByTestId('rules-check')
      .first()
      .getByText(/依据：/)
      .waitFor();
    const width = await clerk.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(clerk, '2-screened');
  });

  it('the township officer returns the version; findings are required', async () => {
    const rows = await h.api<RulesRow[]>('township', 'villageRules.list', { villageCode: VILLAGE });
    const version = rows.find((r) => r.label === '2026年补充条款')!;
    await township.goto(`/records?village=${VILLAGE}&tab=rules`);
    const review = township.getByTestId(`rules-review-${version.id}`);
    await review.waitFor({ timeout: 15_000 });
    // the reviewer sees the same warning beside the version
    await township.getByTestId('rules-finding').filter({ hasText: '外嫁女' }).waitFor();
    await review.click();
    await settled(township);
    await township.locator('.ant-modal .ant-radio-wrapper').filter({ hasText: '退回' }).click();
    await township.getByTestId('rules-review-save').click();
    await township.getByText('退回时须写明审查意见').first().waitFor();
    await township
      .getByTestId('rules-findings')
      .fill(
        '第三句以户口未迁出为由剥夺外嫁女的集体收益分配权，与妇女权益保障法抵触，请删除后重新表决。',
      );
    await township.getByTestId('rules-review-save').click();
    await settled(township);
    await expect
      .poll(
        async () =>
          (await h.api<RulesRow[]>('township', 'villageRules.list', { villageCode: VILLAGE })).find(
            (r) => r.id === version.id,
          )?.reviewState,
        { timeout: 15_000 },
      )
      .toBe('returned');
    await township
      .getByText(/请删除后重新表决/)
      .first()
      .waitFor();
    await shot(township, '3-returned');
  });

  it('the clerk records a major matter’s posting linked to its resolution', async () => {
    await clerk.goto('/records?tab=disclosures');
    await clerk.getByTestId('disclosure-add').click();
    await settled(clerk);
    await chooseOption(clerk, 'disclosure-category', '重大事项公开');
    await chooseOption(clerk, 'disclosure-resolution-select', '村文化礼堂使用管理办法');
    await clerk.getByTestId('disclosure-period').fill('2026-07');
    await clerk.getByTestId('disclosure-posted').fill('2026-07-22');
    await clerk.getByTestId('disclosure-summary').fill('村文化礼堂使用管理办法决议公开');
    await shot(clerk, '4-major-form');
    await clerk.getByTestId('disclosure-save').click();
    await settled(clerk);
    await clerk
      .getByTestId('disclosures-table')
      .getByText('决议：村文化礼堂使用管理办法（2026-07-20会议）')
      .waitFor({ timeout: 15_000 });
    await shot(clerk, '5-major-linked');
  });

  it('the clerk corrects the posting (the form opens with its values) and deletes it', async () => {
    const list = await h.api<{ items: DisclosureRow[] }>('clerk', 'disclosures.list', {
      villageCode: VILLAGE,
      pageSize: 200,
    });
    const posting = list.items.find((d) => d.summary === '村文化礼堂使用管理办法决议公开')!;
    await clerk.getByTestId(`disclosure-edit-${posting.id}`).click();
    await settled(clerk);
    await expect(clerk.getByTestId('disclosure-summary').inputValue()).resolves.toBe(
      '村文化礼堂使用管理办法决议公开',
    );
    await expect(clerk.getByTestId('disclosure-posted').inputValue()).resolves.toBe('2026-07-22');
    await expect(clerk.locator('.ant-modal').textContent()).resolves.toContain(
      '村文化礼堂使用管理办法',
    );
    await clerk
      .getByTestId('disclosure-summary')
      .fill('村文化礼堂使用管理办法决议公开（附表决结果）');
    await clerk.getByTestId('disclosure-save').click();
    await settled(clerk);
    const table = clerk.getByTestId('disclosures-table');
    await table
      .getByText('村文化礼堂使用管理办法决议公开（附表决结果）')
      .waitFor({ timeout: 15_000 });
    await clerk.getByTestId(`disclosure-remove-${posting.id}`).click();
    await clerk.getByTestId('disclosure-remove-ok').click();
    await expect
      .poll(() => table.getByText('村文化礼堂使用管理办法决议公开（附表决结果）').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    const after = await h.api<{ items: DisclosureRow[] }>('clerk', 'disclosures.list', {
      villageCode: VILLAGE,
      pageSize: 200,
    });
    expect(after.items.some((d) => d.id === posting.id)).toBe(false);
  });

  it('once the self-assessment is submitted, deleting a posting of the period is refused in words', async () => {
    await h.database.db.execute(
      `update participations set state = 'self_assessed' where village_code = '${VILLAGE}'`,
    );
    const list = await h.api<{ items: DisclosureRow[] }>('clerk', 'disclosures.list', {
      villageCode: VILLAGE,
      pageSize: 200,
    });
    const posting = list.items.find((d) => d.summary === '2026年9月财务收支明细')!;
    await clerk.reload();
    await clerk.getByTestId(`disclosure-remove-${posting.id}`).click();
    await clerk.getByTestId('disclosure-remove-ok').click();
    await clerk
      .locator('.ant-modal-confirm')
      .getByText(/创建自评已提交，不能删除/)
      .waitFor({ timeout: 15_000 });
    await shot(clerk, '6-delete-refused');
    await clerk.locator('.ant-modal-confirm .ant-btn-primary').click();
    await settled(clerk);
    const still = await h.api<{ items: DisclosureRow[] }>('clerk', 'disclosures.list', {
      villageCode: VILLAGE,
      pageSize: 200,
    });
    expect(still.items.some((d) => d.id === posting.id)).toBe(true);
  });
});
