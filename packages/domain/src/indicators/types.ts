import type { LocalizedText } from '../localized-text.js';
import type { RecordMetricKey } from '../records/record-metrics.js';

/**
 * A grade band a scorecard can reach. `fail` is never listed in a framework: it is what a total
 * below the last band, or any vetoed scorecard, gets.
 */
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/** The grades a framework may list, from the highest down. */
export const listedGrades = ['excellent', 'good', 'pass'] as const;

/** A grade a framework may list (every grade except `fail`). */
export type ListedGrade = (typeof listedGrades)[number];

/** Every grade, from the highest down. */
export const scorecardGrades: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];

/** How an item is assessed: 实地查看, 查看台账, 走访, 问卷. */
export type AssessmentMethod = 'site_visit' | 'ledger' | 'interview' | 'survey';

/** The assessment methods, in the order of the format description. */
export const assessmentMethods: readonly AssessmentMethod[] = [
  'site_visit',
  'ledger',
  'interview',
  'survey',
];

/**
 * Where a framework stands: `template` (a skeleton a county copies and completes), `example`
 * (illustrative, built from published examples), `draft`, `in_force`, `retired`.
 */
export type FrameworkStatus = 'template' | 'example' | 'draft' | 'in_force' | 'retired';

/** The framework statuses. */
export const frameworkStatuses: readonly FrameworkStatus[] = [
  'template',
  'example',
  'draft',
  'in_force',
  'retired',
];

/** How far a source can be trusted: [V] confirmed, [S] secondary, [U] unverified. */
export type SourceReliability = 'verified' | 'secondary' | 'unverified';

/** The source reliabilities. */
export const sourceReliabilities: readonly SourceReliability[] = [
  'verified',
  'secondary',
  'unverified',
];

/** A document a framework was built from. */
export interface FrameworkSource {
  readonly title: string;
  readonly url?: string;
  readonly reliability?: SourceReliability;
  readonly note?: string;
}

/** A grade band: a total of at least `minPoints` reaches `grade`. */
export interface GradeBand {
  readonly grade: ListedGrade;
  readonly minPoints: number;
}

/** A veto (一票否决) condition: when triggered the scorecard is graded `fail` whatever its total. */
export interface VetoCondition {
  readonly code: string;
  readonly name: string;
  readonly note?: string;
}

/** One entry of a `checklist` rule. */
export interface ChecklistEntry {
  readonly code: string;
  readonly name: string;
  readonly points: number;
}

/** One band of a `bands` rule: a value of at least `min` earns `points`. */
export interface ScoreBand {
  readonly min: number;
  readonly points: number;
}

/** All or nothing; the answer is a boolean. */
export interface CheckRule {
  readonly kind: 'check';
}

/** The sum of the met entries; the answer is the array of met entry codes. */
export interface ChecklistRule {
  readonly kind: 'checklist';
  readonly entries: readonly ChecklistEntry[];
}

/**
 * `max(0, points − count × perUnit)`; the answer is the integer count of deficiencies. `unit`
 * names what is missing (e.g. `{ zh: '台账', en: 'records' }` gives “缺少2项台账”).
 */
export interface DeductionRule {
  readonly kind: 'deduction';
  readonly perUnit: number;
  readonly unit?: LocalizedText;
}

/**
 * `min(points, count × perUnit)`; the answer is an integer count. `unit` names what is counted
 * (e.g. `{ zh: '法律明白人', en: 'legal-literate villagers' }`).
 */
export interface CountRule {
  readonly kind: 'count';
  readonly perUnit: number;
  readonly unit?: LocalizedText;
}

/** The points of the first band whose `min` the value reaches, else 0; the answer is a number. */
export interface BandsRule {
  readonly kind: 'bands';
  readonly bands: readonly ScoreBand[];
}

/** `points × min(1, value / target)` rounded half up to 0.01; the answer is a number ≥ 0. */
export interface ProportionalRule {
  readonly kind: 'proportional';
  readonly target: number;
}

/** How an item turns its answer into points. */
export type ScoringRule =
  | CheckRule
  | ChecklistRule
  | DeductionRule
  | CountRule
  | BandsRule
  | ProportionalRule;

/** The rule kinds. */
export type RuleKind = ScoringRule['kind'];

/** The rule kinds, in the order of the format description. */
export const ruleKinds: readonly RuleKind[] = [
  'check',
  'checklist',
  'deduction',
  'count',
  'bands',
  'proportional',
];

/**
 * A test of one record metric, met when the value is at least `atLeast` and at most `atMost`.
 * Without either bound a `boolean` metric is met when true, and a `count`, `months` or `ratio`
 * metric when at least 1 (one record; a ratio of 100%).
 */
export interface MetricTest {
  readonly key: RecordMetricKey;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/**
 * The record metric an item's answer is derived from (see `deriveAnswers`), by rule kind:
 * - `check`: `{ key, atLeast?, atMost? }`, the answer is whether the test is met;
 * - `count`: `{ key }` of a `count` or `months` metric, the answer is the value;
 * - `deduction`: `{ key }` of a `count` or `months` metric (problems, months missing…), the answer is the value;
 * - `bands` and `proportional`: `{ key, scale? }` of a `count`, `months` or `ratio` metric, the
 *   answer is the value times `scale` (default 1; 100 turns a ratio into a percentage);
 * - `checklist`: `{ entries: { [entryCode]: MetricTest } }` naming a test for every entry, the
 *   answer is the codes of the entries whose test is met.
 */
export interface ItemMetric {
  readonly key?: RecordMetricKey;
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly scale?: number;
  readonly entries?: Readonly<Record<string, MetricTest>>;
}

/** A scored item (评分项). */
export interface IndicatorItem {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  /** What the assessor looks at (台账, 照片, 会议记录…). */
  readonly evidence?: readonly string[];
  readonly method: AssessmentMethod;
  readonly rule: ScoringRule;
  /** True when the item is a placeholder a county is expected to adapt (县级可配置). */
  readonly configurable?: boolean;
  readonly note?: string;
  /** The record metric the answer can be derived from (来自台账); see `ItemMetric`. */
  readonly metric?: ItemMetric;
}

/** An area (考核类别) of a framework; its items' points sum to its `points`. */
export interface IndicatorArea {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly items: readonly IndicatorItem[];
  readonly note?: string;
}

/**
 * An indicator framework (考核验收评分细则), as returned by `validateFramework`: every sum checks
 * out and every number has at most two decimals.
 */
export interface Framework {
  readonly code: string;
  readonly name: string;
  readonly version: string;
  readonly totalPoints: number;
  /** Listed from the highest `minPoints` down; a total below the last band is `fail`. */
  readonly grades: readonly GradeBand[];
  readonly vetoes: readonly VetoCondition[];
  readonly areas: readonly IndicatorArea[];
  readonly status?: FrameworkStatus;
  readonly sources?: readonly FrameworkSource[];
  readonly description?: string;
}

/** The answer to one item: boolean, count, number or met checklist entry codes. */
export type ItemAnswer = boolean | number | readonly string[];

/**
 * The answers of one assessment. An item whose answer is absent, `null` or `undefined` is
 * missing: it scores 0 and is listed in `missing`.
 */
export interface AssessmentAnswers {
  readonly items?: Readonly<Record<string, ItemAnswer | null | undefined>>;
  /** The codes of the triggered vetoes. */
  readonly vetoes?: readonly string[];
}

/** One problem found in a framework, answers or index components. */
export interface IndicatorProblem {
  /** A stable code such as `DUPLICATE_CODE`. */
  readonly code: string;
  /** Where the fault is, as a JavaScript accessor path: `areas[0].items[2].rule.perUnit`. */
  readonly path: string;
  readonly message: LocalizedText;
}
