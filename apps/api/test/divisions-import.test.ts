import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { divisions } from '../src/db/schema.js';
import { Scope } from '../src/auth/scope.js';
import { rowsOf } from '../src/db/rows-of.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { countRows, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase({ seed: true });

const good = [
  'code,name,urban_rural_code',
  '330729000000,示范二县',
  '330729100000,河口镇',
  '330729100001,河口社区,121',
  '330729100201,上河村,220',
  '330729100202,下河村,220',
].join('\r\n');

interface Details {
  errorCount: number;
  errors: { line: number; problem: string; message: { zh: string; en: string } }[];
}

describe('divisions.import', () => {
  it('imports a good file whole, with levels and parents derived from the codes', async () => {
    const admin = await t.as('admin');
    const before = await countRows(t.db, 'divisions');
    const result = await admin.divisions.import({ csv: good });
    expect(result).toEqual({ total: 5, inserted: 5, updated: 0, unchanged: 0 });
    expect(await countRows(t.db, 'divisions')).toBe(before + 5);
    const [village] = await t.db.select().from(divisions).where(eq(divisions.code, '330729100201'));
    expect(village).toMatchObject({
      name: '上河村',
      level: 'village',
      parentCode: '330729100000',
      countyCode: '330729000000',
      urbanRuralCode: '220',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const admin = await t.as('admin');
    await admin.divisions.import({ csv: good });
    const [before] = await t.db.select().from(divisions).where(eq(divisions.code, '330729100201'));
    const again = await admin.divisions.import({ csv: good });
    expect(again).toEqual({ total: 5, inserted: 0, updated: 0, unchanged: 5 });
    const [after] = await t.db.select().from(divisions).where(eq(divisions.code, '330729100201'));
    expect(after).toEqual(before);
  });

  it('updates a changed name and counts it', async () => {
    const admin = await t.as('admin');
    await admin.divisions.import({ csv: good });
    const result = await admin.divisions.import({ csv: good.replace('上河村', '上河新村') });
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
  });

  it('imports into an empty division table whole, and leaves it empty when a line is bad', async () => {
    const admin = await t.as('admin');
    await t.db.execute(sql`delete from divisions`);
    const whole = good.replace('\r\n', '\r\n330000000000,浙江省\r\n330700000000,金华市\r\n');
    const error = await expectError(
      admin.divisions.import({ csv: whole + '\r\n330729100203,错村,999\r\n330729100201,上河村' }),
      'BAD_REQUEST',
      'IMPORT_REJECTED',
    );
    expect((error.details as Details).errors.map((e) => [e.line, e.problem])).toEqual([
      [9, 'BAD_URBAN_RURAL_CODE'],
      [10, 'DUPLICATE_CODE'],
    ]);
    expect(await countRows(t.db, 'divisions')).toBe(0);
    const result = await admin.divisions.import({ csv: whole });
    expect(result).toEqual({ total: 7, inserted: 7, updated: 0, unchanged: 0 });
    const [village] = await t.db.select().from(divisions).where(eq(divisions.code, '330729100201'));
    expect(village).toMatchObject({ level: 'village', parentCode: '330729100000' });
    expect(await admin.divisions.import({ csv: whole })).toMatchObject({ unchanged: 7 });
  });

  it('gathers the planner statistics after an import that wrote much of the table, and puts its settings back', async () => {
    const estimate = async () =>
      Number(
        rowsOf<{ rows: number }>(
          await t.db.execute(
            sql`select reltuples::float8 as rows from pg_class where oid = 'divisions'::regclass`,
          ),
        )[0]!.rows,
      );
    const admin = await t.as('admin');
    // a first import into an empty table
    await t.db.execute(sql`delete from divisions`);
    const whole = good.replace('\r\n', '\r\n330000000000,浙江省\r\n330700000000,金华市\r\n');
    await admin.divisions.import({ csv: whole });
    expect(await estimate()).toBe(7);
    // a merge that adds more than a tenth
    const more = Array.from({ length: 5 }, (_, i) => `33072910030${i},新村${i},220`).join('\r\n');
    expect(await admin.divisions.import({ csv: `${whole}\r\n${more}` })).toMatchObject({
      inserted: 5,
    });
    expect(await estimate()).toBe(12);
    // one changed name of twelve rows: a twelfth, under a tenth, not analyzed again
    await admin.divisions.import({ csv: `${whole.replace('上河村', '上河新村')}\r\n${more}` });
    await t.db.execute(sql`delete from divisions where code = '330729100304'`);
    expect(await estimate()).toBe(12);

    // inside a caller's transaction (as the demo's seeding): its own settings again afterwards
    const settings = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '8MB'`);
      await importDivisions({
        db: tx,
        csv: whole,
        scope: new Scope('000000000000', 'system_admin'),
      });
      return rowsOf<{ w: string; j: string }>(
        await tx.execute(sql`select current_setting('work_mem') as w, current_setting('jit') as j`),
      )[0];
    });
    const [outside] = rowsOf<{ j: string }>(
      await t.db.execute(sql`select current_setting('jit') as j`),
    );
    expect(settings).toEqual({ w: '8MB', j: outside!.j });
  });

  it('accepts a UTF-8 BOM, no header and LF line ends', async () => {
    const admin = await t.as('admin');
    const result = await admin.divisions.import({
      csv: '\uFEFF330729000000,示范二县\n330729100000,河口镇\n',
    });
    expect(result.inserted).toBe(2);
  });

  it('rejects a bad file whole and lists every bad line with its reason', async () => {
    const admin = await t.as('admin');
    const before = await countRows(t.db, 'divisions');
    const csv = [
      'code,name', //                        1 header
      '330729000000,示范二县', //            2 good
      '33072910000,短码镇', //                3 malformed code
      '330729100000,', //                     4 empty name
      '330729100000,河口镇,220,多余', //      5 wrong column count
      '330729200000,山后乡', //               6 good
      '330729200000,山后乡', //               7 duplicate of line 6
      '330799100000,无主镇', //               8 unknown parent 330799000000
      '330729200201,某村,999', //             9 bad urban-rural code
      'abc', //                               10 wrong column count
    ].join('\n');
    const error = await expectError(
      admin.divisions.import({ csv }),
      'BAD_REQUEST',
      'IMPORT_REJECTED',
    );
    const details = error.details as Details;
    expect(details.errors.map((e) => [e.line, e.problem])).toEqual([
      [3, 'MALFORMED_CODE'],
      [4, 'EMPTY_NAME'],
      [5, 'WRONG_COLUMN_COUNT'],
      [7, 'DUPLICATE_CODE'],
      [8, 'UNKNOWN_PARENT'],
      [9, 'BAD_URBAN_RURAL_CODE'],
      [10, 'WRONG_COLUMN_COUNT'],
    ]);
    expect(details.errorCount).toBe(7);
    for (const e of details.errors) {
      expect(e.message.zh).not.toBe('');
      expect(e.message.en).not.toBe('');
    }
    expect(details.errors.find((e) => e.line === 7)?.message.zh).toContain('第6行');
    expect(error.messages.zh).toBe('文件有7处错误，未导入任何数据');
    expect(await countRows(t.db, 'divisions')).toBe(before);
    expect(await countRows(t.db, 'audit_events')).toBe(0);
  });

  it('rejects a file without data lines', async () => {
    const admin = await t.as('admin');
    const error = await expectError(admin.divisions.import({ csv: 'code,name\n' }), 'BAD_REQUEST');
    expect((error.details as Details).errors[0]?.problem).toBe('EMPTY_FILE');
  });

  it('lets a county admin import inside the county only', async () => {
    const county = await t.as('county');
    const error = await expectError(county.divisions.import({ csv: good }), 'BAD_REQUEST');
    const lines = (error.details as Details).errors.filter((e) => e.problem === 'OUT_OF_SCOPE');
    expect(lines.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    const inside = await county.divisions.import({ csv: '330728101201,杨林新村\n' });
    expect(inside).toMatchObject({ updated: 1 });
  });

  it('refuses the out-of-scope lines of a county admin’s file line by line', async () => {
    const county = await t.as('county');
    const error = await expectError(
      county.divisions.import({ csv: '330728101201,杨林村\n330729000000,示范二县\n' }),
      'BAD_REQUEST',
    );
    expect((error.details as Details).errors.map((e) => [e.line, e.problem])).toEqual([
      [2, 'OUT_OF_SCOPE'],
    ]);
  });

  it('reads quoted fields, a name spanning lines and a parent that comes after its child', async () => {
    const admin = await t.as('admin');
    const csv = [
      '330729100201,"上河村",220',
      '330729100000,"河口镇"',
      '"330729000000","示范二县"',
      '330729100202,"下河\n村",220',
    ].join('\n');
    const result = await admin.divisions.import({ csv });
    expect(result).toEqual({ total: 4, inserted: 4, updated: 0, unchanged: 0 });
    const [named] = await t.db.select().from(divisions).where(eq(divisions.code, '330729100202'));
    expect(named?.name).toBe('下河\n村');
  });

  it('counts every bad line of a large file and lists the first 10,000 in line order', async () => {
    const admin = await t.as('admin');
    const before = await countRows(t.db, 'divisions');
    const lines = ['330729000000,示范二县', '330729100000,河口镇'];
    // 12,000 villages under a township that exists nowhere, and one repeated code at the end
    for (let i = 0; i < 12_000; i += 1) {
      lines.push(
        `3307291${String(10 + (i % 80)).padStart(2, '0')}${String(100 + Math.floor(i / 80)).padStart(3, '0')},村${i}`,
      );
    }
    lines.push('330729100000,河口镇');
    const error = await expectError(
      admin.divisions.import({ csv: lines.join('\n') }),
      'BAD_REQUEST',
      'IMPORT_REJECTED',
    );
    const details = error.details as Details;
    const expected = 12_001;
    expect(details.errorCount).toBe(expected);
    expect(details.errors).toHaveLength(Math.min(expected, 10_000));
    const numbers = details.errors.map((e) => e.line);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(details.errors[0]?.problem).toBe('UNKNOWN_PARENT');
    expect(await countRows(t.db, 'divisions')).toBe(before);
  });
});
