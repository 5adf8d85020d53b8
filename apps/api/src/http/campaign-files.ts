// File routes of campaigns and records: evidence, record-file, pilot-meeting-file, 普法 photo,
// mediation case file and township work (task report, budget record) uploads and downloads, and
// the Excel round trip of score sheets and the public-notice list. Each goes through
// the same checks as the tRPC procedures (session, scope, audit), so these routes add only the file
// handling.
import type { FastifyPluginAsync } from 'fastify';
import type { ContextFor } from './server.js';
import { evidenceRoutes } from './evidence-routes.js';
import { excelRoutes } from './excel-routes.js';
import { recordFileRoutes } from './record-file-routes.js';
import { pilotMeetingFileRoutes } from './pilot-meeting-file-routes.js';
import { registerFileRoutes } from './register-file-routes.js';
import { townshipFileRoutes } from './township-file-routes.js';

export function campaignFileRoutes(deps: {
  contextFor: ContextFor;
  dataDir: string;
}): FastifyPluginAsync {
  return async (app) => {
    await app.register(evidenceRoutes(deps));
    await app.register(excelRoutes(deps));
    await app.register(recordFileRoutes(deps));
    await app.register(pilotMeetingFileRoutes(deps));
    await app.register(registerFileRoutes(deps));
    await app.register(townshipFileRoutes(deps));
  };
}
