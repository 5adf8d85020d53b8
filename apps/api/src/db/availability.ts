// When PostgreSQL cannot be reached or stops answering, requests fail fast with one recognisable
// error (DATABASE_UNAVAILABLE, answered as 503) instead of hanging or becoming a generic 500.
//
// A statement that runs long is bounded by PostgreSQL's own statement_timeout. A database that
// does not answer at all (host frozen, network black hole) is not: postgres.js has no client-side
// query timeout. So every query is watched; once it has waited `unresponsiveMs`, a one-connection
// side client asks the server `select 1` (2 s at most). No answer: the query is given up with
// DatabaseUnavailableError. An answer: the database is alive and merely busy, the query waits on.

/** The database did not answer in time, or refused the connection. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(reason: string) {
    super(`database unavailable: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Error codes of postgres.js and Node sockets that mean the server could not be reached. */
const connectionCodes = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

/** SQLSTATE codes meaning the server is going away, full, or cut a statement off by timeout. */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection_exception
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now
    code === '53300' || // too_many_connections
    code === '57014' // query_canceled (statement_timeout)
  );
}

/** Whether `error`, or any error in its `cause` chain, means the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionCodes.has(code) || isUnavailableSqlState(code))) {
      return true;
    }
    current = current.cause;
  }
  return false;
}

/** The text a user sees. */
export const databaseUnavailableText = {
  zh: '数据库暂时无法连接，请稍后重试',
  en: 'The database is unavailable; try again shortly',
};

/** Resolves to false after `ms`, unless `work` settles first (then to its outcome, errors as false). */
export function answersWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

export interface Watchdog {
  /** `work`, rejected with DatabaseUnavailableError if it waits and the database does not answer. */
  watch<T>(work: PromiseLike<T>): Promise<T>;
}

/**
 * Watches queries: after `unresponsiveMs` without an outcome, `probe` (a `select 1` on a side
 * connection, given `probeMs`) decides whether to keep waiting. One probe runs at a time; queries
 * waiting at the same moment share its answer.
 */
export function createWatchdog(opts: {
  unresponsiveMs: number;
  probeMs: number;
  probe: () => Promise<unknown>;
}): Watchdog {
  let probing: Promise<boolean> | null = null;
  const alive = () => {
    probing ??= answersWithin(opts.probe(), opts.probeMs).finally(() => {
      probing = null;
    });
    return probing;
  };
  return {
    watch<T>(work: PromiseLike<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        let timer: NodeJS.Timeout | undefined;
        const arm = () => {
          timer = setTimeout(() => {
            void alive().then((ok) => {
              if (settled) return;
              if (ok) return arm();
              settled = true;
              reject(new DatabaseUnavailableError('no answer'));
            });
          }, opts.unresponsiveMs);
          timer.unref?.();
        };
        arm();
        work.then(
          (value) => {
            clearTimeout(timer);
            if (settled) return;
            settled = true;
            resolve(value);
          },
          (error: unknown) => {
            clearTimeout(timer);
            if (settled) return;
            settled = true;
            // as it came: a transaction body may reject with a non-Error on purpose (a rollback)
            reject(error);
          },
        );
      });
    },
  };
}
