import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbFramework, frameworkOf, item } from '../../test/indicator-fixtures.js';
import type { Framework, IndicatorItem, ItemMetric, ScoringRule } from '../indicators/types.js';
import { scoreAssessment } from '../indicators/score-assessment.js';
import { validateFramework } from '../indicators/validate-framework.js';
import { deriveAnswers, recordMetricKeysOf } from './derive-answers.js';
import type { DerivedAnswer, DerivedItem, MissingDerivedAnswer } from './derive-answers.js';
import { recordMetricKeys, recordMetrics } from './record-metrics.js';
import type { RecordMetricKey, RecordMetricUnit, RecordMetrics } from './record-metrics.js';

const period = { from: '2026-01-01', to: '2026-06-30' };

function withMetric(code: string, points: number, rule: ScoringRule, metric: ItemMetric) {
  return { ...item(code, points, rule), metric } satisfies IndicatorItem;
}

function validated(items: readonly IndicatorItem[]): Framework {
  const result = validateFramework(frameworkOf(items));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.framework;
}

function derive(
  one: IndicatorItem,
  values: RecordMetrics['values'],
  at: RecordMetrics['period'] = period,
): DerivedItem {
  const result = deriveAnswers(validated([one]), { period: at, values });
  expect(result).toHaveLength(1);
  return result[0]!;
}

function answered(result: DerivedItem): DerivedAnswer {
  if (result.missing) throw new Error(`missing: ${result.explanation.en}`);
  return result;
}

function missing(result: DerivedItem): MissingDerivedAnswer {
  if (!result.missing) throw new Error(`answered: ${result.explanation.en}`);
  return result;
}

const check: ScoringRule = { kind: 'check' };

describe('deriveAnswers: check items', () => {
  it('takes a boolean metric as it is', () => {
    const adviser = withMetric('L1', 2, check, { key: 'legalAdviser.underContract' });
    expect(answered(derive(adviser, { 'legalAdviser.underContract': true }))).toMatchObject({
      itemId: 'L1',
      answer: true,
      metric: 'legalAdviser.underContract',
      value: true,
      readings: [{ key: 'legalAdviser.underContract', value: true }],
    });
    const no = answered(derive(adviser, { 'legalAdviser.underContract': false }));
    expect(no.answer).toBe(false);
    expect(no.explanation.zh).toBe(
      '2026-01-01至2026-06-30台账：已聘请村法律顾问为否，要求为“是”，不符合',
    );
  });

  it('needs at least one record of a count metric without bounds (0 fails, 1 passes)', () => {
    const held = withMetric('M1', 2, check, { key: 'meetings.villagers' });
    expect(answered(derive(held, { 'meetings.villagers': 0 })).answer).toBe(false);
    expect(answered(derive(held, { 'meetings.villagers': 1 })).answer).toBe(true);
  });

  it('applies atLeast to a ratio at its boundary (0.9 passes, 0.89 fails)', () => {
    const onTime = withMetric('D1', 3, check, { key: 'disclosures.onTimeRatio', atLeast: 0.9 });
    const at = answered(derive(onTime, { 'disclosures.onTimeRatio': 0.9 }));
    expect(at.answer).toBe(true);
    expect(at.explanation).toEqual({
      zh: '2026-01-01至2026-06-30台账：三务按时公开率为90.0%，要求不低于90.0%，符合',
      en: 'Records 2026-01-01 to 2026-06-30: Share of postings on time: 90.0%; required: at least 90.0%: met',
    });
    expect(answered(derive(onTime, { 'disclosures.onTimeRatio': 0.89 })).answer).toBe(false);
  });

  it('requires a full ratio (100%) by default', () => {
    const onTime = withMetric('D1', 3, check, { key: 'disclosures.onTimeRatio' });
    expect(answered(derive(onTime, { 'disclosures.onTimeRatio': 0.99 })).answer).toBe(false);
    expect(answered(derive(onTime, { 'disclosures.onTimeRatio': 1 })).answer).toBe(true);
  });

  it('applies atMost: no resolution with legal problems', () => {
    const clean = withMetric('R1', 2, check, { key: 'resolutions.withProblems', atMost: 0 });
    expect(answered(derive(clean, { 'resolutions.withProblems': 0 })).answer).toBe(true);
    const one = answered(derive(clean, { 'resolutions.withProblems': 1 }));
    expect(one.answer).toBe(false);
    expect(one.explanation.zh).toContain('要求不高于0，不符合');
  });

  it('applies both bounds', () => {
    const some = withMetric('R2', 2, check, { key: 'meetings.total', atLeast: 2, atMost: 4 });
    expect(answered(derive(some, { 'meetings.total': 1 })).answer).toBe(false);
    expect(answered(derive(some, { 'meetings.total': 2 })).answer).toBe(true);
    expect(answered(derive(some, { 'meetings.total': 4 })).answer).toBe(true);
    expect(answered(derive(some, { 'meetings.total': 5 })).answer).toBe(false);
  });

  it('reads months: twelve months of dispute screening reported', () => {
    const monthly = withMetric('S1', 2, check, {
      key: 'disputeScreening.monthsReported',
      atLeast: 12,
    });
    const eleven = answered(derive(monthly, { 'disputeScreening.monthsReported': 11 }));
    expect(eleven.answer).toBe(false);
    expect(eleven.explanation.zh).toContain('矛盾纠纷排查报告月数为11个月');
    expect(answered(derive(monthly, { 'disputeScreening.monthsReported': 12 })).answer).toBe(true);
  });
});

describe('deriveAnswers: counted and measured items', () => {
  it('count: the value of a count metric is the answer', () => {
    const activities = withMetric(
      'P1',
      3,
      { kind: 'count', perUnit: 0.5 },
      {
        key: 'legalEducation.activities',
      },
    );
    const result = answered(derive(activities, { 'legalEducation.activities': 4 }));
    expect(result.answer).toBe(4);
    expect(result.explanation.zh).toBe('2026-01-01至2026-06-30台账：开展普法活动次数为4，计数为4');
  });

  it('count: months count too', () => {
    const months = withMetric(
      'P2',
      3,
      { kind: 'count', perUnit: 0.25 },
      {
        key: 'disputeScreening.monthsReported',
      },
    );
    expect(answered(derive(months, { 'disputeScreening.monthsReported': 6 })).answer).toBe(6);
  });

  it('deduction: the count of problems is the count to deduct for', () => {
    const overdue = withMetric(
      'D2',
      2,
      { kind: 'deduction', perUnit: 0.5 },
      {
        key: 'disclosures.overdue',
      },
    );
    const result = answered(derive(overdue, { 'disclosures.overdue': 3 }));
    expect(result.answer).toBe(3);
    expect(result.explanation.en).toBe(
      'Records 2026-01-01 to 2026-06-30: Postings overdue (all): 3; 3 to deduct for',
    );
    expect(answered(derive(overdue, { 'disclosures.overdue': 0 })).answer).toBe(0);
  });

  it('bands: a ratio scaled to a percentage, without binary noise', () => {
    const rate = withMetric(
      'T1',
      4,
      {
        kind: 'bands',
        bands: [
          { min: 95, points: 4 },
          { min: 7, points: 1 },
        ],
      },
      { key: 'mediation.successRate', scale: 100 },
    );
    const low = answered(derive(rate, { 'mediation.successRate': 0.07 }));
    expect(low.answer).toBe(7); // 0.07 × 100 is 7.000000000000001 in binary
    expect(low.value).toBe(0.07);
    expect(low.explanation.zh).toContain('乘以100，按7评分');
    expect(answered(derive(rate, { 'mediation.successRate': 0.95 })).answer).toBe(95);
  });

  it('bands: a rate of 1/3 or 2/3 is scored on its value and shown to one decimal', () => {
    const rate = withMetric(
      'T1',
      4,
      { kind: 'bands', bands: [{ min: 66.7, points: 4 }] },
      { key: 'mediation.successRate', scale: 100 },
    );
    const third = answered(derive(rate, { 'mediation.successRate': 1 / 3 }));
    expect(third.answer).toBeCloseTo(100 / 3, 9);
    expect(third.value).toBe(1 / 3);
    expect(third.explanation.zh).toContain('调解成功率为33.3%');
    expect(third.explanation.zh).toContain('乘以100，按33.3评分');
    expect(third.explanation.zh).not.toMatch(/33\.33/);
    const twoThirds = answered(derive(rate, { 'mediation.successRate': 2 / 3 }));
    expect(twoThirds.explanation.zh).toContain('按66.7评分');
    // scored exactly: 66.666… stays below a band at 66.7 though it is shown as 66.7
    expect(twoThirds.answer).toBeLessThan(66.7);
  });

  it('bands: a count without scale', () => {
    const meetings = withMetric(
      'T2',
      3,
      {
        kind: 'bands',
        bands: [
          { min: 4, points: 3 },
          { min: 2, points: 1 },
        ],
      },
      { key: 'meetings.representatives' },
    );
    expect(answered(derive(meetings, { 'meetings.representatives': 3 })).answer).toBe(3);
  });

  it('proportional: the ratio itself against a target of 1', () => {
    const onTime = withMetric(
      'T3',
      5,
      { kind: 'proportional', target: 1 },
      {
        key: 'disclosures.onTimeRatio',
      },
    );
    const result = answered(derive(onTime, { 'disclosures.onTimeRatio': 0.75 }));
    expect(result.answer).toBe(0.75);
    const scored = scoreAssessment(validated([onTime]), { items: { T3: result.answer } });
    expect(scored.ok && scored.scorecard.total).toBe(3.75);
  });
});

describe('deriveAnswers: checklist items', () => {
  const rules = withMetric(
    'VR1',
    4,
    {
      kind: 'checklist',
      entries: [
        { code: 'filed', name: '自治章程已备案', points: 1 },
        { code: 'reviewed', name: '村规民约已审查', points: 1 },
        { code: 'meetings', name: '代表会议每季度召开', points: 2 },
      ],
    },
    {
      entries: {
        filed: { key: 'villageRules.charter.filed' },
        reviewed: { key: 'villageRules.compact.reviewed' },
        meetings: { key: 'meetings.representatives', atLeast: 2 },
      },
    },
  );

  it('lists the entries whose test is met, in the rule’s order', () => {
    const result = answered(
      derive(rules, {
        'meetings.representatives': 2,
        'villageRules.compact.reviewed': false,
        'villageRules.charter.filed': true,
      }),
    );
    expect(result.answer).toEqual(['filed', 'meetings']);
    expect(result.readings).toEqual([
      { key: 'villageRules.charter.filed', value: true },
      { key: 'villageRules.compact.reviewed', value: false },
      { key: 'meetings.representatives', value: 2 },
    ]);
    expect(result.metric).toBe('villageRules.charter.filed');
    expect(result.explanation.zh).toBe(
      '2026-01-01至2026-06-30台账：“自治章程已备案”：村民自治章程已报乡镇备案为是，要求为“是”，满足；' +
        '“村规民约已审查”：村规民约已经合法性审查为否，要求为“是”，不满足；' +
        '“代表会议每季度召开”：召开村民代表会议次数为2，要求不低于2，满足',
    );
  });

  it('is missing when any entry’s metric is, naming only those', () => {
    const result = missing(derive(rules, { 'villageRules.charter.filed': true }));
    expect(result.metrics).toEqual(['villageRules.compact.reviewed', 'meetings.representatives']);
    expect(result.reason).toBe('no_value');
  });
});

describe('deriveAnswers: missing and invalid metrics', () => {
  const held = withMetric('M1', 2, { kind: 'count', perUnit: 1 }, { key: 'meetings.villagers' });

  it('an absent or null metric is missing, never zero', () => {
    for (const values of [{}, { 'meetings.villagers': null as unknown as number }]) {
      const result = missing(derive(held, values));
      expect(result).toMatchObject({
        itemId: 'M1',
        missing: true,
        reason: 'no_value',
        metrics: ['meetings.villagers'],
      });
      expect(result.explanation.zh).toBe(
        '2026-01-01至2026-06-30：“召开村民会议次数”无台账数据，无法从台账得出答案，请人工填写',
      );
    }
  });

  it.each<[string, RecordMetricKey, IndicatorItem, unknown]>([
    ['a boolean for a count', 'meetings.villagers', held, true],
    ['a negative count', 'meetings.villagers', held, -1],
    ['a fractional count', 'meetings.villagers', held, 1.5],
    ['NaN', 'meetings.villagers', held, Number.NaN],
    ['a string', 'meetings.villagers', held, '3'],
    [
      'a ratio above 1',
      'disclosures.onTimeRatio',
      withMetric('D1', 1, check, { key: 'disclosures.onTimeRatio' }),
      1.2,
    ],
    [
      'a number for a boolean',
      'legalAdviser.underContract',
      withMetric('L1', 1, check, { key: 'legalAdviser.underContract' }),
      1,
    ],
  ])('%s is an invalid value, so missing', (_, key, one, value) => {
    const result = missing(derive(one, { [key]: value } as RecordMetrics['values']));
    expect(result.reason).toBe('invalid_value');
    expect(result.metrics).toEqual([key]);
    expect(result.explanation.zh).toContain('无效');
  });

  it('values that are not an object leave every metric missing', () => {
    const framework = validated([held]);
    const bad = { period, values: 'x' } as unknown as RecordMetrics;
    expect(deriveAnswers(framework, bad)).toMatchObject([{ itemId: 'M1', missing: true }]);
  });
});

describe('deriveAnswers: the framework and the period', () => {
  it('leaves out items without a metric and keeps the framework order', () => {
    const framework = validated([
      withMetric('X1', 1, check, { key: 'meetings.partyMembers' }),
      item('X2', 1, check),
      withMetric('X3', 1, { kind: 'count', perUnit: 1 }, { key: 'mediation.received' }),
    ]);
    const result = deriveAnswers(framework, {
      period,
      values: { 'mediation.received': 2, 'meetings.partyMembers': 1 },
    });
    expect(result.map((r) => r.itemId)).toEqual(['X1', 'X3']);
  });

  it('names the period of the metrics in every explanation', () => {
    const one = withMetric('X1', 1, check, { key: 'meetings.partyMembers' });
    const q3 = { from: '2026-07-01', to: '2026-09-30' };
    expect(derive(one, { 'meetings.partyMembers': 1 }, q3).explanation.zh).toMatch(
      /^2026-07-01至2026-09-30/,
    );
    expect(derive(one, {}, q3).explanation.en).toMatch(/^2026-07-01 to 2026-09-30: /);
  });

  it('validates a framework that validateFramework did not return, and throws if invalid', () => {
    const raw = frameworkOf([withMetric('X1', 1, check, { key: 'meetings.partyMembers' })]);
    expect(deriveAnswers(raw, { period, values: { 'meetings.partyMembers': 2 } })).toMatchObject([
      { itemId: 'X1', answer: true },
    ]);
    const bad = frameworkOf([
      withMetric('X1', 1, check, { key: 'meetings.nobody' as RecordMetricKey }),
    ]);
    expect(() => deriveAnswers(bad, { period, values: {} })).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const keysOf = (units: readonly RecordMetricUnit[]) =>
  recordMetricKeys.filter((k) => units.includes(recordMetrics[k].unit));

const arbValue = (key: RecordMetricKey): fc.Arbitrary<number | boolean> => {
  switch (recordMetrics[key].unit) {
    case 'boolean':
      return fc.boolean();
    case 'ratio':
      return fc.double({ min: 0, max: 1, noNaN: true });
    default:
      return fc.nat({ max: 400 });
  }
};

const arbTest = fc
  .constantFrom(...recordMetricKeys)
  .chain((key) =>
    recordMetrics[key].unit === 'boolean'
      ? fc.constant({ key })
      : fc.record(
          { key: fc.constant(key), atLeast: fc.integer({ min: 0, max: 100 }).map((n) => n / 100) },
          { requiredKeys: ['key'] },
        ),
  );

function arbMetric(rule: ScoringRule): fc.Arbitrary<ItemMetric> {
  switch (rule.kind) {
    case 'check':
      return arbTest;
    case 'checklist':
      return fc.tuple(...rule.entries.map(() => arbTest)).map((tests) => ({
        entries: Object.fromEntries(rule.entries.map((e, i) => [e.code, tests[i]!])),
      }));
    case 'count':
      return fc.constantFrom(...keysOf(['count', 'months'])).map((key) => ({ key }));
    case 'deduction':
      return fc.constantFrom(...keysOf(['count', 'months'])).map((key) => ({ key }));
    case 'bands':
    case 'proportional':
      return fc.record(
        {
          key: fc.constantFrom(...keysOf(['count', 'ratio', 'months'])),
          scale: fc.constantFrom(1, 10, 100, 0.5),
        },
        { requiredKeys: ['key'] },
      );
  }
}

/** A random framework whose items name random fitting metrics (some none), and random values. */
const arbCase = arbFramework.chain((framework) => {
  const items = framework.areas.flatMap((a) => a.items);
  return fc
    .tuple(
      fc.tuple(...items.map((i) => fc.option(arbMetric(i.rule), { nil: undefined }))),
      fc.tuple(
        ...recordMetricKeys.map((key) =>
          fc.oneof(
            { weight: 6, arbitrary: arbValue(key) },
            { weight: 1, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 0.5, 'x', null, true, 2) },
          ),
        ),
      ),
    )
    .map(([metrics, values]) => {
      let k = 0;
      const withMetrics = {
        ...framework,
        areas: framework.areas.map((area) => ({
          ...area,
          items: area.items.map((i) => {
            const metric = metrics[k++];
            return metric ? { ...i, metric } : i;
          }),
        })),
      };
      const v: Record<string, unknown> = {};
      recordMetricKeys.forEach((key, i) => {
        if (values[i] !== undefined) v[key] = values[i];
      });
      return { framework: withMetrics, metrics: { period, values: v } as RecordMetrics };
    });
});

describe('deriveAnswers properties', () => {
  it('every derived answer is one scoreAssessment accepts for its item', () => {
    fc.assert(
      fc.property(arbCase, ({ framework, metrics }) => {
        const validation = validateFramework(framework);
        expect(validation.ok).toBe(true);
        if (!validation.ok) return;
        const derived = deriveAnswers(validation.framework, metrics);
        const items: Record<string, unknown> = {};
        for (const d of derived) if (!d.missing) items[d.itemId] = d.answer;
        const scored = scoreAssessment(validation.framework, {
          items: items as Record<string, never>,
        });
        expect(scored.ok).toBe(true);
        if (scored.ok) {
          const missingCodes = derived.filter((d) => d.missing).map((d) => d.itemId);
          for (const code of missingCodes) expect(scored.scorecard.missing).toContain(code);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lists exactly the items that name a metric, in order, and is deterministic', () => {
    fc.assert(
      fc.property(arbCase, ({ framework, metrics }) => {
        const validation = validateFramework(framework);
        if (!validation.ok) throw new Error('invalid');
        const first = deriveAnswers(validation.framework, metrics);
        const expected = validation.framework.areas
          .flatMap((a) => a.items)
          .filter((i) => i.metric)
          .map((i) => i.code);
        expect(first.map((d) => d.itemId)).toEqual(expected);
        expect(deriveAnswers(validation.framework, metrics)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});

describe('recordMetricKeysOf', () => {
  it('names each metric the items read once, entries included; none without derived items', () => {
    const framework = validated([
      withMetric('T1', 2, check, { key: 'meetings.representatives' }),
      withMetric(
        'T2',
        2,
        {
          kind: 'checklist',
          entries: [
            { code: 'a', name: 'a', points: 1 },
            { code: 'b', name: 'b', points: 1 },
          ],
        },
        {
          entries: {
            a: { key: 'disclosures.general.onTimeRatio' },
            b: { key: 'meetings.representatives' },
          },
        },
      ),
      item('T3', 1, check),
    ]);
    expect(recordMetricKeysOf(framework)).toEqual([
      'meetings.representatives',
      'disclosures.general.onTimeRatio',
    ]);
    expect(recordMetricKeysOf(validated([item('T3', 1, check)]))).toEqual([]);
  });
});
