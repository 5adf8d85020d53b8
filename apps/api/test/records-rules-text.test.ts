// A village rules text kept in Word: `POST /api/records/rules-text` reads a .docx's plain text
// (paragraphs, table cells, tabs and breaks; no deleted text of tracked changes) and stores nothing;
// the document is then kept as the saved version's text file (a record file, downloadable);
// an old .doc, another zip, garbage, an empty file or a zip bomb is a field error on `file` in
// Chinese and English. The text saved with `villageRules.save` is then screened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { wordprocessingText } from '../src/services/records/docx-text.js';
import { useTestDatabase } from './harness.js';
import { lyingZip } from './zip-bombs.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-rules-text-'));
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const VILLAGE = '330728101201';

async function cookieOf(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

function post(body: Buffer, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/records/rules-text',
    headers: {
      ...(cookie ? { cookie } : {}),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('村规民约.docx'),
    },
    payload: body,
  });
}

/** A Word document as Word writes it (the `docx` library builds the same OOXML parts). */
async function wordDocument(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '杨林村村规民约', bold: true })] }),
          new Paragraph('一、爱护公共财物，损坏照价赔偿。'),
          new Paragraph({
            children: [
              new TextRun('二、外嫁女户口未迁出的，'),
              new TextRun('不再享受集体收益分配。'),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('三、A & B <c>')] }),
                  new TableCell({ children: [new Paragraph('四、邻里和睦')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function zipWith(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function fieldError(res: Awaited<ReturnType<typeof post>>) {
  const body = res.json() as {
    error: { code: string; problemCode: string; fieldErrors: { path: string; message: object }[] };
  };
  return body.error;
}

describe('the text of a rules version from a Word document', () => {
  it('reads a .docx’s paragraphs and table cells in order, escaped text decoded', async () => {
    const clerk = await cookieOf('clerk');
    const res = await post(await wordDocument(), clerk);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      text: '杨林村村规民约\n一、爱护公共财物，损坏照价赔偿。\n二、外嫁女户口未迁出的，不再享受集体收益分配。\n三、A & B <c>\n四、邻里和睦',
    });
  });

  it('the extracted text, saved as the version’s text, is screened: the clause is flagged', async () => {
    const clerk = await cookieOf('clerk');
    const { text } = (await post(await wordDocument(), clerk)).json() as { text: string };
    const saved = await (
      await t.as('clerk')
    ).villageRules.save({
      villageCode: VILLAGE,
      kind: 'village_compact',
      label: '2026年修订',
      text,
      adoptedOn: '2026-03-01',
    });
    expect(saved.text).toBe(text);
    const screen = saved.screen as { pattern: string; clause: { text: string } }[];
    expect(screen.map((f) => f.pattern)).toEqual(['WOMEN_RIGHTS_DEPRIVED']);
    expect(screen[0]!.clause.text).toBe('二、外嫁女户口未迁出的，不再享受集体收益分配。');
  });

  it('the Word document is kept as the saved version’s text file and downloads unchanged', async () => {
    const clerk = await cookieOf('clerk');
    const docx = await wordDocument();
    const { text } = (await post(docx, clerk)).json() as { text: string };
    const caller = await t.as('clerk');
    const saved = await caller.villageRules.save({
      villageCode: VILLAGE,
      kind: 'self_governance_charter',
      label: '2026年版',
      text,
      adoptedOn: '2026-03-01',
    });
    const attach = (bytes: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/api/records/rules/${saved.id}/files?purpose=text`,
        headers: {
          cookie: clerk,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('村规民约.docx'),
        },
        payload: bytes,
      });
    const res = await attach(docx);
    expect(res.statusCode).toBe(201);
    const file = res.json() as { id: string; mimeType: string; fileName: string };
    expect(file).toMatchObject({
      fileName: '村规民约.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const listed = await caller.recordFiles.list({ recordKind: 'rules', recordId: saved.id });
    expect(listed.map((f) => [f.id, f.purpose])).toEqual([[file.id, 'text']]);
    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${file.id}`,
      headers: { cookie: clerk },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('wordprocessingml');
    expect(download.rawPayload.equals(docx)).toBe(true);
    // another zip is no Word document: refused as the text, in both languages
    const other = await attach(await zipWith({ 'xl/workbook.xml': '<workbook/>' }));
    expect(other.statusCode).toBe(400);
    expect(fieldError(other).fieldErrors[0]).toMatchObject({
      path: 'file',
      message: { zh: expect.stringContaining('Word文档（.docx）') as string },
    });
    // a meeting's minutes take no Word document
    const meeting = await caller.meetings.save({
      villageCode: VILLAGE,
      body: 'representatives_meeting',
      date: '2026-03-01',
      convenor: '村民委员会主任',
      eligible: 40,
      attendees: 35,
      resolutions: [{ title: '修订村规民约', votesFor: 33, votesAgainst: 1, abstentions: 1 }],
    });
    const minutes = await app.inject({
      method: 'POST',
      url: `/api/records/meeting/${meeting.id}/files?purpose=minutes`,
      headers: { cookie: clerk, 'content-type': 'application/octet-stream' },
      payload: docx,
    });
    expect(minutes.statusCode).toBe(400);
    expect(fieldError(minutes).problemCode).toBe('FILE_TYPE');
  });

  it('keeps tabs and breaks, drops deleted text and field codes', () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t xml:space="preserve">甲 </w:t><w:tab/><w:t>乙</w:t></w:r>' +
      '<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>' +
      '<w:r><w:br/><w:t>&#20025;&#x4E39;&quot;</w:t></w:r></w:p><w:p/><w:p/><w:p/>' +
      '<w:p><w:r><w:t>末</w:t></w:r></w:p></w:body></w:document>';
    expect(wordprocessingText(xml)).toBe('甲 \t乙\n丹丹"\n\n末');
  });

  it('refuses garbage, an old .doc, another zip and an empty file with a field error', async () => {
    const clerk = await cookieOf('clerk');
    const oldDoc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512, 1),
    ]);
    for (const bytes of [
      Buffer.from('这不是Word文档'),
      oldDoc,
      await zipWith({ 'xl/workbook.xml': '<workbook/>' }),
    ]) {
      const res = await post(bytes, clerk);
      expect(res.statusCode).toBe(400);
      const error = fieldError(res);
      expect(error.problemCode).toBe('FILE_TYPE');
      expect(error.fieldErrors).toEqual([
        {
          path: 'file',
          message: {
            zh: expect.stringContaining('只能读取Word文档（.docx）') as string,
            en: expect.stringContaining('Only a Word document (.docx)') as string,
          },
        },
      ]);
    }
    const empty = await post(Buffer.alloc(0), clerk);
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty).fieldErrors[0]!.path).toBe('file');
    const blank = await post(
      await zipWith({ 'word/document.xml': '<w:document><w:body><w:p/></w:body></w:document>' }),
      clerk,
    );
    expect(blank.statusCode).toBe(400);
    expect(fieldError(blank).fieldErrors[0]!.message).toEqual({
      zh: '该Word文档中没有文字',
      en: 'The Word document contains no text',
    });
  });

  it('refuses a zip that inflates past its declared size', async () => {
    const clerk = await cookieOf('clerk');
    const res = await post(await lyingZip(2 * 1024 * 1024), clerk);
    expect(res.statusCode).toBe(400);
    expect(fieldError(res).fieldErrors[0]!.path).toBe('file');
  });

  it('needs a signed-in user who may write', async () => {
    const docx = await wordDocument();
    expect((await post(docx)).statusCode).toBe(401);
    const inspector = await post(docx, await cookieOf('inspector'));
    expect(inspector.statusCode).toBe(403);
  });
});
