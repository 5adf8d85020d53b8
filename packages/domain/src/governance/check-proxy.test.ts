import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkProxy } from './check-proxy.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

describe('checkProxy', () => {
  it.each([
    ['2025-12-31', 'near_relative', 1, false, true, [], '2018', 15],
    ['2025-12-31', 'other_villager', 1, false, false, ['PROXY_RELATION_NOT_ALLOWED'], '2018', 15],
    ['2025-12-31', 'near_relative', 5, true, true, [], '2018', 15],
    ['2026-01-01', 'other_villager', 1, false, true, [], '2025', 18],
    ['2026-01-01', 'near_relative', 3, false, true, [], '2025', 18],
    ['2026-01-01', 'near_relative', 4, false, false, ['PROXY_LIMIT_EXCEEDED'], '2025', 18],
    ['2026-01-01', 'near_relative', 1, true, false, ['PROXY_HOLDER_IS_CANDIDATE'], '2025', 18],
    [
      '2026-01-01',
      'other_villager',
      4,
      true,
      false,
      ['PROXY_LIMIT_EXCEEDED', 'PROXY_HOLDER_IS_CANDIDATE'],
      '2025',
      18,
    ],
  ] as const)(
    'on %s a proxy to a %s holding %i (candidate: %s) is allowed: %s',
    (date, relation, proxiesHeld, holderIsCandidate, allowed, codes, version, article) => {
      const result = checkProxy({ date, relation, proxiesHeld, holderIsCandidate });
      expect(result.allowed).toBe(allowed);
      expect(result.problems.map((p) => p.code)).toEqual(codes);
      expect(result.citations).toEqual([organic(version, article)]);
      for (const p of result.problems) expect(p.citation).toEqual(organic(version, article));
    },
  );

  it.each([
    [{ proxiesHeld: 0 }, 'proxiesHeld'],
    [{ proxiesHeld: 1.5 }, 'proxiesHeld'],
    [{ date: '2026-02-29' }, 'date'],
    [{ relation: 'friend' as never }, 'relation'],
  ])('impossible input %j is INVALID_INPUT on %s', (over, field) => {
    const result = checkProxy({
      date: '2026-03-01',
      proxiesHeld: 1,
      holderIsCandidate: false,
      relation: 'near_relative',
      ...over,
    });
    expect(result.allowed).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
  });

  it('never mutates its input and every problem is well formed', () => {
    fc.assert(
      fc.property(
        fc.record({
          date: fc.constantFrom('2025-12-31', '2026-01-01'),
          proxiesHeld: fc.integer({ min: 1, max: 6 }),
          holderIsCandidate: fc.boolean(),
          relation: fc.constantFrom('near_relative' as const, 'other_villager' as const),
        }),
        (input) => {
          const result = checkProxy(deepFreeze(input));
          expect(result.allowed).toBe(result.problems.length === 0);
          expect(
            problemShapeErrors(result.problems, [
              'PROXY_RELATION_NOT_ALLOWED',
              'PROXY_LIMIT_EXCEEDED',
              'PROXY_HOLDER_IS_CANDIDATE',
            ]),
          ).toEqual([]);
        },
      ),
    );
  });
});
