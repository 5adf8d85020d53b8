import { describe, expect, it } from 'vitest';
import {
  checkPufaActivity,
  checkPufaPlanItem,
  checkPufaRosterMember,
  type PufaActivityFacts,
  type PufaRosterFacts,
} from './check-pufa.js';
import { pufaTrained } from './pufa-lists.js';

const activity = (facts: Partial<PufaActivityFacts>, today = '2026-04-10') =>
  checkPufaActivity(
    { type: 'lecture', heldOn: '2026-04-01', participants: 30, materials: 0, ...facts },
    { today },
  ).map((p) => `${p.severity}:${p.code}`);

describe('checkPufaActivity', () => {
  it.each([
    ['2026-04-10', []],
    ['2026-04-11', ['error:HELD_IN_FUTURE']],
  ])('held on %s, today 2026-04-10: %j', (heldOn, expected) => {
    expect(activity({ heldOn })).toEqual(expected);
  });

  it.each([
    ['lecture', 0, ['warning:NO_PARTICIPANTS']],
    ['lecture', 1, []],
    ['exam', 0, ['warning:NO_PARTICIPANTS']],
    ['display_board', 0, []],
  ] as const)('a %s with %i participants: %j', (type, participants, expected) => {
    expect(activity({ type, participants })).toEqual(expected);
  });

  it('a leaflet round with nothing handed out is a warning, with one leaflet none', () => {
    expect(activity({ type: 'materials', participants: 0, materials: 0 })).toEqual([
      'warning:NO_MATERIALS',
    ]);
    expect(activity({ type: 'materials', participants: 0, materials: 1 })).toEqual([]);
  });

  it('errors come before warnings', () => {
    expect(activity({ heldOn: '2027-01-01', participants: 0 })).toEqual([
      'error:HELD_IN_FUTURE',
      'warning:NO_PARTICIPANTS',
    ]);
  });
});

const member = (facts: Partial<PufaRosterFacts>) =>
  checkPufaRosterMember(
    { role: 'legal_literate', trainingHours: 8, examResult: 'not_taken', examOn: null, ...facts },
    { today: '2026-04-10' },
  ).map((p) => p.code);

describe('checkPufaRosterMember', () => {
  it('an exam result needs its date, not after today; a date needs a result', () => {
    expect(member({ examResult: 'passed' })).toEqual(['EXAM_DATE_MISSING']);
    expect(member({ examResult: 'passed', examOn: '2026-04-10' })).toEqual([]);
    expect(member({ examResult: 'failed', examOn: '2026-04-11' })).toEqual(['EXAM_IN_FUTURE']);
    expect(member({ examOn: '2026-04-01' })).toEqual(['EXAM_DATE_WITHOUT_RESULT']);
  });

  it('a 法律明白人 without training hours is a warning; a lecturer is not', () => {
    expect(member({ trainingHours: 0 })).toEqual(['NOT_TRAINED']);
    expect(member({ trainingHours: 0, role: 'lecturer' })).toEqual([]);
  });

  it('counts as trained from eight hours', () => {
    expect(pufaTrained(7.5)).toBe(false);
    expect(pufaTrained(8)).toBe(true);
  });
});

describe('checkPufaPlanItem', () => {
  it.each([
    ['2026-12-31', 0, []],
    ['2027-01-01', 0, ['PLAN_DUE_OUTSIDE_YEAR']],
    ['2026-04-09', 99, ['PLAN_OVERDUE']],
    ['2026-04-09', 100, []],
    ['2026-04-10', 0, []],
  ])('due %s at %i%%: %j', (dueOn, progress, expected) => {
    expect(
      checkPufaPlanItem({ year: 2026, dueOn, progress }, { today: '2026-04-10' }).map(
        (p) => p.code,
      ),
    ).toEqual(expected);
  });
});
