import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import type { ResolutionInput } from './check-resolution.js';
import { checkVillageRules, type VillageRulesInput } from './check-village-rules.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const meeting = (over: Partial<ResolutionInput> = {}): ResolutionInput => ({
  body: 'villagers_meeting',
  date: '2026-03-01',
  eligible: 100,
  attendees: 60,
  votesFor: 50,
  votesAgainst: 5,
  abstentions: 5,
  ...over,
});

const rules = (over: Partial<VillageRulesInput>): VillageRulesInput => ({
  kind: 'village_compact',
  adoption: meeting(),
  filedOn: '2026-03-10',
  publishedOn: '2026-03-05',
  ...over,
});

describe('checkVillageRules', () => {
  it('a compact adopted, filed and published is ok and cites the rules applied', () => {
    const result = checkVillageRules(rules({}));
    expect(result).toEqual({
      ok: true,
      problems: [],
      citations: [organic('2025', 26), organic('2025', 31), organic('2025', 35)],
    });
  });

  it.each([
    ['2025-12-31', 'filedOn', 'RULES_NOT_FILED', organic('2018', 27)],
    ['2026-01-01', 'filedOn', 'RULES_NOT_FILED', organic('2025', 31)],
    ['2025-12-31', 'publishedOn', 'RULES_NOT_PUBLISHED', organic('2018', 30)],
    ['2026-01-01', 'publishedOn', 'RULES_NOT_PUBLISHED', organic('2025', 35)],
  ] as const)('rules adopted on %s without %s are not ok (%s)', (date, missing, code, citation) => {
    const input = { ...rules({ adoption: meeting({ date }) }) };
    const { [missing]: _omitted, ...rest } = input;
    const result = checkVillageRules(rest as VillageRulesInput);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code, citation, field: missing })]);
  });

  it.each([
    ['self_governance_charter', 'representatives_meeting', false, organic('2025', 31)],
    ['village_compact', 'group_meeting', false, organic('2025', 31)],
    ['group_rules', 'villagers_meeting', false, organic('2025', 32)],
    ['group_rules', 'group_meeting', true, undefined],
  ] as const)('%s adopted by a %s is ok: %s', (kind, body, ok, citation) => {
    const result = checkVillageRules(
      rules({
        kind,
        adoption: meeting({
          body,
          eligible: 60,
          attendees: 45,
          votesFor: 40,
          votesAgainst: 0,
          abstentions: 0,
        }),
      }),
    );
    expect(result.ok).toBe(ok);
    expect(result.problems).toEqual(
      ok ? [] : [expect.objectContaining({ code: 'WRONG_BODY', citation, field: 'adoption.body' })],
    );
  });

  it.each([
    [31, true],
    [30, false],
  ])(
    'the adopting resolution must pass: %i of 60 attendees in favour is ok: %s',
    (votesFor, ok) => {
      const result = checkVillageRules(
        rules({ adoption: meeting({ votesFor, votesAgainst: 60 - votesFor, abstentions: 0 }) }),
      );
      expect(result.ok).toBe(ok);
      expect(result.problems).toEqual(
        ok
          ? []
          : [
              expect.objectContaining({
                code: 'MAJORITY_NOT_MET',
                citation: organic('2025', 26),
                field: 'adoption.votesFor',
              }),
            ],
      );
    },
  );

  it.each([
    // the filing duty (2018 Art. 27 / 2025 Art. 31) covers only the charter and the compact
    ['2025-12-31', {}, [], '2018'],
    ['2026-01-01', {}, [], '2025'],
    ['2026-01-01', { groupRulesFilingRequired: false }, [], '2025'],
    ['2025-12-31', { groupRulesFilingRequired: true }, ['RULES_NOT_FILED'], '2018'],
    ['2026-01-01', { groupRulesFilingRequired: true }, ['RULES_NOT_FILED'], '2025'],
  ] as const)(
    'group rules adopted on %s and never filed (county settings %o) give %j',
    (date, settings, codes, version) => {
      const { filedOn: _omitted, ...input } = rules({
        kind: 'group_rules',
        adoption: meeting({
          body: 'group_meeting',
          date,
          eligible: 60,
          attendees: 45,
          votesFor: 40,
          votesAgainst: 5,
          abstentions: 0,
        }),
      });
      const result = checkVillageRules(input, settings);
      expect(result.ok).toBe(true);
      expect(result.problems).toEqual(
        codes.map((code) =>
          expect.objectContaining({ code, severity: 'warning', field: 'filedOn' }),
        ),
      );
      for (const p of result.problems) expect(p.citation).toBeUndefined();
      const articles = result.citations.map((c) => c.article);
      expect(articles).not.toContain(version === '2018' ? 27 : 31);
      expect(articles).toContain(version === '2018' ? 28 : 32);
    },
  );

  it('a compact never filed stays an error whatever the county settings', () => {
    const { filedOn: _omitted, ...input } = rules({});
    const result = checkVillageRules(input, { groupRulesFilingRequired: false });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ['RULES_NOT_FILED', 'error'],
    ]);
  });

  it.each([
    [{ filedOn: '2026-02-28' }, 'filedOn'],
    [{ publishedOn: '2026-02-30' }, 'publishedOn'],
    [{ adoption: meeting({ attendees: 101 }) }, 'adoption.attendees'],
    [{ kind: 'regulation' as never }, 'kind'],
  ] as Array<[Partial<VillageRulesInput>, string]>)(
    'impossible input %j is INVALID_INPUT on %s',
    (over, field) => {
      const result = checkVillageRules(rules(over));
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ code: 'INVALID_INPUT', field }),
      );
    },
  );

  it('never mutates its input and every problem is well formed', () => {
    const arb = fc.record({
      kind: fc.constantFrom(
        'self_governance_charter' as const,
        'village_compact' as const,
        'group_rules' as const,
      ),
      body: fc.constantFrom('villagers_meeting' as const, 'group_meeting' as const),
      date: fc.constantFrom('2025-12-31', '2026-01-01'),
      votesFor: fc.integer({ min: 0, max: 60 }),
      filed: fc.boolean(),
      published: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ kind, body, date, votesFor, filed, published }) => {
        const input: VillageRulesInput = {
          kind,
          adoption: meeting({ body, date, votesFor, votesAgainst: 0, abstentions: 0 }),
          ...(filed ? { filedOn: '2026-01-02' } : {}),
          ...(published ? { publishedOn: '2026-01-02' } : {}),
        };
        const copy = JSON.parse(JSON.stringify(input)) as unknown;
        const result = checkVillageRules(deepFreeze(input));
        expect(input).toEqual(copy);
        expect(
          problemShapeErrors(result.problems, [
            'WRONG_BODY',
            'RULES_NOT_FILED',
            'RULES_NOT_PUBLISHED',
            'MAJORITY_NOT_MET',
            'QUORUM_NOT_MET',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
