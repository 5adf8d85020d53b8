import { lookupCompiled } from '../indicators/_internal/compiled-framework.js';
import type {
  Framework,
  IndicatorItem,
  ItemAnswer,
  ItemMetric,
  MetricTest,
} from '../indicators/types.js';
import { validateFramework } from '../indicators/validate-framework.js';
import type { LocalizedText } from '../localized-text.js';
import { answersInPercent, formatRate, tenths } from '../percent.js';
import { recordMetrics } from './record-metrics.js';
import type { RecordMetricKey, RecordMetrics } from './record-metrics.js';

/** One metric read for an answer, with its value. */
export interface MetricReading {
  readonly key: RecordMetricKey;
  readonly value: number | boolean;
}

/** An answer derived from the records (来自台账). */
export interface DerivedAnswer {
  /** The item's code. */
  readonly itemId: string;
  readonly missing?: false;
  /** A valid answer for the item's rule: `scoreAssessment` accepts it. */
  readonly answer: ItemAnswer;
  /** How the answer follows from the records, naming the period, the metric and its value. */
  readonly explanation: LocalizedText;
  /** The metric read (for a checklist, the first entry's; every one is in `readings`). */
  readonly metric: RecordMetricKey;
  readonly value: number | boolean;
  /** Every metric read, in entry order for a checklist: the evidence of the answer. */
  readonly readings: readonly MetricReading[];
}

/** An item whose metric has no usable value: no answer is derived, a person answers it. */
export interface MissingDerivedAnswer {
  readonly itemId: string;
  readonly missing: true;
  /** `no_value`: the records give none; `invalid_value`: the value does not fit the metric's unit. */
  readonly reason: 'no_value' | 'invalid_value';
  readonly explanation: LocalizedText;
  /** The metrics without a usable value. */
  readonly metrics: readonly RecordMetricKey[];
}

/** One entry of the result of `deriveAnswers`. */
export type DerivedItem = DerivedAnswer | MissingDerivedAnswer;

type Read =
  | { readonly ok: true; readonly value: number | boolean }
  | { readonly ok: false; readonly reason: 'no_value' | 'invalid_value'; readonly raw: unknown };

/** Reads a metric's value and checks it fits the metric's unit. */
function readMetric(values: Readonly<Record<string, unknown>>, key: RecordMetricKey): Read {
  const raw = Object.hasOwn(values, key) ? values[key] : undefined;
  if (raw === undefined || raw === null) return { ok: false, reason: 'no_value', raw };
  const unit = recordMetrics[key].unit;
  const fits =
    unit === 'boolean'
      ? typeof raw === 'boolean'
      : typeof raw === 'number' &&
        Number.isFinite(raw) &&
        raw >= 0 &&
        (unit === 'ratio' ? raw <= 1 : Number.isSafeInteger(raw));
  return fits
    ? { ok: true, value: raw as number | boolean }
    : { ok: false, reason: 'invalid_value', raw };
}

/** Cleans binary noise from a product such as 0.07 × 100 (7.000000000000001 → 7). */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** A metric value as text: ratios as percentages, booleans as 是/否. */
function show(key: RecordMetricKey, value: number | boolean): LocalizedText {
  const unit = recordMetrics[key].unit;
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (unit === 'ratio') return { zh: formatRate(value), en: formatRate(value) };
  if (unit === 'months')
    return { zh: `${value}个月`, en: `${value} ${value === 1 ? 'month' : 'months'}` };
  return { zh: String(value), en: String(value) };
}

function bound(key: RecordMetricKey, n: number): string {
  return recordMetrics[key].unit === 'ratio' ? formatRate(n) : String(n);
}

/** The sentence "metric was value" for one reading. */
function reading(key: RecordMetricKey, value: number | boolean): LocalizedText {
  const label = recordMetrics[key].label;
  const shown = show(key, value);
  return { zh: `${label.zh}为${shown.zh}`, en: `${label.en}: ${shown.en}` };
}

/** Whether a test is met, and the requirement as text. */
function runTest(test: MetricTest, value: number | boolean): { met: boolean; rule: LocalizedText } {
  if (typeof value === 'boolean') {
    return { met: value, rule: { zh: '要求为“是”', en: 'required: yes' } };
  }
  const atLeast = test.atLeast ?? (test.atMost === undefined ? 1 : undefined);
  const atMost = test.atMost;
  const zh: string[] = [];
  const en: string[] = [];
  if (atLeast !== undefined) {
    zh.push(`不低于${bound(test.key, atLeast)}`);
    en.push(`at least ${bound(test.key, atLeast)}`);
  }
  if (atMost !== undefined) {
    zh.push(`不高于${bound(test.key, atMost)}`);
    en.push(`at most ${bound(test.key, atMost)}`);
  }
  const met =
    (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
  return { met, rule: { zh: `要求${zh.join('且')}`, en: `required: ${en.join(' and ')}` } };
}

function periodText(metrics: RecordMetrics): LocalizedText {
  const period = (metrics as { period?: { from?: unknown; to?: unknown } } | null)?.period;
  const from = typeof period?.from === 'string' ? period.from : '?';
  const to = typeof period?.to === 'string' ? period.to : '?';
  return { zh: `${from}至${to}`, en: `${from} to ${to}` };
}

function missingItem(
  item: IndicatorItem,
  period: LocalizedText,
  failures: readonly { key: RecordMetricKey; reason: 'no_value' | 'invalid_value'; raw: unknown }[],
): MissingDerivedAnswer {
  const invalid = failures.some((f) => f.reason === 'invalid_value');
  const zh = failures
    .map((f) =>
      f.reason === 'no_value'
        ? `“${recordMetrics[f.key].label.zh}”无台账数据`
        : `“${recordMetrics[f.key].label.zh}”的值${JSON.stringify(f.raw) ?? String(f.raw)}无效`,
    )
    .join('；');
  const en = failures
    .map((f) =>
      f.reason === 'no_value'
        ? `no record gives "${recordMetrics[f.key].label.en}"`
        : `"${recordMetrics[f.key].label.en}" has an invalid value ${JSON.stringify(f.raw) ?? String(f.raw)}`,
    )
    .join('; ');
  return {
    itemId: item.code,
    missing: true,
    reason: invalid ? 'invalid_value' : 'no_value',
    explanation: {
      zh: `${period.zh}：${zh}，无法从台账得出答案，请人工填写`,
      en: `${period.en}: ${en}; no answer can be derived from the records, answer it by hand`,
    },
    metrics: failures.map((f) => f.key),
  };
}

function deriveChecklist(
  item: IndicatorItem,
  metric: ItemMetric,
  values: Readonly<Record<string, unknown>>,
  period: LocalizedText,
): DerivedItem {
  if (item.rule.kind !== 'checklist') throw new Error('unreachable: not a checklist');
  const tests = metric.entries ?? {};
  const readings: MetricReading[] = [];
  const failures: { key: RecordMetricKey; reason: 'no_value' | 'invalid_value'; raw: unknown }[] =
    [];
  const met: string[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const entry of item.rule.entries) {
    const test = tests[entry.code]!;
    const read = readMetric(values, test.key);
    if (!read.ok) {
      if (!failures.some((f) => f.key === test.key)) failures.push({ key: test.key, ...read });
      continue;
    }
    readings.push({ key: test.key, value: read.value });
    const result = runTest(test, read.value);
    if (result.met) met.push(entry.code);
    const said = reading(test.key, read.value);
    zh.push(`“${entry.name}”：${said.zh}，${result.rule.zh}，${result.met ? '满足' : '不满足'}`);
    en.push(`"${entry.name}": ${said.en}, ${result.rule.en}, ${result.met ? 'met' : 'not met'}`);
  }
  if (failures.length > 0) return missingItem(item, period, failures);
  const first = readings[0]!;
  return {
    itemId: item.code,
    answer: met,
    explanation: {
      zh: `${period.zh}台账：${zh.join('；')}`,
      en: `Records ${period.en}: ${en.join('; ')}`,
    },
    metric: first.key,
    value: first.value,
    readings,
  };
}

function deriveItem(
  item: IndicatorItem,
  metric: ItemMetric,
  values: Readonly<Record<string, unknown>>,
  period: LocalizedText,
): DerivedItem {
  if (item.rule.kind === 'checklist') return deriveChecklist(item, metric, values, period);
  const key = metric.key!;
  const read = readMetric(values, key);
  if (!read.ok) return missingItem(item, period, [{ key, ...read }]);
  const value = read.value;
  const said = reading(key, value);
  const head = { zh: `${period.zh}台账：${said.zh}`, en: `Records ${period.en}: ${said.en}` };
  let answer: ItemAnswer;
  let tail: LocalizedText;
  switch (item.rule.kind) {
    case 'check': {
      const result = runTest({ key, ...metric }, value);
      answer = result.met;
      tail = result.met
        ? { zh: `${result.rule.zh}，符合`, en: `${result.rule.en}: met` }
        : { zh: `${result.rule.zh}，不符合`, en: `${result.rule.en}: not met` };
      break;
    }
    case 'count':
      answer = value as number;
      tail = { zh: `计数为${answer}`, en: `counted ${answer}` };
      break;
    case 'deduction':
      answer = value as number;
      tail = { zh: `按${answer}项扣分`, en: `${answer} to deduct for` };
      break;
    case 'bands':
    case 'proportional': {
      const scale = metric.scale ?? 1;
      answer = scale === 1 ? (value as number) : clean((value as number) * scale);
      // a rate in per cent is scored exactly and shown to one decimal, as the tables show it
      const shown = answersInPercent(item) ? tenths(answer) : answer;
      tail =
        scale === 1
          ? { zh: `按${shown}评分`, en: `scored on ${shown}` }
          : { zh: `乘以${scale}，按${shown}评分`, en: `× ${scale}, scored on ${shown}` };
      break;
    }
  }
  return {
    itemId: item.code,
    answer,
    explanation: { zh: `${head.zh}，${tail.zh}`, en: `${head.en}; ${tail.en}` },
    metric: key,
    value,
    readings: [{ key, value }],
  };
}

/**
 * Derives answers from a village's record metrics for one period (来自台账): for every item of
 * the framework that names a `metric`, either `{ itemId, answer, explanation, metric, value,
 * readings }` or, when a metric it reads has no value (or a value that does not fit its unit),
 * `{ itemId, missing: true, reason, explanation, metrics }`. Items without a metric are not in
 * the result; the order is the framework's. The answer is always one `scoreAssessment` accepts
 * for the item's rule:
 * - `check`: whether the metric passes the item's test (`atLeast`, `atMost`; without bounds a
 *   boolean when true, any other value when at least 1);
 * - `count` and `deduction`: the metric's value (a whole count);
 * - `bands` and `proportional`: the value times `scale` (default 1);
 * - `checklist`: the codes of the entries whose test is met.
 *
 * Pure and deterministic: the same framework and metrics give the same result. A framework not
 * returned by `validateFramework` is validated first and a `TypeError` thrown if it is invalid.
 *
 * @example
 * deriveAnswers(framework, {
 *   period: { from: '2026-01-01', to: '2026-06-30' },
 *   values: { 'disclosures.onTimeRatio': 0.75, 'meetings.representatives': 2 },
 * });
 * // → [{ itemId: 'B1', answer: false, metric: 'disclosures.onTimeRatio', value: 0.75,
 * //      explanation: { zh: '2026-01-01至2026-06-30台账：三务按时公开率为75%，要求不低于100%，不符合', … } },
 * //    { itemId: 'B2', answer: 2, metric: 'meetings.representatives', value: 2, … },
 * //    { itemId: 'B3', missing: true, reason: 'no_value', metrics: ['mediation.successRate'], … }]
 */
/**
 * The record metrics a framework's items name, each once in framework order: what
 * `deriveAnswers` reads. Empty when no item is derived from the records.
 *
 * @example
 * recordMetricKeysOf(framework) // ['meetings.representativesQuartersLawful', 'disclosures.finance.monthsPosted', …]
 */
export function recordMetricKeysOf(framework: Framework): RecordMetricKey[] {
  const keys = new Set<RecordMetricKey>();
  for (const area of framework.areas) {
    for (const item of area.items) {
      if (item.metric?.key) keys.add(item.metric.key);
      for (const entry of Object.values(item.metric?.entries ?? {})) keys.add(entry.key);
    }
  }
  return [...keys];
}

export function deriveAnswers(
  framework: Framework,
  metrics: RecordMetrics,
): readonly DerivedItem[] {
  let checked = framework;
  if (!lookupCompiled(framework)) {
    const validation = validateFramework(framework);
    if (!validation.ok) {
      const first = validation.problems[0]!;
      throw new TypeError(`Invalid framework: ${first.path} ${first.message.en}`);
    }
    checked = validation.framework;
  }
  const raw = (metrics as { values?: unknown } | null | undefined)?.values;
  const values: Readonly<Record<string, unknown>> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const period = periodText(metrics);
  const result: DerivedItem[] = [];
  for (const area of checked.areas) {
    for (const item of area.items) {
      if (item.metric) result.push(deriveItem(item, item.metric, values, period));
    }
  }
  return result;
}
