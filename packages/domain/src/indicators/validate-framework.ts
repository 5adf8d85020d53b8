import type { LocalizedText } from '../localized-text.js';
import { registerCompiled } from './_internal/compiled-framework.js';
import { formatHundredths, maxMagnitude, toHundredths } from './_internal/decimal.js';
import { childPath, indexPath, problem, typeName, zhTypeName } from './_internal/problems.js';
import { isRecordMetricKey, recordMetrics } from '../records/record-metrics.js';
import type { RecordMetricKey, RecordMetricUnit } from '../records/record-metrics.js';
import {
  assessmentMethods,
  frameworkStatuses,
  listedGrades,
  ruleKinds,
  sourceReliabilities,
} from './types.js';
import type {
  AssessmentMethod,
  ChecklistEntry,
  Framework,
  FrameworkSource,
  FrameworkStatus,
  GradeBand,
  IndicatorArea,
  IndicatorItem,
  IndicatorProblem,
  ItemMetric,
  ListedGrade,
  MetricTest,
  RuleKind,
  ScoreBand,
  ScoringRule,
  SourceReliability,
  VetoCondition,
} from './types.js';

/** The result of `validateFramework`. */
export type FrameworkValidation =
  | { readonly ok: true; readonly framework: Framework }
  | { readonly ok: false; readonly problems: readonly IndicatorProblem[] };

/** The stable codes `validateFramework` reports. */
export type FrameworkProblemCode =
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'FIELD_REQUIRED'
  | 'FIELD_TYPE'
  | 'FIELD_EMPTY'
  | 'NUMBER_OUT_OF_RANGE'
  | 'TOO_MANY_DECIMALS'
  | 'POINTS_NOT_POSITIVE'
  | 'NEGATIVE_NUMBER'
  | 'DUPLICATE_CODE'
  | 'AREA_POINTS_MISMATCH'
  | 'ITEM_POINTS_MISMATCH'
  | 'CHECKLIST_POINTS_MISMATCH'
  | 'BANDS_EMPTY'
  | 'BANDS_NOT_DESCENDING'
  | 'BAND_EXCEEDS_ITEM'
  | 'PER_UNIT_NOT_POSITIVE'
  | 'TARGET_NOT_POSITIVE'
  | 'UNKNOWN_GRADE'
  | 'DUPLICATE_GRADE'
  | 'GRADES_OUT_OF_ORDER'
  | 'GRADES_NOT_DESCENDING'
  | 'GRADE_ABOVE_TOTAL'
  | 'UNKNOWN_RULE_KIND'
  | 'UNKNOWN_METHOD'
  | 'UNKNOWN_STATUS'
  | 'UNKNOWN_RELIABILITY'
  | 'UNKNOWN_METRIC'
  | 'METRIC_UNIT_MISMATCH'
  | 'METRIC_FIELD_NOT_ALLOWED'
  | 'METRIC_ENTRY_UNKNOWN'
  | 'METRIC_ENTRY_MISSING'
  | 'METRIC_BOUNDS_EMPTY';

type Problems = IndicatorProblem[];
type Fields = Record<string, unknown>;

function fault(
  problems: Problems,
  code: FrameworkProblemCode,
  path: string,
  zh: string,
  en: string,
): void {
  problems.push(problem(code, path, zh, en));
}

/** Reads an object and reports keys outside `allowed`. */
function readObject(
  value: unknown,
  path: string,
  allowed: readonly string[],
  problems: Problems,
): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const type = typeName(value);
    fault(
      problems,
      'NOT_AN_OBJECT',
      path,
      `${path || '框架'}应为对象，实际为${zhTypeName(type)}`,
      `${path || 'The framework'} must be an object, not ${type}`,
    );
    return undefined;
  }
  const fields = value as Fields;
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) {
      const at = childPath(path, key);
      fault(
        problems,
        'UNKNOWN_FIELD',
        at,
        `未知字段“${key}”（允许的字段：${allowed.join('、')}）`,
        `Unknown field "${key}" (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  return fields;
}

function required(problems: Problems, path: string): void {
  fault(problems, 'FIELD_REQUIRED', path, `缺少必填字段${path}`, `${path} is required`);
}

function wrongType(problems: Problems, path: string, expected: string, value: unknown): void {
  const type = typeName(value);
  const zhExpected: Record<string, string> = {
    string: '字符串',
    number: '有限数值',
    boolean: '布尔值',
    array: '数组',
  };
  fault(
    problems,
    'FIELD_TYPE',
    path,
    `${path}应为${zhExpected[expected] ?? expected}，实际为${zhTypeName(type)}`,
    `${path} must be ${expected === 'number' ? 'a finite number' : `a ${expected}`}, not ${type}`,
  );
}

function readString(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
  optional = false,
): string | undefined {
  const at = childPath(path, key);
  const value = fields[key];
  if (value === undefined) {
    if (!optional) required(problems, at);
    return undefined;
  }
  if (typeof value !== 'string') {
    wrongType(problems, at, 'string', value);
    return undefined;
  }
  if (value.trim() === '') {
    fault(problems, 'FIELD_EMPTY', at, `${at}不能为空`, `${at} must not be empty`);
    return undefined;
  }
  return value;
}

function readBoolean(fields: Fields, key: string, path: string, problems: Problems) {
  const at = childPath(path, key);
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    wrongType(problems, at, 'boolean', value);
    return undefined;
  }
  return value;
}

type Sign = 'positive' | 'nonNegative' | 'any';

/** Reads a decimal with at most two decimals; returns its integer hundredths. */
function readDecimal(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
  sign: Sign,
  notPositiveCode: FrameworkProblemCode = 'POINTS_NOT_POSITIVE',
): number | undefined {
  const at = childPath(path, key);
  const value = fields[key];
  if (value === undefined) {
    required(problems, at);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    wrongType(problems, at, 'number', value);
    return undefined;
  }
  if (Math.abs(value) > maxMagnitude) {
    fault(
      problems,
      'NUMBER_OUT_OF_RANGE',
      at,
      `${at}为${value}，绝对值不能超过${maxMagnitude}`,
      `${at} is ${value}; its magnitude may not exceed ${maxMagnitude}`,
    );
    return undefined;
  }
  const h = toHundredths(value);
  if (h === null) {
    fault(
      problems,
      'TOO_MANY_DECIMALS',
      at,
      `${at}为${value}，最多保留两位小数`,
      `${at} is ${value}; at most two decimals are allowed`,
    );
    return undefined;
  }
  if (sign === 'positive' && h <= 0) {
    fault(
      problems,
      notPositiveCode,
      at,
      `${at}为${value}，应大于0`,
      `${at} is ${value}; it must be greater than 0`,
    );
    return undefined;
  }
  if (sign === 'nonNegative' && h < 0) {
    fault(
      problems,
      'NEGATIVE_NUMBER',
      at,
      `${at}为${value}，不能为负数`,
      `${at} is ${value}; it must not be negative`,
    );
    return undefined;
  }
  return h;
}

function readArray(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
  optional = false,
): readonly unknown[] | undefined {
  const at = childPath(path, key);
  const value = fields[key];
  if (value === undefined) {
    if (!optional) required(problems, at);
    return undefined;
  }
  if (!Array.isArray(value)) {
    wrongType(problems, at, 'array', value);
    return undefined;
  }
  return value;
}

function readEnum<T extends string>(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
  allowed: readonly T[],
  unknownCode: FrameworkProblemCode,
  optional = false,
): T | undefined {
  const text = readString(fields, key, path, problems, optional);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    const at = childPath(path, key);
    fault(
      problems,
      unknownCode,
      at,
      `${at}的取值“${text}”无效，应为：${allowed.join('、')}`,
      `${at} "${text}" is not one of: ${allowed.join(', ')}`,
    );
    return undefined;
  }
  return text as T;
}

function readLocalizedText(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
): LocalizedText | undefined {
  if (fields[key] === undefined) return undefined;
  const at = childPath(path, key);
  const text = readObject(fields[key], at, ['zh', 'en'], problems);
  if (!text) return undefined;
  const zh = readString(text, 'zh', at, problems);
  const en = readString(text, 'en', at, problems);
  return zh !== undefined && en !== undefined ? { zh, en } : undefined;
}

function readStringArray(
  fields: Fields,
  key: string,
  path: string,
  problems: Problems,
): string[] | undefined {
  const list = readArray(fields, key, path, problems, true);
  if (!list) return undefined;
  const at = childPath(path, key);
  const out: string[] = [];
  list.forEach((value, i) => {
    if (typeof value !== 'string') wrongType(problems, indexPath(at, i), 'string', value);
    else out.push(value);
  });
  return out;
}

/** Codes of areas, items and vetoes share one namespace; records where each was first seen. */
class CodeRegistry {
  private readonly seen = new Map<string, string>();
  constructor(private readonly problems: Problems) {}

  claim(code: string | undefined, path: string, scope = this.seen): void {
    if (code === undefined) return;
    const first = scope.get(code);
    if (first === undefined) {
      scope.set(code, path);
      return;
    }
    fault(
      this.problems,
      'DUPLICATE_CODE',
      path,
      `编码“${code}”重复，已在${first}使用`,
      `Code "${code}" is a duplicate; it is already used at ${first}`,
    );
  }
}

function pointsText(h: number): string {
  return formatHundredths(h);
}

const ruleFields: Record<RuleKind, readonly string[]> = {
  check: ['kind'],
  checklist: ['kind', 'entries'],
  deduction: ['kind', 'perUnit', 'unit'],
  count: ['kind', 'perUnit', 'unit'],
  bands: ['kind', 'bands'],
  proportional: ['kind', 'target'],
};

function readRule(
  value: unknown,
  path: string,
  itemPoints: number | undefined,
  problems: Problems,
  codes: CodeRegistry,
): ScoringRule | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    readObject(value, path, [], problems);
    return undefined;
  }
  const kind = readEnum(value as Fields, 'kind', path, problems, ruleKinds, 'UNKNOWN_RULE_KIND');
  if (kind === undefined) return undefined;
  const fields = readObject(value, path, ruleFields[kind], problems);
  if (!fields) return undefined;
  switch (kind) {
    case 'check':
      return { kind };
    case 'checklist': {
      const list = readArray(fields, 'entries', path, problems);
      if (!list) return undefined;
      const listPath = childPath(path, 'entries');
      const entryCodes = new Map<string, string>();
      const entries: ChecklistEntry[] = [];
      let sum = 0;
      let sumKnown = true;
      list.forEach((raw, i) => {
        const at = indexPath(listPath, i);
        const entry = readObject(raw, at, ['code', 'name', 'points'], problems);
        if (!entry) {
          sumKnown = false;
          return;
        }
        const code = readString(entry, 'code', at, problems);
        codes.claim(code, childPath(at, 'code'), entryCodes);
        const name = readString(entry, 'name', at, problems);
        const points = readDecimal(entry, 'points', at, problems, 'positive');
        if (points === undefined) sumKnown = false;
        else sum += points;
        if (code !== undefined && name !== undefined && points !== undefined) {
          entries.push({ code, name, points: points / 100 });
        }
      });
      if (sumKnown && itemPoints !== undefined && sum !== itemPoints) {
        fault(
          problems,
          'CHECKLIST_POINTS_MISMATCH',
          listPath,
          `清单各项分值之和为${pointsText(sum)}分，应等于评分项分值${pointsText(itemPoints)}分`,
          `The checklist entries sum to ${pointsText(sum)} points; the item is worth ${pointsText(itemPoints)}`,
        );
      }
      return { kind, entries };
    }
    case 'deduction':
    case 'count': {
      const perUnit = readDecimal(
        fields,
        'perUnit',
        path,
        problems,
        'positive',
        'PER_UNIT_NOT_POSITIVE',
      );
      const unit = readLocalizedText(fields, 'unit', path, problems);
      if (perUnit === undefined) return undefined;
      return unit ? { kind, perUnit: perUnit / 100, unit } : { kind, perUnit: perUnit / 100 };
    }
    case 'bands': {
      const list = readArray(fields, 'bands', path, problems);
      if (!list) return undefined;
      const listPath = childPath(path, 'bands');
      if (list.length === 0) {
        fault(
          problems,
          'BANDS_EMPTY',
          listPath,
          `${listPath}至少应有一档`,
          `${listPath} must list at least one band`,
        );
      }
      const bands: ScoreBand[] = [];
      let previousMin: number | undefined;
      list.forEach((raw, i) => {
        const at = indexPath(listPath, i);
        const band = readObject(raw, at, ['min', 'points'], problems);
        if (!band) return;
        const min = readDecimal(band, 'min', at, problems, 'any');
        const points = readDecimal(band, 'points', at, problems, 'nonNegative');
        if (min !== undefined) {
          if (previousMin !== undefined && min >= previousMin) {
            fault(
              problems,
              'BANDS_NOT_DESCENDING',
              childPath(at, 'min'),
              `第${i + 1}档下限${pointsText(min)}不低于上一档下限${pointsText(previousMin)}，各档下限应严格递减`,
              `Band ${i + 1} starts at ${pointsText(min)}, not below the previous band's ${pointsText(previousMin)}; minimums must strictly descend`,
            );
          }
          previousMin = min;
        }
        if (points !== undefined && itemPoints !== undefined && points > itemPoints) {
          fault(
            problems,
            'BAND_EXCEEDS_ITEM',
            childPath(at, 'points'),
            `第${i + 1}档为${pointsText(points)}分，超过评分项分值${pointsText(itemPoints)}分`,
            `Band ${i + 1} is worth ${pointsText(points)} points, more than the item's ${pointsText(itemPoints)}`,
          );
        }
        if (min !== undefined && points !== undefined) {
          bands.push({ min: min / 100, points: points / 100 });
        }
      });
      return { kind, bands };
    }
    case 'proportional': {
      const target = readDecimal(
        fields,
        'target',
        path,
        problems,
        'positive',
        'TARGET_NOT_POSITIVE',
      );
      return target === undefined ? undefined : { kind, target: target / 100 };
    }
  }
}

const itemFields = [
  'code',
  'name',
  'points',
  'evidence',
  'method',
  'rule',
  'configurable',
  'note',
  'metric',
] as const;

const unitNames: Record<RecordMetricUnit, { zh: string; en: string }> = {
  count: { zh: '计数', en: 'a count' },
  ratio: { zh: '比率', en: 'a ratio' },
  boolean: { zh: '是/否', en: 'a boolean' },
  months: { zh: '月数', en: 'a number of months' },
};

/** The metric units each rule kind can take its answer from (checklist: per entry, any unit). */
const unitsByKind: Record<RuleKind, readonly RecordMetricUnit[]> = {
  check: ['count', 'ratio', 'boolean', 'months'],
  checklist: ['count', 'ratio', 'boolean', 'months'],
  count: ['count', 'months'],
  deduction: ['count', 'months'],
  bands: ['count', 'ratio', 'months'],
  proportional: ['count', 'ratio', 'months'],
};

/** The fields of `metric` each rule kind allows. */
const metricFieldsByKind: Record<RuleKind, readonly string[]> = {
  check: ['key', 'atLeast', 'atMost'],
  checklist: ['entries'],
  count: ['key'],
  deduction: ['key'],
  bands: ['key', 'scale'],
  proportional: ['key', 'scale'],
};

const allMetricFields = ['key', 'atLeast', 'atMost', 'scale', 'entries'];

/** Reads a metric key and checks that its unit fits `kind`. */
function readMetricKey(
  fields: Fields,
  path: string,
  kind: RuleKind,
  problems: Problems,
): RecordMetricKey | undefined {
  const key = readString(fields, 'key', path, problems);
  if (key === undefined) return undefined;
  const at = childPath(path, 'key');
  if (!isRecordMetricKey(key)) {
    fault(
      problems,
      'UNKNOWN_METRIC',
      at,
      `未知的台账指标“${key}”（见recordMetrics）`,
      `Unknown record metric "${key}" (see recordMetrics)`,
    );
    return undefined;
  }
  const unit = recordMetrics[key].unit;
  if (!unitsByKind[kind].includes(unit)) {
    const allowed = unitsByKind[kind];
    fault(
      problems,
      'METRIC_UNIT_MISMATCH',
      at,
      `台账指标“${key}”的单位为${unitNames[unit].zh}，不适用于${kind}规则（应为：${allowed.map((u) => unitNames[u].zh).join('、')}）`,
      `Record metric "${key}" is ${unitNames[unit].en}; a ${kind} rule needs ${allowed.map((u) => unitNames[u].en).join(' or ')}`,
    );
    return undefined;
  }
  return key;
}

/** Reads the `atLeast`/`atMost` bounds of a test on `key`; `ok` is false on any fault. */
function readMetricBounds(
  fields: Fields,
  path: string,
  key: RecordMetricKey | undefined,
  problems: Problems,
): { ok: boolean; atLeast?: number; atMost?: number } {
  const before = problems.length;
  const bounds: { atLeast?: number; atMost?: number } = {};
  for (const bound of ['atLeast', 'atMost'] as const) {
    if (fields[bound] === undefined) continue;
    const at = childPath(path, bound);
    if (key !== undefined && recordMetrics[key].unit === 'boolean') {
      fault(
        problems,
        'METRIC_FIELD_NOT_ALLOWED',
        at,
        `台账指标“${key}”为是/否，不能设定${bound}`,
        `Record metric "${key}" is a boolean; it takes no ${bound}`,
      );
      continue;
    }
    const h = readDecimal(fields, bound, path, problems, 'nonNegative');
    if (h === undefined) continue;
    if (key !== undefined && recordMetrics[key].unit === 'ratio' && h > 100) {
      fault(
        problems,
        'NUMBER_OUT_OF_RANGE',
        at,
        `${at}为${h / 100}，比率的界限应在0到1之间`,
        `${at} is ${h / 100}; a ratio bound must lie between 0 and 1`,
      );
      continue;
    }
    bounds[bound] = h / 100;
  }
  if (
    bounds.atLeast !== undefined &&
    bounds.atMost !== undefined &&
    bounds.atLeast > bounds.atMost
  ) {
    fault(
      problems,
      'METRIC_BOUNDS_EMPTY',
      path,
      `atLeast（${bounds.atLeast}）大于atMost（${bounds.atMost}），条件永远不能满足`,
      `atLeast (${bounds.atLeast}) is above atMost (${bounds.atMost}); the test can never be met`,
    );
  }
  return { ok: problems.length === before, ...bounds };
}

/**
 * Reads an item's `metric` (see `ItemMetric`): the key must name a record metric whose unit fits
 * the rule kind, and only the fields the kind uses may appear.
 */
function readItemMetric(
  raw: unknown,
  path: string,
  rule: ScoringRule | undefined,
  problems: Problems,
): ItemMetric | undefined {
  const fields = readObject(raw, path, allMetricFields, problems);
  if (!fields || !rule) return undefined;
  const before = problems.length;
  const allowed = metricFieldsByKind[rule.kind];
  for (const field of allMetricFields) {
    if (fields[field] !== undefined && !allowed.includes(field)) {
      const at = childPath(path, field);
      fault(
        problems,
        'METRIC_FIELD_NOT_ALLOWED',
        at,
        `${rule.kind}规则的台账指标不能设定${field}（允许：${allowed.join('、')}）`,
        `The metric of a ${rule.kind} rule takes no ${field} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  if (problems.length > before) return undefined;
  if (rule.kind === 'checklist') {
    const at = childPath(path, 'entries');
    if (fields['entries'] === undefined) {
      required(problems, at);
      return undefined;
    }
    const raw = fields['entries'];
    const map = readObject(
      raw,
      at,
      typeof raw === 'object' && raw ? Object.keys(raw) : [],
      problems,
    );
    if (!map) return undefined;
    for (const code of Object.keys(map)) {
      if (!rule.entries.some((e) => e.code === code)) {
        fault(
          problems,
          'METRIC_ENTRY_UNKNOWN',
          childPath(at, code),
          `清单中没有条目“${code}”`,
          `The checklist has no entry "${code}"`,
        );
      }
    }
    const tests: Record<string, MetricTest> = {};
    for (const entry of rule.entries) {
      const entryPath = childPath(at, entry.code);
      if (map[entry.code] === undefined) {
        fault(
          problems,
          'METRIC_ENTRY_MISSING',
          entryPath,
          `清单条目“${entry.code}”没有对应的台账指标：每个条目都要有，否则答案无法完整推导`,
          `Checklist entry "${entry.code}" names no metric; every entry needs one for the answer to be derived`,
        );
        continue;
      }
      const test = readObject(map[entry.code], entryPath, ['key', 'atLeast', 'atMost'], problems);
      if (!test) continue;
      const key = readMetricKey(test, entryPath, 'checklist', problems);
      const bounds = readMetricBounds(test, entryPath, key, problems);
      if (key === undefined || !bounds.ok) continue;
      tests[entry.code] = {
        key,
        ...(bounds.atLeast !== undefined ? { atLeast: bounds.atLeast } : {}),
        ...(bounds.atMost !== undefined ? { atMost: bounds.atMost } : {}),
      };
    }
    return problems.length > before ? undefined : { entries: tests };
  }
  const key = readMetricKey(fields, path, rule.kind, problems);
  if (rule.kind === 'check') {
    const bounds = readMetricBounds(fields, path, key, problems);
    if (key === undefined || !bounds.ok) return undefined;
    return {
      key,
      ...(bounds.atLeast !== undefined ? { atLeast: bounds.atLeast } : {}),
      ...(bounds.atMost !== undefined ? { atMost: bounds.atMost } : {}),
    };
  }
  let scale: number | undefined;
  if (fields['scale'] !== undefined) {
    const h = readDecimal(fields, 'scale', path, problems, 'positive');
    if (h !== undefined) scale = h / 100;
  }
  if (key === undefined || problems.length > before) return undefined;
  return scale !== undefined ? { key, scale } : { key };
}

function readItem(
  raw: unknown,
  path: string,
  problems: Problems,
  codes: CodeRegistry,
): { item: IndicatorItem | undefined; points: number | undefined } {
  const fields = readObject(raw, path, itemFields, problems);
  if (!fields) return { item: undefined, points: undefined };
  const code = readString(fields, 'code', path, problems);
  codes.claim(code, childPath(path, 'code'));
  const name = readString(fields, 'name', path, problems);
  const points = readDecimal(fields, 'points', path, problems, 'positive');
  const evidence = readStringArray(fields, 'evidence', path, problems);
  const method = readEnum<AssessmentMethod>(
    fields,
    'method',
    path,
    problems,
    assessmentMethods,
    'UNKNOWN_METHOD',
  );
  let rule: ScoringRule | undefined;
  if (fields['rule'] === undefined) required(problems, childPath(path, 'rule'));
  else rule = readRule(fields['rule'], childPath(path, 'rule'), points, problems, codes);
  const configurable = readBoolean(fields, 'configurable', path, problems);
  const note = readString(fields, 'note', path, problems, true);
  const metric =
    fields['metric'] === undefined
      ? undefined
      : readItemMetric(fields['metric'], childPath(path, 'metric'), rule, problems);
  if (
    code === undefined ||
    name === undefined ||
    points === undefined ||
    method === undefined ||
    rule === undefined
  ) {
    return { item: undefined, points };
  }
  const item: IndicatorItem = {
    code,
    name,
    points: points / 100,
    ...(evidence ? { evidence } : {}),
    method,
    rule,
    ...(configurable !== undefined ? { configurable } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(metric !== undefined ? { metric } : {}),
  };
  return { item, points };
}

function readArea(
  raw: unknown,
  path: string,
  problems: Problems,
  codes: CodeRegistry,
): { area: IndicatorArea | undefined; points: number | undefined } {
  const fields = readObject(raw, path, ['code', 'name', 'points', 'items', 'note'], problems);
  if (!fields) return { area: undefined, points: undefined };
  const code = readString(fields, 'code', path, problems);
  codes.claim(code, childPath(path, 'code'));
  const name = readString(fields, 'name', path, problems);
  const points = readDecimal(fields, 'points', path, problems, 'positive');
  const list = readArray(fields, 'items', path, problems);
  const note = readString(fields, 'note', path, problems, true);
  const items: IndicatorItem[] = [];
  if (list) {
    const listPath = childPath(path, 'items');
    let sum = 0;
    let sumKnown = true;
    list.forEach((rawItem, i) => {
      const read = readItem(rawItem, indexPath(listPath, i), problems, codes);
      if (read.points === undefined) sumKnown = false;
      else sum += read.points;
      if (read.item) items.push(read.item);
    });
    if (sumKnown && points !== undefined && sum !== points) {
      fault(
        problems,
        'ITEM_POINTS_MISMATCH',
        listPath,
        `类别“${code ?? path}”各评分项分值之和为${pointsText(sum)}分，应等于类别分值${pointsText(points)}分`,
        `The items of area "${code ?? path}" sum to ${pointsText(sum)} points; the area is worth ${pointsText(points)}`,
      );
    }
  }
  if (code === undefined || name === undefined || points === undefined || !list) {
    return { area: undefined, points };
  }
  return {
    area: { code, name, points: points / 100, items, ...(note !== undefined ? { note } : {}) },
    points,
  };
}

function readGrades(
  fields: Fields,
  total: number | undefined,
  problems: Problems,
): GradeBand[] | undefined {
  const list = readArray(fields, 'grades', '', problems);
  if (!list) return undefined;
  const grades: GradeBand[] = [];
  const seen = new Set<string>();
  let previous: { rank: number; min: number | undefined } | undefined;
  list.forEach((raw, i) => {
    const at = indexPath('grades', i);
    const band = readObject(raw, at, ['grade', 'minPoints'], problems);
    if (!band) return;
    const grade = readEnum<ListedGrade>(band, 'grade', at, problems, listedGrades, 'UNKNOWN_GRADE');
    const min = readDecimal(band, 'minPoints', at, problems, 'nonNegative');
    let rank: number | undefined;
    if (grade !== undefined) {
      rank = listedGrades.indexOf(grade);
      if (seen.has(grade)) {
        fault(
          problems,
          'DUPLICATE_GRADE',
          childPath(at, 'grade'),
          `等级“${grade}”重复`,
          `Grade "${grade}" is listed twice`,
        );
      } else if (previous !== undefined && rank < previous.rank) {
        fault(
          problems,
          'GRADES_OUT_OF_ORDER',
          childPath(at, 'grade'),
          `等级应按 excellent、good、pass 的顺序排列，“${grade}”位置不对`,
          `Grades must be listed in the order excellent, good, pass; "${grade}" is out of order`,
        );
      }
      seen.add(grade);
    }
    if (min !== undefined) {
      if (total !== undefined && min > total) {
        fault(
          problems,
          'GRADE_ABOVE_TOTAL',
          childPath(at, 'minPoints'),
          `等级最低分${pointsText(min)}分超过总分${pointsText(total)}分`,
          `The grade's minimum ${pointsText(min)} is above the total of ${pointsText(total)} points`,
        );
      }
      if (previous?.min !== undefined && min >= previous.min) {
        fault(
          problems,
          'GRADES_NOT_DESCENDING',
          childPath(at, 'minPoints'),
          `等级最低分${pointsText(min)}分不低于上一等级的${pointsText(previous.min)}分，应严格递减`,
          `The minimum ${pointsText(min)} is not below the previous grade's ${pointsText(previous.min)}; minimums must strictly descend`,
        );
      }
    }
    previous = { rank: rank ?? previous?.rank ?? -1, min: min ?? previous?.min };
    if (grade !== undefined && min !== undefined) grades.push({ grade, minPoints: min / 100 });
  });
  return grades;
}

function readVetoes(
  fields: Fields,
  problems: Problems,
  codes: CodeRegistry,
): VetoCondition[] | undefined {
  const list = readArray(fields, 'vetoes', '', problems);
  if (!list) return undefined;
  const vetoes: VetoCondition[] = [];
  list.forEach((raw, i) => {
    const at = indexPath('vetoes', i);
    const veto = readObject(raw, at, ['code', 'name', 'note'], problems);
    if (!veto) return;
    const code = readString(veto, 'code', at, problems);
    codes.claim(code, childPath(at, 'code'));
    const name = readString(veto, 'name', at, problems);
    const note = readString(veto, 'note', at, problems, true);
    if (code !== undefined && name !== undefined) {
      vetoes.push({ code, name, ...(note !== undefined ? { note } : {}) });
    }
  });
  return vetoes;
}

function readSources(fields: Fields, problems: Problems): FrameworkSource[] | undefined {
  const list = readArray(fields, 'sources', '', problems, true);
  if (!list) return undefined;
  const sources: FrameworkSource[] = [];
  list.forEach((raw, i) => {
    const at = indexPath('sources', i);
    const source = readObject(raw, at, ['title', 'url', 'reliability', 'note'], problems);
    if (!source) return;
    const title = readString(source, 'title', at, problems);
    const url = readString(source, 'url', at, problems, true);
    const reliability = readEnum<SourceReliability>(
      source,
      'reliability',
      at,
      problems,
      sourceReliabilities,
      'UNKNOWN_RELIABILITY',
      true,
    );
    const note = readString(source, 'note', at, problems, true);
    if (title !== undefined) {
      sources.push({
        title,
        ...(url !== undefined ? { url } : {}),
        ...(reliability !== undefined ? { reliability } : {}),
        ...(note !== undefined ? { note } : {}),
      });
    }
  });
  return sources;
}

const frameworkFields = [
  '$schema',
  'code',
  'name',
  'version',
  'totalPoints',
  'status',
  'description',
  'sources',
  'grades',
  'vetoes',
  'areas',
] as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks an indicator framework read from JSON (or anywhere else) and reports every fault with
 * its path: duplicate codes (areas, items and vetoes share one namespace; checklist entry codes
 * are unique within their item), area points not summing to `totalPoints`, item points not
 * summing to their area, checklist entries not summing to their item, bands not strictly
 * descending or worth more than the item, a non-positive `perUnit` or `target`, numbers with more
 * than two decimals, grades not descending or above `totalPoints`, unknown rule kinds, methods
 * or fields, and an item `metric` naming an unknown record metric (`UNKNOWN_METRIC`), a metric
 * whose unit does not fit the rule kind (`METRIC_UNIT_MISMATCH`), a field the kind does not use
 * (`METRIC_FIELD_NOT_ALLOWED`) or a checklist entry without a test (`METRIC_ENTRY_MISSING`). On success it returns a new, deeply frozen copy (the input is never touched) that
 * `scoreAssessment` scores without validating again.
 *
 * @example
 * const result = validateFramework({
 *   code: 'mini', name: '示例', version: '1.0.0', totalPoints: 2,
 *   grades: [{ grade: 'pass', minPoints: 1 }], vetoes: [],
 *   areas: [{ code: 'A1', name: '组织建设', points: 2, items: [
 *     { code: 'A1.1', name: '党组织健全', points: 2, method: 'ledger', rule: { kind: 'check' } },
 *   ] }],
 * });
 * // → { ok: true, framework: { code: 'mini', … } }
 * validateFramework({ …same, totalPoints: 3 });
 * // → { ok: false, problems: [{ code: 'AREA_POINTS_MISMATCH', path: 'areas', message: { zh: '各类别分值之和为2分，应等于总分3分', en: '…' } }] }
 */
export function validateFramework(input: unknown): FrameworkValidation {
  const problems: Problems = [];
  const codes = new CodeRegistry(problems);
  const fields = readObject(input, '', frameworkFields, problems);
  if (!fields) return { ok: false, problems };
  readString(fields, '$schema', '', problems, true);
  const code = readString(fields, 'code', '', problems);
  const name = readString(fields, 'name', '', problems);
  const version = readString(fields, 'version', '', problems);
  const total = readDecimal(fields, 'totalPoints', '', problems, 'positive');
  const status = readEnum<FrameworkStatus>(
    fields,
    'status',
    '',
    problems,
    frameworkStatuses,
    'UNKNOWN_STATUS',
    true,
  );
  const description = readString(fields, 'description', '', problems, true);
  const sources = readSources(fields, problems);
  const grades = readGrades(fields, total, problems);
  const vetoes = readVetoes(fields, problems, codes);
  const list = readArray(fields, 'areas', '', problems);
  const areas: IndicatorArea[] = [];
  if (list) {
    let sum = 0;
    let sumKnown = true;
    list.forEach((raw, i) => {
      const read = readArea(raw, indexPath('areas', i), problems, codes);
      if (read.points === undefined) sumKnown = false;
      else sum += read.points;
      if (read.area) areas.push(read.area);
    });
    if (sumKnown && total !== undefined && sum !== total) {
      fault(
        problems,
        'AREA_POINTS_MISMATCH',
        'areas',
        `各类别分值之和为${pointsText(sum)}分，应等于总分${pointsText(total)}分`,
        `The areas sum to ${pointsText(sum)} points; the total is ${pointsText(total)}`,
      );
    }
  }
  if (
    problems.length > 0 ||
    code === undefined ||
    name === undefined ||
    version === undefined ||
    total === undefined ||
    grades === undefined ||
    vetoes === undefined
  ) {
    return { ok: false, problems };
  }
  const framework: Framework = deepFreeze({
    code,
    name,
    version,
    totalPoints: total / 100,
    ...(status !== undefined ? { status } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(sources !== undefined ? { sources } : {}),
    grades,
    vetoes,
    areas,
  });
  registerCompiled(framework);
  return { ok: true, framework };
}
