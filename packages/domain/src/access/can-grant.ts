// Who may give which role.
import { ROLES, roleRank, type Role } from './roles.js';

/**
 * Whether `granter` may give a user the role `role`, or manage (edit, reset, disable) a user who
 * holds it: only roles of a strictly lower rank, so a township officer cannot touch a peer
 * officer and a county administrator cannot touch another county administrator. The system
 * administrator manages everyone, other system administrators included.
 */
export function canGrant(granter: Role, role: Role): boolean {
  if (granter === 'system_admin') return true;
  return roleRank[role] < roleRank[granter];
}

/** The roles `granter` may give, highest first. */
export function grantableRoles(granter: Role): Role[] {
  return ROLES.filter((role) => canGrant(granter, role));
}
