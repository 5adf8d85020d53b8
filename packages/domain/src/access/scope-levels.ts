// The division level a user's scope has, by role.
import type { DivisionLevel } from '../divisions/division-code.js';
import type { Role } from './roles.js';

/** The scope code of a system administrator: the whole deployment. */
export const WHOLE_DEPLOYMENT = '000000000000';

const levels: Readonly<Record<Exclude<Role, 'system_admin'>, readonly DivisionLevel[]>> = {
  county_admin: ['county'],
  township_officer: ['township'],
  inspector: ['county', 'township'],
  // a county unit's officer holds their county as scope, narrowed to their one unit
  unit_officer: ['county'],
  village_clerk: ['village'],
};

/**
 * The division levels a user of `role` may have as scope; `null` for the system administrator,
 * whose scope is the whole deployment (`WHOLE_DEPLOYMENT`).
 */
export function roleScopeLevels(role: Role): readonly DivisionLevel[] | null {
  return role === 'system_admin' ? null : levels[role];
}
