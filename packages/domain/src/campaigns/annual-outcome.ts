import type { LocalizedText } from '../localized-text.js';

/** The county's 奖惩 outcome of an annual assessment for one subject. */
export const annualOutcomes = ['commended', 'none', 'criticized', 'rectification'] as const;
export type AnnualOutcome = (typeof annualOutcomes)[number];

const names: Record<AnnualOutcome, LocalizedText> = {
  commended: { zh: '通报表扬', en: 'commended' },
  none: { zh: '不奖不惩', en: 'no reward or penalty' },
  criticized: { zh: '通报批评', en: 'criticised' },
  rectification: { zh: '限期整改', en: 'rectification ordered' },
};

/** @example annualOutcomeName('commended').zh // → '通报表扬' */
export function annualOutcomeName(outcome: AnnualOutcome): LocalizedText {
  return names[outcome];
}
