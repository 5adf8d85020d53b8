// Replies shared by the plain HTTP routes: errors shaped like tRPC's, and file names.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { LocalizedText } from '@fazhi/domain';
import { describeError } from '../trpc/error-formatter.js';
import { AppError, type PlainProblemCode } from '../errors/app-error.js';
import { asTRPCErrorOf, toTRPCError } from '../trpc/app-error-code.js';
import { databaseUnavailableText, isDatabaseUnavailable } from '../db/availability.js';

/** A problem-coded TRPCError, as `fail` throws it, for code outside a procedure. */
export function problemError(problemCode: PlainProblemCode, text: LocalizedText): TRPCError {
  return toTRPCError(new AppError(problemCode, undefined, text));
}

/** DATABASE_UNAVAILABLE (503): the database did not answer or refused the connection. */
export function databaseUnavailable() {
  return problemError('DATABASE_UNAVAILABLE', databaseUnavailableText);
}

/** The TRPCError an error is answered with (unexpected errors become INTERNAL_SERVER_ERROR). */
export function asTRPCError(error: unknown): TRPCError {
  const mapped = asTRPCErrorOf(error);
  if (mapped && mapped.code !== 'INTERNAL_SERVER_ERROR') return mapped;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return error instanceof TRPCError
    ? error
    : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}

/** Sends an error as `{ error: { code, problemCode, messages, fieldErrors, details? } }`. */
export async function sendError(reply: FastifyReply, error: unknown) {
  const trpcError = asTRPCError(error);
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') reply.log.error({ err: error }, 'request failed');
  return reply
    .code(getHTTPStatusCodeFromError(trpcError))
    .send({ error: { code: trpcError.code, ...describeError(trpcError) } });
}

/**
 * Answers a request refused before it reached its route (hooks): in tRPC's error shape on
 * `/trpc` (one error per procedure of a batch), in the file routes' shape elsewhere.
 */
export async function sendRequestError(req: FastifyRequest, reply: FastifyReply, error: unknown) {
  const url = req.url.split('?')[0] ?? '';
  if (!url.startsWith('/trpc/')) return sendError(reply, error);
  const trpcError = asTRPCError(error);
  const status = getHTTPStatusCodeFromError(trpcError);
  const data = describeError(trpcError);
  const shape = {
    error: {
      message: data.messages.zh,
      code: TRPC_ERROR_CODES_BY_KEY[trpcError.code],
      data: { code: trpcError.code, httpStatus: status, ...data },
    },
  };
  const batch = (req.query as Record<string, unknown> | undefined)?.batch;
  const procedures = url.slice('/trpc/'.length).split(',').length;
  return reply
    .code(status)
    .send(
      batch === '1' || batch === 'true' ? Array.from({ length: procedures }, () => shape) : shape,
    );
}

/** `content-disposition` with an ASCII fallback and the UTF-8 name (RFC 5987 / RFC 6266). */
export function contentDisposition(
  kind: 'inline' | 'attachment',
  fileName: string,
  asciiFallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_'),
): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file name sent in the `x-file-name` header (percent-encoded UTF-8), without control
 * characters, cut to `max` characters; undefined when absent, empty or malformed. A name is only
 * a label, so a bad one never refuses the upload.
 */
export function headerFileName(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return cleanFileName(decoded).slice(0, max) || undefined;
}

/**
 * Bidirectional formatting characters (LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E,
 * the isolates U+2066–U+2069): a name like `invoice\u202Efdp.exe` would read as `invoiceexe.pdf`.
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name without control characters (C0, DEL, C1) or bidirectional controls, trimmed. */
export function cleanFileName(name: string): string {
  return [...name.replace(bidiControls, '')]
    .filter((c) => {
      const code = c.codePointAt(0)!;
      return code >= 0x20 && !(code >= 0x7f && code <= 0x9f);
    })
    .join('')
    .trim();
}

/** Without characters no file system accepts in a name, nor control or bidirectional ones. */
export function safeFileName(name: string): string {
  return cleanFileName(name.replace(/[\\/:*?"<>|]/g, '_'));
}
