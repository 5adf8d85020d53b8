// Points are stored in integer hundredths; the API speaks points with at most two decimals.

/** 85.5 → 8550. Rounds to the nearest hundredth to absorb binary noise (85.5 is exact anyway). */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** 8550 → 85.5 */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}
