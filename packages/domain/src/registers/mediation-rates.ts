import type { LocalizedText } from '../localized-text.js';

/** The counts a mediation rate is computed from, for one division and period. */
export interface MediationCounts {
  /** 受理: cases received in the period. */
  readonly received: number;
  /** 调处: of those, cases that reached an outcome by the end of the period. */
  readonly closed: number;
  /** 调解成功: of the handled cases, those settled. */
  readonly succeeded: number;
}

/** A rate's definition, kept as data and shown beside every rate. */
export interface MediationRateDefinition {
  readonly numerator: keyof MediationCounts;
  readonly denominator: keyof MediationCounts;
  readonly name: LocalizedText;
  readonly formula: LocalizedText;
  /**
   * Where the definition comes from. The Ministry's statistical forms (司法部人民调解统计报表)
   * have not been read word for word: `verified` stays false until they are.
   */
  readonly source: { readonly text: LocalizedText; readonly verified: boolean };
}

const source = {
  text: {
    zh: '司法部人民调解统计报表口径（未逐字核对）',
    en: "The Ministry of Justice's mediation statistics forms (not checked word for word)",
  },
  verified: false,
} as const;

/** 调处率 and 调解成功率 as the reports define them (legal reference §4.E). */
export const mediationRateDefinitions: {
  readonly handlingRate: MediationRateDefinition;
  readonly successRate: MediationRateDefinition;
} = {
  handlingRate: {
    numerator: 'closed',
    denominator: 'received',
    name: { zh: '调处率', en: 'Handling rate' },
    formula: { zh: '调处件数 ÷ 受理件数', en: 'Cases handled ÷ cases received' },
    source,
  },
  successRate: {
    numerator: 'succeeded',
    denominator: 'closed',
    name: { zh: '调解成功率', en: 'Success rate' },
    formula: { zh: '调解成功件数 ÷ 调处件数', en: 'Cases settled ÷ cases handled' },
    source,
  },
};

/** The two rates; null (shown as “—”) when the denominator is zero, never 0% or 100%. */
export interface MediationRates {
  readonly handlingRate: number | null;
  readonly successRate: number | null;
}

function rate(counts: MediationCounts, definition: MediationRateDefinition): number | null {
  const denominator = counts[definition.denominator];
  if (denominator === 0) return null;
  return counts[definition.numerator] / denominator;
}

/**
 * 调处率 and 调解成功率 of a division's counts, as defined by `mediationRateDefinitions`.
 *
 * @example
 * mediationRates({ received: 10, closed: 8, succeeded: 6 })
 * // { handlingRate: 0.8, successRate: 0.75 }
 * mediationRates({ received: 0, closed: 0, succeeded: 0 })
 * // { handlingRate: null, successRate: null }
 */
export function mediationRates(counts: MediationCounts): MediationRates {
  return {
    handlingRate: rate(counts, mediationRateDefinitions.handlingRate),
    successRate: rate(counts, mediationRateDefinitions.successRate),
  };
}
