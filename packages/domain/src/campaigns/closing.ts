/**
 * What a campaign's closing summary (总结) counts: the figures the system computes from the
 * enrolled subjects when the county closes it. Scores are in hundredths of a point.
 */
import { divideHalfUp } from '../indicators/_internal/decimal.js';
import type { ParticipationState } from './participation.js';

/** One enrolled subject as the close sees it. */
export interface ClosingSubject {
  readonly townshipCode: string;
  readonly state: ParticipationState;
  /** The county's total in hundredths, once scored. */
  readonly countyTotal: number | null;
  /** The county's grade, once scored. */
  readonly grade: string | null;
}

export interface TownshipFigures {
  readonly townshipCode: string;
  readonly subjects: number;
  /** Subjects the county scored. */
  readonly scored: number;
  /** Mean county total of the scored subjects, in hundredths (rounded); null when none. */
  readonly average: number | null;
}

export interface ClosingFigures {
  /** Every enrolled subject, whatever its state. */
  readonly subjects: number;
  /** Scored subjects per county grade. */
  readonly byGrade: Readonly<Record<string, number>>;
  /** Subjects named (命名). */
  readonly named: number;
  /** Subjects the township returned and that were never submitted again. */
  readonly returned: number;
  /** Subjects withdrawn or removed after an objection. */
  readonly withdrawn: number;
  /** Mean county total of all scored subjects, in hundredths; null when none. */
  readonly average: number | null;
  /** Per township, ordered by code. */
  readonly townships: readonly TownshipFigures[];
}

/** The mean of totals in hundredths, rounded half up as the score summaries are. */
function mean(totals: readonly number[]): number | null {
  return totals.length === 0
    ? null
    : divideHalfUp(
        totals.reduce((a, b) => a + b, 0),
        totals.length,
      );
}

/**
 * The closing figures of a campaign's subjects.
 *
 * @example
 * closingFigures([{ townshipCode: 'T', state: 'named', countyTotal: 9000, grade: 'excellent' }])
 * // → { subjects: 1, byGrade: { excellent: 1 }, named: 1, returned: 0, withdrawn: 0,
 * //     average: 9000, townships: [{ townshipCode: 'T', subjects: 1, scored: 1, average: 9000 }] }
 */
export function closingFigures(subjects: readonly ClosingSubject[]): ClosingFigures {
  const byGrade: Record<string, number> = {};
  const perTownship = new Map<string, { subjects: number; totals: number[] }>();
  let named = 0;
  let returned = 0;
  let withdrawn = 0;
  const totals: number[] = [];
  for (const s of subjects) {
    if (s.state === 'named') named++;
    if (s.state === 'returned') returned++;
    if (s.state === 'withdrawn' || s.state === 'removed') withdrawn++;
    const t = perTownship.get(s.townshipCode) ?? { subjects: 0, totals: [] };
    t.subjects++;
    if (s.countyTotal !== null) {
      t.totals.push(s.countyTotal);
      totals.push(s.countyTotal);
      if (s.grade) byGrade[s.grade] = (byGrade[s.grade] ?? 0) + 1;
    }
    perTownship.set(s.townshipCode, t);
  }
  return {
    subjects: subjects.length,
    byGrade,
    named,
    returned,
    withdrawn,
    average: mean(totals),
    townships: [...perTownship.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([townshipCode, t]) => ({
        townshipCode,
        subjects: t.subjects,
        scored: t.totals.length,
        average: mean(t.totals),
      })),
  };
}
