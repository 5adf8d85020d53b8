// `upgrade-insecure-requests` tells the browser to fetch every resource of the page over https.
// Sent on a page served over plain http (a LAN address such as http://server-name:3000), it makes
// the browser ask for the scripts over https, which nothing answers: a blank page. So helmet's
// default is turned off and the directive is added only to responses served over https (directly,
// or through a trusted proxy's X-Forwarded-Proto).
import type { FastifyInstance } from 'fastify';

/** Registers the hook on `app`; register it after helmet. */
export function upgradeInsecureRequestsOverHttps(app: FastifyInstance) {
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol !== 'https') return;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
  });
}
