// The roles of the platform, highest rank first, and the rank of each.
import type { LocalizedText } from '../localized-text.js';

/** Every role, highest rank first (the one list; the API's DB column and the SPA read it). */
export const ROLES = [
  'system_admin',
  'county_admin',
  'township_officer',
  'inspector',
  'unit_officer',
  'village_clerk',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * The rank of each role: a user grants, and manages, only roles of a strictly lower rank (the
 * system administrator excepted, see `canGrant`). An inspector ranks with a township officer; a county unit's officer (县直单位), below the
 * county administrator and scoped to one unit, too.
 */
export const roleRank: Readonly<Record<Role, number>> = {
  system_admin: 4,
  county_admin: 3,
  township_officer: 2,
  inspector: 2,
  unit_officer: 2,
  village_clerk: 1,
};

/** Whether a value is one of the roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const roleNames: Readonly<Record<Role, LocalizedText>> = {
  system_admin: { zh: '系统管理员', en: 'system administrator' },
  county_admin: { zh: '县级管理员', en: 'county administrator' },
  township_officer: { zh: '乡镇工作人员', en: 'township officer' },
  inspector: { zh: '考核人员', en: 'inspector' },
  unit_officer: { zh: '县直单位工作人员', en: 'county unit officer' },
  village_clerk: { zh: '村级文书', en: 'village clerk' },
};

/** @example roleName('village_clerk').zh // → '村级文书' */
export function roleName(role: Role): LocalizedText {
  return roleNames[role];
}
