import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkRepresentatives, type RepresentativesInput } from './check-representatives.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const body = (over: Partial<RepresentativesInput>): RepresentativesInput => ({
  date: '2026-03-01',
  households: 300,
  representatives: 30,
  womenRepresentatives: 12,
  committeeMembers: 5,
  ...over,
});

describe('checkRepresentatives', () => {
  it.each([
    // one third of the whole body, 30 representatives + 5 committee members = 35 → 12
    ['2025-12-31', 5, 12, true, '2018', 25],
    ['2025-12-31', 5, 11, false, '2018', 25],
    ['2025-12-31', 5, 10, false, '2018', 25],
    ['2026-01-01', 5, 12, true, '2025', 29],
    ['2026-01-01', 5, 11, false, '2025', 29],
    ['2026-01-01', 5, 10, false, '2025', 29],
    // 30 + 6 = 36 → exactly 12 is one third ("以上" includes it)
    ['2026-01-01', 6, 12, true, '2025', 29],
    ['2026-01-01', 6, 11, false, '2025', 29],
  ])(
    'on %s with %i committee members women representatives must be one third of the whole body: %i of 30 representatives is ok: %s',
    (date, committeeMembers, womenRepresentatives, ok, version, article) => {
      const result = checkRepresentatives(body({ date, committeeMembers, womenRepresentatives }));
      expect(result.ok).toBe(ok);
      expect(result.citations).toEqual([organic(version, article)]);
      expect(result.problems).toEqual(
        ok
          ? []
          : [
              expect.objectContaining({
                code: 'WOMEN_REPRESENTATIVES_TOO_FEW',
                citation: organic(version, article),
              }),
            ],
      );
    },
  );

  it.each([
    [20, 5, true],
    [20, 6, false],
    [28, 7, true],
    [27, 7, false],
  ])(
    'representatives must be at least four fifths of the body: %i representatives with %i committee members is ok: %s',
    (representatives, committeeMembers, ok) => {
      const result = checkRepresentatives(
        body({
          representatives,
          committeeMembers,
          womenRepresentatives: 12,
          households: 15 * representatives,
        }),
      );
      expect(result.ok).toBe(ok);
      expect(result.problems.map((p) => [p.code, p.citation])).toEqual(
        ok ? [] : [['REPRESENTATIVES_SHARE_TOO_LOW', organic('2025', 29)]],
      );
    },
  );

  it.each([
    [150, false],
    [149, true],
    [450, false],
    [451, true],
  ])(
    'one representative per 5–15 households is a warning only: 30 representatives for %i households warns: %s',
    (households, warns) => {
      const result = checkRepresentatives(body({ households }));
      expect(result.ok).toBe(true);
      expect(result.problems).toEqual(
        warns
          ? [
              expect.objectContaining({
                code: 'HOUSEHOLDS_PER_REPRESENTATIVE_OUT_OF_RANGE',
                severity: 'warning',
                citation: organic('2025', 29),
              }),
            ]
          : [],
      );
    },
  );

  it.each([
    [{ womenRepresentatives: 31 }, 'womenRepresentatives'],
    [{ representatives: 0, womenRepresentatives: 0 }, 'representatives'],
    [{ committeeMembers: -1 }, 'committeeMembers'],
    [{ households: 2.5 }, 'households'],
    [{ date: '26-01-01' }, 'date'],
  ])('impossible input %j is INVALID_INPUT on %s', (over, field) => {
    const result = checkRepresentatives(body(over));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
  });

  it('never mutates its input and every problem is well formed', () => {
    const arb = fc.integer({ min: 1, max: 60 }).chain((representatives) =>
      fc.record({
        date: fc.constantFrom('2025-12-31', '2026-01-01'),
        households: fc.integer({ min: 0, max: 1200 }),
        representatives: fc.constant(representatives),
        womenRepresentatives: fc.integer({ min: 0, max: representatives }),
        committeeMembers: fc.integer({ min: 0, max: 9 }),
      }),
    );
    fc.assert(
      fc.property(arb, (input) => {
        const result = checkRepresentatives(deepFreeze(input));
        expect(
          problemShapeErrors(result.problems, [
            'WOMEN_REPRESENTATIVES_TOO_FEW',
            'REPRESENTATIVES_SHARE_TOO_LOW',
            'HOUSEHOLDS_PER_REPRESENTATIVE_OUT_OF_RANGE',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
