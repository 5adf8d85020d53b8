import { describe, expect, it } from 'vitest';
import { frameworkOf, item } from '../../test/indicator-fixtures.js';
import type { ScoringRule } from './types.js';
import { validateFramework } from './validate-framework.js';

/** Validates a one-item framework whose item has `rule` and `metric`; returns the problems. */
function problemsOf(rule: ScoringRule, metric: unknown) {
  const framework = frameworkOf([{ ...item('I1', 2, rule), metric } as never]);
  const result = validateFramework(framework);
  return result.ok ? [] : result.problems;
}

const checklist: ScoringRule = {
  kind: 'checklist',
  entries: [
    { code: 'a', name: '甲', points: 1 },
    { code: 'b', name: '乙', points: 1 },
  ],
};

describe('validateFramework: an item’s record metric', () => {
  it.each<[string, ScoringRule, unknown]>([
    ['a check on a boolean', { kind: 'check' }, { key: 'legalAdviser.underContract' }],
    ['a check with bounds', { kind: 'check' }, { key: 'meetings.total', atLeast: 2, atMost: 4 }],
    ['a check on a ratio', { kind: 'check' }, { key: 'disclosures.onTimeRatio', atLeast: 0.95 }],
    [
      'a count of months',
      { kind: 'count', perUnit: 0.5 },
      { key: 'disputeScreening.monthsReported' },
    ],
    [
      'a deduction per problem',
      { kind: 'deduction', perUnit: 1 },
      { key: 'resolutions.withProblems' },
    ],
    [
      'bands on a scaled ratio',
      { kind: 'bands', bands: [{ min: 90, points: 2 }] },
      { key: 'mediation.successRate', scale: 100 },
    ],
    [
      'proportional on a ratio',
      { kind: 'proportional', target: 1 },
      { key: 'disclosures.onTimeRatio' },
    ],
    [
      'a checklist with a test per entry',
      checklist,
      {
        entries: {
          a: { key: 'villageRules.charter.filed' },
          b: { key: 'meetings.villagers', atLeast: 1 },
        },
      },
    ],
  ])('accepts %s and keeps the metric', (_, rule, metric) => {
    const result = validateFramework(frameworkOf([{ ...item('I1', 2, rule), metric } as never]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.framework.areas[0]!.items[0]!.metric).toEqual(metric);
  });

  it.each<[string, ScoringRule, unknown, string, string]>([
    [
      'an unknown metric',
      { kind: 'check' },
      { key: 'meetings.nobody' },
      'UNKNOWN_METRIC',
      'areas[0].items[0].metric.key',
    ],
    ['a missing key', { kind: 'check' }, {}, 'FIELD_REQUIRED', 'areas[0].items[0].metric.key'],
    [
      'a metric that is not an object',
      { kind: 'check' },
      'meetings.total',
      'NOT_AN_OBJECT',
      'areas[0].items[0].metric',
    ],
    [
      'an unknown field',
      { kind: 'check' },
      { key: 'meetings.total', from: 'x' },
      'UNKNOWN_FIELD',
      'areas[0].items[0].metric.from',
    ],
    [
      'a boolean counted',
      { kind: 'count', perUnit: 1 },
      { key: 'legalAdviser.underContract' },
      'METRIC_UNIT_MISMATCH',
      'areas[0].items[0].metric.key',
    ],
    [
      'a ratio counted',
      { kind: 'count', perUnit: 1 },
      { key: 'disclosures.onTimeRatio' },
      'METRIC_UNIT_MISMATCH',
      'areas[0].items[0].metric.key',
    ],
    [
      'a ratio deducted',
      { kind: 'deduction', perUnit: 1 },
      { key: 'mediation.successRate' },
      'METRIC_UNIT_MISMATCH',
      'areas[0].items[0].metric.key',
    ],
    [
      'a boolean in bands',
      { kind: 'bands', bands: [{ min: 1, points: 2 }] },
      { key: 'villageRules.compact.filed' },
      'METRIC_UNIT_MISMATCH',
      'areas[0].items[0].metric.key',
    ],
    [
      'a boolean measured',
      { kind: 'proportional', target: 1 },
      { key: 'legalAdviser.underContract' },
      'METRIC_UNIT_MISMATCH',
      'areas[0].items[0].metric.key',
    ],
    [
      'a scale on a check',
      { kind: 'check' },
      { key: 'meetings.total', scale: 2 },
      'METRIC_FIELD_NOT_ALLOWED',
      'areas[0].items[0].metric.scale',
    ],
    [
      'a bound on a count',
      { kind: 'count', perUnit: 1 },
      { key: 'meetings.total', atLeast: 1 },
      'METRIC_FIELD_NOT_ALLOWED',
      'areas[0].items[0].metric.atLeast',
    ],
    [
      'a key on a checklist',
      checklist,
      { key: 'meetings.total' },
      'METRIC_FIELD_NOT_ALLOWED',
      'areas[0].items[0].metric.key',
    ],
    [
      'a bound on a boolean',
      { kind: 'check' },
      { key: 'legalAdviser.underContract', atLeast: 1 },
      'METRIC_FIELD_NOT_ALLOWED',
      'areas[0].items[0].metric.atLeast',
    ],
    [
      'a ratio bound above 1',
      { kind: 'check' },
      { key: 'disclosures.onTimeRatio', atLeast: 95 },
      'NUMBER_OUT_OF_RANGE',
      'areas[0].items[0].metric.atLeast',
    ],
    [
      'a negative bound',
      { kind: 'check' },
      { key: 'meetings.total', atMost: -1 },
      'NEGATIVE_NUMBER',
      'areas[0].items[0].metric.atMost',
    ],
    [
      'bounds that cannot be met',
      { kind: 'check' },
      { key: 'meetings.total', atLeast: 3, atMost: 2 },
      'METRIC_BOUNDS_EMPTY',
      'areas[0].items[0].metric',
    ],
    [
      'a zero scale',
      { kind: 'proportional', target: 1 },
      { key: 'meetings.total', scale: 0 },
      'POINTS_NOT_POSITIVE',
      'areas[0].items[0].metric.scale',
    ],
    [
      'a checklist without entries',
      checklist,
      {},
      'FIELD_REQUIRED',
      'areas[0].items[0].metric.entries',
    ],
    [
      'a checklist entry without a test',
      checklist,
      { entries: { a: { key: 'meetings.total' } } },
      'METRIC_ENTRY_MISSING',
      'areas[0].items[0].metric.entries.b',
    ],
    [
      'a test for an unknown entry',
      checklist,
      {
        entries: {
          a: { key: 'meetings.total' },
          b: { key: 'meetings.total' },
          c: { key: 'meetings.total' },
        },
      },
      'METRIC_ENTRY_UNKNOWN',
      'areas[0].items[0].metric.entries.c',
    ],
    [
      'an unknown metric in an entry',
      checklist,
      { entries: { a: { key: 'meetings.total' }, b: { key: 'rules.all' } } },
      'UNKNOWN_METRIC',
      'areas[0].items[0].metric.entries.b.key',
    ],
  ])('reports %s', (_, rule, metric, code, path) => {
    const problems = problemsOf(rule, metric);
    expect(problems).toContainEqual(expect.objectContaining({ code, path }));
    for (const p of problems) {
      expect(p.message.zh).not.toBe('');
      expect(p.message.en).not.toBe('');
    }
  });

  it('says in both languages which unit a rule needs', () => {
    const [p] = problemsOf({ kind: 'deduction', perUnit: 1 }, { key: 'mediation.successRate' });
    expect(p!.message).toEqual({
      zh: '台账指标“mediation.successRate”的单位为比率，不适用于deduction规则（应为：计数、月数）',
      en: 'Record metric "mediation.successRate" is a ratio; a deduction rule needs a count or a number of months',
    });
  });
});
