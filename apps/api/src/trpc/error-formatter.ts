// Maps every error to what the client may see: a problem code, a bilingual message and
// field-level errors. Never a stack trace; unexpected errors become a generic message.
import type { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { fieldWord, type LocalizedText } from '@fazhi/domain';
import { unpack } from './messages.js';
import {
  AppError,
  type FieldProblem,
  type ProblemCode,
  type ProblemDetails,
} from '../errors/app-error.js';

interface ErrorDataBase {
  messages: LocalizedText;
  fieldErrors: FieldProblem[];
}

/** What the client sees of a problem a service or route raised: its code and typed details. */
export type ProblemData = {
  [C in ProblemCode]: ErrorDataBase & {
    problemCode: C;
    /** Extra structured detail of a problem, e.g. the bad lines of a rejected import. */
    details?: ProblemDetails[C];
  };
}[ProblemCode];

/** What the client sees of any error: a problem, a zod validation failure, or a bare tRPC code. */
export type ErrorData =
  | ProblemData
  | (ErrorDataBase & { problemCode: 'VALIDATION_FAILED' | TRPCError['code']; details?: undefined });

const generic: Record<string, LocalizedText> = {
  UNAUTHORIZED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  BAD_REQUEST: { zh: '输入有误', en: 'Invalid input' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  CONFLICT: {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Changed by someone else; reload and retry',
  },
  PRECONDITION_FAILED: { zh: '当前状态下不能执行此操作', en: 'Not possible in the current state' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { zh: '内容过大', en: 'Payload too large' },
  PARSE_ERROR: { zh: '请求格式有误', en: 'Malformed request' },
  METHOD_NOT_SUPPORTED: { zh: '不支持的请求方式', en: 'Method not supported' },
  INTERNAL_SERVER_ERROR: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
};

export function describeError(error: TRPCError): ErrorData {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fieldErrors = cause.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: unpack(issue.message),
    }));
    const first = fieldErrors[0];
    // the field named in words (应到人数), never by its code name (eligible)
    const word = fieldWord((cause.issues[0]?.path ?? []) as (string | number)[]);
    return {
      problemCode: 'VALIDATION_FAILED',
      messages: first
        ? {
            zh: `输入有误：${word.zh ? `${word.zh}：` : ''}${first.message.zh}`,
            en: `Invalid input: ${word.en ? `${word.en}: ` : ''}${first.message.en}`,
          }
        : generic.BAD_REQUEST!,
      fieldErrors,
    };
  }
  if (cause instanceof AppError) {
    return {
      problemCode: cause.code,
      messages: cause.text,
      fieldErrors: [...cause.fields],
      ...(cause.details === undefined ? {} : { details: cause.details }),
    } as ProblemData;
  }
  const text = generic[error.code] ?? generic.INTERNAL_SERVER_ERROR!;
  return { problemCode: error.code, messages: text, fieldErrors: [] };
}
