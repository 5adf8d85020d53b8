import type { CompiledFramework, FlatItems } from './_internal/compiled-framework.js';
import {
  KIND_BANDS,
  KIND_CHECK,
  KIND_CHECKLIST,
  KIND_COUNT,
  KIND_DEDUCTION,
  KIND_PROPORTIONAL,
  lookupCompiled,
} from './_internal/compiled-framework.js';
import { divideHalfUp, fromHundredths, maxMagnitude } from './_internal/decimal.js';
import { proportionalPoints, scoreAssessment } from './score-assessment.js';
import type { Scorecard } from './score-assessment.js';
import type { AssessmentAnswers, Framework, IndicatorProblem, VetoCondition } from './types.js';
import { validateFramework } from './validate-framework.js';

/** A scorecard without its areas: what a save stores and a ranking reads. */
export type ScoreTotals = Omit<Scorecard, 'areas'>;

/** The result of `scoreTotals`. */
export type TotalsResult =
  | { readonly ok: true; readonly totals: ScoreTotals }
  | { readonly ok: false; readonly problems: readonly IndicatorProblem[] };

const noVetoes: readonly VetoCondition[] = Object.freeze([]);
const noneMissing: readonly string[] = Object.freeze([]);

/** The totals of a full scoring: the scorecard without its areas. */
function fromScoreResult(framework: Framework, answers: AssessmentAnswers): TotalsResult {
  const result = scoreAssessment(framework, answers);
  if (!result.ok) return result;
  const { areas: _, ...totals } = result.scorecard;
  return { ok: true, totals };
}

/** Marks an answer the quick pass does not take as it is (a problem, or a rare shape). */
const FULL = -1;

/**
 * The points of proportional item i in hundredths. `value` is finite and ≥ 0. A value is read
 * as the shortest decimal that round-trips to it: when that has at most two decimals it is
 * `Math.round(value × 100)`, and dividing that back by 100 gives `value` again (decimals two
 * hundredths apart are far more than one rounding step apart within ±`maxMagnitude`).
 */
function proportional(max: number, value: number, target: number): number {
  if (value <= maxMagnitude) {
    const h = Number.isInteger(value) ? value * 100 : Math.round(value * 100);
    if (h / 100 === value) return h >= target ? max : divideHalfUp(max * h, target);
  }
  return proportionalPoints(max, value, String(value), target);
}

/** The points of a checklist answer in hundredths, or `FULL` for a problem. */
function checklist(flat: FlatItems, i: number, value: unknown): number {
  if (!Array.isArray(value)) return FULL;
  const first = flat.first[i]!;
  const end = flat.first[i + 1]!;
  const codes = flat.entryCodes;
  let mask = 0;
  let points = 0;
  for (let k = 0; k < value.length; k++) {
    const code: unknown = value[k];
    let j = first;
    while (j < end && codes[j] !== code) j++;
    if (j === end) return FULL; // not a string, or not an entry of the item
    const bit = 1 << (j - first);
    if ((mask & bit) !== 0) return FULL; // listed twice
    mask |= bit;
    points += flat.points[j]!;
  }
  return points;
}

/** The points of item i in hundredths for a present answer, or `FULL`. */
function itemPoints(flat: FlatItems, i: number, value: unknown): number {
  const max = flat.max[i]!;
  switch (flat.kinds[i]) {
    case KIND_CHECK:
      if (value === true) return max;
      return value === false ? 0 : FULL;
    case KIND_CHECKLIST:
      return checklist(flat, i, value);
    case KIND_DEDUCTION: {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return FULL;
      const deducted = value * flat.param[i]!;
      return deducted >= max ? 0 : max - deducted;
    }
    case KIND_COUNT: {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return FULL;
      const earned = value * flat.param[i]!;
      return earned >= max ? max : earned;
    }
    case KIND_BANDS: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return FULL;
      const end = flat.first[i + 1]!;
      for (let j = flat.first[i]!; j < end; j++) {
        if (value >= flat.bandMin[j]!) return flat.points[j]!;
      }
      return 0;
    }
    case KIND_PROPORTIONAL:
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return FULL;
      return proportional(max, value, flat.param[i]!);
    default:
      return FULL; // a checklist of more than 30 entries
  }
}

/** The triggered vetoes in framework order, or null when the list has a problem. */
function readVetoes(compiled: CompiledFramework, raw: unknown): readonly VetoCondition[] | null {
  if (raw === undefined || raw === null) return noVetoes;
  if (!Array.isArray(raw)) return null;
  if (raw.length === 0) return noVetoes;
  for (let i = 0; i < raw.length; i++) {
    const code: unknown = raw[i];
    if (typeof code !== 'string' || !compiled.vetoes.has(code) || raw.indexOf(code) !== i) {
      return null;
    }
  }
  return compiled.framework.vetoes.filter((v) => raw.includes(v.code));
}

/**
 * The totals of one assessment — total, grade, vetoes, completeness, missing items — exactly
 * as `scoreAssessment` gives them (the same numbers, the same problems), without the areas and
 * the per-item explanations, which only `scoreAssessment` builds. A validated framework is read
 * from flat arrays of integer hundredths prepared once; answers are summed in one loop that
 * allocates nothing per item. Any answer with a problem is handed to `scoreAssessment`, so the
 * problems reported are its own.
 *
 * @example
 * const result = scoreTotals(framework, { items: { 'A1.1': true, 'A1.2': 2 }, vetoes: [] });
 * // → { ok: true, totals: { total: 3, max: 4, grade: 'pass', vetoed: false, complete: true,
 * //     missing: [], vetoes: [], frameworkCode: …, frameworkVersion: … } }
 */
export function scoreTotals(framework: Framework, answers: AssessmentAnswers): TotalsResult {
  let compiled = lookupCompiled(framework);
  if (!compiled) {
    const validation = validateFramework(framework);
    if (!validation.ok) return validation;
    compiled = lookupCompiled(validation.framework)!;
  }
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return fromScoreResult(framework, answers);
  }
  const fields = answers as Record<string, unknown>;
  for (const key in fields) {
    if (key !== 'items' && key !== 'vetoes' && Object.hasOwn(fields, key)) {
      return fromScoreResult(framework, answers);
    }
  }
  let items: Record<string, unknown> = noItems;
  const rawItems = fields['items'];
  if (rawItems !== undefined && rawItems !== null) {
    if (typeof rawItems !== 'object' || Array.isArray(rawItems)) {
      return fromScoreResult(framework, answers);
    }
    items = rawItems as Record<string, unknown>;
  }
  const vetoes = readVetoes(compiled, fields['vetoes']);
  if (vetoes === null) return fromScoreResult(framework, answers);

  const flat = compiled.flat;
  const codes = flat.codes;
  let total = 0;
  let present = 0; // answered keys that name an item of the framework
  let missing: string[] | null = null;
  for (let i = 0; i < flat.count; i++) {
    const code = codes[i]!;
    // Only codes such as "constructor" can be inherited from Object.prototype.
    const value = flat.inherited[i] === 1 && !Object.hasOwn(items, code) ? undefined : items[code];
    if (value === undefined || value === null) {
      if (value === null || Object.hasOwn(items, code)) present += 1;
      (missing ??= []).push(code);
      continue;
    }
    present += 1;
    const points = itemPoints(flat, i, value);
    if (points === FULL) return fromScoreResult(framework, answers);
    total += points;
  }
  // Any other key names an unknown item (a problem the full scoring reports).
  let keys = 0;
  for (const _ in items) keys += 1;
  if (keys !== present) return fromScoreResult(framework, answers);

  const vetoed = vetoes.length > 0;
  let grade: ScoreTotals['grade'] = 'fail';
  if (!vetoed) {
    for (let g = 0; g < flat.gradeMin.length; g++) {
      if (total >= flat.gradeMin[g]!) {
        grade = flat.grades[g]!;
        break;
      }
    }
  }
  return {
    ok: true,
    totals: {
      frameworkCode: compiled.framework.code,
      frameworkVersion: compiled.framework.version,
      total: fromHundredths(total),
      max: fromHundredths(compiled.total),
      grade,
      vetoed,
      vetoes,
      complete: missing === null,
      missing: missing ?? noneMissing,
    },
  };
}

const noItems: Record<string, unknown> = Object.freeze({});
