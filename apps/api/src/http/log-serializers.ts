// Logged errors say what failed, never with which values: drizzle's query errors carry the
// statement's parameters in their message ("Failed query: … params: 杨林村,330728…") and in
// `params`; postgres.js errors carry `parameters`, `query` and a `detail` such as
// "Key (username)=(alice) already exists". Only the class, code, message (without parameters),
// the stack frames and the same of each cause are logged.

type SafeError = {
  [key: string]: unknown;
  type: string;
  message: string;
  code?: string;
  stack: string;
  cause?: SafeError;
};

/**
 * The message without what drizzle appends after "params:", and without the value PostgreSQL
 * quotes in "invalid input syntax for type integer: \"…\"".
 */
export function withoutParameters(message: string): string {
  const at = message.search(/\n?\s*params:/);
  const cut = at === -1 ? message : message.slice(0, at);
  return cut.replace(/(invalid input (?:syntax|value) for [^:\n]*:\s*)"[^\n]*"/g, '$1"…"');
}

/** The error as it may be logged. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error))
    return { type: typeof error, message: '(not an Error)', stack: '' };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return {
    type: error.constructor?.name ?? error.name,
    message: withoutParameters(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    stack: frames,
    ...(error.cause !== undefined && depth < 5 ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}

/** Fastify (pino) logger serializers: `err` and `error` fields. */
export const logSerializers = {
  err: (error: unknown) => safeError(error),
  error: (error: unknown) => safeError(error),
};
