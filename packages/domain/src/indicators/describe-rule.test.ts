import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from './builtin-frameworks/index.js';
import { describeRule } from './describe-rule.js';
import type { IndicatorItem, ScoringRule } from './types.js';

const item = (rule: ScoringRule, points = 2): IndicatorItem => ({
  code: 'A1.1',
  name: '示例',
  points,
  method: 'ledger',
  rule,
});

describe('describeRule', () => {
  it.each([
    [{ kind: 'check' }, '符合要求得2分，否则不得分', '2 points when met, else none'],
    [
      { kind: 'deduction', perUnit: 0.5, unit: { zh: '会议记录', en: 'meeting record' } },
      '每缺1项会议记录扣0.5分，扣完为止',
      '0.5 points off per missing meeting record, down to zero',
    ],
    [
      { kind: 'deduction', perUnit: 1 },
      '每发现1处问题扣1分，扣完为止',
      '1 points off per deficiency, down to zero',
    ],
    [
      { kind: 'count', perUnit: 0.5, unit: { zh: '名法律明白人', en: 'legal-literate villager' } },
      '每1个名法律明白人计0.5分，最高2分',
      '0.5 points per legal-literate villager, at most 2',
    ],
    [
      { kind: 'proportional', target: 90 },
      '按实际值÷目标值90折算，达到目标值得满分2分',
      'In proportion to the target 90; 2 points at or above it',
    ],
  ] as [ScoringRule, string, string][])('describes %j', (rule, zh, en) => {
    expect(describeRule(item(rule))).toEqual({ summary: { zh, en }, lines: [] });
  });

  it('lists checklist entries and bands, with what scores nothing', () => {
    const checklist = describeRule(
      item({
        kind: 'checklist',
        entries: [
          { code: 'a', name: '学法计划', points: 0.5 },
          { code: 'b', name: '普法计划', points: 1.5 },
        ],
      }),
    );
    expect(checklist.lines.map((l) => l.zh)).toEqual(['学法计划，0.5分', '普法计划，1.5分']);
    const bands = describeRule(
      item({
        kind: 'bands',
        bands: [
          { min: 90, points: 2 },
          { min: 60, points: 1 },
        ],
      }),
    );
    expect(bands.lines.map((l) => l.zh)).toEqual(['达到90得2分', '达到60得1分', '低于60得0分']);
    expect(bands.lines.map((l) => l.en)).toEqual([
      '90 or more: 2 pts',
      '60 or more: 1 pts',
      'below 60: 0 pts',
    ]);
  });

  it('describes every item of the built-in frameworks in both languages', () => {
    for (const framework of builtinFrameworks) {
      for (const area of framework.areas) {
        for (const i of area.items) {
          const d = describeRule(i);
          expect(d.summary.zh).not.toBe('');
          expect(d.summary.en).not.toBe('');
          for (const line of d.lines) expect(line.en).not.toBe('');
        }
      }
    }
  });
});
