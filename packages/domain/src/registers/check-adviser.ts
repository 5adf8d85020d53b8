import type { RegisterProblem } from './check-mediation.js';

/** The codes of the legal advisers' validation rules. */
export type AdviserRuleCode =
  | 'CONTRACT_ENDS_BEFORE_START'
  | 'CONTRACT_OVERLAPS'
  | 'SERVICE_IN_FUTURE'
  | 'SERVICE_COUNT_MISSING';

/** An adviser's contract with a village: the first and the last day it runs (both included). */
export interface AdviserContractPeriod {
  readonly startsOn: string;
  readonly endsOn: string;
}

/**
 * The validation rules of a village's contract with a legal adviser: it ends after it starts (an
 * error), and another contract of the same village running over the same days is a warning (two
 * advisers at once happen, but are usually a slip in the dates).
 *
 * @example
 * checkAdviserContract(
 *   { startsOn: '2026-01-01', endsOn: '2026-12-31' },
 *   { others: [{ startsOn: '2025-01-01', endsOn: '2026-01-01' }] },
 * ).map((p) => p.code) // ['CONTRACT_OVERLAPS']
 */
export function checkAdviserContract(
  contract: AdviserContractPeriod,
  options: { others?: readonly AdviserContractPeriod[] } = {},
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  if (contract.endsOn <= contract.startsOn) {
    problems.push({
      code: 'CONTRACT_ENDS_BEFORE_START',
      severity: 'error',
      field: 'endsOn',
      message: {
        zh: `聘期结束日期（${contract.endsOn}）应晚于开始日期（${contract.startsOn}）`,
        en: `The contract's end (${contract.endsOn}) must be after its start (${contract.startsOn})`,
      },
    });
    return problems;
  }
  const overlapping = (options.others ?? []).filter(
    (o) => o.startsOn <= contract.endsOn && contract.startsOn <= o.endsOn,
  );
  if (overlapping.length > 0) {
    const o = overlapping[0]!;
    problems.push({
      code: 'CONTRACT_OVERLAPS',
      severity: 'warning',
      field: 'startsOn',
      message: {
        zh: `该村已有聘期重叠的法律顾问合同（${o.startsOn} 至 ${o.endsOn}）`,
        en: `The village has another adviser's contract over the same days (${o.startsOn} to ${o.endsOn})`,
      },
    });
  }
  return problems;
}

/**
 * The validation rules of an adviser's service record: it happened (not after today) and counts
 * at least one consultation, document, lecture or dispute.
 *
 * @example
 * checkAdviserService({ date: '2026-12-02', count: 1 }, { today: '2026-12-01' })
 *   .map((p) => p.code) // ['SERVICE_IN_FUTURE']
 */
export function checkAdviserService(
  service: { readonly date: string; readonly count: number },
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  if (service.date > options.today) {
    problems.push({
      code: 'SERVICE_IN_FUTURE',
      severity: 'error',
      field: 'date',
      message: {
        zh: `服务日期不能晚于今天（${options.today}）`,
        en: `The date of the service cannot be after today (${options.today})`,
      },
    });
  }
  if (service.count < 1) {
    problems.push({
      code: 'SERVICE_COUNT_MISSING',
      severity: 'error',
      field: 'count',
      message: { zh: '服务次数（件数）至少为1', en: 'A service record counts at least one' },
    });
  }
  return problems;
}
