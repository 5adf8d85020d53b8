import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPoints, fromHundredths, isWholeHundredths, toHundredths } from './points.js';

describe('points in hundredths', () => {
  it('converts both ways, absorbing binary noise', () => {
    expect(toHundredths(85.5)).toBe(8550);
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths(89.99)).toBe(8999);
    expect(fromHundredths(8550)).toBe(85.5);
  });

  it('every hundredth survives the round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        (h) => toHundredths(fromHundredths(h)) === h,
      ),
    );
  });

  it('accepts at most two decimals', () => {
    expect(isWholeHundredths(85)).toBe(true);
    expect(isWholeHundredths(85.25)).toBe(true);
    expect(isWholeHundredths(0.1 + 0.2)).toBe(true);
    expect(isWholeHundredths(85.255)).toBe(false);
    expect(isWholeHundredths(85.001)).toBe(false);
    expect(isWholeHundredths(Number.NaN)).toBe(false);
  });

  it('formats without trailing zeros, a dash for nothing', () => {
    expect(formatPoints(85.5)).toBe('85.5');
    expect(formatPoints(90)).toBe('90');
    expect(formatPoints(0.1 + 0.2)).toBe('0.3');
    expect(formatPoints(89.999)).toBe('90');
    expect(formatPoints(null)).toBe('—');
    expect(formatPoints(undefined)).toBe('—');
  });
});
