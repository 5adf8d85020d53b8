// initTRPC once. Only these procedures exist; every resolver builds on one of them, so that
// authentication, region scope, read-only roles and audit are enforced in one place.
import { initTRPC, TRPCError } from '@trpc/server';
import { Scope } from '../auth/scope.js';
import { readOnlyRoles, type Role } from '../auth/roles.js';
import { writeAudit, type AuditInput } from '../services/audit.js';
import type { Context, SessionUser } from './context.js';
import { describeError } from './error-formatter.js';
import { AppError, fail, forbidden } from '../errors/app-error.js';
import { asTRPCErrorOf, toTRPCError } from './app-error-code.js';
import { unstorableCharacter } from './nul-characters.js';
import { databaseUnavailableText, isDatabaseUnavailable } from '../db/availability.js';
import './messages.js';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const data = describeError(error);
    return {
      code: shape.code,
      message: data.messages.zh,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...data,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * The raw input, or undefined when the request's body cannot be read as input (say, an empty JSON
 * body on a procedure that takes none): a procedure with an input then refuses it when it parses.
 */
async function readableInput(getRawInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return await getRawInput();
  } catch {
    return undefined;
  }
}

/**
 * Every procedure starts here: input holding a character that cannot be stored (the NUL
 * character, a lone surrogate) is refused as a field error.
 */
const baseProcedure = t.procedure.use(async ({ next, getRawInput }) => {
  const found = unstorableCharacter(await readableInput(getRawInput));
  if (found !== null) {
    throw toTRPCError(
      new AppError('INVALID_INPUT', undefined, found.message, [
        { path: found.path || 'input', message: found.message },
      ]),
    );
  }
  const result = await next();
  if (result.ok) return result;
  // a database that cannot be reached or does not answer: 503 with its own message, not a 500
  if (isDatabaseUnavailable(result.error)) {
    throw toTRPCError(new AppError('DATABASE_UNAVAILABLE', undefined, databaseUnavailableText));
  }
  // a service's AppError: the tRPC code its problem code maps to
  const mapped = asTRPCErrorOf(result.error);
  if (mapped && mapped !== result.error) throw mapped;
  return result;
});

/** Only `auth.login` may use it: every other procedure requires a session. */
export const publicProcedure = baseProcedure;

const twelveDigits = /^\d{12}$/;

/** Collects every 12-digit string under a key named `code` or ending in `Code`. */
function divisionCodesIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 5 || value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'code' || key.endsWith('Code')) && typeof v === 'string' && twelveDigits.test(v)) {
      out.push(v);
    } else if (typeof v === 'object') {
      divisionCodesIn(v, out, depth + 1);
    }
  }
  return out;
}

/**
 * Requires a session, adds the user's `scope`, and refuses any division code in the input that
 * lies outside it (so `divisions.get`, `children`, `users.create` and the like cannot forget).
 */
export const authedProcedure = baseProcedure.use(async ({ ctx, next, getRawInput }) => {
  if (!ctx.user) fail('UNAUTHENTICATED', undefined, { zh: '请先登录', en: 'Please sign in' });
  const user: SessionUser = ctx.user;
  const scope = new Scope(user.scopeCode, user.role, user.unitId);
  if (!scope.isWholeDeployment) {
    const raw = await readableInput(getRawInput);
    for (const code of divisionCodesIn(raw)) if (!scope.includes(code)) forbidden();
  }
  return next({ ctx: { ...ctx, user, scope } });
});

/** Restricts a procedure to some roles. */
export function requireRole(allowed: ReadonlySet<Role> | readonly Role[]) {
  const set = allowed instanceof Set ? allowed : new Set(allowed);
  return t.middleware(({ ctx, next }) => {
    const role = (ctx.user as SessionUser | null)?.role;
    if (!role || !set.has(role)) {
      fail('ROLE_FORBIDDEN', undefined, {
        zh: '您的角色无权执行此操作',
        en: 'Your role may not do this',
      });
    }
    return next();
  });
}

class Rollback {
  constructor(readonly result: unknown) {}
}

/**
 * Runs the mutation in one transaction with its audit event; a failure rolls both back.
 * Every mutation but sign-in and the password change (which keep their own) uses it after its
 * input and role checks (`.use(inTransaction)` just before `.output` / `.mutation`), so a refused
 * caller or input never opens a transaction (test/mutation-transactions.test.ts checks each).
 * A mutation that records no audit event, or more than one, is a bug and fails.
 * `afterCommit` tasks (e.g. deleting a file whose row is gone) run only once the transaction
 * has committed; the change stands even if one fails, so each task reports its own failures.
 */
export const inTransaction = t.middleware(async ({ ctx, next, path }) => {
  const user = ctx.user;
  const actor = { id: user?.id ?? null, username: user?.username ?? null };
  let recorded = 0;
  const tasks: (() => Promise<void>)[] = [];
  let committed;
  try {
    committed = await ctx.db.transaction(async (tx) => {
      const audit = async (event: AuditInput) => {
        recorded += 1;
        await writeAudit(tx, actor, ctx.requestId, event);
      };
      /** One audit event per changed thing of a bulk action: together they count as its record. */
      const auditEach = async (events: readonly AuditInput[]) => {
        recorded += 1;
        for (const event of events) await writeAudit(tx, actor, ctx.requestId, event);
      };
      const afterCommit = (task: () => Promise<void>) => {
        tasks.push(task);
      };
      const result = await next({ ctx: { db: tx, audit, auditEach, afterCommit } });
      if (!result.ok) throw new Rollback(result);
      if (recorded !== 1) {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: `${path} recorded ${recorded} audit events; exactly one is required`,
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as never;
    throw error;
  }
  for (const task of tasks) await task().catch(() => {});
  return committed;
});

/**
 * A change to data: signed in, not a read-only role; in one audited transaction from
 * `.use(inTransaction)` after its input.
 */
export const writeProcedure = authedProcedure.use(({ ctx, next }) => {
  if (readOnlyRoles.has(ctx.user.role)) {
    fail('READ_ONLY_ROLE', undefined, {
      zh: '您的角色为只读，不能修改数据',
      en: 'Your role is read-only',
    });
  }
  return next();
});
