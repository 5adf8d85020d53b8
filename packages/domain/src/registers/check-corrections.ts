import { monthNotEnded, type RegisterProblem } from './check-mediation.js';
import type { CorrectionFigures } from './correction-figures.js';
import { monthEnded, type RegisterMonth } from './register-periods.js';

/** The codes of the community-correction figures' validation rules. */
export type CorrectionRuleCode =
  | 'HELPED_MORE_THAN_RELEASED'
  | 'FILES_MORE_THAN_RECEIVED'
  | 'FILES_MISSING'
  | 'RECEIVED_MORE_THAN_UNDER_CORRECTION';

/**
 * The validation rules of a township's monthly 社区矫正 / 安置帮教 figures, errors first: no figures
 * of a month that has not ended; helped ≤ released persons; files opened ≤ newly received (errors);
 * fewer files than people received, or more received than under correction at the month's end
 * (warnings: a file late, or a person released within the month).
 *
 * @example
 * checkCorrectionFigures(
 *   '2026-10',
 *   { underCorrection: 5, newlyReceived: 1, released: 3, helped: 4, filesOpened: 1 },
 *   { today: '2026-11-02' },
 * ).map((p) => p.code) // ['HELPED_MORE_THAN_RELEASED']
 */
export function checkCorrectionFigures(
  month: RegisterMonth,
  f: CorrectionFigures,
  options: { today: string },
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  if (!monthEnded(month, options.today)) problems.push(monthNotEnded(month, 'month'));
  if (f.helped > f.released) {
    problems.push({
      code: 'HELPED_MORE_THAN_RELEASED',
      severity: 'error',
      field: 'helped',
      message: {
        zh: `已安置帮教人数（${f.helped}）不能多于在册刑满释放人员（${f.released}）`,
        en: `Persons helped (${f.helped}) cannot exceed released persons on the roll (${f.released})`,
      },
    });
  }
  if (f.filesOpened > f.newlyReceived) {
    problems.push({
      code: 'FILES_MORE_THAN_RECEIVED',
      severity: 'error',
      field: 'filesOpened',
      message: {
        zh: `本月建档数（${f.filesOpened}）不能多于本月新接收人数（${f.newlyReceived}）`,
        en: `Files opened (${f.filesOpened}) cannot exceed people newly received (${f.newlyReceived})`,
      },
    });
  }
  if (f.filesOpened < f.newlyReceived) {
    problems.push({
      code: 'FILES_MISSING',
      severity: 'warning',
      field: 'filesOpened',
      message: {
        zh: `本月新接收${f.newlyReceived}人，建档${f.filesOpened}份，尚有未建档`,
        en: `${f.newlyReceived} received but ${f.filesOpened} files opened: some files are missing`,
      },
    });
  }
  if (f.newlyReceived > f.underCorrection) {
    problems.push({
      code: 'RECEIVED_MORE_THAN_UNDER_CORRECTION',
      severity: 'warning',
      field: 'newlyReceived',
      message: {
        zh: '本月新接收人数多于月末在册人数，请核对是否有当月解矫',
        en: 'More received than under correction at the month’s end: check for releases within the month',
      },
    });
  }
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}
