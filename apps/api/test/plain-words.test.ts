// Issue 10, item 10: every message a user reads names the field in words, never by its code
// name, and a file that cannot be parsed is explained in Chinese, never in the parser's English.
// This fails when a procedure gains an input field without a word, or a message leaks a code.
import { describe, expect, it } from 'vitest';
import { fieldWord, fieldWords } from '@fazhi/domain';
import { appRouter } from '../src/trpc/root.js';
import { csvSyntaxText } from '../src/services/csv-syntax.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { sampleInput } from './sample-inputs.js';
import { campaignInSelfAssessment, goodSheet, versionOf, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();

/** Every key of every procedure's input schema (zod 4 internals, walked). */
function inputKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (schema: unknown, depth = 0): void => {
    const def = (schema as { _zod?: { def: Record<string, unknown> } } | null)?._zod?.def;
    if (!def || depth > 12) return;
    if (def.type === 'object') {
      for (const [key, inner] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(inner, depth + 1);
      }
    }
    for (const k of ['innerType', 'element', 'valueType', 'in', 'out', 'schema', 'left', 'right']) {
      if (def[k]) walk(def[k], depth + 1);
    }
    if (Array.isArray(def.options)) for (const option of def.options) walk(option, depth + 1);
  };
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: unknown[] } }
  >;
  for (const p of Object.values(procedures)) for (const input of p._def.inputs) walk(input);
  return keys;
}

const keys = inputKeys();

/** A code name or an English word in a Chinese message (YYYY-MM-DD, CSV, Excel are fine). */
function leaks(zh: string): string[] {
  const words = zh.match(/[A-Za-z][A-Za-z_]+/g) ?? [];
  return words.filter((w) => keys.has(w) || /^[a-z]/.test(w));
}

describe('field words', () => {
  it('every input field of every procedure has a name in words', () => {
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((k) => !Object.hasOwn(fieldWords, k));
    expect(missing).toEqual([]);
  });

  it('names nested fields with their position and quotes an indicator’s code', () => {
    expect(fieldWord(['resolutions', 0, 'votesFor']).zh).toBe('第1项决议的赞成票数');
    expect(fieldWord('resolutions[1].votesFor').zh).toBe('第2项决议的赞成票数');
    expect(fieldWord(['data', 'comments', 'A1.1']).zh).toBe('评分说明“A1.1”');
    expect(fieldWord(['attendees'])).toEqual({ zh: '实到人数', en: 'number present' });
  });

  it('no validation message of any procedure holds a code name or English, in Chinese', async () => {
    const admin = await t.as('admin');
    const call = (path: string, input: unknown) => {
      const [group, name] = path.split('.') as [string, string];
      const fn = (
        admin as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
      )[group]![name]!;
      return fn(input);
    };
    let checked = 0;
    for (const [path, sample] of Object.entries(sampleInput)) {
      if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) continue;
      for (const key of Object.keys(sample)) {
        // each field in turn given the wrong kind of value
        const bad = { ...(sample as object), [key]: { wrong: [1] } };
        let error: unknown;
        try {
          await call(path, bad);
        } catch (e) {
          error = e;
        }
        const shape = (error as { cause?: { issues?: unknown } } | undefined)?.cause;
        if (!shape || !('issues' in shape)) continue;
        const data = await expectError(Promise.reject(error as Error), 'BAD_REQUEST');
        checked += 1;
        expect(leaks(data.messages.zh), `${path} ${key}: ${data.messages.zh}`).toEqual([]);
        for (const f of data.fieldErrors) {
          expect(leaks(f.message.zh), `${path} ${key}: ${f.message.zh}`).toEqual([]);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('meetings.save says 实到人数 and 应到人数, not attendees and eligible', async () => {
    const admin = await t.as('admin');
    const error = await expectError(
      admin.meetings.save({
        ...(sampleInput['meetings.save'] as object),
        eligible: 'many',
      } as never),
      'BAD_REQUEST',
    );
    expect(error.messages.zh).toBe('输入有误：应到人数：应为数字');
  });

  it('a NUL character in one of many comments says which item', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const sheet = goodSheet(framework.definition);
    const codes = framework.definition.areas.flatMap((a) => a.items.map((i) => i.code));
    const comments = Object.fromEntries(codes.map((c) => [c, '已核实']));
    const bad = codes[codes.length - 1]!;
    comments[bad] = '材料\u0000齐全';
    const error = await expectError(
      (await t.as('clerk')).participations.saveSheet({
        id,
        version: await versionOf(t, id),
        column: 'self',
        data: { ...sheet, comments },
      }),
      'BAD_REQUEST',
    );
    expect(error.messages.zh).toContain(`评分说明“${bad}”`);
    expect(error.fieldErrors[0]!.path).toBe(`data.comments.${bad}`);
  });
});

describe('CSV parser errors', () => {
  const english = /Quote|Invalid|Opening|Closing|line \d|record|delimiter/;

  it.each([
    ['an unclosed quote', 'CSV_QUOTE_NOT_CLOSED'],
    ['a quote out of place', 'CSV_INVALID_CLOSING_QUOTE'],
    ['text after a closing quote', 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'],
    ['an unknown code', 'CSV_SOMETHING_NEW'],
  ])('%s is told in Chinese', (_, code) => {
    const text = csvSyntaxText({ code, message: 'Quote Not Closed: the parsing is finished' }, 3);
    expect(text.zh).toMatch(/^CSV格式错误（第3行）：/);
    expect(text.zh).not.toMatch(english);
  });

  it('the division import reports a broken quote in Chinese with its line', async () => {
    const admin = await t.as('admin');
    const error = await expectError(
      admin.divisions.import({ csv: 'code,name\n330729000000,示范二县\n330729100000,"河口镇\n' }),
      'BAD_REQUEST',
    );
    const details = error.details as { errors: { line: number; message: { zh: string } }[] };
    expect(details.errors[0]!.line).toBe(3);
    expect(details.errors[0]!.message.zh).toContain('引号没有成对');
    expect(JSON.stringify(details.errors.map((e) => e.message.zh))).not.toMatch(english);
  });

  it('the villager groups import does too', async () => {
    const admin = await t.as('admin');
    const error = await expectError(
      admin.groups.import({ villageCode: X_VILLAGE, csv: '小组名称,户数,选民数\n"一组,30,60\n' }),
      'BAD_REQUEST',
    );
    expect(error.messages.zh).toMatch(/^CSV格式错误/);
    expect(error.messages.zh).not.toMatch(english);
  });
});
