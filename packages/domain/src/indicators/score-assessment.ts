import type { LocalizedText } from '../localized-text.js';
import type {
  CompiledFramework,
  CompiledItem,
  MemoizedScore,
} from './_internal/compiled-framework.js';
import { lookupCompiled, memoLimit } from './_internal/compiled-framework.js';
import {
  divideHalfUp,
  divideHalfUpBig,
  formatHundredths,
  fromHundredths,
  hundredthsOfText,
  maxMagnitude,
  toHundredths,
  toRational,
  truncatedText,
} from './_internal/decimal.js';
import { indexPath, keyPath, problem, typeName } from './_internal/problems.js';
import type {
  AssessmentAnswers,
  Framework,
  Grade,
  IndicatorProblem,
  VetoCondition,
} from './types.js';
import { validateFramework } from './validate-framework.js';

/** The score of one item. */
export interface ItemScore {
  readonly code: string;
  readonly points: number;
  readonly max: number;
  /** False when the answer was missing (the item then scores 0). */
  readonly answered: boolean;
  /** Why the item got its points, e.g. “缺少2项台账，每项扣0.5分，得1分”. */
  readonly explanation: LocalizedText;
}

/** The score of one area: `points` is exactly the sum of its items' points. */
export interface AreaScore {
  readonly code: string;
  readonly points: number;
  readonly max: number;
  readonly items: readonly ItemScore[];
}

/** The scored result of one assessment. */
export interface Scorecard {
  readonly frameworkCode: string;
  readonly frameworkVersion: string;
  /** Exactly the sum of the area points (computed in integer hundredths). */
  readonly total: number;
  /** The framework's `totalPoints`. */
  readonly max: number;
  /** `fail` when vetoed, whatever the total. */
  readonly grade: Grade;
  readonly vetoed: boolean;
  /** The triggered vetoes, in framework order. */
  readonly vetoes: readonly VetoCondition[];
  /** True when every item was answered. */
  readonly complete: boolean;
  /** Codes of the unanswered items, in framework order. */
  readonly missing: readonly string[];
  readonly areas: readonly AreaScore[];
}

/** The result of `scoreAssessment`. */
export type ScoreResult =
  | { readonly ok: true; readonly scorecard: Scorecard }
  | { readonly ok: false; readonly problems: readonly IndicatorProblem[] };

/** The stable codes `scoreAssessment` reports for answers (framework faults use those of `validateFramework`). */
export type AnswerProblemCode =
  | 'ANSWERS_NOT_AN_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_ITEM'
  | 'ANSWER_WRONG_TYPE'
  | 'ANSWER_NEGATIVE'
  | 'ANSWER_NOT_INTEGER'
  | 'UNKNOWN_CHECKLIST_ENTRY'
  | 'DUPLICATE_CHECKLIST_ENTRY'
  | 'UNKNOWN_VETO'
  | 'DUPLICATE_VETO';

const kindAnswer: Record<string, { zh: string; en: string }> = {
  check: { zh: '布尔值（是/否）', en: 'a boolean' },
  checklist: { zh: '已满足条目编码的数组', en: 'an array of met entry codes' },
  deduction: { zh: '不足项数（非负整数）', en: 'a whole count of deficiencies' },
  count: { zh: '数量（非负整数）', en: 'a whole count' },
  bands: { zh: '有限数值', en: 'a finite number' },
  proportional: { zh: '非负有限数值', en: 'a finite number ≥ 0' },
};

function wrongAnswer(item: CompiledItem, path: string, value: unknown): IndicatorProblem {
  const expected = kindAnswer[item.rule.kind]!;
  return problem(
    'ANSWER_WRONG_TYPE',
    path,
    `评分项“${item.code}”的答案应为${expected.zh}，实际为${typeName(value)}`,
    `The answer to item "${item.code}" must be ${expected.en}, not ${typeName(value)}`,
  );
}

interface Scored {
  readonly points: number;
  readonly explanation: LocalizedText;
}

/**
 * Scores one answered item, or returns a problem. `points` is in hundredths.
 * The value has been checked not to be null or undefined.
 */
function computeItem(item: CompiledItem, value: unknown, path: string): Scored | IndicatorProblem {
  const rule = item.rule;
  const max = item.max;
  const maxText = item.maxText;
  switch (rule.kind) {
    case 'check': {
      if (typeof value !== 'boolean') return wrongAnswer(item, path, value);
      return value
        ? {
            points: max,
            explanation: {
              zh: `符合要求，得${maxText}分`,
              en: `Requirement met: ${maxText} of ${item.maxEn}`,
            },
          }
        : {
            points: 0,
            explanation: {
              zh: `不符合要求，得0分（满分${maxText}分）`,
              en: `Requirement not met: 0 of ${item.maxEn}`,
            },
          };
    }
    case 'checklist':
      // Scored in scoreItem (read with readChecklist, explained with explainChecklist).
      return wrongAnswer(item, path, value);
    case 'deduction': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrongAnswer(item, path, value);
      }
      const countProblem = checkCount(item, value, path);
      if (countProblem) return countProblem;
      if (value === 0) {
        return {
          points: max,
          explanation: {
            zh: rule.unit ? `${rule.unit.zh}齐全，得${maxText}分` : `无扣分事项，得${maxText}分`,
            en: rule.unit
              ? `No ${rule.unit.en} missing: ${maxText} of ${item.maxEn}`
              : `No deficiencies: ${maxText} of ${item.maxEn}`,
          },
        };
      }
      const deducted = value * rule.perUnit;
      const points = deducted >= max ? 0 : max - deducted;
      const per = rule.perUnitText;
      const head = rule.unit
        ? {
            zh: `缺少${value}项${rule.unit.zh}，每项扣${per}分`,
            en: `${value} ${rule.unit.en} missing, −${per} each`,
          }
        : {
            zh: `存在${value}处不足，每处扣${per}分`,
            en: `${value} ${value === 1 ? 'deficiency' : 'deficiencies'}, −${per} each`,
          };
      if (deducted > max) {
        const deductedText = Number.isSafeInteger(deducted)
          ? formatHundredths(deducted)
          : `${value}×${per}`;
        return {
          points: 0,
          explanation: {
            zh: `${head.zh}，应扣${deductedText}分，扣完为止，得0分`,
            en: `${head.en}, ${deductedText} in all, floored at 0: 0 of ${item.maxEn}`,
          },
        };
      }
      const pointsText = formatHundredths(points);
      return {
        points,
        explanation: {
          zh: `${head.zh}，得${pointsText}分`,
          en: `${head.en}: ${pointsText} of ${item.maxEn}`,
        },
      };
    }
    case 'count': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrongAnswer(item, path, value);
      }
      const countProblem = checkCount(item, value, path);
      if (countProblem) return countProblem;
      const earned = value * rule.perUnit;
      const points = earned >= max ? max : earned;
      const pointsText = formatHundredths(points);
      const per = rule.perUnitText;
      const what = rule.unit ? { zh: rule.unit.zh, en: ` ${rule.unit.en}` } : { zh: '', en: '' };
      const capped = earned > max ? { zh: `，已达上限`, en: `, capped` } : { zh: '', en: '' };
      return {
        points,
        explanation: {
          zh: `${what.zh}数量为${value}，每个计${per}分，最高${maxText}分${capped.zh}，得${pointsText}分`,
          en: `Counted ${value}${what.en} at ${per} each, up to ${maxText}${capped.en}: ${pointsText} of ${item.maxEn}`,
        },
      };
    }
    case 'bands': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrongAnswer(item, path, value);
      }
      const bands = rule.bands;
      // at most two decimals, cut toward zero, so a value under a band never reads as its minimum
      const { text, cut } = truncatedText(value);
      const zhValue = cut ? `数值约为${text}` : `数值为${text}`;
      const enValue = cut ? `Value about ${text}` : `Value ${text}`;
      for (let i = 0; i < bands.length; i++) {
        const band = bands[i]!;
        if (value >= band.min) {
          const pointsText = formatHundredths(band.points);
          return {
            points: band.points,
            explanation: {
              zh: `${zhValue}，达到第${i + 1}档（≥${band.minText}），得${pointsText}分`,
              en: `${enValue} reaches band ${i + 1} (≥ ${band.minText}): ${pointsText} of ${item.maxEn}`,
            },
          };
        }
      }
      const lowest = bands[bands.length - 1]!.minText;
      return {
        points: 0,
        explanation: {
          zh: `${zhValue}，低于最低档（≥${lowest}），得0分`,
          en: `${enValue} is below the lowest band (≥ ${lowest}): 0 of ${item.maxEn}`,
        },
      };
    }
    case 'proportional': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrongAnswer(item, path, value);
      }
      if (value < 0) return negativeAnswer(item, value, path);
      const shown = String(value);
      const targetText = rule.targetText;
      const points = proportionalPoints(max, value, shown, rule.target);
      const pointsText = formatHundredths(points);
      // more than two decimals (a rate derived from the records) are shown cut to two, as bands
      // show them, and the ratio is then named rather than written with the shortened value
      const { text, cut } = truncatedText(value);
      const zhValue = cut ? `实际值约${text}` : `实际值${text}`;
      const enValue = cut ? `Value about ${text}` : `Value ${text}`;
      // full points alone do not say the target is reached: a value just under it may round up to
      // them, and is then not said to reach it (compared exactly, only when the points are full)
      if (points === max && reachesTarget(value, rule.target)) {
        return {
          points,
          explanation: {
            zh: `${zhValue}，达到目标值${targetText}，得满分${maxText}分`,
            en: `${enValue} reaches the target ${targetText}: ${maxText} of ${item.maxEn}`,
          },
        };
      }
      const zhRatio = cut ? `实际值/${targetText}（按精确值计算）` : `${text}/${targetText}`;
      const enRatio = cut ? `value/${targetText} (on the exact value)` : `${text}/${targetText}`;
      return {
        points,
        explanation: {
          zh: `${zhValue}，目标值${targetText}，按比例${maxText}×${zhRatio}，四舍五入得${pointsText}分`,
          en: `${enValue} of target ${targetText}: ${maxText} × ${enRatio}, rounded half up to ${pointsText} of ${item.maxEn}`,
        },
      };
    }
  }
}

type ChecklistRule = Extract<CompiledItem['rule'], { kind: 'checklist' }>;

/**
 * Reads a checklist answer of a rule with at most 30 entries into a bit mask of the met entries
 * (bit i for entry i), or returns a problem.
 */
function readChecklistMask(
  item: CompiledItem,
  rule: ChecklistRule,
  value: unknown,
  path: string,
): number | IndicatorProblem {
  if (!Array.isArray(value)) return wrongAnswer(item, path, value);
  let mask = 0;
  for (let i = 0; i < value.length; i++) {
    const code: unknown = value[i];
    const index = typeof code === 'string' ? rule.index.get(code) : undefined;
    if (index === undefined || (mask & (1 << index)) !== 0) {
      const met = readChecklist(item, rule, value, path);
      if (!Array.isArray(met)) return met;
      throw new Error('unreachable: readChecklist accepted an answer readChecklistMask rejected');
    }
    mask |= 1 << index;
  }
  return mask;
}

/** Reads a checklist answer into a met flag per entry, or returns a problem. */
function readChecklist(
  item: CompiledItem,
  rule: ChecklistRule,
  value: unknown,
  path: string,
): boolean[] | IndicatorProblem {
  if (!Array.isArray(value)) return wrongAnswer(item, path, value);
  const met: boolean[] = new Array<boolean>(rule.entries.length).fill(false);
  for (let i = 0; i < value.length; i++) {
    const code: unknown = value[i];
    if (typeof code !== 'string') return wrongAnswer(item, indexPath(path, i), code);
    const index = rule.index.get(code);
    if (index === undefined) {
      return problem(
        'UNKNOWN_CHECKLIST_ENTRY',
        indexPath(path, i),
        `评分项“${item.code}”没有条目“${code}”`,
        `Item "${item.code}" has no checklist entry "${code}"`,
      );
    }
    if (met[index]) {
      return problem(
        'DUPLICATE_CHECKLIST_ENTRY',
        indexPath(path, i),
        `评分项“${item.code}”的条目“${code}”重复填写`,
        `Item "${item.code}" lists entry "${code}" twice`,
      );
    }
    met[index] = true;
  }
  return met;
}

/** The points (in hundredths) and explanation of a checklist with the given entries met. */
function explainChecklist(
  item: CompiledItem,
  rule: ChecklistRule,
  met: readonly boolean[],
): Scored {
  let points = 0;
  let metCount = 0;
  let missingZh = '';
  let missingEn = '';
  for (let i = 0; i < rule.entries.length; i++) {
    const entry = rule.entries[i]!;
    if (met[i]) {
      metCount += 1;
      points += entry.points;
      continue;
    }
    const entryPoints = formatHundredths(entry.points);
    missingZh += `${missingZh === '' ? '' : '、'}${entry.name}（${entryPoints}分）`;
    missingEn += `${missingEn === '' ? '' : ', '}${entry.name} (${entryPoints})`;
  }
  const total = rule.entries.length;
  const pointsText = formatHundredths(points);
  if (metCount === total) {
    return {
      points,
      explanation: {
        zh: `${total}项全部满足，得${pointsText}分`,
        en: `All ${total} entries met: ${pointsText} of ${item.maxEn}`,
      },
    };
  }
  return {
    points,
    explanation: {
      zh: `满足${total}项中的${metCount}项，缺少${total - metCount}项：${missingZh}，得${pointsText}分`,
      en: `${metCount} of ${total} entries met; missing ${missingEn}: ${pointsText} of ${item.maxEn}`,
    },
  };
}

function memoize(
  item: CompiledItem,
  key: unknown,
  scored: Scored,
  answered: boolean,
): MemoizedScore {
  if (item.memo.size >= memoLimit) {
    // Not remembered, so not shared: a fresh result needs no freezing.
    return {
      hundredths: scored.points,
      score: {
        code: item.code,
        points: fromHundredths(scored.points),
        max: fromHundredths(item.max),
        answered,
        explanation: scored.explanation,
      },
    };
  }
  const memoized: MemoizedScore = Object.freeze({
    hundredths: scored.points,
    score: Object.freeze({
      code: item.code,
      points: fromHundredths(scored.points),
      max: fromHundredths(item.max),
      answered,
      // A fresh copy: if the object built in computeItem were kept, V8 would learn that objects
      // from that allocation site survive and pretenure them all, promoting every explanation
      // string with them (this doubled the benchmark time).
      explanation: Object.freeze({ zh: scored.explanation.zh, en: scored.explanation.en }),
    }),
  });
  item.memo.set(key, memoized);
  return memoized;
}

/**
 * Scores one item from its answer (`undefined` when missing), or returns a problem. Results are
 * remembered per answer, so repeated answers cost a map lookup; they are frozen and shared.
 */
function scoreItem(item: CompiledItem, value: unknown): MemoizedScore | IndicatorProblem {
  const rule = item.rule;
  if (value === undefined) {
    const hit = item.memo.get(undefined);
    if (hit) return hit;
    return memoize(item, undefined, { points: 0, explanation: missingExplanation(item) }, false);
  }
  if (rule.kind === 'checklist') {
    if (rule.entries.length <= 30) {
      const mask = readChecklistMask(item, rule, value, item.path);
      if (typeof mask !== 'number') return mask;
      const hit = item.memo.get(mask);
      if (hit) return hit;
      const met = rule.entries.map((_, i) => (mask & (1 << i)) !== 0);
      return memoize(item, mask, explainChecklist(item, rule, met), true);
    }
    const met = readChecklist(item, rule, value, item.path);
    if (!Array.isArray(met)) return met;
    return memoize(item, Symbol(), explainChecklist(item, rule, met), true);
  }
  const hit = item.memo.get(value);
  if (hit) return hit;
  const scored = computeItem(item, value, item.path);
  if ('code' in scored) return scored;
  return memoize(item, value, scored, true);
}

function negativeAnswer(item: CompiledItem, value: number, path: string): IndicatorProblem {
  return problem(
    'ANSWER_NEGATIVE',
    path,
    `评分项“${item.code}”的答案为${value}，不能为负数`,
    `The answer to item "${item.code}" is ${value}; it must not be negative`,
  );
}

function checkCount(item: CompiledItem, value: number, path: string): IndicatorProblem | null {
  if (value < 0) return negativeAnswer(item, value, path);
  if (!Number.isInteger(value)) {
    return problem(
      'ANSWER_NOT_INTEGER',
      path,
      `评分项“${item.code}”的答案为${value}，应为整数`,
      `The answer to item "${item.code}" is ${value}; it must be a whole number`,
    );
  }
  return null;
}

/** Whether a value (its shortest decimal, exactly) reaches a target in hundredths. */
function reachesTarget(value: number, target: number): boolean {
  const { num, den } = toRational(value);
  return num * 100n >= BigInt(target) * den;
}

/**
 * `max × min(1, value / target)` in hundredths, rounded half up. `max` and `target` are in
 * hundredths; `value` is read as the shortest decimal that round-trips to it, so 0.29 means
 * exactly 29/100 and the rounding at .005 is exact.
 */
export function proportionalPoints(
  max: number,
  value: number,
  text: string,
  target: number,
): number {
  const valueHundredths =
    Number.isInteger(value) || Math.abs(value) > maxMagnitude
      ? toHundredths(value)
      : hundredthsOfText(text);
  if (valueHundredths !== null) {
    if (valueHundredths >= target) return max;
    return divideHalfUp(max * valueHundredths, target);
  }
  // More than two decimals: exact rational arithmetic. value = num/den.
  const { num, den } = toRational(value);
  const targetBig = BigInt(target);
  if (num * 100n >= targetBig * den) return max;
  return Number(divideHalfUpBig(BigInt(max) * num * 100n, targetBig * den));
}

function gradeOf(compiled: CompiledFramework, total: number): Grade {
  for (const band of compiled.grades) if (total >= band.minPoints) return band.grade;
  return 'fail';
}

const answerFields = ['items', 'vetoes'];

function missingExplanation(item: CompiledItem): LocalizedText {
  return { zh: `未作答，得0分（满分${item.maxText}分）`, en: `Not answered: 0 of ${item.maxEn}` };
}

/**
 * Scores one assessment against a framework, exactly (every sum in integer hundredths) and with
 * an explanation for every item. Answers are `{ items: { [itemCode]: value }, vetoes: [code…] }`:
 * a boolean for `check`, met entry codes for `checklist`, a whole count for `deduction` and
 * `count`, a number for `bands` and `proportional`. An answer that is absent, `null` or
 * `undefined` scores 0 and is listed in `missing`; an answer of the wrong type, a negative or
 * fractional count, or an unknown item, checklist entry or veto code is a problem, not a score.
 * A framework that `validateFramework` returned is scored without validating again; any other
 * object is validated first and its problems returned. Inputs are never mutated.
 *
 * Numbers for `bands` and `proportional` may have any number of decimals: a value is read as the
 * shortest decimal that round-trips to it (what `String(value)` prints), so 0.29 means exactly
 * 29/100, and proportional points are rounded half up at 0.005 in exact integer arithmetic.
 *
 * @example
 * const { framework } = validateFramework(json); // ok
 * const result = scoreAssessment(framework, { items: { 'A1.1': true, 'A1.2': 2 }, vetoes: [] });
 * // → { ok: true, scorecard: { total: 3, max: 4, grade: 'pass', vetoed: false, complete: true,
 * //     missing: [], areas: [{ code: 'A1', points: 3, max: 4, items: [
 * //       { code: 'A1.1', points: 2, max: 2, answered: true, explanation: { zh: '符合要求，得2分', … } },
 * //       { code: 'A1.2', points: 1, max: 2, answered: true,
 * //         explanation: { zh: '缺少2项台账，每项扣0.5分，得1分', … } }] }], … } }
 */
export function scoreAssessment(framework: Framework, answers: AssessmentAnswers): ScoreResult {
  let compiled = lookupCompiled(framework);
  if (!compiled) {
    const validation = validateFramework(framework);
    if (!validation.ok) return validation;
    compiled = lookupCompiled(validation.framework)!;
  }
  const problems: IndicatorProblem[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    problems.push(
      problem(
        'ANSWERS_NOT_AN_OBJECT',
        '',
        `答卷应为对象 { items, vetoes }，实际为${typeName(answers)}`,
        `The answers must be an object { items, vetoes }, not ${typeName(answers)}`,
      ),
    );
    return { ok: false, problems };
  }
  const fields = answers as Record<string, unknown>;
  for (const key in fields) {
    if (Object.hasOwn(fields, key) && !answerFields.includes(key)) {
      problems.push(
        problem(
          'UNKNOWN_FIELD',
          key,
          `答卷中有未知字段“${key}”（允许：items、vetoes）`,
          `Unknown field "${key}" in the answers (allowed: items, vetoes)`,
        ),
      );
    }
  }
  let items: Record<string, unknown> = {};
  const rawItems = fields['items'];
  if (rawItems !== undefined && rawItems !== null) {
    if (typeof rawItems !== 'object' || Array.isArray(rawItems)) {
      problems.push(
        problem(
          'ANSWER_WRONG_TYPE',
          'items',
          `items应为以评分项编码为键的对象，实际为${typeName(rawItems)}`,
          `items must be an object keyed by item code, not ${typeName(rawItems)}`,
        ),
      );
    } else {
      items = rawItems as Record<string, unknown>;
    }
  }
  const triggered = readVetoes(compiled, fields['vetoes'], problems);

  let total = 0;
  let present = 0; // answered keys that name an item of the framework
  const missing: string[] = [];
  const areas: AreaScore[] = new Array(compiled.areas.length);
  for (let a = 0; a < compiled.areas.length; a++) {
    const area = compiled.areas[a]!;
    let areaPoints = 0;
    const scores: ItemScore[] = new Array(area.items.length);
    for (let i = 0; i < area.items.length; i++) {
      const item = area.items[i]!;
      // Only codes such as "constructor" can be inherited from Object.prototype.
      let value = item.inherited && !Object.hasOwn(items, item.code) ? undefined : items[item.code];
      if (value !== undefined || Object.hasOwn(items, item.code)) present += 1;
      if (value === null) value = undefined;
      const scored = scoreItem(item, value);
      if ('code' in scored) {
        problems.push(scored);
        continue;
      }
      if (value === undefined) missing.push(item.code);
      areaPoints += scored.hundredths;
      scores[i] = scored.score;
    }
    total += areaPoints;
    areas[a] = {
      code: area.code,
      points: fromHundredths(areaPoints),
      max: fromHundredths(area.max),
      items: scores,
    };
  }
  // Any other key names an unknown item. Counting keys with for…in allocates nothing; the
  // authoritative scan runs only when the counts differ.
  let keys = 0;
  for (const _ in items) keys += 1;
  if (keys !== present) {
    for (const code of Object.keys(items)) {
      if (!compiled.items.has(code)) {
        problems.push(
          problem(
            'UNKNOWN_ITEM',
            keyPath('items', code),
            `框架“${compiled.framework.code}”中没有评分项“${code}”`,
            `Framework "${compiled.framework.code}" has no item "${code}"`,
          ),
        );
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const vetoed = triggered.length > 0;
  return {
    ok: true,
    scorecard: {
      frameworkCode: compiled.framework.code,
      frameworkVersion: compiled.framework.version,
      total: fromHundredths(total),
      max: fromHundredths(compiled.total),
      grade: vetoed ? 'fail' : gradeOf(compiled, total),
      vetoed,
      vetoes: triggered,
      complete: missing.length === 0,
      missing,
      areas,
    },
  };
}

function readVetoes(
  compiled: CompiledFramework,
  raw: unknown,
  problems: IndicatorProblem[],
): VetoCondition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(
      problem(
        'ANSWER_WRONG_TYPE',
        'vetoes',
        `vetoes应为否决项编码的数组，实际为${typeName(raw)}`,
        `vetoes must be an array of veto codes, not ${typeName(raw)}`,
      ),
    );
    return [];
  }
  if (raw.length === 0) return [];
  const seen = new Set<string>();
  raw.forEach((code: unknown, i) => {
    const at = indexPath('vetoes', i);
    if (typeof code !== 'string') {
      problems.push(
        problem(
          'ANSWER_WRONG_TYPE',
          at,
          `否决项编码应为字符串，实际为${typeName(code)}`,
          `A veto code must be a string, not ${typeName(code)}`,
        ),
      );
    } else if (!compiled.vetoes.has(code)) {
      problems.push(
        problem(
          'UNKNOWN_VETO',
          at,
          `框架“${compiled.framework.code}”中没有否决项“${code}”`,
          `Framework "${compiled.framework.code}" has no veto "${code}"`,
        ),
      );
    } else if (seen.has(code)) {
      problems.push(
        problem('DUPLICATE_VETO', at, `否决项“${code}”重复填写`, `Veto "${code}" is listed twice`),
      );
    }
    if (typeof code === 'string') seen.add(code);
  });
  return compiled.framework.vetoes.filter((v) => seen.has(v.code));
}
