import { describe, expect, it } from 'vitest';
import { answersInPercent, formatRate, ratePercent, tenths } from './percent.js';

describe('ratePercent', () => {
  it.each([
    [0, 0],
    [1 / 3, 33.3],
    [2 / 3, 66.7],
    [0.8125, 81.3],
    [0.0055, 0.6], // 0.5499999999999999 per cent in binary: still half up
    [0.5005, 50.1],
    [0.07, 7],
    [1, 100],
  ])('%f is %f%%', (ratio, percent) => {
    expect(ratePercent(ratio)).toBe(percent);
  });
});

describe('formatRate', () => {
  it.each([
    [null, '—'],
    [0, '0.0%'],
    [1 / 3, '33.3%'],
    [2 / 3, '66.7%'],
    [0.8125, '81.3%'],
    [0.75, '75.0%'],
    [1, '100.0%'],
  ])('%j prints as %s', (value, text) => {
    expect(formatRate(value)).toBe(text);
  });
});

describe('tenths', () => {
  it('rounds half up to one decimal', () => {
    expect(tenths((1 / 3) * 100)).toBe(33.3);
    expect(tenths((2 / 3) * 100)).toBe(66.7);
    expect(tenths(98)).toBe(98);
  });
});

describe('answersInPercent', () => {
  it('is true for a ratio metric answered in per cent only', () => {
    expect(answersInPercent({ metric: { key: 'mediation.successRate', scale: 100 } })).toBe(true);
    expect(answersInPercent({ metric: { key: 'mediation.successRate' } })).toBe(false);
    expect(answersInPercent({ metric: { key: 'disclosures.finance.monthsPosted' } })).toBe(false);
    expect(answersInPercent({})).toBe(false);
  });
});
