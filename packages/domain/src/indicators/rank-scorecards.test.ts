import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone } from '../../test/indicator-fixtures.js';
import { rankScorecards } from './rank-scorecards.js';
import type { Grade } from './types.js';

const entry = (id: string, total: number, vetoed = false, grade: Grade = 'pass') => ({
  id,
  scorecard: { total, grade: vetoed ? ('fail' as const) : grade, vetoed },
});

describe('rankScorecards', () => {
  it('ranks by total descending; ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranked = rankScorecards([entry('d', 70), entry('c', 80), entry('a', 95), entry('b', 80)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('orders ties by id in code-unit order', () => {
    const ranked = rankScorecards([
      entry('村B', 90),
      entry('村A', 90),
      entry('Z', 90),
      entry('a', 90),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['Z', 'a', '村A', '村B']);
    expect(ranked.every((r) => r.rank === 1)).toBe(true);
  });

  it('puts vetoed entries last with rank null, whatever their total, ordered by id', () => {
    const ranked = rankScorecards([entry('v2', 99, true), entry('x', 60), entry('v1', 100, true)]);
    expect(ranked).toEqual([
      { id: 'x', rank: 1, total: 60, grade: 'pass', vetoed: false },
      { id: 'v1', rank: null, total: 100, grade: 'fail', vetoed: true },
      { id: 'v2', rank: null, total: 99, grade: 'fail', vetoed: true },
    ]);
  });

  it.each([
    [
      [90.01, 90],
      [1, 2],
    ],
    [
      [90, 90],
      [1, 1],
    ],
    [
      [0.1 + 0.2, 0.3],
      [1, 2],
    ], // totals are compared as given; scorecards never carry 0.30000000000000004
  ])('totals %j get ranks %j', (totals, ranks) => {
    const ranked = rankScorecards(totals.map((t, i) => entry(String(i), t)));
    expect(ranked.map((r) => r.rank)).toEqual(ranks);
  });

  it('returns an empty list for no entries and does not mutate its input', () => {
    expect(rankScorecards([])).toEqual([]);
    const input = [entry('b', 1), entry('a', 2)];
    const before = clone(input);
    rankScorecards(input);
    expect(input).toEqual(before);
  });

  it('every non-vetoed rank is 1 + the number of entries with a strictly higher total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 30 }),
        (rows) => {
          const entries = rows.map(([t, v], i) => entry(`id${i}`, t, v));
          const ranked = rankScorecards(entries);
          expect(ranked.length).toBe(entries.length);
          for (const r of ranked) {
            if (r.vetoed) expect(r.rank).toBeNull();
            else {
              const higher = entries.filter(
                (e) => !e.scorecard.vetoed && e.scorecard.total > r.total,
              );
              expect(r.rank).toBe(higher.length + 1);
            }
          }
          const firstVetoed = ranked.findIndex((r) => r.vetoed);
          if (firstVetoed >= 0) expect(ranked.slice(firstVetoed).every((r) => r.vetoed)).toBe(true);
        },
      ),
    );
  });
});
