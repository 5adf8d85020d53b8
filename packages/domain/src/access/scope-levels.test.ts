import { describe, expect, it } from 'vitest';
import { roleScopeLevels } from './scope-levels.js';

describe('roleScopeLevels', () => {
  it.each([
    ['system_admin', null],
    ['county_admin', ['county']],
    ['township_officer', ['township']],
    ['inspector', ['county', 'township']],
    ['unit_officer', ['county']],
    ['village_clerk', ['village']],
  ] as const)('a %s has a scope at %j', (role, levels) => {
    expect(roleScopeLevels(role)).toEqual(levels);
  });
});
