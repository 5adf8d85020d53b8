// Expected failures carry a stable problem code and a bilingual message to the client.
import { TRPCError } from '@trpc/server';
import type { LocalizedText } from '@fazhi/domain';

type Code = ConstructorParameters<typeof TRPCError>[0]['code'];

export interface FieldProblem {
  /** Dotted path of the input field, e.g. "scopeCode". */
  readonly path: string;
  readonly message: LocalizedText;
}

export class Problem extends Error {
  constructor(
    readonly problemCode: string,
    readonly text: LocalizedText,
    readonly fields: readonly FieldProblem[] = [],
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = 'Problem';
  }
}

/** Throws a tRPC error with a stable problem code and bilingual message (and optional fields). */
export function fail(
  code: Code,
  problemCode: string,
  text: LocalizedText,
  fields: readonly FieldProblem[] = [],
  details?: unknown,
): never {
  throw new TRPCError({
    code,
    message: text.zh,
    cause: new Problem(problemCode, text, fields, details),
  });
}

export function forbidden(): never {
  fail('FORBIDDEN', 'OUT_OF_SCOPE', {
    zh: '无权访问：超出您的管辖范围',
    en: 'Forbidden: outside your scope',
  });
}

export function notFound(what: LocalizedText): never {
  fail('NOT_FOUND', 'NOT_FOUND', {
    zh: `${what.zh}不存在或不在您的管辖范围内`,
    en: `${what.en} not found or outside your scope`,
  });
}

/** A field-level validation failure found by a service (not by zod). */
export function invalidField(
  path: string,
  text: LocalizedText,
  problemCode = 'INVALID_INPUT',
): never {
  fail('BAD_REQUEST', problemCode, text, [{ path, message: text }]);
}
