// Roles as the SPA sees them: which pages each may open and which roles each may grant. The rules
// are @fazhi/domain's (access/), the ones the server enforces; the SPA only hides what would fail.
import {
  canGrant,
  divisionImporterRoles,
  grantableRoles,
  ROLES,
  roleScopeLevels,
  userManagerRoles,
  WHOLE_DEPLOYMENT,
  type Role,
} from '@fazhi/domain';

export { canGrant, grantableRoles, WHOLE_DEPLOYMENT, type Role };

/** Every role, highest rank first. */
export const allRoles: readonly Role[] = ROLES;

/** Roles that see 用户管理. */
export function canManageUsers(role: Role): boolean {
  return userManagerRoles.has(role);
}

/** Roles that may import divisions. */
export function canImportDivisions(role: Role): boolean {
  return divisionImporterRoles.has(role);
}

/** The division levels a user of `role` may have as scope; `null`: the whole deployment. */
export const scopeLevelsFor = roleScopeLevels;
