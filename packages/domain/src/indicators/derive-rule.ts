import { toHundredths } from './_internal/decimal.js';
import type { ScoringRule } from './types.js';

/** Full-width digits and punctuation to their ASCII forms; whitespace removed. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/\s+/g, '');
}

const number = String.raw`(\d+(?:\.\d+)?)`;

/** Every distinct number of `pattern`'s first group in `text`. */
function valuesOf(text: string, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(pattern)) found.add(Number(match[1]));
  return [...found];
}

function positiveWithTwoDecimals(n: number): boolean {
  const h = toHundredths(n);
  return h !== null && h > 0;
}

/**
 * The scoring rule a 评分标准 text states plainly, or `null` when it cannot be told for sure (the
 * county then chooses the rule). Three shapes are read: one deduction per unit (`每缺一项扣1分`,
 * `发现一处问题扣0.5分，扣完为止` → `deduction`), one award per unit (`每培养1名法律明白人得0.5分`
 * → `count`), and all or nothing (`建立得满分，未建立不得分`, `符合要求得3分，否则不得分` with the
 * item's own points → `check`). A text with two different unit values, both deductions and
 * awards, or any other number of points is `null`: a guess would score villages wrongly.
 *
 * @example
 * deriveRule('每缺一项台账扣0.5分，扣完为止', { points: 2 }); // → { kind: 'deduction', perUnit: 0.5 }
 * deriveRule('每调解成功1件得1分，最高3分', { points: 3 }); // → { kind: 'count', perUnit: 1 }
 * deriveRule('制定得满分，未制定不得分', { points: 2 }); // → { kind: 'check' }
 * deriveRule('视情况酌情扣分', { points: 2 }); // → null
 */
export function deriveRule(text: string, options: { points: number }): ScoringRule | null {
  const t = normalize(text);
  if (t === '') return null;
  const deductions = valuesOf(t, new RegExp(`扣(?:除)?${number}分`, 'g'));
  const awards = valuesOf(t, new RegExp(`每[^，。；,;]*?(?:得|加|计)${number}分`, 'g'));
  const perUnitWord = /每|一项|一处|一次|一个|一件|一条|一人|1项|1处|1次|1个|1件|1条|1人/.test(t);

  if (deductions.length > 0) {
    if (awards.length > 0 || deductions.length !== 1 || !perUnitWord) return null;
    const perUnit = deductions[0]!;
    return positiveWithTwoDecimals(perUnit) ? { kind: 'deduction', perUnit } : null;
  }
  if (awards.length > 0) {
    if (awards.length !== 1) return null;
    // a cap, if stated, must be the item's points (最高3分, 满分3分, 最多得3分)
    const caps = valuesOf(t, new RegExp(`(?:最高|满分|最多|不超过|封顶)(?:得)?${number}分`, 'g'));
    if (caps.some((cap) => cap !== options.points)) return null;
    const perUnit = awards[0]!;
    return positiveWithTwoDecimals(perUnit) ? { kind: 'count', perUnit } : null;
  }
  if (/不得分|得满分|不计分|得0分|计0分/.test(t)) {
    // every number of points the text names must be the item's own
    const named = valuesOf(t, new RegExp(`${number}分`, 'g')).filter((n) => n !== 0);
    if (named.some((n) => n !== options.points)) return null;
    if (/每|酌情|视情|按比例|以上|以下|不足/.test(t)) return null;
    return { kind: 'check' };
  }
  return null;
}
