import { describe, expect, it } from 'vitest';
import { deriveRule } from './derive-rule.js';
import type { ScoringRule } from './types.js';

describe('deriveRule', () => {
  it.each([
    ['每缺一项台账扣0.5分，扣完为止', 2, { kind: 'deduction', perUnit: 0.5 }],
    ['发现一处问题扣1分', 3, { kind: 'deduction', perUnit: 1 }],
    ['每少１次扣２分', 4, { kind: 'deduction', perUnit: 2 }],
    ['每调解成功1件得1分，最高3分', 3, { kind: 'count', perUnit: 1 }],
    ['每培养一名法律明白人加0.5分', 2, { kind: 'count', perUnit: 0.5 }],
    ['制定得满分，未制定不得分', 2, { kind: 'check' }],
    ['符合要求得3分，否则不得分', 3, { kind: 'check' }],
  ] as [string, number, ScoringRule][])('reads “%s” (item of %d points)', (text, points, rule) => {
    expect(deriveRule(text, { points })).toEqual(rule);
  });

  it.each([
    ['', 2],
    ['视情况酌情扣分', 2],
    ['缺一项扣1分，缺两项扣3分', 5], // two different deductions
    ['每有一人得1分，每缺一项扣1分', 5], // both awards and deductions
    ['每调解成功1件得1分，最高5分', 3], // a cap other than the item's points
    ['符合要求得2分，否则不得分', 3], // names other points than the item's
    ['达到90%以上得满分，不足不得分', 3], // a threshold is not all or nothing
    ['扣1分', 2], // no unit to deduct per
    ['每缺一项扣0.125分', 2], // more than two decimals
  ])('leaves “%s” (%d points) to the county', (text, points) => {
    expect(deriveRule(text, { points })).toBeNull();
  });
});
