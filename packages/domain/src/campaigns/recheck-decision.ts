import type { LocalizedText } from '../localized-text.js';

/** What a re-check (复核) may decide: keep (保留), revoke (撤销, with reasons), cancel (注销). */
export const recheckOutcomes = ['keep', 'revoke', 'cancel'] as const;
export type RecheckOutcome = (typeof recheckOutcomes)[number];

/** The status of a title: held, revoked, or cancelled (merger, split, relocation). */
export const titleStatuses = ['active', 'revoked', 'cancelled'] as const;
export type TitleStatus = (typeof titleStatuses)[number];

/** The status a title has after a re-check decides `outcome`. */
export const statusAfterRecheck: Record<RecheckOutcome, TitleStatus> = {
  keep: 'active',
  revoke: 'revoked',
  cancel: 'cancelled',
};

const titleStatusNames: Readonly<Record<TitleStatus, LocalizedText>> = {
  active: { zh: '有效', en: 'active' },
  revoked: { zh: '已撤销', en: 'revoked' },
  cancelled: { zh: '已注销', en: 'cancelled' },
};

/** @example titleStatusName('revoked').zh // → '已撤销' */
export function titleStatusName(status: TitleStatus): LocalizedText {
  return titleStatusNames[status];
}

const recheckOutcomeNames: Readonly<Record<RecheckOutcome, LocalizedText>> = {
  keep: { zh: '保留', en: 'keep' },
  revoke: { zh: '撤销', en: 'revoke' },
  cancel: { zh: '注销', en: 'cancel' },
};

/** @example recheckOutcomeName('keep').zh // → '保留' */
export function recheckOutcomeName(outcome: RecheckOutcome): LocalizedText {
  return recheckOutcomeNames[outcome];
}

export interface RecheckProblem {
  readonly field: 'reasons' | 'note';
  readonly message: LocalizedText;
}

/**
 * Why a re-check decision is incomplete, or null: a revocation needs reasons, a cancellation a
 * note on the merger, split or relocation.
 *
 * @example
 * recheckDecisionProblem({ outcome: 'revoke', reasons: [] })?.field // → 'reasons'
 */
export function recheckDecisionProblem(decision: {
  readonly outcome: RecheckOutcome;
  readonly reasons: readonly string[];
  readonly note?: string | undefined;
}): RecheckProblem | null {
  if (decision.outcome === 'revoke' && decision.reasons.length === 0) {
    return {
      field: 'reasons',
      message: { zh: '撤销须选择理由', en: 'A revocation needs reasons' },
    };
  }
  if (decision.outcome === 'cancel' && !decision.note?.trim()) {
    return {
      field: 'note',
      message: {
        zh: '注销须说明合并、拆分或搬迁情况',
        en: 'A cancellation needs a note on the merger, split or relocation',
      },
    };
  }
  return null;
}
