// Types and the label helper of the 普法 pages; the lists and labels come from @fazhi/domain.
import { pufaLabels } from '@fazhi/domain';
import type { Lang } from '../../i18n';
import type { RouterInputs, RouterOutputs } from '../../types';

export type PufaActivityRow = RouterOutputs['pufa']['listActivities']['items'][number];
export type PufaActivityInput = RouterInputs['pufa']['saveActivity'];
export type PufaRosterRow = RouterOutputs['pufa']['listRoster']['items'][number];
export type PufaRosterInput = RouterInputs['pufa']['saveRosterMember'];
export type PufaPlanRow = RouterOutputs['pufa']['listPlan']['items'][number];
export type PufaPlanInput = RouterInputs['pufa']['savePlanItem'];
export type PufaStatistics = RouterOutputs['statistics']['pufa'];
export type PufaStatisticsRow = PufaStatistics['children'][number];

/** The label of a value of one of the 普法 lists, in the UI language. */
export function pufaLabel<K extends keyof typeof pufaLabels>(
  list: K,
  value: keyof (typeof pufaLabels)[K],
  lang: Lang,
): string {
  const label = pufaLabels[list][value] as { zh: string; en: string } | undefined;
  return label ? label[lang] : String(value);
}

/** The options of a select over one of the 普法 lists. */
export function pufaOptions<K extends keyof typeof pufaLabels>(
  list: K,
  values: readonly (keyof (typeof pufaLabels)[K] & string)[],
  lang: Lang,
) {
  return values.map((v) => ({ value: v, label: pufaLabel(list, v, lang) }));
}
