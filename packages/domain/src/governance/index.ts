// Village self-governance rules, versioned by the law in force.
export {
  civilCodeArticles,
  collectiveEconomicOrganizationsLawArticles,
  landContractingLawArticles,
  majorDecisionRegulationArticles,
  organicLawArticles,
  organicLawCitation,
  partyBranchRegulationArticles,
} from './articles.js';
export type { LandContractingRule, OrganicLawRule } from './articles.js';
export { checkAppraisals } from './check-appraisals.js';
export type { Appraisal, AppraisalRating, AppraisalsResult } from './check-appraisals.js';
export { checkDisclosures, disclosureCategories, disclosureChannels } from './check-disclosures.js';
export type {
  DisclosureCategory,
  DisclosureChannel,
  DisclosureEveryMonths,
  DisclosurePosting,
  DisclosureStage,
  DisclosuresInput,
  DisclosuresResult,
  OverdueDisclosure,
} from './check-disclosures.js';
export { checkElection } from './check-election.js';
export type {
  ElectionCandidate,
  ElectionInput,
  ElectionResult,
  ElectionRound,
} from './check-election.js';
export {
  checkFourDeliberations,
  deliberationStepName,
  deliberationSteps,
} from './check-four-deliberations.js';
export type {
  DeliberationStep,
  DeliberationStepRecord,
  FourDeliberationsInput,
  FourDeliberationsResult,
} from './check-four-deliberations.js';
export { checkMajorDecision, participationForms } from './check-major-decision.js';
export type {
  MajorDecisionInput,
  MajorDecisionResult,
  ParticipationForm,
} from './check-major-decision.js';
export { checkProxy } from './check-proxy.js';
export type { ProxyInput, ProxyRelation, ProxyResult } from './check-proxy.js';
export { checkRecall } from './check-recall.js';
export type { RecallInput, RecallResult } from './check-recall.js';
export { checkRepresentatives } from './check-representatives.js';
export type { RepresentativesInput, RepresentativesResult } from './check-representatives.js';
export {
  checkResolution,
  meetingBodies,
  meetingBodyName,
  recordMeetingBodies,
  resolutionMatters,
} from './check-resolution.js';
export type {
  Approval,
  MeetingBody,
  RecordMeetingBody,
  ResolutionInput,
  ResolutionMatter,
  ResolutionResult,
} from './check-resolution.js';
export { describeCitation, lawNames } from './describe-citation.js';
export { checkVillageRules, villageRulesKinds } from './check-village-rules.js';
export { screenVillageRules, villageRulesPatternCodes } from './screen-village-rules.js';
export type {
  ScreenedClause,
  ScreenOptions,
  VillageRulesFinding,
  VillageRulesPatternCode,
} from './screen-village-rules.js';
export type {
  VillageRulesInput,
  VillageRulesKind,
  VillageRulesResult,
} from './check-village-rules.js';
export {
  isCollectiveEconomicOrganizationsLawInForce,
  organicLawVersion,
} from './organic-law-version.js';
export type { OrganicLawVersion } from './organic-law-version.js';
export type { Citation, LawId, Problem, ProblemCode } from './problem.js';
export { governanceRules, lawDates } from './rules.js';
export type { CountySettings, LawDates, Threshold } from './rules.js';
