import type { ItemAnswer } from '../indicators/types.js';
import type { LocalizedText } from '../localized-text.js';
import type { DerivedItem } from './derive-answers.js';

/** A self-assessment answer that differs from the one the records give, without a reason. */
export interface OverrideProblem {
  readonly code: 'OVERRIDE_REASON_REQUIRED';
  /** The item's code. */
  readonly itemId: string;
  /** Where the reason goes in a sheet column: `overrides.<item code>`. */
  readonly path: string;
  readonly message: LocalizedText;
}

/** What `checkOverrides` reads of a score-sheet column. */
export interface ColumnWithOverrides {
  readonly items: Readonly<Record<string, ItemAnswer | null | undefined>>;
  /** The reason per item for an answer that differs from the derived one. */
  readonly overrides?: Readonly<Record<string, string>> | undefined;
}

/**
 * Whether two answers are the same: checklists as sets of entry codes, numbers and booleans by
 * value.
 *
 * @example
 * sameAnswer(['a', 'b'], ['b', 'a']); // → true
 * sameAnswer(2, 3); // → false
 */
export function sameAnswer(
  a: ItemAnswer | null | undefined,
  b: ItemAnswer | null | undefined,
): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const left = new Set<string>(a);
    const right = new Set<string>(b);
    return left.size === right.size && [...left].every((code) => right.has(code));
  }
  return a === b;
}

/**
 * The items of a self-assessment column whose answer overrides the one derived from the records
 * (来自台账) without a reason. An item the records give no answer for (`missing`), an item left
 * unanswered and an answer equal to the derived one need no reason; a reason of only blanks is
 * no reason. The reviewers see the reasons beside the answers.
 *
 * @example
 * checkOverrides(
 *   [{ itemId: 'B1', answer: false, explanation, metric: 'disclosures.onTimeRatio', value: 0.75, readings }],
 *   { items: { B1: true }, overrides: {} },
 * );
 * // → { ok: false, problems: [{ code: 'OVERRIDE_REASON_REQUIRED', itemId: 'B1', path: 'overrides.B1',
 * //      message: { zh: '指标B1的答案与台账得出的不同，须填写理由', … } }] }
 */
export function checkOverrides(
  derived: readonly DerivedItem[],
  column: ColumnWithOverrides,
): { readonly ok: true } | { readonly ok: false; readonly problems: readonly OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  for (const item of derived) {
    if (item.missing) continue;
    const given = column.items[item.itemId];
    if (given === undefined || given === null || sameAnswer(given, item.answer)) continue;
    const reason = column.overrides?.[item.itemId];
    if (typeof reason === 'string' && reason.trim() !== '') continue;
    problems.push({
      code: 'OVERRIDE_REASON_REQUIRED',
      itemId: item.itemId,
      path: `overrides.${item.itemId}`,
      message: {
        zh: `指标${item.itemId}的答案与台账得出的不同，须填写理由`,
        en: `The answer to ${item.itemId} differs from the one the records give: give a reason`,
      },
    });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
