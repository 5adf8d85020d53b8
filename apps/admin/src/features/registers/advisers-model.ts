// Types and labels of the legal advisers and community-correction pages; the lists, labels and
// rules come from @fazhi/domain.
import { adviserServiceLabels, correctionFigureLabels } from '@fazhi/domain';
import type { Lang } from '../../i18n';
import type { RouterOutputs } from '../../types';

export type AdviserRow = RouterOutputs['advisers']['list']['items'][number];
export type ContractRow = AdviserRow['contracts'][number];
export type DutyRow = RouterOutputs['advisers']['dutyDays']['items'][number];
export type ServiceRow = RouterOutputs['advisers']['services']['items'][number];
export type CoverageRow = RouterOutputs['advisers']['coverage']['children'][number];
export type CorrectionRow = RouterOutputs['corrections']['list']['items'][number];
export type CorrectionStatisticsRow =
  RouterOutputs['corrections']['statistics']['children'][number];

/** The name of a kind of adviser service in the UI language. */
export function serviceKindLabel(kind: keyof typeof adviserServiceLabels, lang: Lang): string {
  return adviserServiceLabels[kind][lang];
}

/** The name of a community-correction figure in the UI language. */
export function figureLabel(key: keyof typeof correctionFigureLabels, lang: Lang): string {
  return correctionFigureLabels[key][lang];
}

/** Whether a role keeps the county's advisers and contracts (the county and the administrator). */
export function keepsAdvisers(role: string): boolean {
  return role === 'county_admin' || role === 'system_admin';
}
