// The rule-of-law registers feed scores: the mediation success rate, the dispute-screening months,
// the 普法 activities and the adviser under contract of the campaign's period become derived
// answers equal to the registers' own figures, with the register records as evidence links.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaignRecordPeriod, monthsDue } from '@fazhi/domain';
import { frameworks } from '../src/db/schema.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { useTestDatabase } from './harness.js';
import { campaignInSelfAssessment, createCampaign, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
const X_TOWNSHIP = '330728101000';

const mediationCase = (receivedOn: string, outcome: 'succeeded' | 'failed' | 'open') => ({
  divisionCode: X_VILLAGE,
  receivedOn,
  type: 'neighbour' as const,
  parties: 2,
  method: 'oral' as const,
  outcome,
  ...(outcome === 'open' ? {} : { closedOn: receivedOn.replace(/-\d\d$/, '-20') }),
});

const activity = (heldOn: string, type: 'lecture' | 'materials') => ({
  divisionCode: X_VILLAGE,
  type,
  heldOn,
  place: '村文化礼堂',
  organiser: '白石镇司法所',
  participants: 40,
  materials: type === 'materials' ? 200 : 0,
});

/** A year of the village's 法治 registers, and no village record at all. */
async function withRegisters() {
  const clerk = await t.as('clerk');
  const cases = [];
  for (const [day, outcome] of [
    ['2026-03-02', 'succeeded'],
    ['2026-04-06', 'succeeded'],
    ['2026-05-04', 'succeeded'],
    ['2026-06-01', 'failed'],
    ['2026-07-06', 'open'],
  ] as const) {
    cases.push(await clerk.mediation.save(mediationCase(day, outcome)));
  }
  const screenings = [];
  for (const month of ['2026-01', '2026-02', '2026-04']) {
    screenings.push(
      await clerk.screenings.save({
        villageCode: X_VILLAGE,
        month,
        zeroReport: true,
        disputesFound: 0,
      }),
    );
  }
  const activities = [
    await clerk.pufa.saveActivity(activity('2026-03-15', 'lecture')),
    await clerk.pufa.saveActivity(activity('2026-06-15', 'materials')),
    await clerk.pufa.saveActivity(activity('2026-09-15', 'lecture')),
  ];
  return { clerk, cases, screenings, activities };
}

const period = () => campaignRecordPeriod({ year: 2026 }, { asOf: todayIso() });

describe('records.derivedAnswers from the 法治 registers', () => {
  it('gives the register’s figures as answers, with the cases, reports and activities as evidence', async () => {
    const { clerk, cases, screenings, activities } = await withRegisters();
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const derived = await clerk.records.derivedAnswers({ participationId: ids[X_VILLAGE]! });
    expect(derived.period).toEqual(period());
    const { from, to } = derived.period;
    // no village record, but the registers' records: only the registers' answers (A1.10 from
    // the demo's rated supervision tasks of the village, the others from this test's records)
    expect(derived.hasRecords).toBe(true);
    const byItem = new Map(derived.items.map((i) => [i.itemId, i]));
    expect([...byItem.keys()].sort()).toEqual(['A1.10', 'A5.5', 'A5.6', 'A5.8']);

    const county = await t.as('county');
    const mediation = await county.statistics.mediation({ divisionCode: X_VILLAGE, from, to });
    expect(mediation).toMatchObject({ received: 5, closed: 4, succeeded: 3, successRate: 0.75 });
    const a56 = byItem.get('A5.6')!;
    expect(a56).toMatchObject({ missing: false, answer: mediation.successRate! * 100 });
    expect(a56.evidence).toEqual([
      expect.objectContaining({ register: 'mediation', total: mediation.received }),
    ]);
    expect(a56.evidence[0]!.records.map((r) => r.id)).toEqual(cases.map((c) => c.id));

    const pufa = await county.statistics.pufa({ divisionCode: X_VILLAGE, from, to });
    const a55 = byItem.get('A5.5')!;
    expect(a55).toMatchObject({ missing: false, answer: pufa.activities });
    expect(pufa.activities).toBe(3);
    expect(a55.evidence).toEqual([
      expect.objectContaining({ register: 'legal_education', total: 3 }),
    ]);
    expect(a55.evidence[0]!.records.map((r) => [r.id, r.kind, r.title])).toEqual(
      activities.map((a) => [a.id, a.type, '村文化礼堂']),
    );

    const owed = monthsDue(from, to, todayIso());
    const a58 = byItem.get('A5.8')!;
    const reported = screenings.filter((s) => owed.includes(s.month));
    expect(a58).toMatchObject({ missing: false, answer: owed.length - reported.length });
    expect(a58.evidence[0]).toMatchObject({ register: 'dispute_screening', total: 3 });
    expect(a58.evidence[0]!.records.map((r) => [r.date, r.kind])).toEqual([
      ['2026-01', 'zero_report'],
      ['2026-02', 'zero_report'],
      ['2026-04', 'zero_report'],
    ]);
    const reporting = await county.records.metrics({ villageCode: X_VILLAGE, from, to });
    expect(reporting.values['disputeScreening.monthsReported']).toBe(reported.length);
  });

  it('leaves the success rate missing when no case was handled, and counts a case received only', async () => {
    const clerk = await t.as('clerk');
    await clerk.mediation.save(mediationCase('2026-03-02', 'open'));
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const derived = await clerk.records.derivedAnswers({ participationId: ids[X_VILLAGE]! });
    const a56 = derived.items.find((i) => i.itemId === 'A5.6')!;
    expect(a56).toMatchObject({ missing: true, metrics: ['mediation.successRate'] });
    expect(a56.evidence[0]).toMatchObject({ register: 'mediation', total: 1 });
    const { from, to } = derived.period;
    const metrics = await clerk.records.metrics({ villageCode: X_VILLAGE, from, to });
    expect(metrics.values).toMatchObject({
      'mediation.received': 1,
      'mediation.closed': 0,
      'mediation.succeeded': 0,
      'legalEducation.activities': 0,
    });
    expect(metrics.values['mediation.successRate']).toBeUndefined();
  });

  it('answers the adviser item from the contract in force at the period’s end, linked to it', async () => {
    const county = await t.as('county');
    const { from, to } = period();
    const adviser = await county.advisers.save({
      countyCode: '330728000000',
      name: '李明',
      firm: '清和正言律师事务所',
    });
    const contract = await county.advisers.saveContract({
      adviserId: adviser.id,
      villageCode: X_VILLAGE,
      startsOn: from,
      endsOn: to,
    });
    const [national] = await t.db
      .select()
      .from(frameworks)
      .where(eq(frameworks.code, 'national-guiding-standard-template'));
    const { campaign } = await createCampaign(t, { frameworkId: national!.id });
    await county.campaigns.advance({ id: campaign.id });
    const declared = await county.participations.declare({
      campaignId: campaign.id,
      villageCode: X_VILLAGE,
    });
    const clerk = await t.as('clerk');
    const derived = await clerk.records.derivedAnswers({ participationId: declared.id });
    // the township's rollup counts this village covered, and the answer says yes
    const township = await county.advisers.coverage({ divisionCode: X_TOWNSHIP, from, to });
    const village = await county.advisers.coverage({ divisionCode: X_VILLAGE, from, to });
    expect(village).toMatchObject({ villages: 1, covered: 1, coverage: 1 });
    expect(township.covered).toBe(1);
    const item = derived.items.find((i) => i.metrics.includes('legalAdviser.underContract'))!;
    expect(item).toMatchObject({ missing: false, answer: true });
    expect(item.evidence).toEqual([
      expect.objectContaining({ register: 'legal_advisers', total: 1 }),
    ]);
    expect(item.evidence[0]!.records[0]).toMatchObject({
      id: contract.id,
      date: from,
      kind: 'contract',
      title: '李明',
    });
  });
});
