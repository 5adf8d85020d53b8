// Records feed scores: the self-assessment answers derived from a village's records of the
// campaign's period (来自台账), with the records as evidence; an override needs a reason, which
// the reviewers see; the period follows campaignRecordPeriod.
import { describe, expect, it } from 'vitest';
import { campaignRecordPeriod, type Framework } from '@fazhi/domain';
import { Scope } from '../src/auth/scope.js';
import { recordMetrics } from '../src/services/records/records.js';
import { requireOverrideReasons } from '../src/services/records/derived.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  campaignInSelfAssessment,
  createCampaign,
  goodSheet,
  versionOf,
  X_VILLAGE,
} from './campaign-fixture.js';
import { todayIso } from '../src/services/campaigns/participations.js';

const t = useTestDatabase();

const representatives = (date: string, attendees = 30) => ({
  villageCode: X_VILLAGE,
  body: 'representatives_meeting' as const,
  date,
  eligible: 40,
  attendees,
  resolutions: [
    { title: '村道修缮计划', votesFor: attendees - 2, votesAgainst: 1, abstentions: 1 },
  ],
});

const finance = (postedOn: string) => ({
  villageCode: X_VILLAGE,
  category: 'finance' as const,
  period: postedOn.slice(0, 7),
  postedOn,
  channel: 'board' as const,
  summary: '本月财务收支明细',
});

async function withRecords() {
  const clerk = await t.as('clerk');
  const q1 = await clerk.meetings.save(representatives('2026-02-10'));
  const q2 = await clerk.meetings.save(representatives('2026-05-12'));
  // Q3's meeting lacks two thirds (26 of 40): not a lawful quarter
  await clerk.meetings.save(representatives('2026-08-08', 26));
  const posted = [];
  for (const day of ['2026-01-10', '2026-02-10', '2026-03-10']) {
    posted.push(await clerk.disclosures.save(finance(day)));
  }
  const { ids, framework, campaign, county } = await campaignInSelfAssessment(t, [X_VILLAGE]);
  return { clerk, ids, framework, campaign, county, meetings: [q1, q2], posted };
}

describe('records.derivedAnswers', () => {
  it('derives the items that name a metric from the records of the campaign’s period, with the records as evidence', async () => {
    const { clerk, ids } = await withRecords();
    const derived = await clerk.records.derivedAnswers({ participationId: ids[X_VILLAGE]! });
    expect(derived.hasRecords).toBe(true);
    expect(derived.period).toEqual(campaignRecordPeriod({ year: 2026 }, { asOf: todayIso() }));
    const byItem = new Map(derived.items.map((i) => [i.itemId, i]));
    // two quarters with a lawful representatives' meeting (Q3's lacked two thirds)
    const a33 = byItem.get('A3.3')!;
    expect(a33).toMatchObject({ missing: false, answer: 2 });
    expect(a33.explanation.zh).toContain('2026-01-01至');
    expect(a33.evidence).toEqual([expect.objectContaining({ register: 'meetings', total: 3 })]);
    expect(a33.evidence[0]!.records.map((r) => r.date)).toEqual([
      '2026-02-10',
      '2026-05-12',
      '2026-08-08',
    ]);
    // three months with a finance posting
    const a44 = byItem.get('A4.4')!;
    expect(a44).toMatchObject({ missing: false, answer: 3 });
    expect(a44.evidence[0]).toMatchObject({ register: 'disclosures', total: 3 });
    // mediation is not a register here: missing, a person answers it
    expect(byItem.get('A5.6')).toMatchObject({ missing: true, metrics: ['mediation.successRate'] });
    expect(byItem.has('A1.1')).toBe(false);
  });

  it('derives nothing for a village with no record in the period', async () => {
    const { ids, framework } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const clerk = await t.as('clerk');
    const derived = await clerk.records.derivedAnswers({ participationId: ids[X_VILLAGE]! });
    expect(derived).toMatchObject({ hasRecords: false, items: [] });
    // and the self-assessment is saved as before
    const id = ids[X_VILLAGE]!;
    const version = await versionOf(t, id);
    const saved = await clerk.participations.saveSheet({
      id,
      version,
      column: 'self',
      data: goodSheet(framework.definition),
    });
    expect(saved.version).toBe(version + 1);
  });

  it('reads the four quarters before the self-assessment starts', async () => {
    const clerk = await t.as('clerk');
    await clerk.meetings.save(representatives('2025-03-31')); // before the period
    await clerk.meetings.save(representatives('2025-04-01')); // its first day
    const { campaign, county } = await createCampaign(t, {
      stageDates: { self_assess: '2026-04-15' },
    });
    await county.campaigns.advance({ id: campaign.id });
    const declared = await county.participations.declare({
      campaignId: campaign.id,
      villageCode: X_VILLAGE,
    });
    const derived = await clerk.records.derivedAnswers({ participationId: declared.id });
    expect(derived.period).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    const a33 = derived.items.find((i) => i.itemId === 'A3.3')!;
    expect(a33.evidence[0]!.records.map((r) => r.date)).toEqual(['2025-04-01']);
    expect(a33.answer).toBe(1);
  });

  it('reads the period the county set for the campaign instead of the rule', async () => {
    const clerk = await t.as('clerk');
    await clerk.meetings.save(representatives('2025-06-30')); // the day before the period
    await clerk.meetings.save(representatives('2025-07-01')); // its first day
    await clerk.meetings.save(representatives('2025-12-31')); // its last day
    await clerk.meetings.save(representatives('2026-01-01')); // the day after
    const { campaign, county } = await createCampaign(t, {
      stageDates: { self_assess: '2026-04-15' },
      recordPeriod: { from: '2025-07-01', to: '2025-12-31' },
    });
    expect(campaign.recordPeriod).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    await county.campaigns.advance({ id: campaign.id });
    const declared = await county.participations.declare({
      campaignId: campaign.id,
      villageCode: X_VILLAGE,
    });
    const derived = await clerk.records.derivedAnswers({ participationId: declared.id });
    expect(derived.period).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    const a33 = derived.items.find((i) => i.itemId === 'A3.3')!;
    expect(a33.evidence[0]!.records.map((r) => r.date).sort()).toEqual([
      '2025-07-01',
      '2025-12-31',
    ]);
  });

  it('refuses a records period that ends before it starts, naming the field', async () => {
    const error = await expectError(
      createCampaign(t, { recordPeriod: { from: '2025-07-02', to: '2025-07-01' } }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['recordPeriod']);
    expect(error.messages.zh).toContain('台账取数期间');
  });

  it('is refused outside the scope', async () => {
    const { ids } = await withRecords();
    const county = await t.as('county');
    await county.users.create({
      username: 'y_officer',
      displayName: '青山镇 干部',
      password: 'Yofficer2026',
      role: 'township_officer',
      scopeCode: '330728102000',
    });
    const y = await t.as('y_officer');
    await expectError(y.records.derivedAnswers({ participationId: ids[X_VILLAGE]! }), 'NOT_FOUND');
    const township = await t.as('township');
    expect(
      (await township.records.derivedAnswers({ participationId: ids[X_VILLAGE]! })).hasRecords,
    ).toBe(true);
  });
});

describe('overriding a derived answer', () => {
  async function derivedSheet() {
    const setup = await withRecords();
    const derived = await setup.clerk.records.derivedAnswers({
      participationId: setup.ids[X_VILLAGE]!,
    });
    const sheet = goodSheet(setup.framework.definition);
    for (const item of derived.items) {
      if (!item.missing) sheet.items[item.itemId] = item.answer as never;
    }
    return { ...setup, id: setup.ids[X_VILLAGE]!, sheet };
  }

  it('keeps the derived answers without a reason', async () => {
    const { clerk, id, sheet } = await derivedSheet();
    const version = await versionOf(t, id);
    const saved = await clerk.participations.saveSheet({
      id,
      version,
      column: 'self',
      data: sheet,
    });
    expect(saved.version).toBe(version + 1);
  });

  it('refuses a different answer without a reason, in Chinese and English, and changes nothing', async () => {
    const { clerk, id, sheet } = await derivedSheet();
    const version = await versionOf(t, id);
    const error = await expectError(
      clerk.participations.saveSheet({
        id,
        version,
        column: 'self',
        data: { ...sheet, items: { ...sheet.items, 'A3.3': 4 }, overrides: { 'A3.3': '  ' } },
      }),
      'BAD_REQUEST',
      'OVERRIDE_REASON_REQUIRED',
    );
    expect(JSON.stringify(error)).toContain('overrides.A3.3');
    expect(JSON.stringify(error)).toContain('须填写理由');
    expect(JSON.stringify(error)).toContain('give a reason');
    const after = await clerk.participations.get({ id });
    expect(after.participation.version).toBe(version);
    expect(after.participation.sheet.self).toBeUndefined();
  });

  it('takes it with a reason, which the township sees on the sheet', async () => {
    const { clerk, id, sheet } = await derivedSheet();
    const reason = '第四季度代表会议记录在纸质台账，尚未录入系统';
    await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: { ...sheet, items: { ...sheet.items, 'A3.3': 4 }, overrides: { 'A3.3': reason } },
    });
    const township = await t.as('township');
    const seen = await township.participations.get({ id });
    expect(seen.participation.sheet.self!.items['A3.3']).toBe(4);
    expect(seen.participation.sheet.self!.overrides).toEqual({ 'A3.3': reason });
  });

  it('takes reasons only in the self-assessment column', async () => {
    const { clerk, id, sheet, campaign, county } = await derivedSheet();
    await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: sheet,
    });
    await clerk.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'submit_self_assessment' },
    });
    await county.campaigns.advance({ id: campaign.id });
    const township = await t.as('township');
    await expectError(
      township.participations.saveSheet({
        id,
        version: await versionOf(t, id),
        column: 'township',
        data: { ...sheet, overrides: { 'A3.3': '理由' } },
      }),
      'BAD_REQUEST',
    );
    // the same column without reasons is the township's to save
    await township.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'township',
      data: sheet,
    });
  });
});

describe('the records a self-assessment save reads', () => {
  it('computes only the metrics a framework names, with the values of the full set', async () => {
    await withRecords();
    const scope = new Scope('000000000000', 'system_admin');
    const at = { db: t.db, scope, villageCode: X_VILLAGE, from: '2026-01-01', to: '2026-12-31' };
    const full = await recordMetrics(at);
    const only = new Set(['disclosures.finance.monthsPosted', 'meetings.representatives']);
    const some = await recordMetrics({ ...at, only });
    expect(some.values).toEqual({
      'disclosures.finance.monthsPosted': full.values['disclosures.finance.monthsPosted'],
      'meetings.representatives': full.values['meetings.representatives'],
    });
    expect(some.values['meetings.representatives']).toBe(3);
  });

  it('a framework without items derived from the records reads no record', async () => {
    // any use of the database fails: the check must not reach it
    const untouchable = new Proxy(
      {},
      {
        get: (_target, name) => {
          throw new Error(`the database was used (${String(name)})`);
        },
      },
    ) as typeof t.db;
    const plain = {
      areas: [{ items: [{ code: 'B1', rule: { kind: 'check' } }] }],
    } as unknown as Framework;
    const opts = {
      db: untouchable,
      scope: new Scope('000000000000', 'system_admin'),
      villageCode: X_VILLAGE,
      campaign: { subjectLevel: 'village', year: 2026 } as unknown as Parameters<
        typeof requireOverrideReasons
      >[0]['campaign'],
      data: { items: { B1: true }, vetoes: [], comments: {} },
    };
    await expect(requireOverrideReasons({ ...opts, framework: plain })).resolves.toBeUndefined();
    // the same check for a framework with a derived item does read the records
    const derivedItem = {
      areas: [
        {
          items: [
            { code: 'B1', rule: { kind: 'check' }, metric: { key: 'meetings.representatives' } },
          ],
        },
      ],
    } as unknown as Framework;
    await expect(requireOverrideReasons({ ...opts, framework: derivedItem })).rejects.toThrow(
      /the database was used/,
    );
  });
});
