import { describe, expect, it } from 'vitest';
import { campaignRecordPeriod } from './campaign-record-period.js';

describe('campaignRecordPeriod', () => {
  it.each([
    ['2027-04-15', '2026-04-01', '2027-03-31'],
    ['2027-04-01', '2026-04-01', '2027-03-31'],
    ['2027-03-31', '2026-01-01', '2026-12-31'],
    ['2027-01-01', '2026-01-01', '2026-12-31'],
    ['2027-07-20', '2026-07-01', '2027-06-30'],
    ['2027-12-31', '2026-10-01', '2027-09-30'],
  ])(
    'self-assessment from %s reads the four whole quarters before its quarter: %s to %s',
    (selfAssess, from, to) => {
      expect(
        campaignRecordPeriod(
          { year: 2027, stageDates: { self_assess: selfAssess } },
          { asOf: '2028-01-01' },
        ),
      ).toEqual({ from, to });
    },
  );

  it('without a planned self-assessment, the campaign’s calendar year', () => {
    expect(campaignRecordPeriod({ year: 2026 }, { asOf: '2027-02-01' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(
      campaignRecordPeriod(
        { year: 2026, stageDates: { township_review: '2026-12-20', self_assess: '2026-13-01' } },
        { asOf: '2027-02-01' },
      ),
    ).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('ends on asOf when that comes first, and never before its first day', () => {
    const campaign = { year: 2027, stageDates: { self_assess: '2027-04-15' } };
    expect(campaignRecordPeriod(campaign, { asOf: '2027-03-30' })).toEqual({
      from: '2026-04-01',
      to: '2027-03-30',
    });
    expect(campaignRecordPeriod(campaign, { asOf: '2027-03-31' }).to).toBe('2027-03-31');
    expect(campaignRecordPeriod(campaign, { asOf: '2026-04-01' }).to).toBe('2026-04-01');
    expect(campaignRecordPeriod(campaign, { asOf: '2025-01-01' })).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
  });

  it('a period the county set replaces the rule, still ending on asOf at the latest', () => {
    const campaign = {
      year: 2027,
      stageDates: { self_assess: '2027-04-15' },
      recordPeriod: { from: '2026-07-01', to: '2027-06-30' },
    };
    expect(campaignRecordPeriod(campaign, { asOf: '2027-08-01' })).toEqual({
      from: '2026-07-01',
      to: '2027-06-30',
    });
    expect(campaignRecordPeriod(campaign, { asOf: '2027-05-10' })).toEqual({
      from: '2026-07-01',
      to: '2027-05-10',
    });
    // one day is a period; a reversed or malformed one is ignored (the rule applies)
    expect(
      campaignRecordPeriod(
        { year: 2027, recordPeriod: { from: '2027-03-01', to: '2027-03-01' } },
        { asOf: '2028-01-01' },
      ),
    ).toEqual({ from: '2027-03-01', to: '2027-03-01' });
    for (const recordPeriod of [
      { from: '2027-03-02', to: '2027-03-01' },
      { from: '2027-02-30', to: '2027-03-01' },
      null,
    ]) {
      expect(campaignRecordPeriod({ year: 2027, recordPeriod }, { asOf: '2028-01-01' })).toEqual({
        from: '2027-01-01',
        to: '2027-12-31',
      });
    }
  });

  it('throws on a malformed asOf', () => {
    expect(() => campaignRecordPeriod({ year: 2026 }, { asOf: '2026-02-30' })).toThrow(TypeError);
  });
});
