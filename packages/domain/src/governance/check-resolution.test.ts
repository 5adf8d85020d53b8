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
  )
  .chain((input) => {
    // a land matter at a representatives meeting counts the representatives' own votes
    const land = input.matter.startsWith('land_') && input.body === 'representatives_meeting';
    if (!land) return fc.constant(input as ResolutionInput);
    const representatives = Math.max(1, input.representatives ?? input.eligible);
    const committee = input.eligible - representatives;
    return fc
      .integer({
        min: Math.max(0, input.votesFor - committee),
        max: Math.min(input.votesFor, representatives),
      })
      .map((representativesVotesFor): ResolutionInput => ({
        ...input,
        representatives,
        representativesVotesFor,
      }));
  });

/** The same vote with one more in favour: a representative's while one is left, else another's. */
function withOneMoreFor(input: ResolutionInput): ResolutionInput {
  const more = { ...input, votesFor: input.votesFor + 1 };
  const { representatives, representativesVotesFor } = input;
  if (representatives === undefined || representativesVotesFor === undefined) return more;
  const committeeFor = input.votesFor - representativesVotesFor;
  if (committeeFor < input.eligible - representatives) return more;
  return { ...more, representativesVotesFor: representativesVotesFor + 1 };
}

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

  const partyArt11 = { law: 'party_branch_work_regulation', version: '2018', article: 11 };

  it.each([
    // 《中国共产党支部工作条例（试行）》 Art. 11: half or more of the voting members present;
    // passed when votes for exceed half of ALL voting members (not of those present).
    ['2025-12-31', 12, 11, true, true, []],
    ['2026-01-01', 12, 11, true, true, []],
    ['2025-12-31', 15, 10, true, false, ['MAJORITY_NOT_MET']],
    ['2026-01-01', 15, 10, true, false, ['MAJORITY_NOT_MET']],
    ['2026-01-01', 10, 10, true, false, ['MAJORITY_NOT_MET']],
    ['2026-01-01', 11, 11, true, true, []],
    ['2026-01-01', 9, 9, false, false, ['QUORUM_NOT_MET', 'MAJORITY_NOT_MET']],
    ['2026-01-01', 20, 10, true, false, ['MAJORITY_NOT_MET']],
    ['2026-01-01', 20, 11, true, true, []],
  ] as const)(
    'a Party members meeting of 20 on %s: %i present, %i for → quorum %s, passed %s',
    (date, attendees, votesFor, quorumMet, passed, codes) => {
      const result = checkResolution({
        body: 'party_members_meeting',
        date,
        eligible: 20,
        attendees,
        votesFor,
        votesAgainst: attendees - votesFor,
        abstentions: 0,
      });
      expect(result.quorumMet).toBe(quorumMet);
      expect(result.passed).toBe(passed);
      expect(result.citations).toEqual([partyArt11]);
      expect(result.problems.map((p) => [p.code, p.citation])).toEqual(
        codes.map((code) => [code, partyArt11]),
      );
    },
  );

  it.each([
    [false, 10, true],
    [false, 9, false],
    [true, 14, true],
    [true, 13, false],
  ])(
    'a county that asks for two thirds at a Party members meeting (%s): %i of 20 present → quorum %s',
    (twoThirds, attendees, quorumMet) => {
      const result = checkResolution(
        {
          body: 'party_members_meeting',
          date: '2026-03-01',
          eligible: 20,
          attendees,
          votesFor: attendees,
          votesAgainst: 0,
          abstentions: 0,
        },
        { partyMembersMeetingTwoThirdsQuorum: twoThirds },
      );
      expect(result.quorumMet).toBe(quorumMet);
    },
  );

  it('the county setting is off by default: no settings and an empty object read the same', () => {
    const input: ResolutionInput = {
      body: 'party_members_meeting',
      date: '2026-03-01',
      eligible: 20,
      attendees: 12,
      votesFor: 11,
      votesAgainst: 1,
      abstentions: 0,
    };
    expect(checkResolution(input)).toEqual(checkResolution(input, {}));
    expect(checkResolution(input).passed).toBe(true);
  });

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
  ] as const)(
    'a %s at a %s needs two thirds of all members: %i of 30 in favour passes: %s',
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
    // 24 representatives + 6 committee members; two thirds of 24 is 16 representatives' votes
    ['2026-01-01', 16, 16, true, 19],
    ['2026-01-01', 21, 15, false, 19],
    ['2018-12-31', 21, 15, false, 18],
    ['2018-12-31', 16, 16, true, 18],
    ['2019-01-01', 20, 16, true, 19],
  ] as const)(
    'a land plan at a representatives meeting on %s: %i for, %i of them representatives → passed %s (Art. %i)',
    (date, votesFor, representativesVotesFor, passed, article) => {
      const result = checkResolution({
        body: 'representatives_meeting',
        matter: 'land_contract_plan',
        date,
        eligible: 30,
        representatives: 24,
        attendees: 30,
        votesFor,
        representativesVotesFor,
        votesAgainst: 30 - votesFor,
        abstentions: 0,
      });
      const version = date < '2019-01-01' ? '2002' : '2018';
      const citation = { law: 'rural_land_contracting_law', version, article };
      expect(result.passed).toBe(passed);
      expect(result.citations).toContainEqual(citation);
      expect(result.problems).toEqual(
        passed
          ? []
          : [
              expect.objectContaining({
                code: 'TWO_THIRDS_OF_ALL_NOT_MET',
                field: 'representativesVotesFor',
                citation,
              }),
            ],
      );
    },
  );

  it.each([
    ['land_contract_plan', '2018-12-31', { version: '2002', article: 18 }],
    ['land_contract_adjustment', '2018-12-31', { version: '2002', article: 27 }],
    ['land_contract_outsider', '2018-12-31', { version: '2002', article: 48, unverified: true }],
    ['land_contract_plan', '2019-01-01', { version: '2018', article: 19 }],
    ['land_contract_adjustment', '2019-01-01', { version: '2018', article: 28 }],
    ['land_contract_outsider', '2019-01-01', { version: '2018', article: 52 }],
  ] as const)('%s on %s cites the land law as then numbered', (matter, date, cited) => {
    const result = checkResolution({
      body: 'villagers_meeting',
      matter,
      date,
      eligible: 30,
      attendees: 30,
      votesFor: 20,
      votesAgainst: 10,
      abstentions: 0,
    });
    expect(result.citations).toContainEqual({ law: 'rural_land_contracting_law', ...cited });
  });

  it.each([
    ['without representatives', { representativesVotesFor: 16 }, 'representatives'],
    ['without their votes', { representatives: 24 }, 'representativesVotesFor'],
    [
      'with no representatives at all',
      { representatives: 0, representativesVotesFor: 0, votesFor: 0, votesAgainst: 30 },
      'representatives',
    ],
    [
      'with more representatives’ votes than votes for',
      { representatives: 24, representativesVotesFor: 21 },
      'representativesVotesFor',
    ],
    [
      'with more committee votes than committee members',
      { representatives: 24, representativesVotesFor: 13 },
      'votesFor',
    ],
  ])('a land matter at a representatives meeting %s is INVALID_INPUT', (_title, over, field) => {
    const result = checkResolution({
      body: 'representatives_meeting',
      matter: 'land_contract_plan',
      date: '2026-01-01',
      eligible: 30,
      attendees: 30,
      votesFor: 20,
      votesAgainst: 10,
      abstentions: 0,
      ...over,
    });
    expect(result.passed).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    );
  });

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

  it.each([
    ['2025-04-30', { ...organic('2018', 28), paragraph: 3 }],
    ['2025-05-01', collective],
  ] as const)(
    'a group disposing of its own property on %s cites %o (not the village matters article)',
    (date, cited) => {
      const result = checkResolution({
        body: 'group_meeting',
        matter: 'collective_asset_disposal',
        date,
        eligible: 30,
        attendees: 30,
        votesFor: 20,
        votesAgainst: 10,
        abstentions: 0,
      });
      expect(result.passed).toBe(true);
      expect(result.citations).toContainEqual(cited);
      expect(result.citations).not.toContainEqual(organic('2018', 24));
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
          const more = { ...withOneMoreFor(input) };
          fc.pre(
            more.representativesVotesFor === undefined ||
              more.representatives === undefined ||
              more.representativesVotesFor <= more.representatives,
          );
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
        const more = withOneMoreFor(input);
        fc.pre(
          more.representativesVotesFor === undefined ||
            more.representatives === undefined ||
            more.representativesVotesFor <= more.representatives,
        );
        const after = checkResolution({ ...more, attendees: input.attendees + 1 });
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
        const legal = ['QUORUM_NOT_MET', 'MAJORITY_NOT_MET', 'TWO_THIRDS_OF_ALL_NOT_MET'];
        expect(problemShapeErrors(result.problems, legal)).toEqual([]);
        expect(result.passed && !result.quorumMet).toBe(false);
        expect(result.passed).toBe(!result.problems.some((p) => p.severity === 'error'));
      }),
    );
  });
});
