import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import {
  checkFourDeliberations,
  deliberationSteps,
  type DeliberationStep,
  type DeliberationStepRecord,
} from './check-four-deliberations.js';
import type { ResolutionInput } from './check-resolution.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const partyMeeting = (date: string, attendees = 25): ResolutionInput => ({
  body: 'party_members_meeting',
  date,
  eligible: 30,
  attendees,
  votesFor: Math.min(20, attendees),
  votesAgainst: 0,
  abstentions: 0,
});

const villagersMeeting = (date: string): ResolutionInput => ({
  body: 'villagers_meeting',
  date,
  eligible: 100,
  attendees: 60,
  votesFor: 40,
  votesAgainst: 10,
  abstentions: 0,
});

/** The six steps on consecutive days ending with the resolution on `resolutionOn`'s day + 0. */
function procedure(dates: readonly string[]): DeliberationStepRecord[] {
  return deliberationSteps.map((step, i) => {
    const on = dates[i] ?? '2026-03-01';
    if (step === 'party_members_review') return { step, on, meeting: partyMeeting(on) };
    if (step === 'villagers_resolution') return { step, on, meeting: villagersMeeting(on) };
    return { step, on };
  });
}

const before2026 = [
  '2025-12-01',
  '2025-12-05',
  '2025-12-10',
  '2025-12-31',
  '2026-01-02',
  '2026-03-01',
];
const from2026 = [
  '2025-12-01',
  '2025-12-05',
  '2025-12-10',
  '2026-01-01',
  '2026-01-02',
  '2026-03-01',
];

const partyArt11 = { law: 'party_branch_work_regulation', version: '2018', article: 11 };

const without = (records: DeliberationStepRecord[], ...steps: DeliberationStep[]) =>
  records.filter((r) => !steps.includes(r.step));

describe('checkFourDeliberations', () => {
  it.each([
    ['2025-12-31', before2026, [partyArt11, organic('2018', 22)]],
    ['2026-01-01', from2026, [organic('2025', 28), partyArt11, organic('2025', 26)]],
  ])(
    'a complete procedure with the resolution on %s is complete and cites the rules in force',
    (_date, dates, citations) => {
      const result = checkFourDeliberations({ steps: procedure(dates) });
      expect(result.complete).toBe(true);
      expect(result.nextSteps).toEqual([]);
      expect(result.problems).toEqual([]);
      expect(result.citations).toEqual(citations);
    },
  );

  it.each([
    ['2025-12-31', before2026, undefined],
    ['2026-01-01', from2026, organic('2025', 28)],
  ])(
    'skipping the Party branch proposal before a resolution on %s is a problem, by law only from 2026',
    (_date, dates, citation) => {
      const result = checkFourDeliberations({
        steps: without(procedure(dates), 'party_branch_proposal'),
      });
      expect(result.complete).toBe(false);
      expect(result.nextSteps).toEqual(['party_branch_proposal']);
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'STEP_SKIPPED', severity: 'error' }),
      ]);
      expect(result.problems[0]?.citation).toEqual(citation);
    },
  );

  it.each([
    [false, 'two_committees_consultation', false, ['two_committees_consultation']],
    [true, 'two_committees_consultation', true, []],
    [true, 'party_branch_proposal', true, []],
  ] as const)(
    'with secretaryIsChair %s the first two steps may be one: leaving out %s is complete: %s',
    (secretaryIsChair, left, complete, nextSteps) => {
      const result = checkFourDeliberations({
        secretaryIsChair,
        steps: without(procedure(from2026), left),
      });
      expect(result.complete).toBe(complete);
      expect(result.nextSteps).toEqual(nextSteps);
      expect(result.problems.map((p) => p.code)).toEqual(complete ? [] : ['STEP_SKIPPED']);
    },
  );

  it('with secretaryIsChair leaving out both first steps is skipped once, by law from 2026', () => {
    const result = checkFourDeliberations({
      secretaryIsChair: true,
      steps: without(procedure(from2026), 'party_branch_proposal', 'two_committees_consultation'),
    });
    expect(result.complete).toBe(false);
    expect(result.nextSteps).toEqual(['party_branch_proposal']);
    expect(result.problems.map((p) => [p.code, p.citation])).toEqual([
      ['STEP_SKIPPED', organic('2025', 28)],
    ]);
  });

  it.each([
    ['2025-12-31', undefined],
    ['2026-01-01', organic('2025', 28)],
  ])(
    'a resolution on %s dated before the Party branch proposal is out of order',
    (on, citation) => {
      const steps = procedure([
        '2026-01-05',
        '2026-01-05',
        '2026-01-05',
        on,
        '2026-01-06',
        '2026-01-07',
      ]);
      const result = checkFourDeliberations({ steps });
      expect(result.complete).toBe(false);
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'STEP_OUT_OF_ORDER', field: 'steps[3].on' }),
      ]);
      expect(result.problems[0]?.citation).toEqual(citation);
    },
  );

  it('steps on the same day are in order', () => {
    const result = checkFourDeliberations({ steps: procedure(Array(6).fill('2026-01-05')) });
    expect(result.complete).toBe(true);
  });

  it.each([
    // 30 voting members: half (15) present is a quorum; 16 for is more than half of all 30
    [15, 15, {}, false, ['MAJORITY_NOT_MET']],
    [16, 16, {}, true, []],
    [14, 14, {}, false, ['QUORUM_NOT_MET', 'MAJORITY_NOT_MET']],
    [19, 15, {}, false, ['MAJORITY_NOT_MET']],
    [19, 16, { partyMembersMeetingTwoThirdsQuorum: true }, false, ['QUORUM_NOT_MET']],
    [20, 16, { partyMembersMeetingTwoThirdsQuorum: true }, true, []],
  ] as const)(
    'a Party members review with %i of 30 present and %i for (settings %o): complete %s',
    (attendees, votesFor, settings, complete, codes) => {
      const steps = procedure(from2026).map((r) =>
        r.step === 'party_members_review'
          ? {
              ...r,
              meeting: {
                ...partyMeeting(r.on, attendees),
                votesFor,
                votesAgainst: attendees - votesFor,
              },
            }
          : r,
      );
      const result = checkFourDeliberations({ steps }, settings);
      expect(result.complete).toBe(complete);
      expect(result.nextSteps).toEqual(complete ? [] : ['party_members_review']);
      expect(result.problems.map((p) => [p.code, p.citation])).toEqual(
        codes.map((code) => [code, partyArt11]),
      );
    },
  );

  it('a resolution that fails its majority fails the procedure, citing the meeting rule', () => {
    const steps = procedure(from2026).map((r) =>
      r.step === 'villagers_resolution' && r.meeting
        ? { ...r, meeting: { ...r.meeting, votesFor: 30, votesAgainst: 30 } }
        : r,
    );
    const result = checkFourDeliberations({ steps });
    expect(result.complete).toBe(false);
    expect(result.nextSteps).toEqual(['villagers_resolution']);
    expect(result.problems.map((p) => [p.code, p.citation, p.field])).toEqual([
      ['MAJORITY_NOT_MET', organic('2025', 26), 'steps[3].meeting.votesFor'],
    ]);
  });

  it('a resolution taken by the wrong body is a problem', () => {
    const steps = procedure(from2026).map((r) =>
      r.step === 'villagers_resolution' ? { ...r, meeting: partyMeeting(r.on) } : r,
    );
    const result = checkFourDeliberations({ steps });
    expect(result.complete).toBe(false);
    expect(result.problems.map((p) => [p.code, p.citation])).toEqual([
      ['WRONG_BODY', organic('2025', 28)],
    ]);
  });

  it('a meeting step without its record is a warning only', () => {
    const steps = procedure(from2026).map((r) =>
      r.step === 'party_members_review' ? { step: r.step, on: r.on } : r,
    );
    const result = checkFourDeliberations({ steps });
    expect(result.complete).toBe(true);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ['MEETING_NOT_RECORDED', 'warning'],
    ]);
  });

  it('a procedure under way lists its next steps without problems', () => {
    const result = checkFourDeliberations({ steps: procedure(from2026).slice(0, 2) });
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.nextSteps).toEqual(deliberationSteps.slice(2));
  });

  it.each([
    [
      [
        { step: 'party_branch_proposal', on: '2026-01-01' },
        { step: 'party_branch_proposal', on: '2026-01-02' },
      ],
      'steps[1].step',
    ],
    [[{ step: 'party_branch_proposal', on: '2026-02-30' }], 'steps[0].on'],
    [[{ step: 'vote', on: '2026-01-01' }], 'steps[0].step'],
    [
      [{ step: 'party_members_review', on: '2026-01-02', meeting: partyMeeting('2026-01-01') }],
      'steps[0].meeting.date',
    ],
    [
      [{ step: 'party_members_review', on: '2026-01-01', meeting: partyMeeting('2026-01-01', 31) }],
      'steps[0].meeting.attendees',
    ],
    [
      [{ step: 'resolution_published', on: '2026-01-01', meeting: partyMeeting('2026-01-01') }],
      'steps[0].meeting',
    ],
  ] as Array<[DeliberationStepRecord[], string]>)(
    'impossible steps %j are INVALID_INPUT on %s',
    (steps, field) => {
      const result = checkFourDeliberations({ steps });
      expect(result.complete).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ code: 'INVALID_INPUT', field }),
      );
    },
  );

  it('never mutates its input and every problem is well formed', () => {
    const arb = fc.record({
      secretaryIsChair: fc.boolean(),
      present: fc.subarray([...deliberationSteps]),
      dates: fc.array(fc.constantFrom('2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'), {
        minLength: 6,
        maxLength: 6,
      }),
      attendees: fc.integer({ min: 0, max: 30 }),
      villagersFor: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ secretaryIsChair, present, dates, attendees, villagersFor }) => {
        const steps = procedure(dates)
          .filter((r) => present.includes(r.step))
          .map((r) =>
            r.step === 'party_members_review'
              ? { ...r, meeting: partyMeeting(r.on, attendees) }
              : r.step === 'villagers_resolution'
                ? {
                    ...r,
                    meeting: { ...villagersMeeting(r.on), votesFor: villagersFor, votesAgainst: 0 },
                  }
                : r,
          );
        const value = { secretaryIsChair, steps };
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        const result = checkFourDeliberations(deepFreeze(value));
        expect(value).toEqual(copy);
        expect(result.complete).toBe(
          result.nextSteps.length === 0 && !result.problems.some((p) => p.severity === 'error'),
        );
        // The Party members meeting is policy (no citation); the villagers' meeting is law.
        const resolution = steps.findIndex((r) => r.step === 'villagers_resolution');
        const legal = (field: string | undefined) =>
          resolution >= 0 && field?.startsWith(`steps[${resolution}].meeting`) === true;
        expect(problemShapeErrors(result.problems.filter((p) => !legal(p.field)))).toEqual([]);
        expect(
          problemShapeErrors(
            result.problems.filter((p) => legal(p.field)),
            ['QUORUM_NOT_MET', 'MAJORITY_NOT_MET', 'WRONG_BODY'],
          ),
        ).toEqual([]);
      }),
    );
  });
});
