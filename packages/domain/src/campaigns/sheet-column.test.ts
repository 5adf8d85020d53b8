import { describe, expect, it } from 'vitest';
import { participationActor } from './participation-actor.js';
import { openColumn } from './sheet-column.js';
import type { SubjectLevel } from './campaign-mode.js';
import type { CampaignStage } from './campaign-stage.js';
import type { ParticipationState } from './participation.js';

// role × subject level × stage × state → the column the user may fill
const table: [string, SubjectLevel, CampaignStage, ParticipationState, string | null][] = [
  ['village_clerk', 'village', 'self_assess', 'declared', 'self'],
  ['village_clerk', 'village', 'self_assess', 'self_assessed', null],
  ['village_clerk', 'village', 'township_review', 'returned', 'self'],
  ['village_clerk', 'village', 'county_acceptance', 'returned', null],
  ['township_officer', 'village', 'township_review', 'self_assessed', 'township'],
  ['township_officer', 'village', 'self_assess', 'self_assessed', null],
  ['county_admin', 'village', 'county_acceptance', 'township_approved', 'county'],
  ['county_admin', 'village', 'county_acceptance', 'self_assessed', null],
  ['township_officer', 'township', 'self_assess', 'enrolled', 'self'],
  ['township_officer', 'township', 'township_review', 'self_assessed', null],
  ['county_admin', 'township', 'county_acceptance', 'self_assessed', 'county'],
  ['county_admin', 'township', 'county_acceptance', 'township_approved', null],
  ['unit_officer', 'county_unit', 'self_assess', 'enrolled', 'self'],
  ['unit_officer', 'county_unit', 'county_acceptance', 'self_assessed', null],
  ['unit_officer', 'village', 'self_assess', 'enrolled', null],
  ['village_clerk', 'township', 'self_assess', 'enrolled', null],
  ['inspector', 'village', 'county_acceptance', 'township_approved', null],
  ['system_admin', 'county_unit', 'county_acceptance', 'self_assessed', 'county'],
];

describe('openColumn with participationActor', () => {
  it.each(table)('%s on a %s subject at %s in %s fills %s', (role, level, stage, state, column) => {
    const actor = participationActor(role, level);
    const got = actor
      ? openColumn(actor, stage, state, { townshipReview: level === 'village' })
      : null;
    expect(got).toBe(column);
  });
});
