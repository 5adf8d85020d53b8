import type { LocalizedText } from '../localized-text.js';
import type { IndicatorItem } from './types.js';

/** A scoring rule in words: a summary and, for checklists and bands, one line per entry. */
export interface RuleDescription {
  readonly summary: LocalizedText;
  readonly lines: readonly LocalizedText[];
}

/**
 * Describes how an item is scored, in Chinese and English, for score sheets and exports.
 *
 * @example
 * describeRule({ code: 'A1.1', name: '会议记录', points: 2, method: 'ledger',
 *   rule: { kind: 'deduction', perUnit: 0.5, unit: { zh: '会议记录', en: 'meeting record' } } })
 * // → { summary: { zh: '每缺1项会议记录扣0.5分，扣完为止',
 * //                en: '0.5 points off per missing meeting record, down to zero' }, lines: [] }
 */
export function describeRule(item: IndicatorItem): RuleDescription {
  const rule = item.rule;
  const p = item.points;
  switch (rule.kind) {
    case 'check':
      return {
        summary: { zh: `符合要求得${p}分，否则不得分`, en: `${p} points when met, else none` },
        lines: [],
      };
    case 'checklist':
      return {
        summary: { zh: '按满足的条目计分：', en: 'Points per met entry:' },
        lines: rule.entries.map((e) => ({
          // the entry's name, never its code (party-core): the code is for the data only
          zh: `${e.name}，${e.points}分`,
          en: `${e.name}, ${e.points} pts`,
        })),
      };
    case 'deduction':
      return {
        summary: rule.unit
          ? {
              zh: `每缺1项${rule.unit.zh}扣${rule.perUnit}分，扣完为止`,
              en: `${rule.perUnit} points off per missing ${rule.unit.en}, down to zero`,
            }
          : {
              zh: `每发现1处问题扣${rule.perUnit}分，扣完为止`,
              en: `${rule.perUnit} points off per deficiency, down to zero`,
            },
        lines: [],
      };
    case 'count':
      return {
        summary: {
          zh: `每1个${rule.unit?.zh ?? ''}计${rule.perUnit}分，最高${p}分`,
          en: `${rule.perUnit} points per ${rule.unit?.en ?? 'unit'}, at most ${p}`,
        },
        lines: [],
      };
    case 'bands': {
      const lowest = rule.bands[rule.bands.length - 1];
      return {
        summary: { zh: '按数值分档：', en: 'By bands:' },
        lines: [
          ...rule.bands.map((b) => ({
            zh: `达到${b.min}得${b.points}分`,
            en: `${b.min} or more: ${b.points} pts`,
          })),
          ...(lowest ? [{ zh: `低于${lowest.min}得0分`, en: `below ${lowest.min}: 0 pts` }] : []),
        ],
      };
    }
    case 'proportional':
      return {
        summary: {
          zh: `按实际值÷目标值${rule.target}折算，达到目标值得满分${p}分`,
          en: `In proportion to the target ${rule.target}; ${p} points at or above it`,
        },
        lines: [],
      };
  }
}
