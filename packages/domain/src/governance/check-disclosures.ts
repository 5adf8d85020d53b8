import { organicLawCitation } from './articles.js';
import {
  dayFromCivil,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
} from './_internal/dates.js';
import { InputChecker, problem } from './_internal/problems.js';
import { civilCodeCitation, uniqueCitations } from './_internal/citations.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules, lawDates } from './rules.js';

/**
 * `general`: village affairs (quarterly); `finance`: income and spending; `major`: major matters
 * (随时); `party`: 党务公开 (Party affairs; on the schedule the caller configures, if any).
 */
export type DisclosureCategory = 'general' | 'finance' | 'major' | 'party';

/** 事前、事中、事后: a posting's place in the life of a major matter. */
export type DisclosureStage = 'before' | 'during' | 'after';

/** Regular disclosure periods a schedule may use: monthly, quarterly, half-yearly, yearly. */
export type DisclosureEveryMonths = 1 | 3 | 6 | 12;

export interface DisclosurePosting {
  readonly category: DisclosureCategory;
  /** Day the notice went up, `YYYY-MM-DD`. */
  readonly postedOn: string;
  /**
   * Day the notice was taken down, if it was. The notice is not up for the whole of that day,
   * so the last day it counts for is the day before: a notice posted on 03-01 that must stay up
   * 15 days (through 03-16) may be taken down from 03-17 on.
   */
  readonly removedOn?: string;
  /** For `major`: the day the matter was decided. */
  readonly decidedOn?: string;
  /** For `major`: which matter the posting belongs to (to check 事前、事中、事后 postings). */
  readonly matterId?: string;
  /** For `major`: the stage the posting discloses. */
  readonly stage?: DisclosureStage;
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
  /**
   * 党务公开 schedule in months (1, 3, 6 or 12): every such period needs a `party` posting.
   * Absent (the default) checks no Party-affairs schedule, since the frequencies of the
   * 《中国共产党党务公开条例（试行）》 are not verified; set it from the county's rules.
   */
  readonly partyEveryMonths?: DisclosureEveryMonths;
  /**
   * County setting: the stages every major matter (postings of category `major` sharing a
   * `matterId`) must be disclosed at, e.g. `['before', 'during', 'after']` (事前、事中、事后).
   * Absent or empty (the default): the law's "随时" only.
   */
  readonly majorStages?: readonly DisclosureStage[];
  /** Public holidays (法定休假日) on weekdays, for the end of the 15-day posting (民法典 Art. 203). */
  readonly holidays?: readonly string[];
  /** Make-up working days on weekends (调休上班日), which are not rest days. */
  readonly extraWorkingDays?: readonly string[];
  readonly postings: readonly DisclosurePosting[];
}

export interface OverdueDisclosure {
  readonly category: 'general' | 'finance' | 'party';
  /** `YYYY-Qn`; `YYYY-MM` for monthly, `YYYY-Hn` for half-yearly and `YYYY` for yearly periods. */
  readonly period: string;
  /** Last day of the period. */
  readonly dueBy: string;
}

export interface DisclosuresResult {
  readonly overdue: readonly OverdueDisclosure[];
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

/** The categories of 三务公开 postings, in the order pages list them. */
export const disclosureCategories = [
  'party',
  'general',
  'finance',
  'major',
] as const satisfies readonly DisclosureCategory[];

/** Where a posting is put up: 公开栏, 电子屏, 网上. */
export const disclosureChannels = ['board', 'screen', 'online'] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];

const categories: readonly DisclosureCategory[] = disclosureCategories;
const stages: readonly DisclosureStage[] = ['before', 'during', 'after'];
const everyMonths: readonly DisclosureEveryMonths[] = [1, 3, 6, 12];
const stageNames: Record<DisclosureStage, { zh: string; en: string }> = {
  before: { zh: '事前', en: 'before' },
  during: { zh: '事中', en: 'during' },
  after: { zh: '事后', en: 'after' },
};

/**
 * The last day a notice posted on `posted` must stay up for a period of `days` days, counted as
 * 民法典 Art. 201 (the day of posting not counted) and Art. 203 (a last day that is a rest day —
 * a weekend day not made a working day, or a public holiday — moves to the next working day).
 */
function postingLastDay(
  posted: number,
  days: number,
  holidays: ReadonlySet<number>,
  extraWorkingDays: ReadonlySet<number>,
): number {
  let last = posted + days;
  const restDay = (day: number): boolean => {
    if (extraWorkingDays.has(day)) return false;
    const weekday = dayOfWeek(day);
    return weekday === 0 || weekday === 6 || holidays.has(day);
  };
  while (restDay(last)) last += 1;
  return last;
}

interface Period {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

function periodLabel(year: number, month: number, months: DisclosureEveryMonths): string {
  if (months === 1) return `${year}-${String(month).padStart(2, '0')}`;
  if (months === 3) return `${year}-Q${(month + 2) / 3}`;
  if (months === 6) return `${year}-H${(month + 5) / 6}`;
  return String(year);
}

/** Calendar periods of `months` months that began on or after `from` and ended before `asOf`. */
function periods(
  from: number,
  asOf: number,
  fromDate: string,
  months: DisclosureEveryMonths,
): Period[] {
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
      out.push({ label: periodLabel(year, month, months), start, end });
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
 * `YYYY-Qn`); `finance` likewise, monthly (`YYYY-MM`) when `frequentFinance`, else quarterly;
 * `party` (党务公开) every `partyEveryMonths` months when the caller configures it (no default:
 * its frequencies are unverified). A `major` posting more than `majorWithinDays` days after
 * `decidedOn` is late; where the county sets `majorStages` (e.g. 事前、事中、事后), every major
 * matter (`matterId`) needs a posting at each stage.
 *
 * For village-affairs postings that went up from 2026-01-01, the notice must stay up at least 15
 * days (2025 Art. 35), counted as 民法典 Arts. 201 and 203 count a period: the day of posting is
 * not counted, the period ends at the end of its last day, and a last day that is a rest day
 * (Saturday or Sunday unless in `extraWorkingDays`, or in `holidays`) moves to the next working
 * day. `removedOn` is the day it was taken down, so it must be after that last day: posted 03-01,
 * up through 03-16, taken down 03-17 at the earliest. Periods are cited under the version in force
 * on their last day, major postings on the decision day.
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
    check.fail('asOf', { zh: '不能早于开始日期', en: 'cannot be before the start date' });
  }
  check.boolean('frequentFinance', input.frequentFinance);
  check.optionalCount('majorWithinDays', input.majorWithinDays);
  if (input.partyEveryMonths !== undefined && !everyMonths.includes(input.partyEveryMonths)) {
    check.fail('partyEveryMonths', { zh: '应为 1、3、6 或 12', en: 'must be 1, 3, 6 or 12' });
  }
  const stagesRequired = Array.isArray(input.majorStages) && input.majorStages.length > 0;
  if (input.majorStages !== undefined && check.array('majorStages', input.majorStages)) {
    input.majorStages.forEach((stage, index) =>
      check.oneOf(`majorStages[${index}]`, stage, stages),
    );
  }
  const dayList = (field: string, list: readonly string[] | undefined): Set<number> => {
    const days = new Set<number>();
    if (list === undefined || !check.array(field, list)) return days;
    list.forEach((value, index) => {
      const day = check.date(`${field}[${index}]`, value);
      if (day !== undefined) days.add(day);
    });
    return days;
  };
  const holidays = dayList('holidays', input.holidays);
  const extraWorkingDays = dayList('extraWorkingDays', input.extraWorkingDays);
  const parsed: Array<{ posted: number; removed?: number; decided?: number }> = [];
  if (check.array('postings', input.postings)) {
    input.postings.forEach((posting, index) => {
      const field = `postings[${index}]`;
      check.oneOf(`${field}.category`, posting.category, categories);
      const posted = check.date(`${field}.postedOn`, posting.postedOn);
      const removed = check.optionalDate(`${field}.removedOn`, posting.removedOn);
      const decided = check.optionalDate(`${field}.decidedOn`, posting.decidedOn);
      if (posting.stage !== undefined) check.oneOf(`${field}.stage`, posting.stage, stages);
      if (
        posting.matterId !== undefined &&
        (typeof posting.matterId !== 'string' || posting.matterId.trim() === '')
      ) {
        check.fail(`${field}.matterId`, { zh: '不能为空', en: 'cannot be empty' });
      } else if (
        stagesRequired &&
        posting.category === 'major' &&
        (posting.matterId === undefined || posting.stage === undefined)
      ) {
        check.fail(posting.matterId === undefined ? `${field}.matterId` : `${field}.stage`, {
          zh: '本县要求分阶段公开重大事项时，每条重大事项公开须注明事项和阶段',
          en: 'is required for major postings when the county sets majorStages',
        });
      }
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

  const schedule: Array<['general' | 'finance' | 'party', Period[]]> = [
    ['general', periods(from, asOf, input.from, 3)],
    ['finance', periods(from, asOf, input.from, input.frequentFinance ? 1 : 3)],
  ];
  const partyEvery = input.partyEveryMonths ?? governanceRules.disclosure.partyEveryMonthsDefault;
  if (partyEvery !== null) schedule.push(['party', periods(from, asOf, input.from, partyEvery)]);
  const whatOf = {
    general: { zh: '村务', en: 'village affairs' },
    finance: { zh: '财务收支', en: 'income and spending' },
    party: { zh: '党务', en: 'Party affairs' },
  };
  for (const [category, list] of schedule) {
    for (const period of list) {
      const dueBy = formatDate(period.end);
      // 党务公开 is on the county's schedule, not the organic law: no statutory citation.
      const citation = category === 'party' ? undefined : organicLawCitation('disclosure', dueBy);
      if (citation) citations.push(citation);
      if (postedIn(category, period)) continue;
      overdue.push({ category, period: period.label, dueBy });
      const what = whatOf[category];
      const basis =
        category === 'party'
          ? { zh: '（按本县党务公开设置）', en: ' (county Party-affairs schedule)' }
          : { zh: '', en: '' };
      problems.push(
        problem(
          'DISCLOSURE_OVERDUE',
          'error',
          {
            zh: `${period.label} 未公开${what.zh}（应于 ${dueBy} 前公开）${basis.zh}`,
            en: `No disclosure of ${what.en} for ${period.label} (due by ${dueBy})${basis.en}`,
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
    if (
      dates.removed !== undefined &&
      posting.category !== 'party' &&
      posting.postedOn >= lawDates.organicLaw2025
    ) {
      const citation = organicLawCitation('disclosure', posting.postedOn);
      citations.push(citation, civilCodeCitation('period_start'), civilCodeCitation('period_end'));
      const lastDay = postingLastDay(dates.posted, minPosted, holidays, extraWorkingDays);
      if (dates.removed <= lastDay) {
        const upTo = formatDate(lastDay);
        problems.push(
          problem(
            'DISCLOSURE_REMOVED_EARLY',
            'error',
            {
              zh: `公布的期限不得少于 ${minPosted} 日：${posting.postedOn} 公布的应至少公布到 ${upTo}（当日不撤），${posting.removedOn ?? ''} 即撤下`,
              en: `A notice must stay up at least ${minPosted} days: posted ${posting.postedOn}, it must stay up through ${upTo}; it came down on ${posting.removedOn ?? ''}`,
            },
            { citation, field: `${field}.removedOn` },
          ),
        );
      }
    }
  });

  const required = input.majorStages ?? [];
  if (required.length > 0) {
    const byMatter = new Map<string, Set<string>>();
    input.postings.forEach((posting) => {
      if (posting.category !== 'major' || posting.matterId === undefined) return;
      const seen = byMatter.get(posting.matterId) ?? new Set<string>();
      if (posting.stage !== undefined) seen.add(posting.stage);
      byMatter.set(posting.matterId, seen);
    });
    for (const [matterId, seen] of byMatter) {
      const missing = required.filter((stage) => !seen.has(stage));
      if (missing.length === 0) continue;
      problems.push(
        problem(
          'MAJOR_STAGE_NOT_DISCLOSED',
          'error',
          {
            zh: `本县要求重大事项${required.map((st) => stageNames[st].zh).join('、')}公开：事项 ${matterId} 缺少${missing.map((st) => stageNames[st].zh).join('、')}公开`,
            en: `The county requires major matters to be disclosed ${required.map((st) => stageNames[st].en).join(', ')}: matter ${matterId} lacks ${missing.map((st) => stageNames[st].en).join(', ')}`,
          },
          { field: 'postings' },
        ),
      );
    }
  }

  return { overdue, problems, citations: uniqueCitations(citations) };
}
