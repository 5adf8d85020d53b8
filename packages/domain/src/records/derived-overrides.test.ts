import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DerivedItem } from './derive-answers.js';
import { checkOverrides, sameAnswer } from './derived-overrides.js';

const explanation = { zh: '台账', en: 'records' };
const derived: DerivedItem[] = [
  {
    itemId: 'C1',
    answer: false,
    explanation,
    metric: 'disclosures.onTimeRatio',
    value: 0.75,
    readings: [{ key: 'disclosures.onTimeRatio', value: 0.75 }],
  },
  {
    itemId: 'N1',
    answer: 2,
    explanation,
    metric: 'meetings.representatives',
    value: 2,
    readings: [{ key: 'meetings.representatives', value: 2 }],
  },
  {
    itemId: 'L1',
    answer: ['filed', 'reviewed'],
    explanation,
    metric: 'villageRules.charter.filed',
    value: true,
    readings: [{ key: 'villageRules.charter.filed', value: true }],
  },
  {
    itemId: 'M1',
    missing: true,
    reason: 'no_value',
    explanation,
    metrics: ['mediation.successRate'],
  },
];

describe('sameAnswer', () => {
  it('compares checklists as sets and other answers by value', () => {
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameAnswer(['a'], ['a', 'b'])).toBe(false);
    expect(sameAnswer(['a', 'a'], ['a'])).toBe(true);
    expect(sameAnswer(2, 2)).toBe(true);
    expect(sameAnswer(2, 3)).toBe(false);
    expect(sameAnswer(false, 0)).toBe(false);
    expect(sameAnswer([], false)).toBe(false);
  });
});

describe('checkOverrides', () => {
  it('accepts the derived answers as they are, in any checklist order', () => {
    expect(
      checkOverrides(derived, { items: { C1: false, N1: 2, L1: ['reviewed', 'filed'] } }),
    ).toEqual({ ok: true });
  });

  it('needs no reason for an item left blank or an item the records cannot answer', () => {
    expect(checkOverrides(derived, { items: { M1: 5 } })).toEqual({ ok: true });
  });

  it('needs a reason for each answer that differs, naming the item', () => {
    const result = checkOverrides(derived, {
      items: { C1: true, N1: 3, L1: ['filed'] },
      overrides: { N1: '一次代表会议记录在纸质台账，尚未录入', L1: '   ' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.itemId, p.path])).toEqual([
      ['OVERRIDE_REASON_REQUIRED', 'C1', 'overrides.C1'],
      ['OVERRIDE_REASON_REQUIRED', 'L1', 'overrides.L1'],
    ]);
    expect(result.problems[0]!.message.zh).toBe('指标C1的答案与台账得出的不同，须填写理由');
    expect(result.problems[0]!.message.en).toContain('give a reason');
  });

  it('property: a column equal to the derived answers never needs a reason; one changed answer without a reason always does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5 }), (n, d) => {
        const one: DerivedItem[] = [
          {
            itemId: 'X',
            answer: n,
            explanation,
            metric: 'meetings.total',
            value: n,
            readings: [{ key: 'meetings.total', value: n }],
          },
        ];
        expect(checkOverrides(one, { items: { X: n } }).ok).toBe(true);
        expect(checkOverrides(one, { items: { X: n + d } }).ok).toBe(false);
        expect(checkOverrides(one, { items: { X: n + d }, overrides: { X: '理由' } }).ok).toBe(
          true,
        );
      }),
    );
  });
});
