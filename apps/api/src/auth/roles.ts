// Roles, their rank and the division level each one's scope must have.
import type { DivisionLevel } from '@fazhi/domain';
import { roles, type Role } from '../db/schema.js';

export { roles, type Role };

/** The scope code of a system administrator: the whole deployment. */
export const WHOLE_DEPLOYMENT = '000000000000';

/**
 * A user grants, and manages, only roles of a strictly lower rank; the system administrator
 * alone also manages other system administrators (see `canGrant`).
 */
export const roleRank: Record<Role, number> = {
  system_admin: 4,
  county_admin: 3,
  township_officer: 2,
  inspector: 2,
  village_clerk: 1,
};

/** Roles that may only read in this release. */
export const readOnlyRoles: ReadonlySet<Role> = new Set(['inspector']);

/** Roles that manage users inside their scope. */
export const userManagerRoles: ReadonlySet<Role> = new Set([
  'system_admin',
  'county_admin',
  'township_officer',
]);

/** Roles that may import administrative divisions. */
export const divisionImporterRoles: ReadonlySet<Role> = new Set(['system_admin', 'county_admin']);

/** The levels a user's scope may have, by role (system_admin: the whole deployment). */
export const scopeLevels: Record<Exclude<Role, 'system_admin'>, readonly DivisionLevel[]> = {
  county_admin: ['county'],
  township_officer: ['township'],
  inspector: ['county', 'township'],
  village_clerk: ['village'],
};

/**
 * Whether `granter` may give a user the role `role`, or manage (edit, reset, disable) a user who
 * holds it: only roles of a strictly lower rank, so a township officer cannot touch a peer
 * officer and a county administrator cannot touch another county administrator. The system
 * administrator manages everyone, other system administrators included (never their own role
 * or disabled flag, which the users service refuses for everybody).
 */
export function canGrant(granter: Role, role: Role): boolean {
  if (granter === 'system_admin') return true;
  return roleRank[role] < roleRank[granter];
}
