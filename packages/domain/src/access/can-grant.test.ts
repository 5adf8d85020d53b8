import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canGrant, grantableRoles } from './can-grant.js';
import { ROLES, roleRank } from './roles.js';

describe('grantableRoles', () => {
  it.each([
    [
      'system_admin',
      [
        'system_admin',
        'county_admin',
        'township_officer',
        'inspector',
        'unit_officer',
        'village_clerk',
      ],
    ],
    ['county_admin', ['township_officer', 'inspector', 'unit_officer', 'village_clerk']],
    ['township_officer', ['village_clerk']],
    ['inspector', ['village_clerk']],
    ['unit_officer', ['village_clerk']],
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

  it('nobody but the system administrator grants (or manages) their own rank', () => {
    expect(ROLES.filter((role) => canGrant(role, role))).toEqual(['system_admin']);
    expect(canGrant('township_officer', 'inspector')).toBe(false);
    expect(canGrant('inspector', 'township_officer')).toBe(false);
  });

  it('below the system administrator, a grant goes exactly to strictly lower ranks', () => {
    const role = fc.constantFrom(...ROLES);
    fc.assert(
      fc.property(role, role, (granter, granted) => {
        if (granter === 'system_admin') return canGrant(granter, granted);
        return canGrant(granter, granted) === roleRank[granted] < roleRank[granter];
      }),
    );
  });
});
