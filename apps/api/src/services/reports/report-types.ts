// The shapes of the annual report: a figure names the register it was counted from (traceable),
// a table is a per-township comparison, and a section provider turns the records of a division
// and a year into figures, tables and the sentences of the generated prose.
import type { AnnualReportSection } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../auth/scope.js';

/** The registers a figure may come from (the 来源 printed beside it). */
export type ReportSource =
  | '人民调解台账'
  | '矛盾纠纷排查台账'
  | '村务台账（会议记录）'
  | '村务台账（三务公开）'
  | '村务台账（村规民约）'
  | '创建考核（申报与评分）'
  | '称号管理'
  | '督查督办'
  | (string & {});

export interface ReportFigure {
  key: string;
  label: string;
  /** A count, or a rate as a fraction (null: no denominator, printed “—”). */
  kind: 'count' | 'rate';
  /** For counts: the measure word printed after the number (件, 次, 个…). */
  unit: string;
  value: number | null;
  /** The same figure for the year before. */
  previous: number | null;
  source: ReportSource;
}

export interface ReportTable {
  key: string;
  title: string;
  source: ReportSource;
  columns: { label: string; kind: 'count' | 'rate' }[];
  rows: { code: string; name: string; values: (number | null)[] }[];
}

export interface ReportDivision {
  code: string;
  name: string;
  level: 'county' | 'township';
}

/** What every provider reads: the division, the year and the year before, the caller's scope. */
export interface ReportContext {
  db: Db;
  scope: Scope;
  division: ReportDivision;
  year: number;
  /** The townships of a county in scope (for the per-township tables); empty for a township. */
  townships: { code: string; name: string }[];
}

/** What one provider adds to its section. */
export interface SectionPart {
  figures: ReportFigure[];
  tables?: ReportTable[];
  /** Sentences of the generated prose, in order. */
  sentences: string[];
}

export interface ReportSectionContent {
  key: AnnualReportSection;
  figures: ReportFigure[];
  tables: ReportTable[];
}

/**
 * A figure provider of a section. It may read the sections already filled (`earlier`, in the
 * report's order): 存在问题 and 下一步打算 are written from the others' figures.
 */
export type SectionProvider = (
  ctx: ReportContext,
  earlier: readonly ReportSectionContent[],
) => Promise<SectionPart>;

export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The first significant digits of a division code, for `like 'prefix%'`. */
export function codePrefix(division: ReportDivision): string {
  return division.level === 'county' ? division.code.slice(0, 6) : division.code.slice(0, 9);
}

export function count(
  key: string,
  label: string,
  unit: string,
  value: number,
  previous: number,
  source: ReportSource,
): ReportFigure {
  return { key, label, kind: 'count', unit, value, previous, source };
}

export function rate(
  key: string,
  label: string,
  value: number | null,
  previous: number | null,
  source: ReportSource,
): ReportFigure {
  return { key, label, kind: 'rate', unit: '', value, previous, source };
}

/** A figure of a filled section, looked up by key (for the sections written from others). */
export function figureOf(
  sections: readonly ReportSectionContent[],
  key: string,
): ReportFigure | undefined {
  for (const s of sections) {
    const found = s.figures.find((f) => f.key === key);
    if (found) return found;
  }
  return undefined;
}
