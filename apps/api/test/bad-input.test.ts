// Bad input never reaches a 500: every procedure of the router, called by the system administrator
// (whom no role check stops before the input is read) with each field of a valid input replaced by
// malformed values, with malformed whole inputs, and with arbitrary JSON (fast-check), either
// answers or refuses with a client error carrying a message in both languages.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/trpc/error-formatter.js';
import { routerProcedures, useTestDatabase } from './harness.js';
import { sampleInput } from './sample-inputs.js';

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
  expect(caught, `${JSON.stringify(input)?.slice(0, 200)}`).toBeInstanceOf(TRPCError);
  const error = caught as TRPCError;
  expect(error.code, `${error.message} for ${JSON.stringify(input)?.slice(0, 200)}`).not.toBe(
    'INTERNAL_SERVER_ERROR',
  );
  const data = describeError(error);
  expect(data.messages.zh).not.toBe('');
  expect(data.messages.en).not.toBe('');
}

/** Each field of the valid input replaced by each bad value, and each bad value as the input. */
function variants(path: string): unknown[] {
  const sample = sampleInput[path];
  const out: unknown[] = [...badValues];
  if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
    for (const key of Object.keys(sample)) {
      for (const bad of badValues) out.push({ ...sample, [key]: bad });
    }
    out.push({ ...sample, unexpected: 'field' });
  }
  return out;
}

describe('malformed input', () => {
  it.each(paths)('%s refuses every malformed field as a client error', async (path) => {
    const call = await callerFor(path);
    for (const input of variants(path)) {
      // logging out ends the session the next variants need
      if (path === 'auth.logout') break;
      await expectNoServerError(call, input);
    }
  });

  it.each(paths.filter((p) => p !== 'auth.logout'))(
    '%s refuses arbitrary JSON as a client error',
    async (path) => {
      const call = await callerFor(path);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), (input) =>
          expectNoServerError(call, input),
        ),
        { numRuns: 15 },
      );
    },
  );
});
