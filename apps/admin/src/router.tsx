// Routes: every page is lazy-loaded, with the translation tables it uses, so that the first
// screen stays small.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { PageLoading } from './components/page-loading';
import { RouteError } from './components/route-error';
import { onUnauthorized } from './trpc';
import { loadTables } from './i18n';
import type { FeatureTableName } from './i18n/feature-tables';

export const LOGIN_PATH = '/login';

const routes: RouteObject[] = [
  {
    path: '/',
    HydrateFallback: () => <PageLoading minHeight="100vh" />,
    ErrorBoundary: RouteError,
    children: [
      {
        path: 'login',
        id: 'login',
        lazy: async () => ({ Component: (await import('./features/auth/login-page')).LoginPage }),
      },
      {
        id: 'frame',
        lazy: async () => ({ Component: (await import('./features/layout/app-layout')).AppLayout }),
        children: [
          {
            index: true,
            id: 'dashboard',
            lazy: async () => ({
              Component: (await import('./features/dashboard/dashboard-page')).DashboardPage,
            }),
          },
          {
            path: 'divisions',
            lazy: async () => ({
              Component: (await import('./features/divisions/divisions-page')).DivisionsPage,
            }),
          },
          {
            path: 'users',
            lazy: async () => ({
              Component: (await import('./features/users/users-page')).UsersPage,
            }),
          },
          {
            path: 'units',
            lazy: async () => ({
              Component: (await import('./features/units/units-page')).UnitsPage,
            }),
          },
          {
            path: 'campaigns',
            lazy: async () => ({
              Component: (await import('./features/campaigns/campaigns-page')).CampaignsPage,
            }),
          },
          {
            path: 'campaigns/:id',
            lazy: async () => ({
              Component: (await import('./features/campaigns/campaign-detail-page'))
                .CampaignDetailPage,
            }),
          },
          {
            path: 'campaigns/:id/results',
            lazy: async () => ({
              Component: (await import('./features/campaigns/results-page')).ResultsPage,
            }),
          },
          {
            path: 'campaigns/:id/notice',
            lazy: async () => ({
              Component: (await import('./features/campaigns/notice-page')).NoticePage,
            }),
          },
          {
            path: 'participations/:id',
            lazy: async () => ({
              Component: (await import('./features/campaigns/sheet-page')).SheetPage,
            }),
          },
          {
            path: 'registers/mediation',
            lazy: async () => ({
              Component: (await import('./features/registers/mediation-page')).MediationPage,
            }),
          },
          {
            path: 'registers/advisers',
            lazy: async () => ({
              Component: (await import('./features/registers/advisers-page')).AdvisersPage,
            }),
          },
          {
            path: 'registers/corrections',
            lazy: async () => ({
              Component: (await import('./features/registers/corrections-page')).CorrectionsPage,
            }),
          },
          {
            path: 'registers/pufa',
            lazy: async () => ({
              Component: (await import('./features/registers/pufa-page')).PufaPage,
            }),
          },
          {
            path: 'registers/annual-report',
            lazy: async () => ({
              Component: (await import('./features/registers/annual-report-page')).AnnualReportPage,
            }),
          },
          {
            path: 'registers/statistics',
            lazy: async () => ({
              Component: (await import('./features/registers/statistics-page')).StatisticsPage,
            }),
          },
          {
            path: 'township-board',
            lazy: async () => ({
              Component: (await import('./features/township/board-page')).TownshipBoardPage,
            }),
          },
          {
            path: 'tasks',
            lazy: async () => ({
              Component: (await import('./features/township/tasks-page')).TasksPage,
            }),
          },
          {
            path: 'projects',
            lazy: async () => ({
              Component: (await import('./features/township/projects-page')).ProjectsPage,
            }),
          },
          {
            path: 'projects/budget',
            lazy: async () => ({
              Component: (await import('./features/township/budget-page')).BudgetPage,
            }),
          },
          {
            path: 'projects/budget/:id',
            lazy: async () => ({
              Component: (await import('./features/township/budget-project-page'))
                .BudgetProjectPage,
            }),
          },
          {
            path: 'comments',
            lazy: async () => ({
              Component: (await import('./features/township/comments-page')).CommentsPage,
            }),
          },
          {
            path: 'records',
            lazy: async () => ({
              Component: (await import('./features/records/records-page')).RecordsPage,
            }),
          },
          {
            path: 'records/compliance',
            lazy: async () => ({
              Component: (await import('./features/records/compliance-page')).CompliancePage,
            }),
          },
          {
            path: 'titles',
            lazy: async () => ({
              Component: (await import('./features/titles/titles-page')).TitlesPage,
            }),
          },
          {
            path: 'titles/:id',
            lazy: async () => ({
              Component: (await import('./features/titles/title-page')).TitlePage,
            }),
          },
          {
            path: 'frameworks',
            lazy: async () => ({
              Component: (await import('./features/frameworks/frameworks-page')).FrameworksPage,
            }),
          },
          {
            path: 'governance/resolution',
            lazy: async () => ({
              Component: (await import('./features/governance/resolution-check-page'))
                .ResolutionCheckPage,
            }),
          },
          {
            path: 'audit',
            lazy: async () => ({
              Component: (await import('./features/audit/audit-page')).AuditPage,
            }),
          },
          {
            path: '*',
            id: 'notFound',
            lazy: async () => ({ Component: (await import('./components/not-found')).NotFound }),
          },
        ],
      },
    ],
  },
];

/**
 * The features' translation tables the first screen's routes need (by route id); every other
 * route loads all of them with its page. `scripts/first-screen.mjs` counts the same tables.
 */
const routeTables: Record<string, readonly FeatureTableName[]> = {
  login: [],
  frame: [],
  dashboard: ['phases'],
  notFound: [],
};

/** Makes each lazy route load its translation tables along with its code. */
function withTables(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const { lazy } = route;
    const tables = route.id === undefined ? undefined : routeTables[route.id];
    const children = route.children && withTables(route.children);
    if (typeof lazy !== 'function') return { ...route, children } as RouteObject;
    return {
      ...route,
      children,
      lazy: async () => (await Promise.all([lazy(), loadTables(tables)]))[0],
    } as RouteObject;
  });
}

const router = createBrowserRouter(withTables(routes));

// A query answered UNAUTHORIZED: the session has ended, so sign in again.
onUnauthorized(() => {
  const { pathname, search } = router.state.location;
  if (pathname === LOGIN_PATH) return;
  void router.navigate(LOGIN_PATH, {
    replace: true,
    state: { from: pathname + search, expired: true },
  });
});

export function AppRouter() {
  return <RouterProvider router={router} />;
}
