import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDate } from './_internal/dates.js';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import {
  checkResolution,
  meetingBodies,
  resolutionMatters,
  type ResolutionInput,
} from './check-resolution.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});
const land = (article: number) => ({ law: 'rural_land_contracting_law', version: '2018', article });
const collective = {
  law: 'rural_collective_economic_organizations_law',
  version: '2024',
  article: 27,
};

const villagers = (over: Partial<ResolutionInput>): ResolutionInput => ({
  body: 'villagers_meeting',
  date: '2026-03-01',
  eligible: 100,
  attendees: 60,
  votesFor: 40,
  votesAgainst: 10,
  abstentions: 10,
  ...over,
});

const dateArb = fc
  .integer({ min: dayFromCivil(2024, 1, 1), max: dayFromCivil(2027, 12, 31) })
  .map(formatDate);

/** Valid resolution inputs of every body and matter. */
const resolutionArb: fc.Arbitrary<ResolutionInput> = fc
  .record({
    body: fc.constantFrom(...meetingBodies),
    matter: fc.constantFrom(...resolutionMatters),
    date: dateArb,
    eligible: fc.integer({ min: 1, max: 120 }),
    households: fc.integer({ min: 1, max: 60 }),
  })
  .chain((base) =>
    fc
      .record({
        attendees: fc.integer({ min: 0, max: base.eligible }),
        householdsRepresented: fc.option(fc.integer({ min: 0, max: base.households }), {
          nil: undefined,
        }),
        representatives: fc.option(fc.integer({ min: 0, max: base.eligible }), { nil: undefined }),
      })
      .chain((mid) =>
        fc.integer({ min: 0, max: mid.attendees }).chain((votesFor) =>
          fc.integer({ min: 0, max: mid.attendees - votesFor }).chain((votesAgainst) =>
            fc
              .integer({ min: 0, max: mid.attendees - votesFor - votesAgainst })
              .map((abstentions) => ({
                ...base,
                ...mid,
                votesFor,
                votesAgainst,
                abstentions,
              })),
          ),
        ),
      ),
  );

describe('checkResolution', () => {
  it.each([
    ['2025-12-31', 50, false, '2018', 22],
    ['2025-12-31', 51, true, '2018', 22],
    ['2026-01-01', 50, false, '2025', 26],
    ['2026-01-01', 51, true, '2025', 26],
  ])(
    "on %s a villagers' meeting quorum needs more than half: %i of 100 attending gives %s (%s Art. %i)",
    (date, attendees, quorumMet, version, article) => {
      const result = checkResolution(
        villagers({ date, attendees, votesFor: 40, abstentions: 0, votesAgainst: 0 }),
      );
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(quorumMet);
      expect(result.citations).toEqual([organic(version, article)]);
      if (!quorumMet) {
        expect(result.problems).toEqual([
          expect.objectContaining({
            code: 'QUORUM_NOT_MET',
            citation: organic(version, article),
            field: 'attendees',
          }),
        ]);
      } else {
        expect(result.problems).toEqual([]);
      }
    },
  );

  it.each([
    [20, true],
    [19, false],
  ])(
    "a villagers' meeting also has a quorum when %i of 30 households are represented: %s",
    (householdsRepresented, quorumMet) => {
      const result = checkResolution(
        villagers({
          attendees: 40,
          votesFor: 30,
          votesAgainst: 0,
          abstentions: 0,
          households: 30,
          householdsRepresented,
        }),
      );
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(quorumMet);
      expect(result.citations).toEqual([organic('2025', 26)]);
    },
  );

  it.each([
    ['2025-12-31', 30, false, '2018', 22],
    ['2025-12-31', 31, true, '2018', 22],
    ['2026-01-01', 30, false, '2025', 26],
    ['2026-01-01', 31, true, '2025', 26],
  ])(
    "on %s a villagers' meeting decision needs more than half of the 60 attendees: %i in favour passes: %s (%s Art. %i)",
    (date, votesFor, passed, version, article) => {
      const result = checkResolution(
        villagers({ date, attendees: 60, votesFor, votesAgainst: 60 - votesFor, abstentions: 0 }),
      );
      expect(result.quorumMet).toBe(true);
      expect(result.passed).toBe(passed);
      expect(result.problems).toEqual(
        passed
          ? []
          : [
              expect.objectContaining({
                code: 'MAJORITY_NOT_MET',
                citation: organic(version, article),
              }),
            ],
      );
    },
  );

  it.each([
    ['representatives_meeting', '2025-12-31', 20, true, organic('2018', 26)],
    ['representatives_meeting', '2025-12-31', 19, false, organic('2018', 26)],
    ['representatives_meeting', '2026-01-01', 20, true, organic('2025', 30)],
    ['representatives_meeting', '2026-01-01', 19, false, organic('2025', 30)],
    ['group_meeting', '2025-12-31', 20, true, organic('2018', 28)],
    ['group_meeting', '2025-12-31', 19, false, organic('2018', 28)],
    ['group_meeting', '2026-01-01', 20, true, organic('2025', 32)],
    ['group_meeting', '2026-01-01', 19, false, organic('2025', 32)],
  ] as const)(
    'a %s on %s needs at least two thirds present: %i of 30 gives %s',
    (body, date, attendees, quorumMet, citation) => {
      const result = checkResolution({
        body,
        date,
        eligible: 30,
        attendees,
        votesFor: 15,
        votesAgainst: 0,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(quorumMet);
      expect(result.citations).toEqual([citation]);
      expect(result.problems.map((p) => p.citation)).toEqual(quorumMet ? [] : [citation]);
    },
  );

  it.each([
    [20, true],
    [19, false],
  ])(
    "a villager group's meeting also has a quorum when %i of 30 households are represented: %s",
    (householdsRepresented, quorumMet) => {
      const result = checkResolution({
        body: 'group_meeting',
        date: '2026-01-01',
        eligible: 60,
        households: 30,
        householdsRepresented,
        attendees: 25,
        votesFor: 20,
        votesAgainst: 0,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.citations).toEqual([organic('2025', 32)]);
    },
  );

  it.each([
    [20, true],
    [19, false],
  ])(
    'a Party members meeting needs two thirds of members present (policy, no statute): %i of 30 gives %s',
    (attendees, quorumMet) => {
      const result = checkResolution({
        body: 'party_members_meeting',
        date: '2026-01-01',
        eligible: 30,
        attendees,
        votesFor: 15,
        votesAgainst: 0,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(quorumMet);
      expect(result.citations).toEqual([]);
      expect(result.problems.map((p) => [p.code, p.citation])).toEqual(
        quorumMet ? [] : [['QUORUM_NOT_MET', undefined]],
      );
    },
  );

  it.each([
    ['2025-04-30', 30, 20, false, false, 'LAW_NOT_IN_FORCE'],
    ['2025-05-01', 30, 20, true, true, undefined],
    ['2025-05-01', 30, 19, true, false, 'TWO_THIRDS_OF_ALL_NOT_MET'],
    ['2025-05-01', 20, 20, true, true, undefined],
    ['2025-05-01', 19, 19, false, false, 'QUORUM_NOT_MET'],
  ] as const)(
    'a collective members meeting on %s with %i of 30 present and %i in favour: quorum %s, passed %s',
    (date, attendees, votesFor, quorumMet, passed, code) => {
      const result = checkResolution({
        body: 'collective_members_meeting',
        date,
        eligible: 30,
        attendees,
        votesFor,
        votesAgainst: 0,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(passed);
      expect(result.problems[0]?.code).toBe(code);
      if (date === '2025-05-01') expect(result.citations).toEqual([collective]);
      if (code && code !== 'LAW_NOT_IN_FORCE')
        expect(result.problems[0]?.citation).toEqual(collective);
    },
  );

  it.each([
    ['land_contract_plan', 'villagers_meeting', undefined, 20, true, 19, []],
    ['land_contract_plan', 'villagers_meeting', undefined, 19, false, 19, []],
    [
      'land_contract_adjustment',
      'villagers_meeting',
      undefined,
      20,
      true,
      28,
      ['township_government', 'county_agriculture_department'],
    ],
    [
      'land_contract_adjustment',
      'villagers_meeting',
      undefined,
      19,
      false,
      28,
      ['township_government', 'county_agriculture_department'],
    ],
    [
      'land_contract_outsider',
      'villagers_meeting',
      undefined,
      20,
      true,
      52,
      ['township_government'],
    ],
    [
      'land_contract_outsider',
      'villagers_meeting',
      undefined,
      19,
      false,
      52,
      ['township_government'],
    ],
    ['land_contract_plan', 'representatives_meeting', 24, 16, true, 19, []],
    ['land_contract_plan', 'representatives_meeting', 24, 15, false, 19, []],
    ['land_contract_plan', 'representatives_meeting', undefined, 20, true, 19, []],
    ['land_contract_plan', 'representatives_meeting', undefined, 19, false, 19, []],
  ] as const)(
    'a %s at a %s (representatives %s) needs two thirds of all members: %i of 30 in favour passes: %s',
    (matter, body, representatives, votesFor, passed, article, approvals) => {
      const result = checkResolution({
        body,
        matter,
        date: '2026-01-01',
        eligible: 30,
        ...(representatives === undefined ? {} : { representatives }),
        attendees: 30,
        votesFor,
        votesAgainst: 30 - votesFor,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(true);
      expect(result.passed).toBe(passed);
      expect(result.approvalsRequired).toEqual(approvals);
      expect(result.citations).toContainEqual(land(article));
      expect(result.problems).toEqual(
        passed
          ? []
          : [
              expect.objectContaining({
                code: 'TWO_THIRDS_OF_ALL_NOT_MET',
                citation: land(article),
              }),
            ],
      );
    },
  );

  it.each([
    ['2025-04-30', 16, 9, true, [organic('2018', 22), organic('2018', 24)]],
    ['2025-05-01', 16, 9, false, [organic('2018', 22), collective]],
    ['2025-05-01', 20, 20, true, [organic('2018', 22), collective]],
    ['2025-05-01', 20, 19, false, [organic('2018', 22), collective]],
  ] as const)(
    'collective asset disposal on %s with %i of 30 present and %i in favour passes: %s',
    (date, attendees, votesFor, passed, citations) => {
      const result = checkResolution({
        body: 'villagers_meeting',
        matter: 'collective_asset_disposal',
        date,
        eligible: 30,
        attendees,
        votesFor,
        votesAgainst: 0,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(true);
      expect(result.passed).toBe(passed);
      expect(result.citations).toEqual(citations);
    },
  );

  it('a Party members meeting cannot decide a land matter', () => {
    const result = checkResolution({
      body: 'party_members_meeting',
      matter: 'land_contract_plan',
      date: '2026-01-01',
      eligible: 30,
      attendees: 30,
      votesFor: 30,
      votesAgainst: 0,
      abstentions: 0,
    });
    expect(result.passed).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['WRONG_BODY']);
  });

  it.each([
    ['attendees above eligible', { attendees: 101 }, 'attendees'],
    [
      'votes above attendees',
      { attendees: 10, votesFor: 6, votesAgainst: 3, abstentions: 2 },
      'votesFor',
    ],
    ['a negative count', { votesAgainst: -1 }, 'votesAgainst'],
    ['a fractional count', { attendees: 50.5 }, 'attendees'],
    ['a malformed date', { date: '2025-02-30' }, 'date'],
    ['a date without padding', { date: '2025-2-3' }, 'date'],
    ['an unknown body', { body: 'council' as never }, 'body'],
    ['an unknown matter', { matter: 'whatever' as never }, 'matter'],
    [
      'represented households above households',
      { households: 10, householdsRepresented: 11 },
      'householdsRepresented',
    ],
    ['represented households without households', { householdsRepresented: 11 }, 'households'],
    [
      'zero eligible',
      { eligible: 0, attendees: 0, votesFor: 0, abstentions: 0, votesAgainst: 0 },
      'eligible',
    ],
  ])('%s is INVALID_INPUT with the field and every boolean false', (_title, over, field) => {
    const result = checkResolution(villagers(over));
    expect(result.quorumMet).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    );
  });

  it('adding a vote in favour never turns a passed resolution into a failed one', () => {
    fc.assert(
      fc.property(
        resolutionArb,
        fc.constantFrom('abstention', 'against', 'non_voter', 'newcomer'),
        (input, from) => {
          const more = { ...input, votesFor: input.votesFor + 1 };
          const cast = input.votesFor + input.votesAgainst + input.abstentions;
          if (from === 'abstention') fc.pre(input.abstentions > 0);
          if (from === 'against') fc.pre(input.votesAgainst > 0);
          if (from === 'non_voter') fc.pre(cast < input.attendees);
          if (from === 'newcomer') fc.pre(input.attendees < input.eligible);
          if (from === 'abstention') more.abstentions -= 1;
          if (from === 'against') more.votesAgainst -= 1;
          if (from === 'newcomer') more.attendees += 1;
          const before = checkResolution(input);
          const after = checkResolution(more);
          expect(after.problems.filter((p) => p.code === 'INVALID_INPUT')).toEqual([]);
          if (before.passed) expect(after.passed).toBe(true);
        },
      ),
    );
  });

  it('adding an attendee who votes in favour never breaks a met quorum', () => {
    fc.assert(
      fc.property(resolutionArb, (input) => {
        fc.pre(input.attendees < input.eligible);
        const before = checkResolution(input);
        const after = checkResolution({
          ...input,
          attendees: input.attendees + 1,
          votesFor: input.votesFor + 1,
        });
        if (before.quorumMet) expect(after.quorumMet).toBe(true);
        if (before.passed) expect(after.passed).toBe(true);
      }),
    );
  });

  it('never mutates its input and every problem is well formed', () => {
    fc.assert(
      fc.property(resolutionArb, (input) => {
        const copy = JSON.parse(JSON.stringify(input)) as unknown;
        const result = checkResolution(deepFreeze(input));
        expect(input).toEqual(copy);
        const legal =
          input.body === 'party_members_meeting'
            ? []
            : ['QUORUM_NOT_MET', 'MAJORITY_NOT_MET', 'TWO_THIRDS_OF_ALL_NOT_MET'];
        expect(problemShapeErrors(result.problems, legal)).toEqual([]);
        expect(result.passed && !result.quorumMet).toBe(false);
        expect(result.passed).toBe(!result.problems.some((p) => p.severity === 'error'));
      }),
    );
  });
});
