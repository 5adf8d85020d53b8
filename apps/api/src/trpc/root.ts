import { createCallerFactory, router } from './init.js';
import { authRouter } from '../routers/auth.js';
import { auditRouter } from '../routers/audit.js';
import { dashboardRouter } from '../routers/dashboard.js';
import { divisionsRouter } from '../routers/divisions.js';
import { usersRouter } from '../routers/users.js';
import { campaignsRouter } from '../routers/campaigns.js';
import { frameworksRouter } from '../routers/frameworks.js';
import { participationsRouter } from '../routers/participations.js';
import { titlesRouter } from '../routers/titles.js';

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  dashboard: dashboardRouter,
  divisions: divisionsRouter,
  frameworks: frameworksRouter,
  participations: participationsRouter,
  titles: titlesRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
