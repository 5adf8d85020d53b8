export { isRole, ROLES, roleName, roleRank } from './roles.js';
export type { Role } from './roles.js';
export { canGrant, grantableRoles } from './can-grant.js';
export { divisionImporterRoles, readOnlyRoles, userManagerRoles } from './role-powers.js';
export { roleScopeLevels, WHOLE_DEPLOYMENT } from './scope-levels.js';
export { inScope, scopePrefix } from './in-scope.js';
