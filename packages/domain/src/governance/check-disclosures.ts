import { organicLawCitation } from './articles.js';
import { dayFromCivil, daysBetween, daysInMonth, formatDate } from './_internal/dates.js';
import { InputChecker, problem } from './_internal/problems.js';
import { uniqueCitations } from './_internal/citations.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules, lawDates } from './rules.js';

/** `general`: village affairs (quarterly); `finance`: income and spending; `major`: major matters (随时). */
export type DisclosureCategory = 'general' | 'finance' | 'major';

export interface DisclosurePosting {
  readonly category: DisclosureCategory;
  /** Day the notice went up, `YYYY-MM-DD`. */
  readonly postedOn: string;
  /** Day it was taken down, if it was. */
  readonly removedOn?: string;
  /** For `major`: the day the matter was decided. */
  readonly decidedOn?: string;
}

/** The disclosures (村务公开) of a village over a span of time. */
export interface DisclosuresInput {
  /** Start of the span checked, `YYYY-MM-DD`. */
  readonly from: string;
  /** The day of the check; periods must have ended before it. */
  readonly asOf: string;
  /** 财务往来较多: finances are then due monthly instead of quarterly. */
  readonly frequentFinance: boolean;
  /** Days allowed between a major decision and its posting; the law says "随时", default 5. */
  readonly majorWithinDays?: number;
  readonly postings: readonly DisclosurePosting[];
}

export interface OverdueDisclosure {
  readonly category: 'general' | 'finance';
  /** `YYYY-Qn` or, for monthly finances, `YYYY-MM`. */
  readonly period: string;
  /** Last day of the period. */
  readonly dueBy: string;
}

export interface DisclosuresResult {
  readonly overdue: readonly OverdueDisclosure[];
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

const categories: readonly DisclosureCategory[] = ['general', 'finance', 'major'];

interface Period {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** Calendar quarters or months that began on or after `from` and ended before `asOf`. */
function periods(from: number, asOf: number, fromDate: string, months: 1 | 3): Period[] {
  const out: Period[] = [];
  let year = Number(fromDate.slice(0, 4));
  let month = Number(fromDate.slice(5, 7));
  month = month - ((month - 1) % months);
  for (;;) {
    const start = dayFromCivil(year, month, 1);
    const lastMonth = month + months - 1;
    const end = dayFromCivil(year, lastMonth, daysInMonth(year, lastMonth));
    if (end >= asOf) break;
    if (start >= from) {
      const label =
        months === 3 ? `${year}-Q${(month + 2) / 3}` : `${year}-${String(month).padStart(2, '0')}`;
      out.push({ label, start, end });
    }
    month += months;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

/**
 * Checks 村务公开 (organic law 2018 Art. 30 / 2025 Art. 35). Every calendar quarter that began on
 * or after `from` and ended before `asOf` needs a `general` posting dated within it (period
 * `YYYY-Qn`); `finance` likewise, monthly (`YYYY-MM`) when `frequentFinance`, else quarterly. A
 * `major` posting more than `majorWithinDays` days after `decidedOn` is late. For postings that
 * went up from 2026-01-01, a notice taken down fewer than 15 days after it went up
 * (`removedOn − postedOn < 15`, the first day not counted) is a problem. Periods are cited under
 * the version in force on their last day, major postings on the decision day.
 *
 * @example
 * checkDisclosures({
 *   from: '2026-01-01', asOf: '2026-04-01', frequentFinance: false,
 *   postings: [{ category: 'general', postedOn: '2026-03-20' }],
 * });
 * // { overdue: [{ category: 'finance', period: '2026-Q1', dueBy: '2026-03-31' }],
 * //   problems: [{ code: 'DISCLOSURE_OVERDUE', … }], citations: [ … article: 35 ] }
 */
export function checkDisclosures(input: DisclosuresInput): DisclosuresResult {
  const check = new InputChecker();
  const from = check.date('from', input.from);
  const asOf = check.date('asOf', input.asOf);
  if (from !== undefined && asOf !== undefined && from > asOf) {
    check.fail('asOf', { zh: '不能早于 from', en: 'cannot be before from' });
  }
  check.boolean('frequentFinance', input.frequentFinance);
  check.optionalCount('majorWithinDays', input.majorWithinDays);
  const parsed: Array<{ posted: number; removed?: number; decided?: number }> = [];
  if (check.array('postings', input.postings)) {
    input.postings.forEach((posting, index) => {
      const field = `postings[${index}]`;
      check.oneOf(`${field}.category`, posting.category, categories);
      const posted = check.date(`${field}.postedOn`, posting.postedOn);
      const removed = check.optionalDate(`${field}.removedOn`, posting.removedOn);
      const decided = check.optionalDate(`${field}.decidedOn`, posting.decidedOn);
      if (posted !== undefined && removed !== undefined && removed < posted) {
        check.fail(`${field}.removedOn`, { zh: '不能早于张贴日', en: 'cannot be before postedOn' });
      }
      if (posted !== undefined && decided !== undefined && decided > posted) {
        check.fail(`${field}.decidedOn`, { zh: '不能晚于张贴日', en: 'cannot be after postedOn' });
      }
      parsed.push({
        posted: posted ?? 0,
        ...(removed !== undefined ? { removed } : {}),
        ...(decided !== undefined ? { decided } : {}),
      });
    });
  }
  if (!check.ok || from === undefined || asOf === undefined) {
    return { overdue: [], problems: check.problems, citations: [] };
  }

  const majorWithinDays =
    input.majorWithinDays ?? governanceRules.disclosure.majorWithinDaysDefault;
  const minPosted = governanceRules.disclosure.minPostedDays2025;
  const overdue: OverdueDisclosure[] = [];
  const problems: Problem[] = [];
  const citations: Citation[] = [];

  const postedIn = (category: DisclosureCategory, period: Period): boolean =>
    input.postings.some(
      (posting, i) =>
        posting.category === category &&
        parsed[i] !== undefined &&
        parsed[i].posted >= period.start &&
        parsed[i].posted <= period.end,
    );

  const schedule: Array<['general' | 'finance', Period[]]> = [
    ['general', periods(from, asOf, input.from, 3)],
    ['finance', periods(from, asOf, input.from, input.frequentFinance ? 1 : 3)],
  ];
  for (const [category, list] of schedule) {
    for (const period of list) {
      const dueBy = formatDate(period.end);
      const citation = organicLawCitation('disclosure', dueBy);
      citations.push(citation);
      if (postedIn(category, period)) continue;
      overdue.push({ category, period: period.label, dueBy });
      const what =
        category === 'general'
          ? { zh: '村务', en: 'village affairs' }
          : { zh: '财务收支', en: 'income and spending' };
      problems.push(
        problem(
          'DISCLOSURE_OVERDUE',
          'error',
          {
            zh: `${period.label} 未公开${what.zh}（应于 ${dueBy} 前公开）`,
            en: `No disclosure of ${what.en} for ${period.label} (due by ${dueBy})`,
          },
          { citation, field: 'postings' },
        ),
      );
    }
  }
  overdue.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0));

  input.postings.forEach((posting, index) => {
    const dates = parsed[index];
    if (!dates) return;
    const field = `postings[${index}]`;
    if (posting.category === 'major') {
      if (dates.decided === undefined) {
        problems.push(
          problem(
            'MAJOR_DECISION_DATE_MISSING',
            'warning',
            {
              zh: '重大事项公开未注明决定日期，无法判断是否及时',
              en: 'A major-matter posting has no decision date, so its timeliness cannot be checked',
            },
            { field: `${field}.decidedOn` },
          ),
        );
      } else {
        const citation = organicLawCitation('disclosure', formatDate(dates.decided));
        citations.push(citation);
        const days = daysBetween(dates.decided, dates.posted);
        if (days > majorWithinDays) {
          problems.push(
            problem(
              'MAJOR_DISCLOSURE_LATE',
              'error',
              {
                zh: `涉及村民利益的重大事项应随时公开：决定后 ${days} 日才公开（限 ${majorWithinDays} 日）`,
                en: `Major matters must be disclosed at once: posted ${days} days after the decision (limit ${majorWithinDays})`,
              },
              { citation, field: `${field}.postedOn` },
            ),
          );
        }
      }
    }
    if (dates.removed !== undefined && posting.postedOn >= lawDates.organicLaw2025) {
      const citation = organicLawCitation('disclosure', posting.postedOn);
      citations.push(citation);
      const days = daysBetween(dates.posted, dates.removed);
      if (days < minPosted) {
        problems.push(
          problem(
            'DISCLOSURE_REMOVED_EARLY',
            'error',
            {
              zh: `公开时间不得少于 ${minPosted} 日：该公开 ${days} 日后即撤下`,
              en: `A notice must stay up at least ${minPosted} days: this one came down after ${days}`,
            },
            { citation, field: `${field}.removedOn` },
          ),
        );
      }
    }
  });

  return { overdue, problems, citations: uniqueCitations(citations) };
}
