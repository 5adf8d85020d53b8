import type { LocalizedText } from '../localized-text.js';

/** The five levels of the 12-digit 统计用区划代码, from the top down. */
export const divisionLevels = ['province', 'prefecture', 'county', 'township', 'village'] as const;

export type DivisionLevel = (typeof divisionLevels)[number];

/** A parsed division code. */
export interface DivisionCode {
  /** The 12-digit code. */
  readonly code: string;
  readonly level: DivisionLevel;
  /** The code of the unit directly above, or `null` for a province. */
  readonly parentCode: string | null;
  /** The significant digits: the code without its trailing all-zero segments. */
  readonly prefix: string;
  /** The county-level unit this code lies in (itself for a county), or `null` above county. */
  readonly countyCode: string | null;
}

export interface DivisionCodeProblem {
  readonly code: 'DIVISION_CODE_FORMAT' | 'DIVISION_CODE_PROVINCE' | 'DIVISION_CODE_EMPTY';
  readonly message: LocalizedText;
}

export type DivisionCodeResult =
  | { readonly ok: true; readonly division: DivisionCode }
  | { readonly ok: false; readonly problem: DivisionCodeProblem };

/** Province-level codes of GB/T 2260: the 31 mainland units, then Taiwan (71), Hong Kong (81) and Macao (82). */
export const provinceCodes: readonly string[] = Object.freeze([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);
const provinceCodeSet: ReadonlySet<string> = new Set(provinceCodes);

/** Segment boundaries: digits [0,2) province, [2,4) prefecture, [4,6) county, [6,9) township, [9,12) village. */
const segmentEnds = [2, 4, 6, 9, 12] as const;

const twelveDigits = /^\d{12}$/;

function isZeros(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/** Index (0–4) of the lowest segment that is not all zeros. */
function lowestSignificantSegment(code: string): number {
  for (let s = segmentEnds.length - 1; s > 0; s--) {
    const start = segmentEnds[s - 1]!;
    if (!isZeros(code.slice(start, segmentEnds[s]))) return s;
  }
  return 0;
}

/**
 * Parses and checks a 12-digit 统计用区划代码. The level is the lowest segment that is not all
 * zeros; the parent is the code with that segment zeroed (so a town directly under a
 * prefecture-level city without counties, such as 441900003000 in 东莞, has the city as parent).
 *
 * @example
 * parseDivisionCode('330106001000')
 * // → { ok: true, division: { code: '330106001000', level: 'township',
 * //       parentCode: '330106000000', prefix: '330106001', countyCode: '330106000000' } }
 */
export function parseDivisionCode(code: string): DivisionCodeResult {
  if (code.length === 0) {
    return {
      ok: false,
      problem: {
        code: 'DIVISION_CODE_EMPTY',
        message: { zh: '区划代码不能为空', en: 'The division code is empty' },
      },
    };
  }
  if (!twelveDigits.test(code)) {
    return {
      ok: false,
      problem: {
        code: 'DIVISION_CODE_FORMAT',
        message: {
          zh: `区划代码“${code}”应为12位数字`,
          en: `The division code "${code}" must be 12 digits`,
        },
      },
    };
  }
  if (!provinceCodeSet.has(code.slice(0, 2))) {
    return {
      ok: false,
      problem: {
        code: 'DIVISION_CODE_PROVINCE',
        message: {
          zh: `区划代码“${code}”的省级代码“${code.slice(0, 2)}”不存在`,
          en: `The division code "${code}" has an unknown province code "${code.slice(0, 2)}"`,
        },
      },
    };
  }
  const segment = lowestSignificantSegment(code);
  const level = divisionLevels[segment]!;
  const prefixEnd = segmentEnds[segment]!;
  const prefix = code.slice(0, prefixEnd);
  const parentCode = segment > 0 ? zeroFrom(code, segmentEnds[segment - 1]!) : null;
  const countyCode = segment >= 2 ? zeroFrom(code, 6) : null;
  return { ok: true, division: { code, level, parentCode, prefix, countyCode } };
}

function zeroFrom(code: string, index: number): string {
  return code.slice(0, index) + '0'.repeat(12 - index);
}

/** Whether `code` is a well-formed 12-digit division code. @example isDivisionCode('330106001000') // → true */
export function isDivisionCode(code: string): boolean {
  return parseDivisionCode(code).ok;
}

function parsedOrThrow(code: string): DivisionCode {
  const result = parseDivisionCode(code);
  if (!result.ok) throw new RangeError(result.problem.message.en);
  return result.division;
}

/** The level of a valid code; throws on a malformed one. @example divisionLevel('330106000000') // → 'county' */
export function divisionLevel(code: string): DivisionLevel {
  return parsedOrThrow(code).level;
}

/** The parent of a valid code (`null` for a province); throws on a malformed one. @example parentDivisionCode('330106001201') // → '330106001000' */
export function parentDivisionCode(code: string): string | null {
  return parsedOrThrow(code).parentCode;
}

/** The significant digits of a valid code. @example divisionPrefix('330100000000') // → '3301' */
export function divisionPrefix(code: string): string {
  return parsedOrThrow(code).prefix;
}

/**
 * Whether `code` lies within `scopeCode` (the scope itself counts as within). Both must be valid.
 *
 * @example
 * isWithinDivision('330106001201', '330106000000') // → true
 * isWithinDivision('330106001201', '330105000000') // → false
 */
export function isWithinDivision(code: string, scopeCode: string): boolean {
  const scope = parseDivisionCode(scopeCode);
  const target = parseDivisionCode(code);
  if (!scope.ok || !target.ok) return false;
  return code.startsWith(scope.division.prefix);
}

/** The kind of township-level unit by digits 7–9 (legal-reference §7.C). */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';
/** The kind of village-level unit by digits 10–12 (legal-reference §7.C). */
export type VillageKind = 'community' | 'village' | 'other_community' | 'other_village' | 'other';

/** 001–099 街道, 100–199 镇, 200–399 乡, else other (development zones, farms…). @example townshipKind('330106001000') // → 'subdistrict' */
export function townshipKind(code: string): TownshipKind {
  const n = Number(code.slice(6, 9));
  if (n >= 1 && n <= 99) return 'subdistrict';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  return 'other';
}

/** 001–199 居委会, 200–399 村委会, 400–499 community-like, 500–599 village-like. @example villageKind('330106100201') // → 'village' */
export function villageKind(code: string): VillageKind {
  const n = Number(code.slice(9, 12));
  if (n >= 1 && n <= 199) return 'community';
  if (n >= 200 && n <= 399) return 'village';
  if (n >= 400 && n <= 499) return 'other_community';
  if (n >= 500 && n <= 599) return 'other_village';
  return 'other';
}

/** 城乡分类代码 values (legal-reference §7.C). */
export const urbanRuralCodes: Readonly<Record<string, LocalizedText>> = {
  '111': { zh: '主城区', en: 'main urban area' },
  '112': { zh: '城乡结合区', en: 'urban–rural fringe' },
  '121': { zh: '镇中心区', en: 'town centre' },
  '122': { zh: '镇乡结合区', en: 'town–rural fringe' },
  '123': { zh: '特殊区域', en: 'special area' },
  '210': { zh: '乡中心区', en: 'township centre' },
  '220': { zh: '村庄', en: 'village' },
};

/** Whether `value` is a 城乡分类代码. @example isUrbanRuralCode('220') // → true */
export function isUrbanRuralCode(value: string): boolean {
  return Object.hasOwn(urbanRuralCodes, value);
}
