import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { governanceRules } from '../rules.js';
import { describeThreshold, meetsThreshold, requiredCount } from './thresholds.js';

const twoThirds = governanceRules.representativesMeeting.quorum;
const half = governanceRules.villagersMeeting.quorumOfVillagers;

describe('meetsThreshold', () => {
  it.each([
    [20, 30, twoThirds, true],
    [19, 30, twoThirds, false],
    [2, 3, twoThirds, true],
    [50, 100, half, false],
    [51, 100, half, true],
    [3, 5, half, true],
    [2, 5, half, false],
  ])(
    '%i of %i against %j is met: %s (以上 includes the figure, 过半数 does not)',
    (count, base, threshold, met) => {
      expect(meetsThreshold(count, base, threshold)).toBe(met);
    },
  );
});

describe('requiredCount', () => {
  it('is the smallest count that meets the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(twoThirds, half, governanceRules.recall.initiatedByVoters),
        (base, threshold) => {
          const need = requiredCount(base, threshold);
          expect(meetsThreshold(need, base, threshold)).toBe(true);
          if (need > 0) expect(meetsThreshold(need - 1, base, threshold)).toBe(false);
        },
      ),
    );
  });
});

describe('describeThreshold', () => {
  it.each([
    [twoThirds, '三分之二以上', 'at least 2/3'],
    [half, '超过二分之一', 'more than 1/2'],
  ])('words %j in both languages', (threshold, zh, en) => {
    expect(describeThreshold(threshold)).toEqual({ zh, en });
  });
});
