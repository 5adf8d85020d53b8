import type { LocalizedText } from '../localized-text.js';
import { divideHalfUpBig, toRational } from './_internal/decimal.js';
import type { Rational } from './_internal/decimal.js';
import { childPath, indexPath, problem, typeName } from './_internal/problems.js';
import type { IndicatorProblem } from './types.js';

/** One component of a composite index: a score out of `max`, with a relative weight. */
export interface IndexComponent {
  readonly code: string;
  /** Relative weight (≥ 0); weights are normalised to sum to 1, so 35 and 0.35 both work. */
  readonly weight: number;
  readonly score: number;
  readonly max: number;
}

/** Options of `compositeIndex`. */
export interface CompositeIndexOptions {
  /** The index scale (default 100, giving a 0–100 index). */
  readonly scale?: number;
  /** Decimals to round the index to, half up (default 2, an integer 0–10). */
  readonly decimals?: number;
}

/** The result of `compositeIndex`. */
export type CompositeIndexResult =
  | { readonly ok: true; readonly index: number; readonly explanation: LocalizedText }
  | { readonly ok: false; readonly problems: readonly IndicatorProblem[] };

/** The stable codes `compositeIndex` reports. */
export type CompositeIndexProblemCode =
  | 'NO_COMPONENTS'
  | 'FIELD_TYPE'
  | 'FIELD_EMPTY'
  | 'DUPLICATE_CODE'
  | 'NEGATIVE_WEIGHT'
  | 'WEIGHTS_SUM_ZERO'
  | 'MAX_NOT_POSITIVE'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCALE_NOT_POSITIVE'
  | 'DECIMALS_INVALID';

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function add(a: Rational, b: Rational): Rational {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/** Formats a number rounded half up to `decimals` decimals, exactly. */
function roundedText(value: Rational, decimals: number): string {
  const scaled = divideHalfUpBig(value.num * 10n ** BigInt(decimals), value.den);
  if (decimals === 0) return scaled.toString();
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * A composite index: the weighted mean of `score / max` over the components, with the weights
 * normalised to sum to 1, times `scale` (default 100), rounded half up to `decimals` (default 2).
 * The arithmetic is exact (each number is read as the shortest decimal that prints as it), so the
 * 余杭法治指数 weights 35 / 17.5 / 17.5 / 30 give the same result as 0.35 / 0.175 / 0.175 / 0.3.
 * Bad components are reported as problems: none at all, a duplicate or empty code, a negative
 * weight, weights summing to zero, a `max` ≤ 0, a score outside 0…`max`, a non-finite number.
 *
 * @example
 * compositeIndex([
 *   { code: 'survey', weight: 35, score: 80, max: 100 },   // 群众满意度调查
 *   { code: 'internal', weight: 17.5, score: 7.5, max: 10 }, // 内部组评估
 *   { code: 'external', weight: 17.5, score: 70, max: 100 }, // 外部组评估
 *   { code: 'experts', weight: 30, score: 65, max: 100 },    // 专家组评估
 * ]);
 * // → { ok: true, index: 72.88, explanation: { zh: '加权平均：(survey 80/100×权重35 + …) ÷ 权重之和100 × 100，四舍五入保留2位小数，得72.88', … } }
 * // (28 + 13.125 + 12.25 + 19.5 = 72.875, rounded half up)
 */
export function compositeIndex(
  components: readonly IndexComponent[],
  options: CompositeIndexOptions = {},
): CompositeIndexResult {
  const problems: IndicatorProblem[] = [];
  const scale = options.scale ?? 100;
  const decimals = options.decimals ?? 2;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    problems.push(
      problem(
        'SCALE_NOT_POSITIVE',
        'options.scale',
        `指数刻度${String(scale)}应为大于0的有限数值`,
        `The scale ${String(scale)} must be a finite number greater than 0`,
      ),
    );
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    problems.push(
      problem(
        'DECIMALS_INVALID',
        'options.decimals',
        `保留小数位数${String(decimals)}应为0到10之间的整数`,
        `decimals ${String(decimals)} must be a whole number from 0 to 10`,
      ),
    );
  }
  if (components.length === 0) {
    problems.push(
      problem('NO_COMPONENTS', '', '至少需要一个指数组成部分', 'At least one component is needed'),
    );
  }
  const seen = new Set<string>();
  let weightSum: Rational = { num: 0n, den: 1n };
  let weighted: Rational = { num: 0n, den: 1n };
  const partsZh: string[] = [];
  const partsEn: string[] = [];
  components.forEach((component, i) => {
    const at = indexPath('', i);
    const { code, weight, score, max } = component;
    if (typeof code !== 'string' || code.trim() === '') {
      problems.push(
        problem(
          'FIELD_EMPTY',
          childPath(at, 'code'),
          `第${i + 1}个组成部分缺少编码`,
          `Component ${i + 1} has no code`,
        ),
      );
    } else if (seen.has(code)) {
      problems.push(
        problem(
          'DUPLICATE_CODE',
          childPath(at, 'code'),
          `组成部分编码“${code}”重复`,
          `Component code "${code}" is a duplicate`,
        ),
      );
    } else seen.add(code);
    let numbersOk = true;
    for (const [key, value] of [
      ['weight', weight],
      ['score', score],
      ['max', max],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        numbersOk = false;
        problems.push(
          problem(
            'FIELD_TYPE',
            childPath(at, key),
            `${childPath(at, key)}应为有限数值，实际为${typeName(value)}`,
            `${childPath(at, key)} must be a finite number, not ${typeName(value)}`,
          ),
        );
      }
    }
    if (!numbersOk) return;
    if (weight < 0) {
      problems.push(
        problem(
          'NEGATIVE_WEIGHT',
          childPath(at, 'weight'),
          `“${code}”的权重${weight}不能为负数`,
          `The weight ${weight} of "${code}" must not be negative`,
        ),
      );
      return;
    }
    if (max <= 0) {
      problems.push(
        problem(
          'MAX_NOT_POSITIVE',
          childPath(at, 'max'),
          `“${code}”的满分${max}应大于0`,
          `The max ${max} of "${code}" must be greater than 0`,
        ),
      );
      return;
    }
    if (score < 0 || score > max) {
      problems.push(
        problem(
          'SCORE_OUT_OF_RANGE',
          childPath(at, 'score'),
          `“${code}”的得分${score}应在0到${max}之间`,
          `The score ${score} of "${code}" must be between 0 and ${max}`,
        ),
      );
      return;
    }
    const w = toRational(weight);
    const s = toRational(score);
    const m = toRational(max);
    weightSum = add(weightSum, w);
    // w × s / m
    weighted = add(weighted, { num: w.num * s.num * m.den, den: w.den * s.den * m.num });
    partsZh.push(`${code} ${score}/${max}×权重${weight}`);
    partsEn.push(`${code} ${score}/${max} × weight ${weight}`);
  });
  if (problems.length === 0 && weightSum.num === 0n) {
    problems.push(
      problem('WEIGHTS_SUM_ZERO', '', '各组成部分的权重之和为0', 'The weights sum to 0'),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const s = toRational(scale);
  // index = weighted / weightSum × scale
  const value: Rational = {
    num: weighted.num * weightSum.den * s.num,
    den: weighted.den * weightSum.num * s.den,
  };
  const text = roundedText(value, decimals);
  const sumText = roundedText(weightSum, 10);
  return {
    ok: true,
    index: Number(text),
    explanation: {
      zh: `加权平均：(${partsZh.join(' + ')}) ÷ 权重之和${sumText} × ${scale}，四舍五入保留${decimals}位小数，得${text}`,
      en: `Weighted mean: (${partsEn.join(' + ')}) ÷ total weight ${sumText} × ${scale}, rounded half up to ${decimals} decimals: ${text}`,
    },
  };
}
