import { formatDate, parseDate } from '../governance/_internal/dates.js';

/**
 * Days an office has to answer a villager's comment when nobody sets a deadline (件件有反馈).
 * A project default, not a legal figure: the county may set its own.
 */
export const commentReplyDaysDefault = 15;

/**
 * The reply deadline of a comment received on `receivedOn`: `days` days later.
 * Throws a `RangeError` on a malformed date.
 *
 * @example
 * commentDeadline('2026-03-01'); // '2026-03-16'
 */
export function commentDeadline(
  receivedOn: string,
  days: number = commentReplyDaysDefault,
): string {
  const start = parseDate(receivedOn);
  if (start === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${receivedOn}`);
  return formatDate(start + days);
}
