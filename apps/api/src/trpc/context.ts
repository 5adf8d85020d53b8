// The inner context (database + session) is what tests build; the outer one adds the request.
import { defaultLoginPolicy, type LoginPolicy } from '../auth/login-throttle.js';
import type { Db } from '../db/client.js';
import type { SessionUser } from '../auth/session-user.js';
import { loadSession } from '../services/sessions.js';

export type { SessionUser };

/** How a procedure sets or clears the session cookie (a no-op jar in tests that ignore it). */
export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
  /** The known-device cookie, set after a successful login (HTTP only). */
  setDevice?(token: string): void;
}

export interface ContextInner {
  db: Db;
  user: SessionUser | null;
  requestId: string;
  cookies: CookieJar;
  /** How long a new session lasts. */
  sessionHours: number;
  userAgent?: string | undefined;
  ip?: string | undefined;
  /** Where evidence files are stored; null when the caller has no file storage (tests). */
  dataDir: string | null;
  /** Login limits and the production password rule (the server's, or the defaults). */
  loginThrottle: LoginPolicy;
  /** The browser's known-device cookie. */
  deviceToken?: string | undefined;
}

export const noCookies: CookieJar = { setSession: () => {}, clearSession: () => {} };

let requestCounter = 0;

export function createContextInner(opts: {
  db: Db;
  user?: SessionUser | null;
  requestId?: string;
  cookies?: CookieJar;
  sessionHours?: number;
  userAgent?: string;
  ip?: string;
  dataDir?: string | null;
  loginThrottle?: LoginPolicy | null;
  deviceToken?: string | undefined;
}): ContextInner {
  return {
    db: opts.db,
    user: opts.user ?? null,
    requestId: opts.requestId ?? `local-${++requestCounter}`,
    cookies: opts.cookies ?? noCookies,
    sessionHours: opts.sessionHours ?? 12,
    userAgent: opts.userAgent,
    ip: opts.ip,
    dataDir: opts.dataDir ?? null,
    loginThrottle: opts.loginThrottle ?? defaultLoginPolicy,
    deviceToken: opts.deviceToken,
  };
}

/** The outer context: resolves the session cookie of an HTTP request. */
export async function createRequestContext(opts: {
  db: Db;
  sessionToken: string | undefined;
  requestId: string;
  cookies: CookieJar;
  sessionHours: number;
  userAgent?: string;
  ip?: string;
  dataDir: string;
  loginThrottle: LoginPolicy;
  deviceToken?: string | undefined;
}): Promise<ContextInner> {
  const user = opts.sessionToken ? await loadSession(opts.db, opts.sessionToken) : null;
  return createContextInner({ ...opts, user });
}

export type Context = ContextInner;
