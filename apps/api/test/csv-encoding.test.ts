import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { divisions } from '../src/db/schema.js';
import { decodeTextFile } from '../src/services/decode-text.js';
import { useTestDatabase } from './harness.js';

// GBK bytes written out by hand (as Excel on Chinese Windows saves them)
const GBK = {
  杨林村: [0xd1, 0xee, 0xc1, 0xd6, 0xb4, 0xe5],
  新塘村: [0xd0, 0xc2, 0xcc, 0xc1, 0xb4, 0xe5],
  '代码,名称': [0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6],
};
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const bytes = (...parts: number[][]) => Buffer.from(parts.flat());

describe('decodeTextFile', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const plain = decodeTextFile(Buffer.from('330728101201,杨林村\n'));
    expect(plain).toEqual({ ok: true, text: '330728101201,杨林村\n', encoding: 'utf-8' });
    const bom = decodeTextFile(Buffer.from('\uFEFF330728101201,杨林村\n'));
    expect(bom).toMatchObject({ ok: true, text: '330728101201,杨林村\n', encoding: 'utf-8' });
  });

  it('decodes GBK as GB18030', () => {
    const decoded = decodeTextFile(
      bytes(GBK['代码,名称'], ascii('\r\n330728101201,'), GBK.杨林村, ascii('\r\n')),
    );
    expect(decoded).toEqual({
      ok: true,
      text: '代码,名称\r\n330728101201,杨林村\r\n',
      encoding: 'gb18030',
    });
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('330728101201,杨林村', 'utf16le'),
    ]);
    expect(decodeTextFile(le)).toMatchObject({ ok: true, text: '330728101201,杨林村' });
  });

  it('refuses bytes that are neither UTF-8 nor plausible GBK', () => {
    // 0x80 and 0xFF are not GB18030 lead bytes; a lone lead byte at the end is cut short
    for (const bad of [
      [0x80, 0x41],
      [0x41, 0xff],
      [0x41, 0xd1],
      [0x00, 0x01, 0xd1, 0xee],
    ]) {
      const decoded = decodeTextFile(Buffer.from(bad));
      expect(decoded.ok).toBe(false);
    }
    // binary data that happens to decode as GB18030 gives no plausible text
    const randomish = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 97 + 13) % 256));
    const refused = decodeTextFile(randomish);
    expect(refused).toMatchObject({
      ok: false,
      message: { zh: expect.stringContaining('无法识别文件的字符编码') as unknown },
    });
  });
});

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-csv-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cookie() {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username: 'county', password: DEMO_PASSWORD },
  });
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

describe('POST /api/divisions/import with a GBK file', () => {
  it('imports the names correctly', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { cookie: await cookie(), 'content-type': 'text/csv' },
      payload: bytes(
        GBK['代码,名称'],
        ascii('\r\n330728101201,'),
        GBK.杨林村,
        ascii('\r\n330728101299,'),
        GBK.新塘村,
        ascii('\r\n'),
      ),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, inserted: 1 });
    const [row] = await t.db.select().from(divisions).where(eq(divisions.code, '330728101299'));
    expect(row?.name).toBe('新塘村');
    const [yanglin] = await t.db.select().from(divisions).where(eq(divisions.code, '330728101201'));
    expect(yanglin?.name).toBe('杨林村');
  });

  it('refuses undecodable bytes and imports nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { cookie: await cookie(), 'content-type': 'text/csv' },
      payload: bytes(ascii('330728101298,'), [0x80, 0xff, 0xfe, 0x80], ascii('\n')),
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.problemCode).toBe('FILE_ENCODING');
    expect(error.messages.zh).toContain('字符编码');
    const rows = await t.db.select().from(divisions).where(eq(divisions.code, '330728101298'));
    expect(rows).toEqual([]);
  });
});
