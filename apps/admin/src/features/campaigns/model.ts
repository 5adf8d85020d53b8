// What the campaign screens share: the stages, states, levels and events with their tag colours,
// the shapes the API answers with (inferred from its router), and who may do what.
import type { ParticipationState } from '@fazhi/domain';
import type { SheetConflictDetails, StageBlockedDetails } from '@fazhi/api';
import type { Role } from '../../lib/roles';
import type { RouterOutputs } from '../../types';

export type Campaign = RouterOutputs['campaigns']['get'];
export type CampaignRow = RouterOutputs['campaigns']['list']['items'][number];
export type ParticipationRow = RouterOutputs['participations']['list']['items'][number];
export type TitleRow = RouterOutputs['titles']['list']['items'][number];
export type Results = RouterOutputs['campaigns']['results'];

export const campaignStages = [
  'deploy',
  'declare',
  'self_assess',
  'township_review',
  'county_acceptance',
  'public_notice',
  'naming',
  'recheck',
] as const satisfies readonly Campaign['stage'][];
export type CampaignStage = (typeof campaignStages)[number];

export const campaignLevels = [
  'county',
  'municipal',
  'provincial',
  'national',
] as const satisfies readonly Campaign['level'][];
export type CampaignLevel = (typeof campaignLevels)[number];

export const participationStates = [
  'declared',
  'self_assessed',
  'returned',
  'township_approved',
  'county_accepted',
  'county_failed',
  'posted',
  'objected',
  'removed',
  'named',
  'withdrawn',
] as const satisfies readonly ParticipationState[];

export const stateColors: Record<ParticipationState, string> = {
  declared: 'default',
  self_assessed: 'processing',
  returned: 'warning',
  township_approved: 'cyan',
  county_accepted: 'blue',
  county_failed: 'error',
  posted: 'purple',
  objected: 'orange',
  removed: 'volcano',
  named: 'success',
  withdrawn: 'default',
};

export const gradeColors: Record<string, string> = {
  excellent: 'success',
  good: 'blue',
  pass: 'cyan',
  fail: 'error',
};

export function isState(value: string): value is ParticipationState {
  return (participationStates as readonly string[]).includes(value);
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

export const sheetColumns = ['self', 'township', 'county'] as const;
export type SheetColumn = (typeof sheetColumns)[number];

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

/** What keeps a campaign in its stage (`STAGE_BLOCKED`). */
export type Blocker = StageBlockedDetails['blockers'][number];

/** An empty column (nothing answered). */
export function emptyColumn(): SheetColumnData {
  return { items: {}, vetoes: [], comments: {} };
}
