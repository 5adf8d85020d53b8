import type { RegisterProblem } from './check-mediation.js';
import {
  audienceActivityTypes,
  type PufaActivityType,
  type PufaExamResult,
  type PufaRosterRole,
} from './pufa-lists.js';

/** The codes of the 普法 register's validation rules. */
export type PufaRuleCode =
  | 'HELD_IN_FUTURE'
  | 'NO_PARTICIPANTS'
  | 'NO_MATERIALS'
  | 'EXAM_DATE_MISSING'
  | 'EXAM_IN_FUTURE'
  | 'EXAM_DATE_WITHOUT_RESULT'
  | 'NOT_TRAINED'
  | 'PLAN_DUE_OUTSIDE_YEAR'
  | 'PLAN_OVERDUE';

/** A 普法 activity as the rules read it. */
export interface PufaActivityFacts {
  readonly type: PufaActivityType;
  readonly heldOn: string;
  readonly participants: number;
  readonly materials: number;
}

function sorted(problems: RegisterProblem[]): RegisterProblem[] {
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}

/**
 * The validation rules of one 普法 activity, errors first: no date after today (error); an
 * activity that gathers an audience with nobody there, or a leaflet round with nothing handed out
 * (warnings, shown to the reviewer).
 *
 * @example
 * checkPufaActivity(
 *   { type: 'lecture', heldOn: '2026-03-02', participants: 0, materials: 0 },
 *   { today: '2026-04-01' },
 * ).map((p) => p.code) // ['NO_PARTICIPANTS']
 */
export function checkPufaActivity(
  facts: PufaActivityFacts,
  options: { today: string },
): RegisterProblem[] {
  const { today } = options;
  const problems: RegisterProblem[] = [];
  if (facts.heldOn > today) {
    problems.push({
      code: 'HELD_IN_FUTURE',
      severity: 'error',
      field: 'heldOn',
      message: {
        zh: `活动日期不能晚于今天（${today}）`,
        en: `The date held cannot be after today (${today})`,
      },
    });
  }
  if (audienceActivityTypes.includes(facts.type) && facts.participants === 0) {
    problems.push({
      code: 'NO_PARTICIPANTS',
      severity: 'warning',
      field: 'participants',
      message: { zh: '该活动参加人数为0', en: 'Nobody took part in this activity' },
    });
  }
  if (facts.type === 'materials' && facts.materials === 0) {
    problems.push({
      code: 'NO_MATERIALS',
      severity: 'warning',
      field: 'materials',
      message: {
        zh: '宣传资料发放活动的发放份数为0',
        en: 'No leaflet was handed out at a leaflet round',
      },
    });
  }
  return sorted(problems);
}

/** A roster member (法律明白人, 宣讲员) as the rules read them. */
export interface PufaRosterFacts {
  readonly role: PufaRosterRole;
  readonly trainingHours: number;
  readonly examResult: PufaExamResult;
  readonly examOn?: string | null | undefined;
}

/**
 * The validation rules of a roster member: an exam result needs its date, not after today, and
 * no date without a result (errors); a 法律明白人 without training hours is a warning.
 *
 * @example
 * checkPufaRosterMember(
 *   { role: 'legal_literate', trainingHours: 12, examResult: 'passed', examOn: null },
 *   { today: '2026-04-01' },
 * ).map((p) => p.code) // ['EXAM_DATE_MISSING']
 */
export function checkPufaRosterMember(
  facts: PufaRosterFacts,
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const examOn = facts.examOn ?? null;
  if (facts.examResult !== 'not_taken' && examOn === null) {
    problems.push({
      code: 'EXAM_DATE_MISSING',
      severity: 'error',
      field: 'examOn',
      message: {
        zh: '有考核结果的须填写考核日期',
        en: 'An exam result needs the date of the exam',
      },
    });
  }
  if (facts.examResult === 'not_taken' && examOn !== null) {
    problems.push({
      code: 'EXAM_DATE_WITHOUT_RESULT',
      severity: 'error',
      field: 'examResult',
      message: {
        zh: '已填写考核日期，请填写考核结果',
        en: 'An exam date is given: give the result too',
      },
    });
  }
  if (examOn !== null && examOn > options.today) {
    problems.push({
      code: 'EXAM_IN_FUTURE',
      severity: 'error',
      field: 'examOn',
      message: {
        zh: `考核日期不能晚于今天（${options.today}）`,
        en: `The date of the exam cannot be after today (${options.today})`,
      },
    });
  }
  if (facts.role === 'legal_literate' && facts.trainingHours === 0) {
    problems.push({
      code: 'NOT_TRAINED',
      severity: 'warning',
      field: 'trainingHours',
      message: { zh: '该法律明白人尚无培训学时', en: 'This person has no training hours yet' },
    });
  }
  return sorted(problems);
}

/** An annual 普法 plan item as the rules read it. */
export interface PufaPlanFacts {
  readonly year: number;
  readonly dueOn: string;
  readonly progress: number;
}

/**
 * The validation rules of a plan item: its due date lies in its year (error); an item past its
 * due date and not complete is a warning.
 *
 * @example
 * checkPufaPlanItem({ year: 2026, dueOn: '2027-01-10', progress: 0 }, { today: '2026-04-01' })
 *   .map((p) => p.code) // ['PLAN_DUE_OUTSIDE_YEAR']
 */
export function checkPufaPlanItem(
  facts: PufaPlanFacts,
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  if (!facts.dueOn.startsWith(`${facts.year}-`)) {
    problems.push({
      code: 'PLAN_DUE_OUTSIDE_YEAR',
      severity: 'error',
      field: 'dueOn',
      message: {
        zh: `完成时限应在${facts.year}年内`,
        en: `The due date must lie in ${facts.year}`,
      },
    });
  }
  if (facts.dueOn < options.today && facts.progress < 100) {
    problems.push({
      code: 'PLAN_OVERDUE',
      severity: 'warning',
      field: 'progress',
      message: {
        zh: `已过完成时限（${facts.dueOn}），进度${facts.progress}%`,
        en: `Past its due date (${facts.dueOn}) at ${facts.progress}%`,
      },
    });
  }
  return sorted(problems);
}
