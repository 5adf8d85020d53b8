// A batched tRPC request (`/trpc/a,b?batch=1`) that contains auth.login is refused as a whole:
// each login is its own request, so one request can never carry many password guesses.
// A batch of one (`/trpc/auth.login?batch=1`, as the SPA's batch link sends it) is fine.
import type { TRPCError } from '@trpc/server';
import { AppError } from '../errors/app-error.js';
import { toTRPCError } from '../trpc/app-error-code.js';

export function isBatchedLogin(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith('/trpc/')) return false;
  let procedures: string[];
  try {
    procedures = decodeURIComponent(path.slice('/trpc/'.length)).split(',');
  } catch {
    return false;
  }
  return (
    procedures.length > 1 &&
    procedures.some((p) => p.trim().replace(/^\/+|\/+$/g, '') === 'auth.login')
  );
}

export function batchedLoginError(): TRPCError {
  const text = {
    zh: '登录请求不能与其他请求合并发送',
    en: 'A login cannot be sent in a batch with other calls',
  };
  return toTRPCError(new AppError('LOGIN_NOT_BATCHED', undefined, text));
}
