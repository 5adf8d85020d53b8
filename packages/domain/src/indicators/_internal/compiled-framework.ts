import type { LocalizedText } from '../../localized-text.js';
import type { Framework, IndicatorItem, ListedGrade, VetoCondition } from '../types.js';
import { formatHundredths, toHundredths } from './decimal.js';
import { keyPath } from './problems.js';

/** A rule with its numbers in integer hundredths, ready for scoring. */
export type CompiledRule =
  | { readonly kind: 'check' }
  | {
      readonly kind: 'checklist';
      readonly entries: readonly {
        readonly code: string;
        readonly name: string;
        readonly points: number;
      }[];
      /** Entry code → index in `entries`. */
      readonly index: ReadonlyMap<string, number>;
    }
  | {
      readonly kind: 'deduction' | 'count';
      readonly perUnit: number;
      readonly perUnitText: string;
      readonly unit: LocalizedText | undefined;
    }
  | {
      readonly kind: 'bands';
      readonly bands: readonly {
        readonly min: number;
        readonly points: number;
        readonly minText: string;
      }[];
    }
  | { readonly kind: 'proportional'; readonly target: number; readonly targetText: string };

/** An item with its numbers in integer hundredths. */
export interface CompiledItem {
  readonly code: string;
  readonly max: number;
  readonly maxText: string;
  /** `1 point`, `2.5 points`: the item's maximum in English. */
  readonly maxEn: string;
  /** The path of the item's answer: `items["A1.1"]`. */
  readonly path: string;
  /** True when the code names an `Object.prototype` property, such as `constructor`. */
  readonly inherited: boolean;
  readonly rule: CompiledRule;
  /**
   * Results already computed for this item, keyed by the answer (a boolean, a number, a
   * checklist bit mask as `mask:<n>`, or `undefined` for a missing answer). The results are
   * frozen and shared between scorecards; the cache holds at most `memoLimit` answers.
   */
  readonly memo: Map<unknown, MemoizedScore>;
}

/** A frozen item result and its points in hundredths. */
export interface MemoizedScore {
  readonly hundredths: number;
  readonly score: {
    readonly code: string;
    readonly points: number;
    readonly max: number;
    readonly answered: boolean;
    readonly explanation: LocalizedText;
  };
}

/** The most answers remembered per item. */
export const memoLimit = 1024;

/** An area with its numbers in integer hundredths. */
export interface CompiledArea {
  readonly code: string;
  readonly max: number;
  readonly items: readonly CompiledItem[];
}

/** A validated framework prepared for fast scoring; every points figure is in hundredths. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly total: number;
  readonly grades: readonly { readonly grade: ListedGrade; readonly minPoints: number }[];
  readonly vetoes: ReadonlyMap<string, VetoCondition>;
  readonly areas: readonly CompiledArea[];
  readonly items: ReadonlyMap<string, CompiledItem>;
  /** The items as flat arrays, for totals without explanations (`scoreTotals`). */
  readonly flat: FlatItems;
}

/** Rule kinds as small integers, the index into `FlatItems.kinds`. */
export const KIND_CHECK = 0;
export const KIND_CHECKLIST = 1;
export const KIND_DEDUCTION = 2;
export const KIND_COUNT = 3;
export const KIND_BANDS = 4;
export const KIND_PROPORTIONAL = 5;
/** A checklist too long for a 30-bit mask of met entries: scored by the full path. */
export const KIND_LONG_CHECKLIST = 6;

/**
 * Every item of a framework in framework order, as parallel arrays: points in integer hundredths
 * (exact in a Float64Array up to 2^53), band and checklist entries as slices of shared arrays.
 */
export interface FlatItems {
  readonly count: number;
  readonly codes: readonly string[];
  readonly kinds: Uint8Array;
  /** 1 when the code names an `Object.prototype` property, such as `constructor`. */
  readonly inherited: Uint8Array;
  readonly max: Float64Array;
  /** `perUnit` of deduction and count items; `target` of proportional items. */
  readonly param: Float64Array;
  /** The first band or checklist entry of item i is at `first[i]`, the last before `first[i + 1]`. */
  readonly first: Uint32Array;
  /** Band minimums as written (not in hundredths: answers are compared with them as numbers). */
  readonly bandMin: Float64Array;
  /** Band points and checklist entry points, in hundredths. */
  readonly points: Float64Array;
  /** Checklist entry codes, at the same positions as their points. */
  readonly entryCodes: readonly (string | undefined)[];
  /** Grade thresholds in hundredths, highest first, and their grades. */
  readonly gradeMin: Float64Array;
  readonly grades: readonly ListedGrade[];
}

function flatten(framework: Framework, areas: readonly CompiledArea[]): FlatItems {
  const items = areas.flatMap((area) => area.items);
  const count = items.length;
  const kinds = new Uint8Array(count);
  const inherited = new Uint8Array(count);
  const max = new Float64Array(count);
  const param = new Float64Array(count);
  const first = new Uint32Array(count + 1);
  const bandMin: number[] = [];
  const points: number[] = [];
  const entryCodes: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    const rule = item.rule;
    first[i] = points.length;
    max[i] = item.max;
    inherited[i] = item.inherited ? 1 : 0;
    switch (rule.kind) {
      case 'check':
        kinds[i] = KIND_CHECK;
        break;
      case 'checklist':
        kinds[i] = rule.entries.length <= 30 ? KIND_CHECKLIST : KIND_LONG_CHECKLIST;
        for (const entry of rule.entries) {
          bandMin.push(0);
          points.push(entry.points);
          entryCodes.push(entry.code);
        }
        break;
      case 'deduction':
      case 'count':
        kinds[i] = rule.kind === 'deduction' ? KIND_DEDUCTION : KIND_COUNT;
        param[i] = rule.perUnit;
        break;
      case 'bands':
        kinds[i] = KIND_BANDS;
        for (const band of rule.bands) {
          bandMin.push(band.min);
          points.push(band.points);
          entryCodes.push(undefined);
        }
        break;
      case 'proportional':
        kinds[i] = KIND_PROPORTIONAL;
        param[i] = rule.target;
        break;
    }
  }
  first[count] = points.length;
  return {
    count,
    codes: items.map((item) => item.code),
    kinds,
    inherited,
    max,
    param,
    first,
    bandMin: Float64Array.from(bandMin),
    points: Float64Array.from(points),
    entryCodes,
    gradeMin: Float64Array.from(framework.grades, (g) => hundredths(g.minPoints)),
    grades: framework.grades.map((g) => g.grade),
  };
}

/** Compiled forms of the frameworks `validateFramework` returned (deeply frozen objects). */
const registry = new WeakMap<Framework, CompiledFramework>();

/** The compiled form of a framework returned by `validateFramework`, if it is one. */
export function lookupCompiled(framework: unknown): CompiledFramework | undefined {
  return typeof framework === 'object' && framework !== null
    ? registry.get(framework as Framework)
    : undefined;
}

function hundredths(n: number): number {
  const h = toHundredths(n);
  if (h === null) throw new RangeError(`Not a two-decimal number: ${n}`);
  return h;
}

function compileItem(item: IndicatorItem): CompiledItem {
  const max = hundredths(item.points);
  const rule = item.rule;
  let compiled: CompiledRule;
  switch (rule.kind) {
    case 'check':
      compiled = { kind: 'check' };
      break;
    case 'checklist':
      compiled = {
        kind: 'checklist',
        entries: rule.entries.map((e) => ({
          code: e.code,
          name: e.name,
          points: hundredths(e.points),
        })),
        index: new Map(rule.entries.map((e, i) => [e.code, i])),
      };
      break;
    case 'deduction':
    case 'count': {
      const perUnit = hundredths(rule.perUnit);
      compiled = {
        kind: rule.kind,
        perUnit,
        perUnitText: formatHundredths(perUnit),
        unit: rule.unit,
      };
      break;
    }
    case 'bands':
      compiled = {
        kind: 'bands',
        bands: rule.bands.map((b) => ({
          min: b.min,
          points: hundredths(b.points),
          minText: String(b.min),
        })),
      };
      break;
    case 'proportional':
      compiled = {
        kind: 'proportional',
        target: hundredths(rule.target),
        targetText: String(rule.target),
      };
      break;
  }
  const maxText = formatHundredths(max);
  const maxEn = `${maxText} ${max === 100 ? 'point' : 'points'}`;
  return {
    code: item.code,
    max,
    maxText,
    maxEn,
    path: keyPath('items', item.code),
    inherited: item.code in Object.prototype,
    rule: compiled,
    memo: new Map(),
  };
}

/**
 * Compiles a framework that has passed validation and remembers it, so that scoring it again
 * costs no validation. Only call it with a freshly built, deeply frozen framework.
 */
export function registerCompiled(framework: Framework): CompiledFramework {
  const areas = framework.areas.map((area) => ({
    code: area.code,
    max: hundredths(area.points),
    items: area.items.map(compileItem),
  }));
  const items = new Map<string, CompiledItem>();
  for (const area of areas) for (const item of area.items) items.set(item.code, item);
  const compiled: CompiledFramework = {
    framework,
    total: hundredths(framework.totalPoints),
    grades: framework.grades.map((g) => ({ grade: g.grade, minPoints: hundredths(g.minPoints) })),
    vetoes: new Map(framework.vetoes.map((v) => [v.code, v])),
    areas,
    items,
    flat: flatten(framework, areas),
  };
  registry.set(framework, compiled);
  return compiled;
}
