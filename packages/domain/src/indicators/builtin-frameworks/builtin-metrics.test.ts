import { describe, expect, it } from 'vitest';
import { deriveAnswers } from '../../records/derive-answers.js';
import type { RecordMetrics } from '../../records/record-metrics.js';
import { scoreAssessment } from '../score-assessment.js';
import { builtinFrameworks } from './index.js';

const byCode = (code: string) => builtinFrameworks.find((f) => f.code === code)!;
const mapped = (code: string) =>
  byCode(code)
    .areas.flatMap((a) => a.items)
    .filter((i) => i.metric)
    .map((i) => i.code);

/** A year of records of a village that kept every ledger but missed some meetings and months. */
const year: RecordMetrics = {
  period: { from: '2026-01-01', to: '2026-12-31' },
  values: {
    'meetings.scheduleShortfall': 1,
    'meetings.representativesQuartersLawful': 3,
    'fourDeliberations.incomplete': 0,
    'disclosures.party.onTimeRatio': 1,
    'disclosures.general.onTimeRatio': 0.75,
    'disclosures.finance.onTimeRatio': 1,
    'disclosures.finance.monthsPosted': 10,
    'legalEducation.activities': 6,
    'mediation.successRate': 0.96,
    'disputeScreening.monthsMissing': 2,
    'legalAdviser.underContract': true,
    'appraisals.held': 1,
    'tasks.satisfactoryRatio': 0.75,
  },
};

describe('the built-in frameworks’ record metrics', () => {
  it('map the items whose meaning a record metric matches', () => {
    expect(mapped('demo-county-2026')).toEqual([
      'A1.8', // meetings held on schedule
      'A1.10', // tasks rated by the assigning office (督查督办)
      'A3.1', // 四议两公开
      'A3.3', // representatives' meeting each quarter with quorum
      'A4.3', // 党务、村务、财务公开
      'A4.4', // months of finance disclosure
      'A5.5', // 普法 activities
      'A5.6', // mediation success rate
      'A5.8', // monthly dispute screening
    ]);
    expect(mapped('national-guiding-standard-template')).toEqual([
      'N2.3',
      'N2.4',
      'N3.1',
      'N3.6',
      'N4.1',
      'N5.1',
    ]);
  });

  it('derive answers from a year of records that score as expected', () => {
    const demo = byCode('demo-county-2026');
    const derived = deriveAnswers(demo, year);
    expect(derived.every((d) => !d.missing)).toBe(true);
    const answers = Object.fromEntries(derived.map((d) => [d.itemId, d.missing ? null : d.answer]));
    expect(answers).toEqual({
      'A1.10': false,
      'A1.8': 1,
      'A3.1': 0,
      'A3.3': 3,
      'A4.3': ['party', 'finance'],
      'A4.4': 10,
      'A5.5': 6,
      'A5.6': 96,
      'A5.8': 2,
    });
    const scored = scoreAssessment(demo, { items: answers });
    expect(scored.ok).toBe(true);
    if (!scored.ok) return;
    const points = Object.fromEntries(
      scored.scorecard.areas.flatMap((a) => a.items).map((i) => [i.code, i.points]),
    );
    expect(points).toMatchObject({
      'A1.10': 0, // a task rated 不满意
      'A1.8': 1.5, // 2 − 1 × 0.5
      'A3.1': 4,
      'A3.3': 2.25,
      'A4.3': 2,
      'A4.4': 3.33, // 4 × 10/12
      'A5.5': 2, // 6 × 0.5 capped at 2
      'A5.6': 2, // 96 reaches the 95 band
      'A5.8': 3, // 4 − 2 × 0.5
    });
  });

  it('leave an item to a person when its metric is missing', () => {
    const template = byCode('national-guiding-standard-template');
    const derived = deriveAnswers(template, { period: year.period, values: {} });
    expect(derived).toHaveLength(6);
    expect(derived.every((d) => d.missing)).toBe(true);
  });
});
