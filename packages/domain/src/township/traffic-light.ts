import { parseDate, formatDate } from '../governance/_internal/dates.js';

/** 红黄绿灯: green on time, yellow close to the deadline, red past it. */
export type TrafficLight = 'green' | 'yellow' | 'red';

export const trafficLights: readonly TrafficLight[] = ['green', 'yellow', 'red'];

export interface TrafficLightOptions {
  /** Yellow from this many days before the deadline (the deadline day included). Default 3. */
  readonly yellowWithinDays?: number;
  /** A red item escalates to the level above after this many red days. Default 3. */
  readonly escalateAfterRedDays?: number;
}

export const trafficLightDefaults = Object.freeze({ yellowWithinDays: 3, escalateAfterRedDays: 3 });

function day(field: string, value: string): number {
  const n = parseDate(value);
  if (n === undefined) throw new RangeError(`${field} is not a YYYY-MM-DD date: ${value}`);
  return n;
}

/**
 * The light of an open item (a task, an unanswered comment) on `today`: red the day after the
 * deadline, yellow from `yellowWithinDays` days before it through the deadline day, green before.
 * Throws a `RangeError` on a malformed date.
 *
 * @example
 * trafficLight('2026-03-10', '2026-03-07'); // 'yellow' (3 days left)
 * trafficLight('2026-03-10', '2026-03-11'); // 'red'
 */
export function trafficLight(
  deadline: string,
  today: string,
  options: TrafficLightOptions = {},
): TrafficLight {
  const left = day('deadline', deadline) - day('today', today);
  if (left < 0) return 'red';
  return left <= (options.yellowWithinDays ?? trafficLightDefaults.yellowWithinDays)
    ? 'yellow'
    : 'green';
}

/**
 * The deadlines an open item of `light` has on `today` (inclusive bounds; an absent bound is
 * open), so a database can select by light with the same rule as `trafficLight`.
 *
 * @example
 * deadlineRange('red', '2026-03-11'); // { to: '2026-03-10' }
 * deadlineRange('yellow', '2026-03-07'); // { from: '2026-03-07', to: '2026-03-10' }
 */
export function deadlineRange(
  light: TrafficLight,
  today: string,
  options: TrafficLightOptions = {},
): { readonly from?: string; readonly to?: string } {
  const t = day('today', today);
  const within = options.yellowWithinDays ?? trafficLightDefaults.yellowWithinDays;
  switch (light) {
    case 'red':
      return { to: formatDate(t - 1) };
    case 'yellow':
      return { from: formatDate(t), to: formatDate(t + within) };
    case 'green':
      return { from: formatDate(t + within + 1) };
  }
}

export interface Escalation {
  /** Days past the deadline (0 when not red). */
  readonly redDays: number;
  /** Shown to the level above as escalated (the owner and assigner see it red from day one). */
  readonly escalated: boolean;
}

/**
 * Whether a red item escalates to the level above: after `escalateAfterRedDays` red days (the
 * day after the deadline is red day 1).
 *
 * @example
 * escalation('2026-03-10', '2026-03-13'); // { redDays: 3, escalated: true }
 */
export function escalation(
  deadline: string,
  today: string,
  options: TrafficLightOptions = {},
): Escalation {
  const redDays = Math.max(0, day('today', today) - day('deadline', deadline));
  const after = options.escalateAfterRedDays ?? trafficLightDefaults.escalateAfterRedDays;
  return { redDays, escalated: redDays > 0 && redDays >= after };
}

/** Whole days from `from` to `to` (the time a reply took). */
export function daysTaken(from: string, to: string): number {
  return day('to', to) - day('from', from);
}
