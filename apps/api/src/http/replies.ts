// Replies shared by the plain HTTP routes: errors shaped like tRPC's, and file names.
import type { FastifyReply } from 'fastify';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describeError } from '../trpc/error-formatter.js';

/** Sends an error as `{ error: { code, problemCode, messages, fieldErrors, details? } }`. */
export async function sendError(reply: FastifyReply, error: unknown) {
  const trpcError =
    error instanceof TRPCError
      ? error
      : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') reply.log.error({ err: error }, 'request failed');
  return reply
    .code(getHTTPStatusCodeFromError(trpcError))
    .send({ error: { code: trpcError.code, ...describeError(trpcError) } });
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
  const printable = [...decoded]
    .filter((c) => {
      const code = c.codePointAt(0)!;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim();
  return printable.slice(0, max) || undefined;
}
