import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbAnswer,
  arbAnswers,
  arbFramework,
  clone,
  frameworkOf,
  item,
} from '../../test/indicator-fixtures.js';
import { builtinFrameworks } from './builtin-frameworks/index.js';
import { scoreAssessment } from './score-assessment.js';
import { scoreTotals } from './score-totals.js';
import type { AssessmentAnswers, Framework, ScoringRule } from './types.js';
import { validateFramework } from './validate-framework.js';

function validated(input: unknown): Framework {
  const result = validateFramework(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.framework;
}

/** What `scoreAssessment` says, without the areas: what `scoreTotals` must say. */
function expected(framework: Framework, answers: unknown) {
  const result = scoreAssessment(framework, answers as AssessmentAnswers);
  if (!result.ok) return result;
  const { areas: _, ...totals } = result.scorecard;
  return { ok: true, totals };
}

function same(framework: Framework, answers: unknown) {
  expect(scoreTotals(framework, answers as AssessmentAnswers)).toEqual(
    expected(framework, answers),
  );
}

const frameworkAndAnswers = arbFramework.chain((f) => {
  const framework = validated(f);
  return arbAnswers(framework).map((answers) => ({ framework, answers }));
});

/** Any value where an answer goes: valid ones, wrong types, negatives, fractions, junk codes. */
function arbAnyAnswer(rule: ScoringRule): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: arbAnswer(rule) },
    fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, '1', [], {}),
    fc.double(),
    fc.array(fc.oneof(fc.constantFrom('e0', 'e1', 'e2', 'x'), fc.integer()), { maxLength: 4 }),
  );
}

describe('scoreTotals', () => {
  it('gives what scoreAssessment gives, without areas, on random frameworks and valid answers', () => {
    fc.assert(
      fc.property(frameworkAndAnswers, ({ framework, answers }) => {
        const result = scoreTotals(framework, answers);
        expect(result.ok).toBe(true);
        same(framework, answers);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same problems as scoreAssessment on random faulty answers', () => {
    const faulty = arbFramework.chain((f) => {
      const framework = validated(f);
      const items = framework.areas.flatMap((a) => a.items);
      return fc
        .record({
          answers: fc.tuple(...items.map((it) => fc.option(arbAnyAnswer(it.rule)))),
          extraItem: fc.option(fc.constantFrom('Z9', 'constructor', 'A1.1')),
          vetoes: fc.option(
            fc.array(fc.oneof(fc.constantFrom('V1', 'V2'), fc.integer()), { maxLength: 3 }),
          ),
          extraField: fc.boolean(),
        })
        .map(({ answers, extraItem, vetoes, extraField }) => {
          const entries: [string, unknown][] = items.map((it, i) => [it.code, answers[i]]);
          if (extraItem !== null) entries.push([extraItem, true]);
          return {
            framework,
            answers: {
              items: Object.fromEntries(entries),
              ...(vetoes === null ? {} : { vetoes }),
              ...(extraField ? { comments: {} } : {}),
            },
          };
        });
    });
    fc.assert(
      fc.property(faulty, ({ framework, answers }) => same(framework, answers)),
      { numRuns: 500 },
    );
  });

  it('reads proportional values with any number of decimals as the full scoring does', () => {
    const f = validated(frameworkOf([item('X', 7, { kind: 'proportional', target: 3 })]));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
          fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 1000),
          fc.constantFrom(1e-7, 0.005, 0.015, 1.005, 2.995, 1e9, 1e9 + 0.5, 1e21, Number.MIN_VALUE),
        ),
        (x) => same(f, { items: { X: x } }),
      ),
      { numRuns: 1000 },
    );
  });

  it('scores the built-in frameworks as the full scoring does', () => {
    for (const framework of builtinFrameworks) {
      const items = framework.areas.flatMap((a) => a.items);
      fc.assert(
        fc.property(
          fc.tuple(...items.map((it) => fc.option(arbAnswer(it.rule), { nil: undefined }))),
          fc.subarray(framework.vetoes.map((v) => v.code)),
          (values, vetoes) => {
            const answers = {
              items: Object.fromEntries(items.map((it, i) => [it.code, values[i]])),
              vetoes,
            };
            same(framework, answers);
          },
        ),
        { numRuns: 50 },
      );
    }
  });

  it('takes answers that are not an object, unknown fields and unknown items as problems', () => {
    const f = validated(frameworkOf([item('A1.1', 2, { kind: 'check' })]));
    for (const answers of [null, 3, [], 'x', { items: [] }, { items: 3 }, { vetoes: 'V1' }]) {
      const result = scoreTotals(f, answers as unknown as AssessmentAnswers);
      expect(result.ok).toBe(false);
      same(f, answers);
    }
    same(f, { items: { 'A1.1': true, B: true } });
    same(f, { items: { 'A1.1': true }, note: 'x' });
    same(f, {});
    same(f, { items: null, vetoes: null });
  });

  it('scores an item coded like an Object.prototype property only from its own answer', () => {
    const f = validated(
      frameworkOf([item('constructor', 2, { kind: 'check' }), item('A', 1, { kind: 'check' })]),
    );
    same(f, { items: { A: true } });
    same(f, { items: { constructor: true, A: null } });
    same(f, { items: { constructor: undefined, A: true } });
    expect(scoreTotals(f, { items: { A: true } })).toMatchObject({
      ok: true,
      totals: { total: 1, complete: false, missing: ['constructor'] },
    });
  });

  it('scores checklists of more than 30 entries', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      code: `e${i}`,
      name: `条目${i}`,
      points: 0.25,
    }));
    const f = validated(frameworkOf([item('X', 10, { kind: 'checklist', entries })]));
    same(f, { items: { X: ['e0', 'e35', 'e39'] } });
    same(f, { items: { X: ['e0', 'e0'] } });
    same(f, { items: { X: ['e40'] } });
  });

  it('lists triggered vetoes in framework order and fails the grade', () => {
    const input = frameworkOf([item('X', 10, { kind: 'check' })], {
      vetoes: [
        { code: 'V1', name: '一' },
        { code: 'V2', name: '二' },
      ],
    });
    const f = validated(input);
    const result = scoreTotals(f, { items: { X: true }, vetoes: ['V2', 'V1'] });
    expect(result).toMatchObject({
      ok: true,
      totals: { total: 10, grade: 'fail', vetoed: true, vetoes: [{ code: 'V1' }, { code: 'V2' }] },
    });
    same(f, { items: { X: true }, vetoes: ['V2', 'V1'] });
    same(f, { items: { X: true }, vetoes: ['V2', 'V2'] });
    same(f, { items: { X: true }, vetoes: ['V3'] });
  });

  it('validates a framework it was not given by validateFramework, as scoreAssessment does', () => {
    const input = frameworkOf([item('X', 2, { kind: 'deduction', perUnit: 0.5 })]);
    same(clone(input) as Framework, { items: { X: 1 } });
    const broken = { ...clone(input), totalPoints: 3 } as Framework;
    expect(scoreTotals(broken, { items: { X: 1 } }).ok).toBe(false);
    same(broken, { items: { X: 1 } });
  });

  it('does not change its inputs', () => {
    fc.assert(
      fc.property(frameworkAndAnswers, ({ framework, answers }) => {
        const before = clone(answers);
        scoreTotals(framework, answers);
        expect(answers).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });
});
