import type { LocalizedText } from '../localized-text.js';
import { formatRate, ratePercent } from '../percent.js';

/**
 * The fixed sections of the annual 法治建设 report (创建工作情况汇报), in the order they are
 * printed. Each is filled with the year's figures from the registers; its prose is generated from
 * the figures and edited by the officer before the document is downloaded.
 */
export const annualReportSections = [
  'organization',
  'democracy',
  'mediation',
  'legal_education',
  'legal_services',
  'demonstration',
  'problems',
  'next_steps',
] as const;
export type AnnualReportSection = (typeof annualReportSections)[number];

const titles: Record<AnnualReportSection, LocalizedText> = {
  organization: { zh: '组织领导', en: 'Leadership and organisation' },
  democracy: { zh: '基层民主', en: 'Grassroots democracy' },
  mediation: { zh: '人民调解', en: "People's mediation" },
  legal_education: { zh: '普法宣传', en: 'Legal education' },
  legal_services: { zh: '公共法律服务', en: 'Public legal services' },
  demonstration: { zh: '示范创建', en: 'Model village creation' },
  problems: { zh: '存在问题', en: 'Problems' },
  next_steps: { zh: '下一步打算', en: 'Next steps' },
};

/** @example annualReportSectionTitle('mediation').zh // → '人民调解' */
export function annualReportSectionTitle(section: AnnualReportSection): LocalizedText {
  return titles[section];
}

/** The longest prose an officer may give one section (characters). */
export const ANNUAL_REPORT_PROSE_MAX = 5000;

/**
 * The change from the previous year as a fraction of it (0.2 is 20% more), or null when the
 * previous year had none to compare with (no division by zero).
 *
 * @example yearOnYear(12, 10) // → 0.2
 * @example yearOnYear(3, 0) // → null
 */
export function yearOnYear(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * A change in words, as a report writes it: 同比增长20.0% / 同比下降 / 与上年持平 / 上年无可比数据.
 *
 * @example describeChange(12, 10).zh // → '同比增长20.0%'
 */
export function describeChange(current: number, previous: number): LocalizedText {
  const change = yearOnYear(current, previous);
  if (change === null) {
    return current === 0
      ? { zh: '与上年持平', en: 'the same as last year' }
      : { zh: '上年无可比数据', en: 'nothing to compare with last year' };
  }
  if (change === 0) return { zh: '与上年持平', en: 'the same as last year' };
  const percent = formatRate(Math.abs(change));
  return change > 0
    ? { zh: `同比增长${percent}`, en: `up ${percent} on last year` }
    : { zh: `同比下降${percent}`, en: `down ${percent} on last year` };
}

/**
 * The change of a rate from the previous year in percentage points, or 上年无可比数据 when
 * either year has no denominator.
 *
 * @example describeRateChange(0.9, 0.85).zh // → '上升5.0个百分点'
 */
export function describeRateChange(current: number | null, previous: number | null): LocalizedText {
  if (current === null || previous === null) {
    return { zh: '上年无可比数据', en: 'nothing to compare with last year' };
  }
  const points = ratePercent(current - previous);
  if (points === 0) return { zh: '与上年持平', en: 'the same as last year' };
  const text = Math.abs(points).toFixed(1);
  return points > 0
    ? { zh: `上升${text}个百分点`, en: `up ${text} points` }
    : { zh: `下降${text}个百分点`, en: `down ${text} points` };
}
