// Bad input never reaches a 500: every procedure of the router, called by the system administrator
// (whom no role check stops before the input is read) with each field of a valid input replaced by
// malformed values, with malformed whole inputs, and with arbitrary JSON (fast-check), either
// answers or refuses with a client error carrying a message in both languages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { describeError } from '../src/trpc/error-formatter.js';
import { appRouter } from '../src/trpc/root.js';
import { routerProcedures, useTestDatabase } from './harness.js';
import { sampleInput } from './sample-inputs.js';
import { expectError } from './expect-error.js';
import { campaignInSelfAssessment, demoFramework, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
const paths = Object.keys(routerProcedures()).sort();

const badValues: unknown[] = [
  null,
  true,
  -1,
  0.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  '   ',
  'x'.repeat(20_000),
  '\u0000',
  "%_\\'; drop table users; --",
  '2026-02-30',
  '３３０７２８',
  [],
  [null, 1, 'a'],
  {},
  { nested: { deep: [1] } },
  // numbers outside 32-bit integers (integer columns) and outside what a double holds exactly
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  // dates PostgreSQL cannot hold (and JavaScript's extremes)
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  -8.64e15,
  8.64e15,
  // lone surrogates, alone, inside text and as a key
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  { '\ud800': 'x' },
  // very long text
  'x'.repeat(300_000),
];

type Call = (input: unknown) => Promise<unknown>;

async function callerFor(path: string): Promise<Call> {
  const [group, name] = path.split('.') as [string, string];
  const caller = (await t.as('admin')) as unknown as Record<string, Record<string, Call>>;
  return caller[group]![name]!;
}

/** Calls and, when the call fails, checks that it failed as the client's fault. */
async function expectNoServerError(call: Call, input: unknown) {
  let caught: unknown = null;
  try {
    await call(input);
  } catch (error) {
    caught = error;
  }
  if (caught === null) return;
  const error = caught as TRPCError;
  if (!(caught instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') {
    // the input is shown only when it failed (some are 300,000 characters long)
    const shown = JSON.stringify(input)?.slice(0, 200);
    expect(caught, shown).toBeInstanceOf(TRPCError);
    expect(error.code, `${error.message} for ${shown}`).not.toBe('INTERNAL_SERVER_ERROR');
  }
  const data = describeError(error);
  expect(data.messages.zh).not.toBe('');
  expect(data.messages.en).not.toBe('');
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Parser = { safeParseAsync(input: unknown): Promise<{ success: boolean; data?: unknown }> };

/** The input parsers a procedure chains, in order. */
function inputParsers(path: string): Parser[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: Parser[] } }
  >;
  return procedures[path]?._def.inputs ?? [];
}

/**
 * The input as the procedure's parsers hand it on (merged as tRPC merges chained inputs), as
 * text; null when they refuse it.
 */
async function parsedInput(path: string, input: unknown): Promise<string | null> {
  let merged: unknown = undefined;
  for (const parser of inputParsers(path)) {
    const result = await parser.safeParseAsync(input);
    if (!result.success) return null;
    merged =
      isRecord(merged) && isRecord(result.data) ? { ...merged, ...result.data } : result.data;
  }
  return JSON.stringify(merged) ?? 'undefined';
}

/**
 * Whether a variant is worth calling: the parsers drop an unknown key, so a bad value under one
 * (and every variant that parses alike) reaches the procedure as a call already made; such a call
 * is made once per test. Every variant the parsers refuse is called.
 */
function newCalls(path: string): (input: unknown) => Promise<boolean> {
  const tried = new Set<string>();
  return async (input) => {
    const parsed = await parsedInput(path, input);
    if (parsed === null) return true;
    if (tried.has(parsed)) return false;
    tried.add(parsed);
    return true;
  };
}

/**
 * The places a value can go in a valid input: each field, however deep, and a new key in each
 * object (so the records of a score sheet, `data.items` and `data.comments`, get entries).
 */
function fieldPaths(sample: unknown, prefix: string[] = []): string[][] {
  if (!isRecord(sample)) return [];
  const out: string[][] = [[...prefix, 'k1']];
  for (const [key, value] of Object.entries(sample)) {
    out.push([...prefix, key], ...fieldPaths(value, [...prefix, key]));
  }
  return out;
}

/** A copy of `sample` with `value` at `path`. */
function withValueAt(sample: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const base = isRecord(sample) ? sample : {};
  return { ...base, [head]: withValueAt(base[head], rest, value) };
}

/** The top-level fields a procedure's input declares, optional ones included. */
function declaredFields(path: string): string[] {
  const keys: string[] = [];
  for (let input of inputParsers(path) as unknown[]) {
    const optional = input as { unwrap?: () => unknown; shape?: unknown };
    if (!optional.shape && typeof optional.unwrap === 'function') input = optional.unwrap();
    const shape = (input as { shape?: Record<string, unknown> }).shape;
    if (shape) keys.push(...Object.keys(shape));
  }
  return keys;
}

/** Every place to put a value: the sample's fields and the optional ones it leaves out. */
function placesFor(path: string): string[][] {
  const places = fieldPaths(sampleInput[path]);
  for (const key of declaredFields(path)) {
    if (!places.some((p) => p.length === 1 && p[0] === key)) places.push([key]);
  }
  return places;
}

/** Each field of the valid input replaced by each bad value, and each bad value as the input. */
function variants(path: string): unknown[] {
  const sample = sampleInput[path];
  const out: unknown[] = [...badValues];
  for (const at of placesFor(path)) {
    for (const bad of badValues) out.push(withValueAt(sample, at, bad));
  }
  if (isRecord(sample)) out.push({ ...sample, unexpected: 'field' });
  return out;
}

/** The value classes that have caused server errors: numbers, dates, surrogates, long text. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...badValues),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double(),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 5_000, maxLength: 40_000 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('malformed input', () => {
  it.each(paths)('%s refuses every malformed field as a client error', async (path) => {
    const call = await callerFor(path);
    const isNew = newCalls(path);
    for (const input of variants(path)) {
      // logging out ends the session the next variants need
      if (path === 'auth.logout') break;
      if (await isNew(input)) await expectNoServerError(call, input);
    }
  });

  it('a bad value under an unknown key is the sample call again, made once; a refused one is made', async () => {
    const path = 'records.compliance';
    const sample = sampleInput[path];
    const isNew = newCalls(path);
    expect(await isNew(withValueAt(sample, ['k1'], '\u0000'))).toBe(true);
    expect(await isNew(sample)).toBe(false);
    expect(await isNew({ ...(sample as object), unexpected: 'field' })).toBe(false);
    expect(await isNew(withValueAt(sample, ['search'], 'x'))).toBe(true);
    const refused = withValueAt(sample, ['from'], '2026-02-30');
    expect(await parsedInput(path, refused)).toBeNull();
    expect(await isNew(refused)).toBe(true);
    expect(await isNew(refused)).toBe(true);
  });

  it('every optional field is tried, not only those of the sample input', () => {
    expect(placesFor('campaigns.list')).toContainEqual(['year']);
    expect(placesFor('audit.list')).toContainEqual(['from']);
    expect(placesFor('titles.revocationReasons')).toContainEqual(['includeInactive']);
  });

  it.each(paths.filter((p) => p !== 'auth.logout'))(
    '%s refuses hostile values in any field as a client error',
    async (path) => {
      const call = await callerFor(path);
      const isNew = newCalls(path);
      const places = placesFor(path);
      if (places.length === 0) places.push([]);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...places), hostileValue, async (at, value) => {
          const input = withValueAt(sampleInput[path], at, value);
          if (await isNew(input)) await expectNoServerError(call, input);
        }),
        { numRuns: 25 },
      );
    },
  );

  it.each(paths.filter((p) => p !== 'auth.logout'))(
    '%s refuses arbitrary JSON as a client error',
    async (path) => {
      const call = await callerFor(path);
      const isNew = newCalls(path);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (input) => {
          if (await isNew(input)) await expectNoServerError(call, input);
        }),
        { numRuns: 15 },
      );
    },
  );
});

describe('values never range-checked before', () => {
  it('a year outside 2000–2100 in the campaign and title lists is a field error', async () => {
    const admin = await t.as('admin');
    for (const year of [2 ** 31, -(2 ** 31) - 1, 1999, 2101]) {
      for (const list of [admin.campaigns.list, admin.titles.list]) {
        const error = await expectError(list({ year }), 'BAD_REQUEST');
        expect(error.fieldErrors.map((f) => f.path)).toEqual(['year']);
        expect(error.fieldErrors[0]!.message.zh).toBe('年度应在2000至2100之间');
      }
    }
    expect((await admin.campaigns.list({ year: 2100 })).total).toBe(0);
  });

  it('an audit-log date PostgreSQL cannot hold is a field error', async () => {
    const admin = await t.as('admin');
    for (const [field, value] of [
      ['from', '-271821-04-20T00:00:00.000Z'],
      ['to', '+275760-09-13T00:00:00.000Z'],
      ['from', '1899-12-31T23:59:59Z'],
      ['to', -8.64e15],
      ['from', 'not a date'],
    ] as const) {
      const error = await expectError(admin.audit.list({ [field]: value }), 'BAD_REQUEST');
      expect(error.fieldErrors.map((f) => f.path)).toEqual([field]);
      expect(error.fieldErrors[0]!.message.en).not.toBe('');
    }
    expect((await admin.audit.list({ from: '1900-01-01', to: '2200-12-31' })).total).toBe(0);
  });

  it('a lone surrogate in a score-sheet comment is a field error naming the comment', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const code = (await demoFramework(t)).definition.areas[0]!.items[0]!.code;
    const clerk = await t.as('clerk');
    const version = (await clerk.participations.get({ id })).participation.version;
    for (const comment of ['\ud800', '说明\udfff', '\udc00\ud800']) {
      const error = await expectError(
        clerk.participations.saveSheet({
          id,
          version,
          column: 'self',
          data: { items: {}, vetoes: [], comments: { [code]: comment } },
        }),
        'BAD_REQUEST',
      );
      expect(error.fieldErrors).toEqual([
        {
          path: `data.comments.${code}`,
          message: expect.objectContaining({ zh: expect.stringContaining('不成对的代理项') }),
        },
      ]);
    }
    // a surrogate pair (an emoji, a rare character) is a character like any other
    const saved = await clerk.participations.saveSheet({
      id,
      version,
      column: 'self',
      data: { items: {}, vetoes: [], comments: { [code]: '见附件😀𠀀' } },
    });
    expect(saved.version).toBe(version + 1);
    const stored = (await clerk.participations.get({ id })).participation.sheet.self;
    expect(stored?.comments[code]).toBe('见附件😀𠀀');
  });

  it('a version outside 32-bit integers is a field error', async () => {
    const admin = await t.as('admin');
    const error = await expectError(
      admin.participations.transition({
        id: '00000000-0000-4000-8000-000000000000',
        version: 2 ** 31,
        event: { type: 'approve' },
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['version']);
  });
});

describe('file routes with hostile input', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bad-input-'));
  let app: Awaited<ReturnType<typeof createServer>>;

  beforeAll(async () => {
    app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function cookieOf(username: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
  }

  /**
   * The answer was the client's fault (or a success), never the server's; the application's own
   * refusals say why in both languages. (Fastify's refusals before a handler runs — an empty JSON
   * body, an unknown content type — are 4xx without the bilingual shape.)
   */
  function expectClientAnswer(res: { statusCode: number; body: string }, what: string) {
    expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const body = JSON.parse(res.body) as {
        code?: string;
        error?: { messages?: { zh?: string; en?: string } };
      };
      if (body.code?.startsWith('FST_')) return;
      expect(body.error?.messages?.zh, `${what}: ${res.body.slice(0, 300)}`).toBeTruthy();
      expect(body.error?.messages?.en, `${what}: ${res.body.slice(0, 300)}`).toBeTruthy();
    }
  }

  const hostileText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(
      '',
      '\u0000',
      '\ud800',
      '%ED%A0%80',
      '%',
      '%00',
      'x'.repeat(300_000),
      `${X_VILLAGE},${'名'.repeat(5_000)}\n`,
      `${X_VILLAGE},\ud800村\n`,
      `${'9'.repeat(40)},村\n`,
      '330728101201,改名村,999999999999999999999\n',
    ),
  );
  const hostileBytes = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)),
    hostileText.map((s) => Buffer.from(s)),
  );
  const contentType = fc.constantFrom(
    'text/csv',
    'text/plain',
    'application/octet-stream',
    'application/json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'multipart/form-data; boundary=x',
  );
  const headerValue = fc.oneof(
    hostileText.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
    fc.constantFrom('%ED%A0%80', '%', '%E0%A4%A', 'a'.repeat(10_000)),
  );

  it('POST /api/divisions/import never answers 500', async () => {
    const cookie = await cookieOf('admin');
    await fc.assert(
      fc.asyncProperty(hostileBytes, contentType, headerValue, async (payload, type, name) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/divisions/import',
          headers: { cookie, 'content-type': type, 'x-file-name': name },
          payload,
        });
        expectClientAnswer(res, `import ${type}`);
      }),
      { numRuns: 40 },
    );
  });

  it('POST /api/participations/:id/evidence never answers 500', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const item = (await demoFramework(t)).definition.areas[0]!.items[0]!.code;
    const cookie = await cookieOf('clerk');
    const id = fc.oneof(
      fc.constant(ids[X_VILLAGE]!),
      fc.constantFrom(
        '00000000-0000-4000-8000-000000000000',
        'not-a-uuid',
        '%ED%A0%80',
        'x'.repeat(5_000),
      ),
    );
    const query = fc.oneof(
      fc.constant(`?item=${item}&column=self`),
      fc
        .tuple(hostileText, hostileText)
        .map(
          ([i, c]) =>
            `?item=${encodeURIComponent(i.replace(/[\ud800-\udfff]/g, 'x'))}&column=${encodeURIComponent(c.replace(/[\ud800-\udfff]/g, 'x'))}`,
        ),
      fc.constantFrom(
        '',
        '?item=&column=',
        '?item=%ED%A0%80&column=self',
        `?item=${item}&column=county`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        id,
        query,
        hostileBytes,
        contentType,
        headerValue,
        async (pid, q, payload, type, name) => {
          const res = await app.inject({
            method: 'POST',
            url: `/api/participations/${encodeURIComponent(pid)}/evidence${q}`,
            headers: { cookie, 'content-type': type, 'x-file-name': name },
            payload,
          });
          expectClientAnswer(res, `evidence ${type} ${q.slice(0, 80)}`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('POST /api/participations/:id/sheet.xlsx never answers 500, for garbage and for a real workbook with hostile cells', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const cookie = await cookieOf('clerk');
    const exported = await app.inject({
      url: `/api/participations/${id}/sheet.xlsx`,
      headers: { cookie },
    });
    expect(exported.statusCode).toBe(200);
    const post = (
      payload: Buffer,
      type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ) =>
      app.inject({
        method: 'POST',
        url: `/api/participations/${id}/sheet.xlsx`,
        headers: { cookie, 'content-type': type },
        payload,
      });
    await fc.assert(
      fc.asyncProperty(hostileBytes, contentType, async (payload, type) => {
        expectClientAnswer(await post(payload, type), `xlsx garbage ${type}`);
      }),
      { numRuns: 25 },
    );
    const cellValue = fc.oneof(
      hostileValue.filter((v) => typeof v === 'string' || typeof v === 'number'),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e308, '\ud800', 'x'.repeat(40_000)),
    ) as fc.Arbitrary<string | number>;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 14 }), cellValue),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (cells) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
          for (const ws of workbook.worksheets) {
            for (const [row, col, value] of cells) ws.getCell(row, col).value = value;
          }
          const payload = Buffer.from(await workbook.xlsx.writeBuffer());
          expectClientAnswer(
            await post(payload),
            `xlsx cells ${JSON.stringify(cells).slice(0, 200)}`,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
