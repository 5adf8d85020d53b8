// Points are stored in integer hundredths; people and the API speak points with at most two
// decimals.

/** 85.5 → 8550. Rounds to the nearest hundredth to absorb binary noise (85.5 is exact anyway). */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** 8550 → 85.5 */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Whether `points` has at most two decimals (85.25 yes, 85.255 no), binary noise aside. */
export function isWholeHundredths(points: number): boolean {
  return Number.isFinite(points) && Math.abs(points * 100 - Math.round(points * 100)) < 1e-9;
}

/** Two decimals at most, without trailing zeros; `—` for no value (85.50 → "85.5"). */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return '—';
  return String(fromHundredths(toHundredths(points)));
}
