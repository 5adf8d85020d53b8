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
