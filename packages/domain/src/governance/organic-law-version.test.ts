import { describe, expect, it } from 'vitest';
import {
  isCollectiveEconomicOrganizationsLawInForce,
  organicLawVersion,
} from './organic-law-version.js';

describe('organicLawVersion', () => {
  it.each([
    ['2018-12-29', '2018'],
    ['2025-10-28', '2018'],
    ['2025-12-31', '2018'],
    ['2026-01-01', '2025'],
    ['2030-06-15', '2025'],
  ])('on %s the %s text is in force', (date, version) => {
    expect(organicLawVersion(date)).toBe(version);
  });

  it.each(['2025-02-30', '2026-1-1', '', '2026-01-01T00:00:00Z'])(
    'a malformed date %j is a programming error and throws',
    (date) => {
      expect(() => organicLawVersion(date)).toThrow(RangeError);
    },
  );
});

describe('isCollectiveEconomicOrganizationsLawInForce', () => {
  it.each([
    ['2025-04-30', false],
    ['2025-05-01', true],
    ['2024-06-28', false],
  ])('on %s the collective economic organisations law is in force: %s', (date, inForce) => {
    expect(isCollectiveEconomicOrganizationsLawInForce(date)).toBe(inForce);
  });

  it('a malformed date throws', () => {
    expect(() => isCollectiveEconomicOrganizationsLawInForce('2025-04-31')).toThrow(RangeError);
  });
});
