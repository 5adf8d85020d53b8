import { describe, expect, it } from 'vitest';
import { isRole, ROLES, roleRank } from './roles.js';

describe('ROLES and roleRank', () => {
  it('lists every role once, highest rank first', () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
    const ranks = ROLES.map((r) => roleRank[r]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('ranks an inspector with a township officer, between county and village', () => {
    expect(roleRank.inspector).toBe(roleRank.township_officer);
    expect(roleRank.county_admin).toBeGreaterThan(roleRank.inspector);
    expect(roleRank.village_clerk).toBeLessThan(roleRank.inspector);
  });

  it('ranks a county unit officer below the county administrator, above the village clerk', () => {
    expect(roleRank.unit_officer).toBeLessThan(roleRank.county_admin);
    expect(roleRank.unit_officer).toBeGreaterThan(roleRank.village_clerk);
  });

  it('isRole knows the roles and nothing else', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const other of ['admin', '', 'SYSTEM_ADMIN', null, 3]) expect(isRole(other)).toBe(false);
  });
});
