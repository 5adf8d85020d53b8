// The annual 法治建设 report: its fixed sections and the year-on-year comparison.
export {
  ANNUAL_REPORT_PROSE_MAX,
  annualReportSections,
  annualReportSectionTitle,
  describeChange,
  describeRateChange,
  yearOnYear,
} from './annual-report.js';
export type { AnnualReportSection } from './annual-report.js';
