// What the campaign screens share: the stages, states, levels and events with their tag colours,
// the shapes the API answers with (inferred from its router), and who may do what.
import {
  participationStates as domainStates,
  type ParticipationState,
  type SheetColumn,
} from '@fazhi/domain';
import type { SheetConflictDetails, StageBlockedDetails } from '@fazhi/api';
import type { Role } from '../../lib/roles';
import type { RouterOutputs } from '../../types';

export type Campaign = RouterOutputs['campaigns']['get'];
export type CampaignRow = RouterOutputs['campaigns']['list']['items'][number];
export type ParticipationRow = RouterOutputs['participations']['list']['items'][number];
export type TitleRow = RouterOutputs['titles']['list']['items'][number];
export type Results = RouterOutputs['campaigns']['results'];

// the stages, levels, states, modes and subject levels are the domain's
export { campaignStages, participationStates, sheetColumns } from '@fazhi/domain';
export type { CampaignStage, SheetColumn } from '@fazhi/domain';
export { campaignModes, subjectLevels, annualOutcomes } from '@fazhi/domain';
export type { CampaignMode, SubjectLevel, AnnualOutcome } from '@fazhi/domain';
export { titleLevels as campaignLevels } from '@fazhi/domain';
export type { TitleLevel as CampaignLevel } from '@fazhi/domain';

export const stateColors: Record<ParticipationState, string> = {
  declared: 'default',
  enrolled: 'default',
  self_assessed: 'processing',
  returned: 'warning',
  township_approved: 'cyan',
  county_accepted: 'blue',
  county_failed: 'error',
  posted: 'purple',
  objected: 'orange',
  removed: 'volcano',
  named: 'success',
  recommended: 'geekblue',
  not_selected: 'default',
  withdrawn: 'default',
};

export const gradeColors: Record<string, string> = {
  excellent: 'success',
  good: 'blue',
  pass: 'cyan',
  fail: 'error',
};

export function isState(value: string): value is ParticipationState {
  return (domainStates as readonly string[]).includes(value);
}

export function isGrade(value: string): value is 'excellent' | 'good' | 'pass' | 'fail' {
  return value === 'excellent' || value === 'good' || value === 'pass' || value === 'fail';
}

/** County administrators run campaigns: create, advance, accept, post, name, re-check. */
export function canRunCampaigns(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin';
}

/** Who may declare a village (a clerk their own; township and county users one in scope). */
export function canDeclare(role: Role): boolean {
  return role !== 'inspector';
}

/** One column of a score sheet, as stored and as `participations.saveSheet` takes it. */
export interface SheetColumnData {
  items: Record<string, boolean | number | string[]>;
  vetoes: string[];
  comments: Record<string, string>;
  /** Self-assessment: the reason per item for an answer that differs from the records'. */
  overrides?: Record<string, string>;
}

/** What `participations.get` answers: totals and the campaign's minimums in points. */
export type ParticipationDetail = RouterOutputs['participations']['get'];
export type EvidenceFile = ParticipationDetail['evidence'][number];
export type Objection = ParticipationDetail['objections'][number];

/**
 * Whether the user may remove this evidence file now: like uploading, only files of the column
 * that is theirs to edit (`editableColumn`). The server checks the same rule.
 */
export function canRemoveEvidence(
  file: Pick<EvidenceFile, 'column'>,
  editable: SheetColumn | null,
): boolean {
  return editable !== null && file.column === editable;
}

/** The error details of a refused save when someone else saved first (`SHEET_CONFLICT`). */
export type SheetConflict = SheetConflictDetails;

/**
 * What keeps a campaign in its stage (`STAGE_BLOCKED`, and `campaigns.get`'s `blockers`, whose
 * code the router types as a plain string).
 */
export type Blocker = Omit<StageBlockedDetails['blockers'][number], 'code'> & {
  readonly code: string;
};

/** An empty column (nothing answered). */
export function emptyColumn(): SheetColumnData {
  return { items: {}, vetoes: [], comments: {} };
}
