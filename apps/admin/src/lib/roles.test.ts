import { describe, expect, it } from 'vitest';
import {
  allRoles,
  canGrant,
  canImportDivisions,
  canManageUsers,
  grantableRoles,
  scopeLevelsFor,
} from './roles';

describe('grantableRoles', () => {
  it.each([
    [
      'system_admin',
      ['system_admin', 'county_admin', 'township_officer', 'inspector', 'village_clerk'],
    ],
    ['county_admin', ['township_officer', 'inspector', 'village_clerk']],
    ['township_officer', ['village_clerk']],
    ['inspector', ['village_clerk']],
    ['village_clerk', []],
  ] as const)('a %s may grant %j', (granter, roles) => {
    expect(grantableRoles(granter)).toEqual(roles);
  });
});

describe('canGrant', () => {
  it('nobody grants a role above their own', () => {
    expect(canGrant('county_admin', 'system_admin')).toBe(false);
    expect(canGrant('township_officer', 'county_admin')).toBe(false);
    expect(canGrant('village_clerk', 'township_officer')).toBe(false);
  });

  it('nobody but the system administrator grants (or manages) their own role', () => {
    expect(allRoles.filter((role) => canGrant(role, role))).toEqual(['system_admin']);
    expect(canGrant('township_officer', 'inspector')).toBe(false);
  });
});

describe('page access', () => {
  it('only system, county and township staff manage users', () => {
    expect(allRoles.filter(canManageUsers)).toEqual([
      'system_admin',
      'county_admin',
      'township_officer',
    ]);
  });

  it('only system and county administrators import divisions', () => {
    expect(allRoles.filter(canImportDivisions)).toEqual(['system_admin', 'county_admin']);
  });
});

describe('scopeLevelsFor', () => {
  it.each([
    ['system_admin', null],
    ['county_admin', ['county']],
    ['township_officer', ['township']],
    ['inspector', ['county', 'township']],
    ['village_clerk', ['village']],
  ] as const)('a %s has a scope at %j', (role, levels) => {
    expect(scopeLevelsFor(role)).toEqual(levels);
  });
});
