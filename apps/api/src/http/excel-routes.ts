import type { FastifyPluginAsync } from 'fastify';
import type { ContextFor } from './server.js';

/** Excel round trip of score sheets and the public-notice list (see README). */
export function excelRoutes(_deps: { contextFor: ContextFor }): FastifyPluginAsync {
  return async () => {};
}
