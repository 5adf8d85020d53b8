// Rule-of-law work registers (法治台账): the mediation register, monthly dispute screening, their
// validation rules, rates and reporting periods; the 普法 register.
export {
  disputeTypes,
  handledOutcomes,
  maxMediationCaseFiles,
  mediationCaseFileTypes,
  mediationEscalations,
  mediationLabels,
  mediationMethods,
  mediationOutcomes,
} from './mediation-lists.js';
export type {
  DisputeType,
  MediationEscalation,
  MediationMethod,
  MediationOutcome,
} from './mediation-lists.js';
export { mediationRateDefinitions, mediationRates } from './mediation-rates.js';
export type {
  MediationCounts,
  MediationRateDefinition,
  MediationRates,
} from './mediation-rates.js';
export {
  checkMediationCase,
  checkMonthlyFigures,
  monthNotEnded,
  OPEN_CASE_WARNING_DAYS,
} from './check-mediation.js';
export type { MediationCaseFacts, RegisterProblem, RegisterRuleCode } from './check-mediation.js';
export { checkScreening } from './check-screening.js';
export type { ScreeningFacts } from './check-screening.js';
export {
  addMonths,
  isRegisterMonth,
  monthEnd,
  monthEnded,
  monthsDue,
  monthOf,
  previousPeriod,
  REPORT_DUE_DAY,
  reportDueOn,
  reportTimeliness,
  yearBefore,
} from './register-periods.js';
export type { RegisterMonth, ReportTimeliness } from './register-periods.js';
// Legal advisers (一村一法律顾问) and the monthly 社区矫正 / 安置帮教 figures.
export { adviserServiceKinds, adviserServiceLabels } from './adviser-lists.js';
export type { AdviserServiceKind } from './adviser-lists.js';
export { checkAdviserContract, checkAdviserService } from './check-adviser.js';
export type { AdviserContractPeriod, AdviserRuleCode } from './check-adviser.js';
export { adviserCoverage, contractCovers } from './adviser-coverage.js';
export {
  correctionFigureKeys,
  correctionFigureKinds,
  correctionFigureLabels,
  correctionRates,
} from './correction-figures.js';
export type { CorrectionFigures, CorrectionRates } from './correction-figures.js';
export { checkCorrectionFigures } from './check-corrections.js';
export type { CorrectionRuleCode } from './check-corrections.js';
export {
  audienceActivityTypes,
  PUFA_TRAINED_HOURS,
  maxPufaActivityPhotos,
  pufaActivityTypes,
  pufaExamResults,
  pufaLabels,
  pufaRosterRoles,
  pufaTrained,
} from './pufa-lists.js';
export type { PufaActivityType, PufaExamResult, PufaRosterRole } from './pufa-lists.js';
export { checkPufaActivity, checkPufaPlanItem, checkPufaRosterMember } from './check-pufa.js';
export type {
  PufaActivityFacts,
  PufaPlanFacts,
  PufaRosterFacts,
  PufaRuleCode,
} from './check-pufa.js';
