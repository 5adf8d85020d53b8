// What a request body may cost before anyone has signed in, checked before the body is read:
// - every route accepts at most its `bodyLimit` (the server's, 1 MB by default; the file routes
//   set their own); a declared Content-Length above it is refused at once with 413, a streamed
//   body is cut off by Fastify when it passes the limit;
// - a route whose limit exceeds the server's (a file upload) serves only signed-in users: the
//   session is checked when the request arrives, so an anonymous upload is refused unread;
// - tRPC input (a JSON body or the `input` query parameter) may nest at most 32 deep and hold at
//   most 10,000 keys, checked in one pass over the text before anything parses it.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { TRPCError } from '@trpc/server';
import type { Db } from '../db/client.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import { loadSession } from '../services/sessions.js';
import { problemError, sendRequestError } from './replies.js';

export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_KEYS = 10_000;

/**
 * Why a JSON text is refused: nested deeper than `maxDepth`, or more than `maxKeys` object keys;
 * null when within both. Only counts; malformed text is left to the parser.
 */
export function jsonShapeProblem(
  text: string,
  limits: { maxDepth: number; maxKeys: number } = {
    maxDepth: JSON_MAX_DEPTH,
    maxKeys: JSON_MAX_KEYS,
  },
): 'depth' | 'keys' | null {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return 'depth';
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a && ++keys > limits.maxKeys) return 'keys';
  }
  return null;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** 413 for a body over `limit` bytes: FILE_TOO_LARGE on the file routes, else BODY_TOO_LARGE. */
export function tooLarge(limit: number, isFileRoute: boolean): TRPCError {
  const mb = megabytes(limit);
  return isFileRoute
    ? problemError('FILE_TOO_LARGE', {
        zh: `文件不能超过${mb} MB`,
        en: `The file must not exceed ${mb} MB`,
      })
    : problemError('BODY_TOO_LARGE', {
        zh: `请求内容不能超过${mb} MB`,
        en: `The request body must not exceed ${mb} MB`,
      });
}

const tooComplex = () =>
  problemError('INPUT_TOO_COMPLEX', {
    zh: `输入过于复杂（嵌套不能超过${JSON_MAX_DEPTH}层，字段不能超过${JSON_MAX_KEYS}个）`,
    en: `The input is too complex (at most ${JSON_MAX_DEPTH} levels of nesting and ${JSON_MAX_KEYS} keys)`,
  });

/** The limit of the route a request goes to (the server's when the route sets none). */
function routeLimit(req: FastifyRequest, serverLimit: number): number {
  return req.routeOptions.bodyLimit ?? serverLimit;
}

/**
 * Registers the checks on every route of `app` (call before the routes are registered).
 * `serverLimit` must be the `bodyLimit` the Fastify instance was created with.
 */
export function limitRequestBodies(app: FastifyInstance, deps: { db: Db; serverLimit: number }) {
  app.addHook('onRequest', async (req, reply) => {
    const limit = routeLimit(req, deps.serverLimit);
    const isFileRoute = limit > deps.serverLimit;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reply.header('connection', 'close');
      return sendRequestError(req, reply, tooLarge(limit, isFileRoute));
    }
    if (isFileRoute && req.method !== 'GET' && req.method !== 'HEAD') {
      const token = req.cookies[SESSION_COOKIE];
      const user = token ? await loadSession(deps.db, token) : null;
      if (!user) {
        reply.header('connection', 'close');
        return sendRequestError(
          req,
          reply,
          problemError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' }),
        );
      }
    }
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/trpc/')) {
      const type = String(req.headers['content-type'] ?? '');
      // no procedure takes form data or raw bytes; tRPC would read such a body without a limit
      if (/^\s*(multipart\/|application\/octet-stream)/i.test(type)) {
        return sendRequestError(
          req,
          reply,
          problemError('UNSUPPORTED_MEDIA_TYPE', {
            zh: '不支持的内容类型',
            en: 'Unsupported content type',
          }),
        );
      }
      const input = (req.query as Record<string, unknown> | undefined)?.input;
      if (typeof input === 'string' && jsonShapeProblem(input)) {
        return sendRequestError(req, reply, tooComplex());
      }
    }
  });

  // tRPC receives its JSON body as text and parses it itself: look at the text first
  app.addHook('preValidation', async (req, reply) => {
    if (typeof req.body !== 'string' || !req.url.startsWith('/trpc/')) return;
    if (jsonShapeProblem(req.body)) return sendRequestError(req, reply, tooComplex());
  });

  // Fastify's own refusals (a streamed body over the limit, a malformed body…) as problems
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.statusCode === 413) {
      const limit = routeLimit(req, deps.serverLimit);
      return sendRequestError(req, reply, tooLarge(limit, limit > deps.serverLimit));
    }
    if (error.statusCode === 415) {
      return sendRequestError(
        req,
        reply,
        problemError('UNSUPPORTED_MEDIA_TYPE', {
          zh: '不支持的内容类型',
          en: 'Unsupported content type',
        }),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendRequestError(
        req,
        reply,
        problemError('BAD_REQUEST', { zh: '请求格式有误', en: 'Malformed request' }),
      );
    }
    return sendRequestError(req, reply, error);
  });
}
