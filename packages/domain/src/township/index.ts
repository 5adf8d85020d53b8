// Township work: supervision tasks (督查督办), comments answered (件件有反馈), the congress vote.
export {
  isTaskOpen,
  taskActorOf,
  taskActionActors,
  taskRatingNames,
  taskRatings,
  taskSourceNames,
  taskSources,
  taskStateNames,
  taskStates,
  transitionTask,
} from './supervision-task.js';
export type {
  TaskAction,
  TaskActor,
  TaskRating,
  TaskSnapshot,
  TaskSource,
  TaskState,
  TaskTransition,
} from './supervision-task.js';
export {
  daysTaken,
  deadlineRange,
  escalation,
  trafficLight,
  trafficLightDefaults,
  trafficLights,
} from './traffic-light.js';
export type { Escalation, TrafficLight, TrafficLightOptions } from './traffic-light.js';
export { checkCongressVote, townshipCongressRules } from './check-congress-vote.js';
export type { CongressVoteInput, CongressVoteResult } from './check-congress-vote.js';
export { commentDeadline, commentReplyDaysDefault } from './comment-deadline.js';
export { mayChangeProjectStage, projectStageNames, projectStages } from './project-stage.js';
export type { ProjectStage } from './project-stage.js';
export {
  budgetRecordKindNames,
  budgetRecordKinds,
  budgetStageNames,
  budgetStageOfKind,
  budgetStages,
  budgetStagesDone,
  checkAppraisal,
  checkBudgetRecord,
  checkBudgetRecordDate,
  checkBudgetRecordRemoval,
  checkAttendingRepresentatives,
  currentBudgetStage,
  designRepresentativesGuide,
  emptyBudgetTally,
} from './participatory-budget.js';
export type {
  AppraisalCounts,
  BudgetRecordDate,
  BudgetRecordKind,
  BudgetRecordRefusal,
  BudgetRecordTally,
  BudgetStage,
} from './participatory-budget.js';
export {
  acceptsTownshipFileType,
  budgetRecordKindsWithFiles,
  maxTownshipFilesPerRecord,
  taskReportKindsWithFiles,
  townshipFileTypes,
} from './township-files.js';
