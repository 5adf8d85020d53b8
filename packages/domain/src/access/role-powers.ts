// What a role may do beyond its scope: the pages and imports each role reaches.
import type { Role } from './roles.js';

/** Roles that may only read in this release. */
export const readOnlyRoles: ReadonlySet<Role> = new Set<Role>(['inspector']);

/** Roles that manage users inside their scope (用户管理). */
export const userManagerRoles: ReadonlySet<Role> = new Set<Role>([
  'system_admin',
  'county_admin',
  'township_officer',
]);

/** Roles that may import administrative divisions. */
export const divisionImporterRoles: ReadonlySet<Role> = new Set<Role>([
  'system_admin',
  'county_admin',
]);
