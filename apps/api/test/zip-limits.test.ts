import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkZipLimits } from '../src/services/zip-limits.js';
import { lyingZip, zipOf } from './zip-bombs.js';

const MB = 1024 * 1024;
const limits = { maxEntries: 5, maxUncompressedBytes: MB };

describe('checkZipLimits', () => {
  it('passes a workbook and counts what it unpacks to', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表').getCell('A1').value = '测试';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const check = await checkZipLimits(bytes, { maxEntries: 100, maxUncompressedBytes: MB });
    expect(check).toMatchObject({ ok: true });
    if (check.ok) {
      expect(check.entries).toBeGreaterThan(3);
      expect(check.uncompressedBytes).toBeGreaterThan(bytes.length);
    }
  });

  it('takes a container of exactly the limit and refuses one byte more', async () => {
    expect(await checkZipLimits(await zipOf([MB / 2, MB / 2]), limits)).toEqual({
      ok: true,
      entries: 2,
      uncompressedBytes: MB,
    });
    expect(await checkZipLimits(await zipOf([MB / 2, MB / 2 + 1]), limits)).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });

  it('refuses a small file that inflates far past the limit (a zip bomb)', async () => {
    const bomb = await zipOf([64 * MB]);
    expect(bomb.length).toBeLessThan(MB / 4);
    expect(await checkZipLimits(bomb, limits)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses an entry that inflates past the size its directory declares', async () => {
    const liar = await lyingZip(64 * MB);
    expect(await checkZipLimits(liar, { maxEntries: 5, maxUncompressedBytes: 100 * MB })).toEqual({
      ok: false,
      reason: 'not_zip',
    });
    // the same entry, honestly declared, is within a 100 MB limit
    expect(
      await checkZipLimits(await zipOf([64 * MB]), {
        maxEntries: 5,
        maxUncompressedBytes: 100 * MB,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses too many entries, and anything that is not a zip', async () => {
    expect(await checkZipLimits(await zipOf([1, 1, 1, 1, 1]), limits)).toMatchObject({ ok: true });
    expect(await checkZipLimits(await zipOf([1, 1, 1, 1, 1, 1]), limits)).toEqual({
      ok: false,
      reason: 'too_many_entries',
    });
    expect(await checkZipLimits(Buffer.from('not a zip'), limits)).toEqual({
      ok: false,
      reason: 'not_zip',
    });
    expect(await checkZipLimits(new Uint8Array(0), limits)).toEqual({
      ok: false,
      reason: 'not_zip',
    });
  });
});
