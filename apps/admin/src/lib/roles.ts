// Roles as the SPA sees them: which pages each may open and which roles each may grant.
// Mirrors apps/api/src/auth/roles.ts (the server enforces it; the SPA only hides what would fail).
import type { Role } from '@fazhi/api';
import type { DivisionLevel } from '@fazhi/domain';

export type { Role };

export const allRoles: readonly Role[] = [
  'system_admin',
  'county_admin',
  'township_officer',
  'inspector',
  'village_clerk',
];

/** A user grants and manages only strictly lower ranks (the system administrator: every rank). */
export const roleRank: Readonly<Record<Role, number>> = {
  system_admin: 4,
  county_admin: 3,
  township_officer: 2,
  inspector: 2,
  village_clerk: 1,
};

export const WHOLE_DEPLOYMENT = '000000000000';

/** Whether `granter` may give a user the role `role`, or edit, reset or disable a user holding it. */
export function canGrant(granter: Role, role: Role): boolean {
  if (granter === 'system_admin') return true;
  return roleRank[role] < roleRank[granter];
}

/** The roles `granter` may give, highest first. */
export function grantableRoles(granter: Role): Role[] {
  return allRoles.filter((role) => canGrant(granter, role));
}

/** Roles that see 用户管理. */
export function canManageUsers(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin' || role === 'township_officer';
}

/** Roles that may import divisions. */
export function canImportDivisions(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin';
}

/** The division levels a user of `role` may have as scope; `null`: the whole deployment. */
export function scopeLevelsFor(role: Role): readonly DivisionLevel[] | null {
  switch (role) {
    case 'system_admin':
      return null;
    case 'county_admin':
      return ['county'];
    case 'township_officer':
      return ['township'];
    case 'inspector':
      return ['county', 'township'];
    case 'village_clerk':
      return ['village'];
  }
}
