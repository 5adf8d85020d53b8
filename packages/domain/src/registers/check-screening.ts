import { monthNotEnded, type RegisterProblem } from './check-mediation.js';
import { monthEnded, monthOf, type RegisterMonth } from './register-periods.js';

/** A village's monthly dispute screening report as the rules read it. */
export interface ScreeningFacts {
  readonly month: RegisterMonth;
  /** 零报告: nothing to report this month. */
  readonly zeroReport: boolean;
  readonly screenedOn?: string | null | undefined;
  readonly disputesFound: number;
}

/**
 * The validation rules of a monthly screening report: a screening is held within its month and
 * not in the future; a zero report finds no dispute and is made only once the month has ended.
 *
 * @example
 * checkScreening({ month: '2026-03', zeroReport: true, disputesFound: 0 }, { today: '2026-03-31' })
 *   .map((p) => p.code) // ['MONTH_NOT_ENDED']
 */
export function checkScreening(
  facts: ScreeningFacts,
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const screenedOn = facts.screenedOn ?? null;
  if (facts.zeroReport) {
    if (!monthEnded(facts.month, options.today)) problems.push(monthNotEnded(facts.month, 'month'));
    if (facts.disputesFound > 0) {
      problems.push({
        code: 'ZERO_REPORT_WITH_DISPUTES',
        severity: 'error',
        field: 'disputesFound',
        message: {
          zh: '零报告不能有排查出的纠纷',
          en: 'A zero report finds no dispute',
        },
      });
    }
  } else if (screenedOn === null) {
    problems.push({
      code: 'SCREENED_ON_MISSING',
      severity: 'error',
      field: 'screenedOn',
      message: { zh: '请填写排查日期', en: 'Give the date of the screening' },
    });
  }
  if (screenedOn !== null && monthOf(screenedOn) !== facts.month) {
    problems.push({
      code: 'SCREENED_OUTSIDE_MONTH',
      severity: 'error',
      field: 'screenedOn',
      message: {
        zh: `排查日期应在 ${facts.month} 月内`,
        en: `The screening date must lie in ${facts.month}`,
      },
    });
  }
  if (screenedOn !== null && screenedOn > options.today) {
    problems.push({
      code: 'SCREENED_IN_FUTURE',
      severity: 'error',
      field: 'screenedOn',
      message: {
        zh: `排查日期不能晚于今天（${options.today}）`,
        en: `The screening date cannot be after today (${options.today})`,
      },
    });
  }
  return problems;
}
