// What other packages of the workspace use: the router type for the SPA, and the pieces the
// browser tests and scripts start a server with.
export type { AppRouter } from './trpc/root.js';
export type { ErrorData } from './trpc/error-formatter.js';
export type { FieldProblem } from './trpc/problem-error.js';
export type { Role } from './auth/roles.js';
export { roles, WHOLE_DEPLOYMENT } from './auth/roles.js';
export { openDatabase, type Database } from './db/client.js';
export { createServer } from './http/server.js';
export { seedDemo } from './demo/seed-demo.js';
export { DEMO_PASSWORD, demoUsers, DEMO_COUNTY_CODE } from './demo/demo-county.js';
