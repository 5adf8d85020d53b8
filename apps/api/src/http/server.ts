// The HTTP server: tRPC at /trpc, health at /healthz, the CSV upload route, and in production
// the built SPA on the same port.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { Database } from '../db/client.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import { createRequestContext, type Context, type CookieJar } from '../trpc/context.js';
import { appRouter, createCaller, type AppRouter } from '../trpc/root.js';
import { campaignFileRoutes } from './campaign-files.js';
import { reportRoutes } from './report-routes.js';
import { publicNoticeRoutes } from './public-notice-routes.js';
import { publicTownshipRoutes } from './public-township-routes.js';
import { databaseUnavailable, headerFileName, sendError } from './replies.js';
import {
  defaultLoginPolicy,
  DEVICE_COOKIE,
  KNOWN_DEVICE_DAYS,
  type LoginLimits,
} from '../auth/login-throttle.js';
import { batchedLoginError, isBatchedLogin } from '../auth/batched-login.js';
import { isDatabaseUnavailable } from '../db/availability.js';
import { limitRequestBodies } from './body-limits.js';
import { refuseCrossSiteRequests } from './same-origin.js';
import { upgradeInsecureRequestsOverHttps } from './https-only-csp.js';
import { logSerializers } from './log-serializers.js';
import { decodeTextFileOrFail } from '../services/decode-text.js';
import { startHousekeeping } from '../services/housekeeping.js';

export interface ServerOptions {
  database: Database;
  /** Where uploaded evidence files are stored (under `evidence/`). */
  dataDir: string;
  /** Directory of the built SPA; served when it exists. */
  staticDir?: string | undefined;
  sessionHours?: number;
  logLevel?: string;
  /** Login limits (see auth/login-throttle.ts); the defaults for what is not given. */
  loginThrottle?: Partial<LoginLimits>;
  /** Production: the demo accounts' shared password never signs in. */
  refuseDemoPassword?: boolean;
  /**
   * Reverse proxies in front of the server: a number of hops (true = 1), or a comma-separated
   * list of proxy addresses/CIDRs. The client address is the right-most X-Forwarded-For address
   * that is not a trusted proxy; X-Forwarded-Proto counts only from a trusted proxy.
   */
  trustProxy?: boolean | number | string;
  /** Largest body of a request other than a file upload, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** Origins besides the server's own whose pages may send state-changing requests. */
  allowedOrigins?: ReadonlySet<string>;
  /** Where the JSON log goes (default standard output); tests capture it. */
  logStream?: NodeJS.WritableStream;
  /** Minutes between purges of expired sessions and sweeps of evidence files (default 10). */
  housekeepingMinutes?: number;
  /** Requests per client address and minute to the public notice pages (0: no limit). */
  publicRequestsPerMinute?: number;
}

/** Fastify's trustProxy: hop counts as a function (a plain number trusts nothing in Fastify 5). */
function trustProxyOption(trust: ServerOptions['trustProxy']) {
  const hops = trust === true ? 1 : trust === false || trust === undefined ? 0 : trust;
  if (typeof hops === 'string') return hops;
  return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
}

/** Largest request body: a national division file through the upload route. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Largest body of any other request by default (tRPC input). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function cookieJar(req: FastifyRequest, reply: FastifyReply): CookieJar {
  const secure = req.protocol === 'https';
  return {
    setSession(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: expiresAt,
      });
    },
    setDevice(token) {
      reply.setCookie(DEVICE_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: KNOWN_DEVICE_DAYS * 24 * 3600,
      });
    },
    clearSession() {
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    },
  };
}

/** Builds the tRPC context of an HTTP request (session cookie, request id). */
export type ContextFor = (req: FastifyRequest, reply: FastifyReply) => Promise<Context>;

/** The request context; a database that cannot be reached is DATABASE_UNAVAILABLE (503). */
async function requestContext(opts: Parameters<typeof createRequestContext>[0]): Promise<Context> {
  try {
    return await createRequestContext(opts);
  } catch (error) {
    throw isDatabaseUnavailable(error) ? databaseUnavailable() : error;
  }
}

export async function createServer(opts: ServerOptions) {
  const { db } = opts.database;
  const sessionHours = opts.sessionHours ?? 12;
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = Fastify({
    logger:
      opts.logLevel === 'silent'
        ? false
        : {
            level: opts.logLevel ?? 'info',
            serializers: logSerializers,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    bodyLimit: maxBodyBytes,
    routerOptions: { maxParamLength: 5000 },
    trustProxy: trustProxyOption(opts.trustProxy),
  });
  const loginThrottle = {
    ...defaultLoginPolicy,
    ...opts.loginThrottle,
    refuseDemoPassword: opts.refuseDemoPassword ?? false,
  };
  app.addHook('onRequest', async (req, reply) => {
    if (isBatchedLogin(req.url)) return sendError(reply, batchedLoginError());
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // only over https: see https-only-csp.ts
        upgradeInsecureRequests: null,
      },
    },
    // plain HTTP on a LAN must keep working; HSTS belongs to the TLS terminator
    strictTransportSecurity: false,
  });
  upgradeInsecureRequestsOverHttps(app);
  refuseCrossSiteRequests(app, opts.allowedOrigins ?? new Set());
  limitRequestBodies(app, { db, serverLimit: maxBodyBytes });

  const contextFor: ContextFor = (req, reply) =>
    requestContext({
      db,
      sessionToken: req.cookies[SESSION_COOKIE],
      requestId: String(req.id),
      cookies: cookieJar(req, reply),
      sessionHours,
      userAgent: req.headers['user-agent'],
      ip: req.ip,
      dataDir: opts.dataDir,
      loginThrottle,
      deviceToken: req.cookies[DEVICE_COOKIE],
    });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => contextFor(req, res),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, path }, 'unexpected error');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  app.get('/healthz', async (_req, reply) => {
    const ok = await opts.database.ping();
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', database: opts.database.driver });
  });

  // Large CSV files: the same procedure as divisions.import, with upload progress in the SPA.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post('/api/divisions/import', { bodyLimit: MAX_UPLOAD_BYTES }, async (req, reply) => {
      const ctx = await contextFor(req, reply);
      const fileName = headerFileName(req.headers['x-file-name'], 255);
      try {
        // the bytes as sent: UTF-8 (with or without BOM) or GBK/GB18030, else refused
        const csv = Buffer.isBuffer(req.body) ? decodeTextFileOrFail(req.body, 'csv') : '';
        const result = await createCaller(ctx).divisions.import({ csv, fileName });
        return reply.send(result);
      } catch (error) {
        return sendError(reply, error);
      }
    });
  });

  await app.register(campaignFileRoutes({ contextFor, dataDir: opts.dataDir }));
  await app.register(reportRoutes({ contextFor }));
  await app.register(
    publicNoticeRoutes({ db, requestsPerMinute: opts.publicRequestsPerMinute ?? 60 }),
  );
  await app.register(
    publicTownshipRoutes({ db, requestsPerMinute: opts.publicRequestsPerMinute ?? 60 }),
  );

  const staticDir = opts.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const assetsDir = join(staticDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: 'index.html',
      // `<file>.br` / `<file>.gz` written by the SPA build, chosen by Accept-Encoding
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('vary', 'accept-encoding');
        // file names under assets/ carry a content hash: they never change
        res.setHeader(
          'cache-control',
          path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.setNotFoundHandler((req, reply) => {
      const url = req.url.split('?')[0] ?? '/';
      if (
        req.method === 'GET' &&
        !url.startsWith('/trpc') &&
        !url.startsWith('/api/') &&
        // a missing hashed file (an old page after an upgrade) is a 404, not the page
        !url.startsWith('/assets/')
      ) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: { code: 'NOT_FOUND' } });
    });
  }

  // expired sessions and evidence files left by a crash: at start-up, then periodically
  const housekeeping = startHousekeeping({
    db,
    dataDir: opts.dataDir,
    intervalMinutes: opts.housekeepingMinutes ?? 10,
    onError: (error) => app.log.error({ err: error }, 'housekeeping failed'),
  });
  app.addHook('onClose', () => housekeeping.stop());

  return app;
}
