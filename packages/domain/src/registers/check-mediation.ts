import type { LocalizedText } from '../localized-text.js';
import type { MediationMethod, MediationOutcome } from './mediation-lists.js';
import { monthEnded, type RegisterMonth } from './register-periods.js';
import type { AdviserRuleCode } from './check-adviser.js';
import type { CorrectionRuleCode } from './check-corrections.js';
import type { PufaRuleCode } from './check-pufa.js';

/** The codes of the registers' validation rules. */
export type RegisterRuleCode =
  | 'RECEIVED_IN_FUTURE'
  | 'CLOSED_IN_FUTURE'
  | 'CLOSED_BEFORE_RECEIVED'
  | 'CLOSED_ON_MISSING'
  | 'OPEN_CASE_CLOSED_ON'
  | 'AGREEMENT_MISSING'
  | 'TOO_FEW_PARTIES'
  | 'OPEN_TOO_LONG'
  | 'CLOSED_MORE_THAN_RECEIVED'
  | 'SUCCEEDED_MORE_THAN_CLOSED'
  | 'MONTH_NOT_ENDED'
  | 'ZERO_REPORT_WITH_DISPUTES'
  | 'SCREENED_ON_MISSING'
  | 'SCREENED_OUTSIDE_MONTH'
  | 'SCREENED_IN_FUTURE'
  | AdviserRuleCode
  | CorrectionRuleCode
  | PufaRuleCode;

/**
 * One finding of a register's validation rule, the way DHIS2 keeps them: an `error` blocks the
 * save, a `warning` is shown to the reviewer. `field` names the offending input.
 */
export interface RegisterProblem {
  readonly code: RegisterRuleCode;
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: LocalizedText;
}

/** A mediation case as the rules read it. */
export interface MediationCaseFacts {
  readonly receivedOn: string;
  readonly closedOn?: string | null | undefined;
  readonly parties: number;
  readonly method: MediationMethod;
  readonly outcome: MediationOutcome;
  /**
   * How many files the case keeps (its 调解协议书 among them). Unknown (`undefined`) for a case
   * not yet stored: its files are uploaded to it once it exists, so the rule reads them from then.
   */
  readonly files?: number | undefined;
}

/**
 * Days an open case may stay open before it is a warning: 人民调解工作若干规定 (2002) Art. 36 asks
 * for a case to be settled “一般在一个月内”; kept as data (the article number is unverified).
 */
export const OPEN_CASE_WARNING_DAYS = 30;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The validation rules of one mediation case, errors first. `today` is the county's calendar day.
 *
 * @example
 * checkMediationCase(
 *   { receivedOn: '2026-03-02', closedOn: '2026-03-01', parties: 2, method: 'oral', outcome: 'succeeded' },
 *   { today: '2026-04-01' },
 * ).map((p) => p.code) // ['CLOSED_BEFORE_RECEIVED']
 */
export function checkMediationCase(
  facts: MediationCaseFacts,
  options: { today: string },
): RegisterProblem[] {
  const { today } = options;
  const problems: RegisterProblem[] = [];
  const closedOn = facts.closedOn ?? null;
  if (facts.receivedOn > today) {
    problems.push({
      code: 'RECEIVED_IN_FUTURE',
      severity: 'error',
      field: 'receivedOn',
      message: {
        zh: `受理日期不能晚于今天（${today}）`,
        en: `The date received cannot be after today (${today})`,
      },
    });
  }
  if (closedOn !== null && closedOn > today) {
    problems.push({
      code: 'CLOSED_IN_FUTURE',
      severity: 'error',
      field: 'closedOn',
      message: {
        zh: `结案日期不能晚于今天（${today}）`,
        en: `The date closed cannot be after today (${today})`,
      },
    });
  }
  if (closedOn !== null && closedOn < facts.receivedOn) {
    problems.push({
      code: 'CLOSED_BEFORE_RECEIVED',
      severity: 'error',
      field: 'closedOn',
      message: {
        zh: `结案日期（${closedOn}）不能早于受理日期（${facts.receivedOn}）`,
        en: `The date closed (${closedOn}) cannot be before the date received (${facts.receivedOn})`,
      },
    });
  }
  if (facts.outcome !== 'open' && closedOn === null) {
    problems.push({
      code: 'CLOSED_ON_MISSING',
      severity: 'error',
      field: 'closedOn',
      message: { zh: '已结案件须填写结案日期', en: 'A case with an outcome needs its date closed' },
    });
  }
  if (facts.outcome === 'open' && closedOn !== null) {
    problems.push({
      code: 'OPEN_CASE_CLOSED_ON',
      severity: 'error',
      field: 'outcome',
      message: {
        zh: '在办案件不能有结案日期，请填写调解结果',
        en: 'An open case has no date closed: give its outcome',
      },
    });
  }
  if (facts.method === 'written' && facts.outcome === 'succeeded' && facts.files === 0) {
    problems.push({
      code: 'AGREEMENT_MISSING',
      severity: 'error',
      field: 'files',
      message: {
        zh: '达成书面协议的案件须上传调解协议书（人民调解法第二十八、二十九条）',
        en: 'A written agreement needs its agreement document uploaded (People’s Mediation Law Arts. 28–29)',
      },
    });
  }
  if (facts.parties < 2) {
    problems.push({
      code: 'TOO_FEW_PARTIES',
      severity: 'error',
      field: 'parties',
      message: { zh: '纠纷当事人至少两方', en: 'A dispute has at least two parties' },
    });
  }
  if (
    facts.outcome === 'open' &&
    facts.receivedOn <= today &&
    daysBetween(facts.receivedOn, today) > OPEN_CASE_WARNING_DAYS
  ) {
    problems.push({
      code: 'OPEN_TOO_LONG',
      severity: 'warning',
      field: 'outcome',
      message: {
        zh: `案件在办已超过${OPEN_CASE_WARNING_DAYS}日`,
        en: `The case has been open for more than ${OPEN_CASE_WARNING_DAYS} days`,
      },
    });
  }
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}

/**
 * The validation rules of a month's figures (a monthly statistics table, or an import): handled
 * ≤ received, settled ≤ handled, and no figures of a month that has not ended.
 *
 * @example
 * checkMonthlyFigures('2026-01', { received: 3, closed: 4, succeeded: 1 }, { today: '2026-02-10' })
 *   .map((p) => p.code) // ['CLOSED_MORE_THAN_RECEIVED']
 */
export function checkMonthlyFigures(
  month: RegisterMonth,
  figures: { received: number; closed: number; succeeded: number },
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  if (!monthEnded(month, options.today)) {
    problems.push(monthNotEnded(month, 'month'));
  }
  if (figures.closed > figures.received) {
    problems.push({
      code: 'CLOSED_MORE_THAN_RECEIVED',
      severity: 'error',
      field: 'closed',
      message: {
        zh: `调处件数（${figures.closed}）不能多于受理件数（${figures.received}）`,
        en: `Cases handled (${figures.closed}) cannot exceed cases received (${figures.received})`,
      },
    });
  }
  if (figures.succeeded > figures.closed) {
    problems.push({
      code: 'SUCCEEDED_MORE_THAN_CLOSED',
      severity: 'error',
      field: 'succeeded',
      message: {
        zh: `调解成功件数（${figures.succeeded}）不能多于调处件数（${figures.closed}）`,
        en: `Cases settled (${figures.succeeded}) cannot exceed cases handled (${figures.closed})`,
      },
    });
  }
  return problems;
}

/**
 * The problem of a report (a zero report, a month's figures) made for a month that has not
 * ended: nothing can yet be said of its whole.
 *
 * @example
 * monthNotEnded('2026-12', 'month').code // 'MONTH_NOT_ENDED'
 */
export function monthNotEnded(month: RegisterMonth, field: string): RegisterProblem {
  return {
    code: 'MONTH_NOT_ENDED',
    severity: 'error',
    field,
    message: {
      zh: `${month} 尚未结束，不能报送该月情况`,
      en: `${month} has not ended: its report cannot be made yet`,
    },
  };
}
