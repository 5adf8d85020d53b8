import { createCallerFactory, router } from './init.js';
import { authRouter } from '../routers/auth.js';
import { auditRouter } from '../routers/audit.js';
import { dashboardRouter } from '../routers/dashboard.js';
import { divisionsRouter } from '../routers/divisions.js';
import { usersRouter } from '../routers/users.js';
import { unitsRouter } from '../routers/units.js';
import { campaignsRouter } from '../routers/campaigns.js';
import { frameworksRouter } from '../routers/frameworks.js';
import { participationsRouter } from '../routers/participations.js';
import { titlesRouter } from '../routers/titles.js';
import { disclosuresRouter } from '../routers/disclosures.js';
import { electionsRouter } from '../routers/elections.js';
import { groupsRouter } from '../routers/groups.js';
import { mattersRouter } from '../routers/matters.js';
import { meetingsRouter } from '../routers/meetings.js';
import { recordsRouter } from '../routers/records.js';
import { recordFilesRouter } from '../routers/record-files.js';
import { villageRulesRouter } from '../routers/village-rules.js';
import {
  mediationRouter,
  periodsRouter,
  screeningsRouter,
  statisticsRouter,
} from '../routers/registers.js';
import { advisersRouter } from '../routers/advisers.js';
import { correctionsRouter } from '../routers/corrections.js';
import { pufaRouter } from '../routers/pufa.js';
import { budgetRouter } from '../routers/budget.js';
import { commentsRouter } from '../routers/comments.js';
import { tasksRouter } from '../routers/tasks.js';
import { projectsRouter } from '../routers/projects.js';
import { townshipDashboardRouter } from '../routers/township-dashboard.js';
import { reportsRouter } from '../routers/reports.js';

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  dashboard: dashboardRouter,
  divisions: divisionsRouter,
  frameworks: frameworksRouter,
  participations: participationsRouter,
  titles: titlesRouter,
  units: unitsRouter,
  users: usersRouter,
  // village records (村务台账)
  disclosures: disclosuresRouter,
  elections: electionsRouter,
  groups: groupsRouter,
  matters: mattersRouter,
  meetings: meetingsRouter,
  records: recordsRouter,
  recordFiles: recordFilesRouter,
  villageRules: villageRulesRouter,
  // rule-of-law work registers (法治台账)
  mediation: mediationRouter,
  screenings: screeningsRouter,
  periods: periodsRouter,
  statistics: statisticsRouter,
  advisers: advisersRouter,
  corrections: correctionsRouter,
  pufa: pufaRouter,
  reports: reportsRouter,
  // township work (督查督办, 件件有反馈)
  budget: budgetRouter,
  comments: commentsRouter,
  tasks: tasksRouter,
  projects: projectsRouter,
  townshipDashboard: townshipDashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
