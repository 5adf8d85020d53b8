import { describe, expect, it } from 'vitest';
import { checkAdviserContract, checkAdviserService } from './check-adviser.js';
import { adviserCoverage, contractCovers } from './adviser-coverage.js';

describe('checkAdviserContract', () => {
  it.each([
    ['2025-12-31', ['CONTRACT_ENDS_BEFORE_START']],
    ['2026-01-01', ['CONTRACT_ENDS_BEFORE_START']],
    ['2026-01-02', []],
  ])('a contract from 2026-01-01 to %s: %j', (endsOn, expected) => {
    expect(checkAdviserContract({ startsOn: '2026-01-01', endsOn }).map((p) => p.code)).toEqual(
      expected,
    );
  });

  it.each([
    ['2025-01-01', '2025-12-31', []],
    ['2025-01-01', '2026-01-01', ['CONTRACT_OVERLAPS']],
    ['2026-12-31', '2027-12-31', ['CONTRACT_OVERLAPS']],
    ['2027-01-01', '2027-12-31', []],
  ])('another contract %s–%s beside 2026: %j', (startsOn, endsOn, expected) => {
    const found = checkAdviserContract(
      { startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { others: [{ startsOn, endsOn }] },
    );
    expect(found.map((p) => p.code)).toEqual(expected);
    for (const p of found) expect(p.severity).toBe('warning');
  });
});

describe('checkAdviserService', () => {
  it.each([
    ['2026-12-01', 1, []],
    ['2026-12-02', 1, ['SERVICE_IN_FUTURE']],
    ['2026-11-30', 0, ['SERVICE_COUNT_MISSING']],
  ])('a service on %s counting %i with today 2026-12-01: %j', (date, count, expected) => {
    expect(
      checkAdviserService({ date, count }, { today: '2026-12-01' }).map((p) => p.code),
    ).toEqual(expected);
  });
});

describe('contractCovers', () => {
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('a 2026 contract on %s: %s', (day, expected) => {
    expect(contractCovers({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, day)).toBe(expected);
  });
});

describe('adviserCoverage', () => {
  it.each([
    [20, 18, 0.9],
    [20, 0, 0],
    [0, 0, null],
  ])('%i villages, %i covered: %j', (villages, covered, expected) => {
    expect(adviserCoverage({ villages, covered })).toBe(expected);
  });
});
