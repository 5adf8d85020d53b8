// Indicator frameworks and scoring (see the indicators section of the package README).
export { validateFramework } from './validate-framework.js';
export type { FrameworkProblemCode, FrameworkValidation } from './validate-framework.js';
export { scoreAssessment } from './score-assessment.js';
export { scoreTotals } from './score-totals.js';
export type { ScoreTotals, TotalsResult } from './score-totals.js';
export type {
  AnswerProblemCode,
  AreaScore,
  ItemScore,
  Scorecard,
  ScoreResult,
} from './score-assessment.js';
export { rankScorecards } from './rank-scorecards.js';
export type { RankableScorecard, RankedEntry, RankInput } from './rank-scorecards.js';
export { summarizeScorecards, summaryFromAggregates } from './summarize-scorecards.js';
export type {
  ScorecardAggregates,
  ScorecardSummary,
  SummarizableScorecard,
} from './summarize-scorecards.js';
export { compositeIndex } from './composite-index.js';
export type {
  CompositeIndexOptions,
  CompositeIndexProblemCode,
  CompositeIndexResult,
  IndexComponent,
} from './composite-index.js';
export { describeRule } from './describe-rule.js';
export type { RuleDescription } from './describe-rule.js';
export { frameworkJsonSchema } from './framework-json-schema.js';
export { builtinFrameworks } from './builtin-frameworks/index.js';
export { assessmentMethods, frameworkStatuses, ruleKinds, scorecardGrades } from './types.js';
export type {
  AssessmentAnswers,
  AssessmentMethod,
  BandsRule,
  CheckRule,
  ChecklistEntry,
  ChecklistRule,
  CountRule,
  DeductionRule,
  Framework,
  FrameworkSource,
  FrameworkStatus,
  Grade,
  GradeBand,
  IndicatorArea,
  IndicatorItem,
  IndicatorProblem,
  ItemAnswer,
  ItemMetric,
  ListedGrade,
  MetricTest,
  ProportionalRule,
  RuleKind,
  ScoreBand,
  ScoringRule,
  SourceReliability,
  VetoCondition,
} from './types.js';
export { deriveRule } from './derive-rule.js';
export { methodFromText } from './method-from-text.js';
export { readScoreTable } from './read-score-table.js';
export type {
  DraftArea,
  DraftItem,
  FrameworkDraft,
  ScoreTable,
  ScoreTableProblem,
  ScoreTableProblemCode,
  ScoreTableRead,
  TableCell,
} from './read-score-table.js';
