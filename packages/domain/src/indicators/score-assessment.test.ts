import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbAnswers,
  arbFramework,
  clone,
  frameworkOf,
  item,
} from '../../test/indicator-fixtures.js';
import { builtinFrameworks } from './builtin-frameworks/index.js';
import { scoreAssessment } from './score-assessment.js';
import type { Scorecard } from './score-assessment.js';
import type { AssessmentAnswers, Framework, ScoringRule } from './types.js';
import { validateFramework } from './validate-framework.js';

function validated(input: unknown): Framework {
  const result = validateFramework(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.framework;
}

/** A validated one-item framework. */
function single(points: number, rule: ScoringRule): Framework {
  return validated(frameworkOf([item('X', points, rule)]));
}

function card(framework: Framework, answers: unknown): Scorecard {
  const result = scoreAssessment(framework, answers as AssessmentAnswers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scorecard;
}

/** Points and explanation of the single item X. */
function scoreX(framework: Framework, value: unknown) {
  const c = card(framework, { items: { X: value } });
  return c.areas[0]!.items[0]!;
}

function problemsOf(framework: Framework, answers: unknown): [string, string][] {
  const result = scoreAssessment(framework, answers as AssessmentAnswers);
  return result.ok ? [] : result.problems.map((p) => [p.code, p.path]);
}

/** The item points in integer hundredths (exact for two-decimal figures). */
const cents = (n: number) => Math.round(n * 100);

describe('scoreAssessment', () => {
  const check = single(2, { kind: 'check' });
  const checklist = single(3, {
    kind: 'checklist',
    entries: ['例会', '学习', '奖惩', '廉政', '财务', '民主理财'].map((name, i) => ({
      code: `e${i + 1}`,
      name: `${name}制度`,
      points: 0.5,
    })),
  });
  const deduction = single(2, {
    kind: 'deduction',
    perUnit: 0.5,
    unit: { zh: '台账', en: 'records' },
  });
  const count = single(2, { kind: 'count', perUnit: 0.5 });
  const bands = single(3, {
    kind: 'bands',
    bands: [
      { min: 90, points: 3 },
      { min: 80, points: 2 },
      { min: 70.5, points: 1 },
    ],
  });
  const proportional = (points: number, target: number) =>
    single(points, { kind: 'proportional', target });

  it.each([
    [true, 2],
    [false, 0],
  ])('a check answered %s scores %s (all or nothing)', (value, points) => {
    expect(scoreX(check, value).points).toBe(points);
  });

  it.each<[string[], number]>([
    [[], 0],
    [['e1'], 0.5],
    [['e6', 'e1', 'e3'], 1.5],
    [['e1', 'e2', 'e3', 'e4', 'e5', 'e6'], 3],
  ])('a checklist with entries %j met scores their sum, %s', (value, points) => {
    expect(scoreX(checklist, value).points).toBe(points);
  });

  it('six met 0.5-point entries make exactly 3', () => {
    const score = scoreX(checklist, ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(score.points).toBe(3);
    expect(score.explanation).toEqual({
      zh: '6项全部满足，得3分',
      en: 'All 6 entries met: 3 of 3 points',
    });
  });

  it('a checklist explanation names the missing entries', () => {
    expect(scoreX(checklist, ['e1', 'e2', 'e3', 'e4']).explanation).toEqual({
      zh: '满足6项中的4项，缺少2项：财务制度（0.5分）、民主理财制度（0.5分），得2分',
      en: '4 of 6 entries met; missing 财务制度 (0.5), 民主理财制度 (0.5): 2 of 3 points',
    });
  });

  it.each([
    [0, 2],
    [1, 1.5],
    [3, 0.5],
    [4, 0],
    [5, 0],
    [1000, 0],
  ])(
    'a deduction of 0.5 per unit from 2 with %s deficiencies scores %s, never below 0',
    (n, points) => {
      expect(scoreX(deduction, n).points).toBe(points);
    },
  );

  it.each([
    [
      2,
      { zh: '缺少2项台账，每项扣0.5分，得1分', en: '2 records missing, −0.5 each: 1 of 2 points' },
    ],
    [0, { zh: '台账齐全，得2分', en: 'No records missing: 2 of 2 points' }],
    [
      5,
      {
        zh: '缺少5项台账，每项扣0.5分，应扣2.5分，扣完为止，得0分',
        en: '5 records missing, −0.5 each, 2.5 in all, floored at 0: 0 of 2 points',
      },
    ],
  ])('a deduction with %s deficiencies explains itself', (n, explanation) => {
    expect(scoreX(deduction, n).explanation).toEqual(explanation);
  });

  it('a deduction without a unit speaks of deficiencies', () => {
    const f = single(2, { kind: 'deduction', perUnit: 1 });
    expect(scoreX(f, 1).explanation).toEqual({
      zh: '存在1处不足，每处扣1分，得1分',
      en: '1 deficiency, −1 each: 1 of 2 points',
    });
  });

  it.each([
    [0, 0],
    [1, 0.5],
    [3, 1.5],
    [4, 2],
    [5, 2],
    [Number.MAX_SAFE_INTEGER, 2],
  ])('a count of 0.5 per unit up to 2 with %s units scores %s, capped', (n, points) => {
    expect(scoreX(count, n).points).toBe(points);
  });

  it('a count past the cap says so', () => {
    expect(scoreX(count, 5).explanation).toEqual({
      zh: '数量为5，每个计0.5分，最高2分，已达上限，得2分',
      en: 'Counted 5 at 0.5 each, up to 2, capped: 2 of 2 points',
    });
  });

  it.each([
    [100, 3],
    [90, 3],
    [89.99, 2],
    [80, 2],
    [79.999999, 1],
    [70.5, 1],
    [70.49, 0],
    [-5, 0],
  ])('bands (≥90: 3, ≥80: 2, ≥70.5: 1) give a value of %s %s points', (value, points) => {
    expect(scoreX(bands, value).points).toBe(points);
  });

  it('a value exactly at a band minimum reaches that band and says which', () => {
    expect(scoreX(bands, 80).explanation).toEqual({
      zh: '数值为80，达到第2档（≥80），得2分',
      en: 'Value 80 reaches band 2 (≥ 80): 2 of 3 points',
    });
    expect(scoreX(bands, 12).explanation.zh).toBe('数值为12，低于最低档（≥70.5），得0分');
  });

  it('a value with many decimals reads with two, cut toward zero and marked 约, never as the minimum it misses', () => {
    const twoThirds = single(2, {
      kind: 'bands',
      bands: [
        { min: 66.67, points: 2 },
        { min: 33.33, points: 1 },
      ],
    });
    // 2/3 × 100 = 66.666…: below 66.67, and it must not read as "66.67" (rounded up)
    expect(scoreX(twoThirds, (2 / 3) * 100)).toMatchObject({
      points: 1,
      explanation: {
        zh: '数值约为66.66，达到第2档（≥33.33），得1分',
        en: 'Value about 66.66 reaches band 2 (≥ 33.33): 1 of 2 points',
      },
    });
    expect(scoreX(twoThirds, 66.67).explanation.zh).toBe('数值为66.67，达到第1档（≥66.67），得2分');
    expect(scoreX(twoThirds, 100 / 3).explanation.zh).toBe(
      '数值约为33.33，达到第2档（≥33.33），得1分',
    );
    expect(scoreX(twoThirds, 33.3299999).explanation.zh).toBe(
      '数值约为33.32，低于最低档（≥33.33），得0分',
    );
    expect(scoreX(bands, 80).explanation.zh).toBe('数值为80，达到第2档（≥80），得2分');
    expect(scoreX(bands, 80.001).explanation.en).toBe(
      'Value about 80 reaches band 2 (≥ 80): 2 of 3 points',
    );
    expect(scoreX(bands, 89.99).explanation.zh).toBe('数值为89.99，达到第2档（≥80），得2分');
    expect(scoreX(bands, -5.678).explanation.zh).toBe('数值约为-5.67，低于最低档（≥70.5），得0分');
    expect(scoreX(bands, 1e-7).explanation.zh).toBe('数值约为0，低于最低档（≥70.5），得0分');
  });

  it.each([
    // points, target, value, expected: points × min(1, value / target), half up at 0.005
    [4, 12, 11, 3.67],
    [4, 12, 12, 4],
    [4, 12, 13, 4],
    [4, 12, 0, 0],
    [1, 2, 0.01, 0.01], // 0.005 exactly → up
    [1, 8, 0.04, 0.01], // 0.005 exactly → up
    [1, 8, 0.03, 0], // 0.00375 → down
    [3, 90, 0.15, 0.01], // 0.005 exactly → up
    [1, 2, 0.009, 0], // 0.0045 → down
    [2.01, 2, 1, 1.01], // 1.005 exactly → up (a float product gives 1.0049999…)
    [1.15, 1, 0.5, 0.58], // 0.575 exactly → up (0.575 as a float is below 0.575)
    [3, 90, 89.99, 3], // 2.99966… → 3.00
    [1, 3, 1, 0.33],
    [2, 3, 1, 0.67],
    [1, 1, 0.004999999, 0], // more than two decimals: exact rational below .005
    [1, 1, 0.005, 0.01],
  ])(
    'proportional: %s points, target %s, value %s scores %s',
    (points, target, value, expected) => {
      expect(scoreX(proportional(points, target), value).points).toBe(expected);
    },
  );

  it('a proportional explanation shows the ratio and the rounding', () => {
    expect(scoreX(proportional(4, 12), 11).explanation).toEqual({
      zh: '实际值11，目标值12，按比例4×11/12，四舍五入得3.67分',
      en: 'Value 11 of target 12: 4 × 11/12, rounded half up to 3.67 of 4 points',
    });
  });

  it('a proportional value of more than two decimals is shown cut to two, the ratio taken exactly', () => {
    // 10 × 66.6666666667/90 = 7.4074… → 7.41; 89.999 is cut to 89.99, and though its points round
    // up to the full 10 it is not said to reach the target
    expect(scoreX(proportional(10, 90), 66.6666666667)).toMatchObject({
      points: 7.41,
      explanation: {
        zh: '实际值约66.66，目标值90，按比例10×实际值/90（按精确值计算），四舍五入得7.41分',
        en: 'Value about 66.66 of target 90: 10 × value/90 (on the exact value), rounded half up to 7.41 of 10 points',
      },
    });
    expect(scoreX(proportional(10, 90), 89.999).explanation.zh).toBe(
      '实际值约89.99，目标值90，按比例10×实际值/90（按精确值计算），四舍五入得10分',
    );
    expect(scoreX(proportional(10, 90), 90.004).explanation.zh).toBe(
      '实际值约90，达到目标值90，得满分10分',
    );
  });

  it('a proportional value just under the target whose points round up to full is not said to reach it', () => {
    // 10 × 89.99/90 = 9.9988… → 10.00
    expect(scoreX(proportional(10, 90), 89.99)).toMatchObject({
      points: 10,
      explanation: { zh: '实际值89.99，目标值90，按比例10×89.99/90，四舍五入得10分' },
    });
    // exactly the target: reached
    expect(scoreX(proportional(10, 90), 90).explanation.zh).toBe(
      '实际值90，达到目标值90，得满分10分',
    );
  });

  it.each<[string, Framework, unknown, string]>([
    ['a check answered 1', check, 1, 'ANSWER_WRONG_TYPE'],
    ['a check answered "yes"', check, 'yes', 'ANSWER_WRONG_TYPE'],
    ['a checklist answered with a string', checklist, 'e1', 'ANSWER_WRONG_TYPE'],
    ['a checklist with a number entry', checklist, [1], 'ANSWER_WRONG_TYPE'],
    ['a checklist with an unknown entry', checklist, ['e9'], 'UNKNOWN_CHECKLIST_ENTRY'],
    ['a checklist with a duplicate entry', checklist, ['e1', 'e1'], 'DUPLICATE_CHECKLIST_ENTRY'],
    ['a deduction answered true', deduction, true, 'ANSWER_WRONG_TYPE'],
    ['a negative deduction count', deduction, -1, 'ANSWER_NEGATIVE'],
    ['a fractional deduction count', deduction, 1.5, 'ANSWER_NOT_INTEGER'],
    ['a fractional count', count, 0.5, 'ANSWER_NOT_INTEGER'],
    ['a negative count', count, -2, 'ANSWER_NEGATIVE'],
    ['an infinite count', count, Number.POSITIVE_INFINITY, 'ANSWER_WRONG_TYPE'],
    ['bands answered NaN', bands, Number.NaN, 'ANSWER_WRONG_TYPE'],
    ['bands answered "90"', bands, '90', 'ANSWER_WRONG_TYPE'],
    ['a negative proportional value', proportional(1, 1), -0.01, 'ANSWER_NEGATIVE'],
    ['a proportional value as an array', proportional(1, 1), [1], 'ANSWER_WRONG_TYPE'],
  ])('rejects %s with %s, not a score', (_, framework, value, code) => {
    const problems = problemsOf(framework, { items: { X: value } });
    expect(problems.length).toBe(1);
    expect(problems[0]![0]).toBe(code);
    expect(problems[0]![1]).toMatch(/^items\["X"\]/);
  });

  it.each<[string, unknown, [string, string]]>([
    ['an unknown item', { items: { X: true, Y: true } }, ['UNKNOWN_ITEM', 'items["Y"]']],
    ['an unknown veto', { items: {}, vetoes: ['V9'] }, ['UNKNOWN_VETO', 'vetoes[0]']],
    ['a duplicate veto', { vetoes: ['V1', 'V1'] }, ['DUPLICATE_VETO', 'vetoes[1]']],
    ['a veto that is not a string', { vetoes: [1] }, ['ANSWER_WRONG_TYPE', 'vetoes[0]']],
    ['vetoes that are not an array', { vetoes: 'V1' }, ['ANSWER_WRONG_TYPE', 'vetoes']],
    ['items that are an array', { items: [true] }, ['ANSWER_WRONG_TYPE', 'items']],
    ['an unknown field', { items: {}, veto: ['V1'] }, ['UNKNOWN_FIELD', 'veto']],
    ['answers that are not an object', 'X', ['ANSWERS_NOT_AN_OBJECT', '']],
  ])('rejects %s', (_, answers, problem) => {
    expect(problemsOf(check, answers)).toEqual([problem]);
  });

  it('reports every bad answer at once', () => {
    const f = validated(
      frameworkOf([item('A', 1, { kind: 'check' }), item('B', 1, { kind: 'count', perUnit: 1 })]),
    );
    expect(problemsOf(f, { items: { A: 'yes', B: -1, C: 1 }, vetoes: ['V0'] })).toEqual([
      ['UNKNOWN_VETO', 'vetoes[0]'],
      ['ANSWER_WRONG_TYPE', 'items["A"]'],
      ['ANSWER_NEGATIVE', 'items["B"]'],
      ['UNKNOWN_ITEM', 'items["C"]'],
    ]);
  });

  it('a missing, null or undefined answer scores 0 and is listed as missing', () => {
    const f = validated(
      frameworkOf([
        item('A', 1, { kind: 'check' }),
        item('B', 1, { kind: 'check' }),
        item('C', 1, { kind: 'check' }),
        item('D', 1, { kind: 'check' }),
      ]),
    );
    const c = card(f, { items: { A: true, B: null, C: undefined } });
    expect(c.missing).toEqual(['B', 'C', 'D']);
    expect(c.complete).toBe(false);
    expect(c.total).toBe(1);
    expect(c.areas[0]!.items[1]).toEqual({
      code: 'B',
      points: 0,
      max: 1,
      answered: false,
      explanation: { zh: '未作答，得0分（满分1分）', en: 'Not answered: 0 of 1 point' },
    });
    expect(card(f, { items: { A: true, B: true, C: false, D: false } }).complete).toBe(true);
  });

  it('answers without items or vetoes score 0 with everything missing', () => {
    const c = card(check, {});
    expect(c).toMatchObject({
      total: 0,
      complete: false,
      missing: ['X'],
      vetoed: false,
      vetoes: [],
    });
  });

  it('an item code such as "constructor" is not answered by Object.prototype', () => {
    const f = validated(frameworkOf([item('constructor', 1, { kind: 'check' })]));
    expect(card(f, { items: {} }).missing).toEqual(['constructor']);
    expect(card(f, { items: { constructor: true } }).total).toBe(1);
  });

  describe('grades', () => {
    const f = validated(
      frameworkOf([item('X', 100, { kind: 'proportional', target: 100 })], {
        grades: [
          { grade: 'excellent', minPoints: 90 },
          { grade: 'good', minPoints: 80 },
          { grade: 'pass', minPoints: 70 },
        ],
      }),
    );
    it.each([
      [100, 'excellent'],
      [90, 'excellent'],
      [89.99, 'good'],
      [80, 'good'],
      [70, 'pass'],
      [69.99, 'fail'],
      [0, 'fail'],
    ])(
      'a total of %s is graded %s (a total exactly at minPoints reaches the grade)',
      (total, grade) => {
        const c = card(f, { items: { X: total } });
        expect(c.total).toBe(total);
        expect(c.grade).toBe(grade);
      },
    );

    it('a vetoed scorecard is graded fail whatever its total, and lists its vetoes', () => {
      const c = card(f, { items: { X: 100 }, vetoes: ['V1'] });
      expect(c.total).toBe(100);
      expect(c.vetoed).toBe(true);
      expect(c.grade).toBe('fail');
      expect(c.vetoes).toEqual([{ code: 'V1', name: '否决项' }]);
    });
  });

  it('scores a framework that was not validated, returning its problems when invalid', () => {
    const raw = frameworkOf([item('X', 1, { kind: 'check' })]);
    expect(card(raw, { items: { X: true } }).total).toBe(1);
    const broken = { ...raw, totalPoints: 2 };
    const result = scoreAssessment(broken, { items: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe('AREA_POINTS_MISMATCH');
  });

  it('records the framework code, version and max on the scorecard', () => {
    expect(card(check, { items: { X: true } })).toMatchObject({
      frameworkCode: 'test',
      frameworkVersion: '1.0.0',
      max: 2,
      total: 2,
    });
  });

  it('scores the demo county framework with an area total equal to the sum of its items', () => {
    const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
    const c = card(demo, {
      items: {
        'A1.3': ['committee', 'assembly', 'representatives'],
        'A1.6': ['meetings', 'study', 'rewards', 'integrity', 'finance', 'democratic-finance'],
        'A1.8': 2,
      },
    });
    expect(c.areas[0]!.points).toBe(4.6); // 0.6 + 3 + 1
    expect(c.areas[0]!.items[7]!.explanation.zh).toBe('缺少2项会议记录，每项扣0.5分，得1分');
  });

  describe('properties', () => {
    const frameworkAndAnswers = arbFramework.chain((f) => {
      const framework = validated(f);
      return arbAnswers(framework).map((answers) => ({ framework, answers }));
    });

    it('a total is never negative nor above max', () => {
      fc.assert(
        fc.property(frameworkAndAnswers, ({ framework, answers }) => {
          const c = card(framework, answers);
          expect(c.total).toBeGreaterThanOrEqual(0);
          expect(c.total).toBeLessThanOrEqual(c.max);
          for (const area of c.areas) {
            for (const i of area.items) {
              expect(i.points).toBeGreaterThanOrEqual(0);
              expect(i.points).toBeLessThanOrEqual(i.max);
            }
          }
        }),
      );
    });

    it('the total equals the sum of the area points, which equal the sum of their items, to the cent', () => {
      fc.assert(
        fc.property(frameworkAndAnswers, ({ framework, answers }) => {
          const c = card(framework, answers);
          let total = 0;
          for (const area of c.areas) {
            const sum = area.items.reduce((s, i) => s + cents(i.points), 0);
            expect(cents(area.points)).toBe(sum);
            expect(area.points).toBe(sum / 100);
            total += sum;
          }
          expect(c.total).toBe(total / 100);
        }),
      );
    });

    it('every figure has at most two decimals', () => {
      fc.assert(
        fc.property(frameworkAndAnswers, ({ framework, answers }) => {
          const c = card(framework, answers);
          const figures = [
            c.total,
            ...c.areas.flatMap((a) => [a.points, ...a.items.map((i) => i.points)]),
          ];
          for (const figure of figures) expect(String(figure)).toMatch(/^\d+(\.\d{1,2})?$/);
        }),
      );
    });

    it('meeting one more checklist entry never lowers a score', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 8 }),
          fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
          fc.nat(7),
          (points, metFlags, extra) => {
            const entries = points.map((p, i) => ({
              code: `e${i}`,
              name: `条目${i}`,
              points: p / 100,
            }));
            const total = points.reduce((s, p) => s + p, 0) / 100;
            const f = validated(frameworkOf([item('X', total, { kind: 'checklist', entries })]));
            const met = entries.filter((_, i) => metFlags[i]).map((e) => e.code);
            const added = entries[extra % entries.length]!.code;
            const more = met.includes(added) ? met : [...met, added];
            expect(scoreX(f, more).points).toBeGreaterThanOrEqual(scoreX(f, met).points);
          },
        ),
      );
    });

    it('one fewer deficiency never lowers a score', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2000 }),
          fc.integer({ min: 1, max: 500 }),
          fc.integer({ min: 1, max: 100 }),
          (points, perUnit, n) => {
            const f = single(points / 100, { kind: 'deduction', perUnit: perUnit / 100 });
            expect(scoreX(f, n - 1).points).toBeGreaterThanOrEqual(scoreX(f, n).points);
          },
        ),
      );
    });

    it('scoring does not mutate the framework or the answers', () => {
      fc.assert(
        fc.property(arbFramework, fc.nat(), (raw, seed) => {
          const framework = validated(raw);
          const answers = fc.sample(arbAnswers(framework), { seed, numRuns: 1 })[0]!;
          const rawBefore = clone(raw);
          const answersBefore = clone(answers);
          card(framework, answers);
          card(raw, answers); // the unvalidated input too
          expect(raw).toEqual(rawBefore);
          expect(answers).toEqual(answersBefore);
        }),
      );
    });

    it('scoring the same answers twice gives equal scorecards (results are remembered, not shared mutably)', () => {
      fc.assert(
        fc.property(frameworkAndAnswers, ({ framework, answers }) => {
          const first = card(framework, answers);
          const copy = clone(first);
          const second = card(framework, answers);
          expect(second).toEqual(copy);
          expect(Object.isFrozen(second.areas[0]!.items[0])).toBe(true);
        }),
      );
    });
  });
});
