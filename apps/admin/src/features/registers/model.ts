// Types and small helpers of the registers pages; the lists and labels come from @fazhi/domain.
import { mediationLabels } from '@fazhi/domain';
import type { Lang } from '../../i18n';
import type { RouterInputs, RouterOutputs } from '../../types';

export type MediationRow = RouterOutputs['mediation']['list']['items'][number];
export type MediationInput = RouterInputs['mediation']['save'];
export type MediationStatistics = RouterOutputs['statistics']['mediation'];
export type StatisticsRow = MediationStatistics['children'][number];

/** The label of a value of one of the mediation lists, in the UI language. */
export function mediationLabel<K extends keyof typeof mediationLabels>(
  list: K,
  value: keyof (typeof mediationLabels)[K],
  lang: Lang,
): string {
  const label = mediationLabels[list][value] as { zh: string; en: string } | undefined;
  return label ? label[lang] : String(value);
}

/** The township a division code lies in (its first nine digits + 000). */
export function townshipOf(code: string): string {
  return code.slice(0, 9) + '000';
}
