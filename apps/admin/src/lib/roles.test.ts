// The rules themselves are tested in @fazhi/domain (access/); here, that the SPA reads them.
import { describe, expect, it } from 'vitest';
import { ROLES } from '@fazhi/domain';
import { allRoles, canImportDivisions, canManageUsers, grantableRoles } from './roles';

describe('the SPA reads the domain’s roles', () => {
  it('offers every role, highest first', () => {
    expect(allRoles).toBe(ROLES);
    expect(grantableRoles('county_admin')).toEqual([
      'township_officer',
      'inspector',
      'unit_officer',
      'village_clerk',
    ]);
  });

  it('shows 用户管理 and the division import to the roles that may use them', () => {
    expect(allRoles.filter(canManageUsers)).toEqual([
      'system_admin',
      'county_admin',
      'township_officer',
    ]);
    expect(allRoles.filter(canImportDivisions)).toEqual(['system_admin', 'county_admin']);
  });
});
