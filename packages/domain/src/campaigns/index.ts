export { formatPoints, fromHundredths, isWholeHundredths, toHundredths } from './points.js';
export {
  allowedParticipationEvents,
  noticeEndsOn,
  participationStateName,
  participationStates,
  transitionParticipation,
} from './participation.js';
export type {
  ParticipationActor,
  ParticipationEvent,
  ParticipationEventType,
  ParticipationRules,
  ParticipationSnapshot,
  ParticipationState,
  TransitionProblem,
  TransitionResult,
} from './participation.js';
export {
  campaignNameLength,
  maxAnswerValue,
  maxBulkParticipations,
  maxEvidenceBytes,
  revocationBarYears,
} from './limits.js';
export {
  DEADLINE_WARNING_DAYS,
  daysUntil,
  deadlineLight,
  deadlineLights,
  isLaterDay,
  lateStates,
  openWorkStates,
} from './deadlines.js';
export type { DeadlineLight } from './deadlines.js';
export { closingFigures } from './closing.js';
export type { ClosingFigures, ClosingSubject, TownshipFigures } from './closing.js';
export {
  campaignModeName,
  campaignModes,
  hasTownshipReview,
  isCampaignMode,
  isSubjectLevel,
  subjectCounter,
  subjectNoun,
  subjectLevelName,
  subjectLevels,
  subjectsDeclare,
} from './campaign-mode.js';
export type { CampaignFlow, CampaignMode, SubjectLevel } from './campaign-mode.js';
export {
  campaignStageName,
  campaignStages,
  campaignStagesOf,
  eventAllowedAt,
  nextCampaignStage,
  participationEventTypes,
} from './campaign-stage.js';
export type { CampaignStage } from './campaign-stage.js';
export { participationActor } from './participation-actor.js';
export { openColumn, sheetColumns } from './sheet-column.js';
export type { SheetColumn } from './sheet-column.js';
export { advanceBlockers } from './advance-blockers.js';
export type { AdvanceBlocker, AdvanceSituation } from './advance-blockers.js';
export { addYears, declarationProblem } from './declaration-eligibility.js';
export type { DeclarationProblem, HeldTitle } from './declaration-eligibility.js';
export {
  campaignLevelProblem,
  lowerTitleLevel,
  titleLevelName,
  titleLevels,
} from './title-level.js';
export type { CampaignLevelProblem, TitleLevel } from './title-level.js';
export {
  recheckDecisionProblem,
  recheckOutcomeName,
  recheckOutcomes,
  statusAfterRecheck,
  titleStatusName,
  titleStatuses,
} from './recheck-decision.js';
export type { RecheckOutcome, RecheckProblem, TitleStatus } from './recheck-decision.js';
export { annualOutcomeName, annualOutcomes } from './annual-outcome.js';
export type { AnnualOutcome } from './annual-outcome.js';
export { recommendationQuotaProblem } from './recommendation-quota.js';
export type { QuotaProblem } from './recommendation-quota.js';
