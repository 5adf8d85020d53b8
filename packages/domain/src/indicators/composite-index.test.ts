import { describe, expect, it } from 'vitest';
import { compositeIndex } from './composite-index.js';
import type { IndexComponent } from './composite-index.js';

/** The 余杭法治指数 weights (legal-reference.md §6.A). */
const yuhang = (scores: [number, number, number, number]): IndexComponent[] => [
  { code: 'survey', weight: 35, score: scores[0], max: 100 },
  { code: 'internal', weight: 17.5, score: scores[1], max: 100 },
  { code: 'external', weight: 17.5, score: scores[2], max: 100 },
  { code: 'experts', weight: 30, score: scores[3], max: 100 },
];

function indexOf(
  components: readonly IndexComponent[],
  options?: Parameters<typeof compositeIndex>[1],
) {
  const result = compositeIndex(components, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.index;
}

describe('compositeIndex', () => {
  it.each<[[number, number, number, number], number]>([
    [[80, 75, 70, 65], 72.88], // 28 + 13.125 + 12.25 + 19.5 = 72.875 → half up
    [[100, 100, 100, 100], 100],
    [[0, 0, 0, 0], 0],
    [[71.6, 71.6, 71.6, 71.6], 71.6],
    [[70, 72, 74, 73], 71.95], // 24.5 + 12.6 + 12.95 + 21.9
  ])('the 余杭 weights (35/17.5/17.5/30) turn %j into %s', (scores, index) => {
    expect(indexOf(yuhang(scores))).toBe(index);
  });

  it('normalises the weights: 35/17.5/17.5/30 and 0.35/0.175/0.175/0.3 agree', () => {
    const fractions = yuhang([80, 75, 70, 65]).map((c) => ({ ...c, weight: c.weight / 100 }));
    expect(indexOf(fractions)).toBe(indexOf(yuhang([80, 75, 70, 65])));
  });

  it('takes each score as a share of its own max', () => {
    expect(
      indexOf([
        { code: 'a', weight: 1, score: 4, max: 5 },
        { code: 'b', weight: 1, score: 60, max: 100 },
      ]),
    ).toBe(70);
  });

  it.each([
    [{ scale: 1 }, 0.73], // 0.72875 → 0.73
    [{ scale: 1, decimals: 4 }, 0.7288], // 0.72875 → 0.7288 (half up)
    [{ decimals: 0 }, 73],
    [{ scale: 10, decimals: 3 }, 7.288],
  ])('options %j give %s', (options, index) => {
    expect(indexOf(yuhang([80, 75, 70, 65]), options)).toBe(index);
  });

  it('rounds exactly at the half: 1/8 of 1 to two decimals is 0.13', () => {
    expect(indexOf([{ code: 'a', weight: 1, score: 1, max: 8 }], { scale: 1 })).toBe(0.13);
  });

  it('explains the computation in both languages', () => {
    const result = compositeIndex([{ code: 'survey', weight: 1, score: 3, max: 4 }]);
    expect(result).toEqual({
      ok: true,
      index: 75,
      explanation: {
        zh: '加权平均：(survey 3/4×权重1) ÷ 权重之和1 × 100，四舍五入保留2位小数，得75',
        en: 'Weighted mean: (survey 3/4 × weight 1) ÷ total weight 1 × 100, rounded half up to 2 decimals: 75',
      },
    });
  });

  it.each<[string, IndexComponent[], object, string]>([
    ['no components', [], {}, 'NO_COMPONENTS'],
    ['a negative weight', [{ code: 'a', weight: -1, score: 1, max: 1 }], {}, 'NEGATIVE_WEIGHT'],
    ['weights summing to 0', [{ code: 'a', weight: 0, score: 1, max: 1 }], {}, 'WEIGHTS_SUM_ZERO'],
    ['a max of 0', [{ code: 'a', weight: 1, score: 0, max: 0 }], {}, 'MAX_NOT_POSITIVE'],
    [
      'a score above max',
      [{ code: 'a', weight: 1, score: 101, max: 100 }],
      {},
      'SCORE_OUT_OF_RANGE',
    ],
    ['a negative score', [{ code: 'a', weight: 1, score: -1, max: 100 }], {}, 'SCORE_OUT_OF_RANGE'],
    ['a NaN score', [{ code: 'a', weight: 1, score: Number.NaN, max: 100 }], {}, 'FIELD_TYPE'],
    [
      'a duplicate code',
      [
        { code: 'a', weight: 1, score: 1, max: 1 },
        { code: 'a', weight: 1, score: 1, max: 1 },
      ],
      {},
      'DUPLICATE_CODE',
    ],
    ['an empty code', [{ code: '', weight: 1, score: 1, max: 1 }], {}, 'FIELD_EMPTY'],
    [
      'a scale of 0',
      [{ code: 'a', weight: 1, score: 1, max: 1 }],
      { scale: 0 },
      'SCALE_NOT_POSITIVE',
    ],
    [
      'fractional decimals',
      [{ code: 'a', weight: 1, score: 1, max: 1 }],
      { decimals: 1.5 },
      'DECIMALS_INVALID',
    ],
  ])('rejects %s with %s', (_, components, options, code) => {
    const result = compositeIndex(components, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain(code);
  });

  it('does not mutate its input', () => {
    const components = yuhang([80, 75, 70, 65]);
    const before = JSON.stringify(components);
    compositeIndex(components);
    expect(JSON.stringify(components)).toBe(before);
  });
});
