// The rule-of-law registers' figures (人民调解, 矛盾纠纷排查, 普法, 法律顾问) as derived answers of
// the built-in frameworks: at the band and cap boundaries, and missing when the register cannot say.
import { describe, expect, it } from 'vitest';
import { deriveAnswers } from '../../records/derive-answers.js';
import type { RecordMetrics } from '../../records/record-metrics.js';
import { scoreAssessment } from '../score-assessment.js';
import type { ItemAnswer } from '../types.js';
import { builtinFrameworks } from './index.js';

const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
const national = builtinFrameworks.find((f) => f.code === 'national-guiding-standard-template')!;
const period = { from: '2026-01-01', to: '2026-12-31' };

function one(framework: typeof demo, itemId: string, values: RecordMetrics['values']) {
  const found = deriveAnswers(framework, { period, values }).find((d) => d.itemId === itemId);
  if (!found) throw new Error(`no derived item ${itemId}`);
  return found;
}

function points(framework: typeof demo, itemId: string, answer: ItemAnswer | undefined) {
  const scored = scoreAssessment(framework, { items: { [itemId]: answer } });
  if (!scored.ok) throw new Error(JSON.stringify(scored));
  return scored.scorecard.areas.flatMap((a) => a.items).find((i) => i.code === itemId)!.points;
}

describe('mediation success rate (A5.6, bands 98/95/90)', () => {
  it.each([
    [1, 100, 3],
    [0.98, 98, 3],
    [0.9799, 97.99, 2],
    [0.95, 95, 2],
    [0.9, 90, 1],
    [0.8999, 89.99, 0],
    [0, 0, 0],
  ])('rate %s answers %s and scores %s', (rate, answer, score) => {
    const d = one(demo, 'A5.6', { 'mediation.successRate': rate });
    if (d.missing) throw new Error(d.explanation.en);
    expect(d.answer).toBe(answer);
    expect(points(demo, 'A5.6', d.answer)).toBe(score);
  });

  it('is missing, not 0 %, when no case was handled (no rate)', () => {
    const d = one(demo, 'A5.6', { 'mediation.received': 0, 'mediation.closed': 0 });
    expect(d).toMatchObject({ missing: true, metrics: ['mediation.successRate'] });
  });
});

describe('dispute screening months (A5.8, 0.5 off a missing month, 4 points)', () => {
  it.each([
    [0, 4],
    [1, 3.5],
    [8, 0],
    [12, 0],
  ])('%s months missing score %s', (months, score) => {
    const d = one(demo, 'A5.8', { 'disputeScreening.monthsMissing': months });
    if (d.missing) throw new Error(d.explanation.en);
    expect(d.answer).toBe(months);
    expect(points(demo, 'A5.8', d.answer)).toBe(score);
  });

  it('is missing when the screening register gave nothing', () => {
    expect(one(demo, 'A5.8', { 'disputeScreening.monthsReported': 3 }).missing).toBe(true);
  });
});

describe('普法 activities (A5.5, 0.5 each, at most 2)', () => {
  it.each([
    [0, 0],
    [1, 0.5],
    [4, 2],
    [5, 2],
  ])('%s activities score %s', (n, score) => {
    const d = one(demo, 'A5.5', { 'legalEducation.activities': n });
    if (d.missing) throw new Error(d.explanation.en);
    expect(d.answer).toBe(n);
    expect(points(demo, 'A5.5', d.answer)).toBe(score);
  });

  it('is missing without the register’s count', () => {
    expect(one(demo, 'A5.5', {}).missing).toBe(true);
  });
});

describe('legal adviser under contract (national N2.x check item)', () => {
  const adviserItem = national.areas
    .flatMap((a) => a.items)
    .find((i) => i.metric && 'key' in i.metric && i.metric.key === 'legalAdviser.underContract')!;

  it('answers yes or no from the contracts, and is missing without them', () => {
    const yes = one(national, adviserItem.code, { 'legalAdviser.underContract': true });
    const no = one(national, adviserItem.code, { 'legalAdviser.underContract': false });
    expect(yes.missing ? null : yes.answer).toBe(true);
    expect(no.missing ? null : no.answer).toBe(false);
    expect(points(national, adviserItem.code, true)).toBe(adviserItem.points);
    expect(points(national, adviserItem.code, false)).toBe(0);
    expect(one(national, adviserItem.code, {}).missing).toBe(true);
  });
});
