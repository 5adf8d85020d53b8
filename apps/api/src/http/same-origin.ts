// Cross-site request refusal: a state-changing request (POST, PUT, PATCH, DELETE) is served only
// when the browser says it comes from this site. Browsers send `Origin` on every such request
// (fetch, XHR and HTML forms alike), and `Sec-Fetch-Site` on every request; a request with
// neither comes from a program (curl, a script, the CLI), which cannot ride on a victim's cookie,
// and is allowed. SameSite=Lax cookies already stop cross-site POSTs in current browsers; this
// also covers older browsers, same-site sibling hosts and form-encoded or text/plain bodies.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemError, sendRequestError } from './replies.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The request's own host as the browser addressed it (`Host`, or a trusted `X-Forwarded-Host`). */
function ownHost(req: FastifyRequest, scheme: string): string | null {
  try {
    return new URL(`${scheme}//${req.host}`).host;
  } catch {
    return null;
  }
}

/** Whether `origin` (the header's value) is this site or one of `allowed`. */
export function isSameSite(req: FastifyRequest, origin: string, allowed: ReadonlySet<string>) {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes `Origin: null` (sandboxed frames, file: pages, some redirects)
  }
  if (allowed.has(parsed.origin)) return true;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.host === ownHost(req, parsed.protocol);
}

/** `FAZHI_ALLOWED_ORIGINS`: comma-separated origins, normalised (`https://a.example:8443`). */
export function parseAllowedOrigins(list: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const item of (list ?? '').split(',')) {
    const trimmed = item.trim();
    if (!trimmed) continue;
    origins.add(new URL(trimmed).origin);
  }
  return origins;
}

export const crossSiteText = {
  zh: '已拒绝来自其他网站的请求，请在本系统的页面中操作',
  en: 'A request from another site was refused; use the pages of this system',
};

/** Registers the check on every route of `app` (call before the routes are registered). */
export function refuseCrossSiteRequests(app: FastifyInstance, allowedOrigins: ReadonlySet<string>) {
  app.addHook('onRequest', async (req, reply) => {
    if (!stateChanging.has(req.method)) return;
    const origin = req.headers.origin;
    let allowed: boolean;
    if (origin !== undefined) {
      allowed = isSameSite(req, origin, allowedOrigins);
    } else {
      const site = req.headers['sec-fetch-site'];
      allowed = site === undefined || site === 'same-origin' || site === 'none';
    }
    if (allowed) return;
    req.log.warn(
      { origin, secFetchSite: req.headers['sec-fetch-site'] },
      'cross-site request refused',
    );
    return sendRequestError(req, reply, problemError('CROSS_SITE_REQUEST', crossSiteText));
  });
}
