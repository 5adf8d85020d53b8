// What other packages of the workspace use: the router type for the SPA, and the pieces the
// browser tests and scripts start a server with.
export type { AppRouter } from './trpc/root.js';
export type { ErrorData, ProblemData } from './trpc/error-formatter.js';
export type {
  BatchChangedDetails,
  FieldProblem,
  FrameworkInvalidDetails,
  FrameworkXlsxInvalidDetails,
  ImportBadCellsDetails,
  ImportRejectedDetails,
  NoDetails,
  ProblemCode,
  ProblemDetails,
  SheetConflictDetails,
  StageBlockedDetails,
  RecordConflictDetails,
  TransitionRefusedDetails,
  XlsxInvalidDetails,
} from './errors/app-error.js';
export type { Role } from './auth/roles.js';
export { roles, WHOLE_DEPLOYMENT } from './auth/roles.js';
export { openDatabase, type Database } from './db/client.js';
export { createServer } from './http/server.js';
export { seedDemo } from './demo/seed-demo.js';
export { restoreSnapshot, takeSnapshot } from './db/snapshot.js';
export { DEMO_PASSWORD, demoUsers, DEMO_COUNTY_CODE } from './demo/demo-county.js';
