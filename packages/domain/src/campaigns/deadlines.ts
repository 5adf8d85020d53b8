/**
 * Stage deadlines, enforced softly: nothing is refused for being late, but 待办 and the campaign
 * page show a light for each open piece of work.
 *
 * A campaign's planned date for a stage (`stageDates[stage]`) is that stage's deadline.
 */
import { dayNumber, type ParticipationState } from './participation.js';

/** How many days before its deadline open work turns yellow. */
export const DEADLINE_WARNING_DAYS = 3;

/** `red`: past its deadline; `yellow`: due within {@link DEADLINE_WARNING_DAYS} days; else `none`. */
export type DeadlineLight = 'red' | 'yellow' | 'none';

export const deadlineLights: readonly DeadlineLight[] = ['red', 'yellow', 'none'];

/**
 * Days from `today` to `due` (negative once past), or null when either is missing or invalid.
 *
 * @example
 * daysUntil('2026-03-04', '2026-03-01') // → 3
 */
export function daysUntil(due: string | null | undefined, today: string): number | null {
  if (!due) return null;
  const a = dayNumber(due);
  const b = dayNumber(today);
  return a === null || b === null ? null : a - b;
}

/**
 * The light of open work due on `due` (YYYY-MM-DD) seen on `today`: red once the day has passed,
 * yellow from three days before it up to and including the day itself; none without a deadline.
 *
 * @example
 * deadlineLight('2026-03-04', '2026-03-01') // → 'yellow'
 * deadlineLight('2026-03-04', '2026-03-05') // → 'red'
 */
export function deadlineLight(due: string | null | undefined, today: string): DeadlineLight {
  const days = daysUntil(due, today);
  if (days === null) return 'none';
  if (days < 0) return 'red';
  return days <= DEADLINE_WARNING_DAYS ? 'yellow' : 'none';
}

/** Whether `candidate` is a valid day later than `than` (any valid day when there is none). */
export function isLaterDay(candidate: string, than: string | null | undefined): boolean {
  const a = dayNumber(candidate);
  if (a === null) return false;
  const b = than ? dayNumber(than) : null;
  return b === null || a > b;
}

/**
 * The participation states that still owe work in each stage with a deadline: a subject in one
 * of them once the stage's deadline has passed is late (`enrolled`: a subject of an annual
 * assessment that has not self-assessed yet).
 */
export const openWorkStates = {
  declare: [],
  self_assess: ['declared', 'enrolled', 'returned'],
  township_review: ['declared', 'enrolled', 'self_assessed', 'returned'],
  county_acceptance: ['township_approved'],
  public_notice: ['county_accepted', 'objected'],
  naming: ['posted'],
} as const satisfies Record<string, readonly ParticipationState[]>;

/**
 * The states that are late in `stage` (none for a stage without deadline work). Without a
 * township review (townships, county units) the county accepts self-assessed subjects directly.
 */
export function lateStates(
  stage: string,
  flow?: { readonly townshipReview?: boolean | undefined },
): readonly ParticipationState[] {
  if (stage === 'county_acceptance' && flow?.townshipReview === false) return ['self_assessed'];
  return (openWorkStates as Record<string, readonly ParticipationState[]>)[stage] ?? [];
}
