import { createCallerFactory, router } from './init.js';
import { authRouter } from '../routers/auth.js';
import { auditRouter } from '../routers/audit.js';
import { dashboardRouter } from '../routers/dashboard.js';
import { divisionsRouter } from '../routers/divisions.js';
import { usersRouter } from '../routers/users.js';

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  divisions: divisionsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
