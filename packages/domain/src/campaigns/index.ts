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
