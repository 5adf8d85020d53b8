import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { describeError, type ErrorData } from '../src/trpc/error-formatter.js';
import { asTRPCErrorOf } from '../src/trpc/app-error-code.js';

/**
 * Awaits a call (a procedure's or a service's) that must fail with the tRPC `code` (and problem
 * code); returns what the client sees.
 */
export async function expectError(
  promise: Promise<unknown>,
  code: TRPCError['code'],
  problemCode?: string,
): Promise<ErrorData> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    // a service called directly throws the AppError the procedures answer with
    caught = asTRPCErrorOf(error) ?? error;
  }
  expect(caught, `expected a ${code} error`).toBeInstanceOf(TRPCError);
  const error = caught as TRPCError;
  expect(error.code).toBe(code);
  const data = describeError(error);
  if (problemCode) expect(data.problemCode).toBe(problemCode);
  expect(data.messages.zh).not.toBe('');
  expect(data.messages.en).not.toBe('');
  return data;
}
