import { describe, expect, it } from 'vitest';
import { divisionImporterRoles, readOnlyRoles, userManagerRoles } from './role-powers.js';
import { ROLES } from './roles.js';

describe('role powers', () => {
  it('only system, county and township staff manage users', () => {
    expect(ROLES.filter((r) => userManagerRoles.has(r))).toEqual([
      'system_admin',
      'county_admin',
      'township_officer',
    ]);
  });

  it('only system and county administrators import divisions', () => {
    expect(ROLES.filter((r) => divisionImporterRoles.has(r))).toEqual([
      'system_admin',
      'county_admin',
    ]);
  });

  it('only the inspector is read-only', () => {
    expect(ROLES.filter((r) => readOnlyRoles.has(r))).toEqual(['inspector']);
  });
});
