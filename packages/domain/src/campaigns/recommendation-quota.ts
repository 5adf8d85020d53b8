import type { LocalizedText } from '../localized-text.js';

export interface QuotaProblem {
  readonly code: 'QUOTA_EXCEEDED' | 'NO_QUOTA';
  readonly message: LocalizedText;
}

/**
 * Whether one more subject may be recommended upward when `recommended` already are, within the
 * campaign's quota (名额). A recommendation campaign without a quota recommends nobody.
 *
 * @example
 * recommendationQuotaProblem({ recommended: 3, quota: 3 })?.code // → 'QUOTA_EXCEEDED'
 */
export function recommendationQuotaProblem(input: {
  readonly recommended: number;
  readonly quota: number | null | undefined;
}): QuotaProblem | null {
  if (input.quota === null || input.quota === undefined) {
    return {
      code: 'NO_QUOTA',
      message: { zh: '尚未设置推荐名额', en: 'The recommendation quota is not set' },
    };
  }
  if (input.recommended + 1 > input.quota) {
    return {
      code: 'QUOTA_EXCEEDED',
      message: {
        zh: `推荐名额为${input.quota}个，已推荐${input.recommended}个`,
        en: `The quota is ${input.quota} and ${input.recommended} are recommended`,
      },
    };
  }
  return null;
}
