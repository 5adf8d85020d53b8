import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediationRateDefinitions, mediationRates } from './mediation-rates.js';

describe('mediationRates', () => {
  it('divides handled by received and settled by handled', () => {
    expect(mediationRates({ received: 10, closed: 8, succeeded: 6 })).toEqual({
      handlingRate: 0.8,
      successRate: 0.75,
    });
  });

  it.each([
    [
      { received: 0, closed: 0, succeeded: 0 },
      { handlingRate: null, successRate: null },
    ],
    [
      { received: 4, closed: 0, succeeded: 0 },
      { handlingRate: 0, successRate: null },
    ],
    [
      { received: 1, closed: 1, succeeded: 1 },
      { handlingRate: 1, successRate: 1 },
    ],
  ])('without a denominator a rate is null, never 0 or 1: %j', (counts, expected) => {
    expect(mediationRates(counts)).toEqual(expected);
  });

  it('stays within 0..1 for any consistent counts', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (a, b, c) => {
        const [succeeded, closed, received] = [a, b, c].sort((x, y) => x - y) as [
          number,
          number,
          number,
        ];
        const r = mediationRates({ received, closed, succeeded });
        for (const v of [r.handlingRate, r.successRate]) {
          if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
        }
        expect(r.handlingRate === null).toBe(received === 0);
        expect(r.successRate === null).toBe(closed === 0);
      }),
    );
  });

  it('keeps its definitions as data, marked unverified', () => {
    expect(mediationRateDefinitions.successRate).toMatchObject({
      numerator: 'succeeded',
      denominator: 'closed',
      source: { verified: false },
    });
  });
});
