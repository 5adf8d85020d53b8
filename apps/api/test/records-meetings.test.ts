// Meetings and resolutions: checked under the law in force on the meeting date, kept with the
// result, scoped to the village, refused with field errors, locked once a period is submitted.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { auditEvents } from '../src/db/schema.js';

const t = useTestDatabase();

const VILLAGE = '330728101201'; // 杨林村, the clerk's
const OTHER_VILLAGE = '330728101202'; // same township
const Y_VILLAGE = '330728102201'; // 青山镇

const assetVote = (date: string) => ({
  villageCode: VILLAGE,
  body: 'villagers_meeting' as const,
  date,
  eligible: 100,
  attendees: 60,
  resolutions: [
    {
      title: '处置村集体仓库',
      matter: 'collective_asset_disposal' as const,
      votesFor: 40,
      votesAgainst: 15,
      abstentions: 5,
    },
  ],
});

describe('meetings.save', () => {
  it('stores a collective-asset resolution with the result each date’s law gives', async () => {
    const clerk = await t.as('clerk');
    const before = await clerk.meetings.save(assetVote('2025-04-30'));
    const after = await clerk.meetings.save(assetVote('2025-05-01'));
    const b = before.resolutions[0]!;
    const a = after.resolutions[0]!;
    // before 2025-05-01: a majority of those present under the organic law
    expect(b.check).toMatchObject({ quorumMet: true, passed: true, problems: [] });
    expect(b.check!.citations.map((c) => c.law)).toEqual([
      'village_committees_organic_law',
      'village_committees_organic_law',
    ]);
    expect(b.check!.citations.map((c) => c.version)).toEqual(['2018', '2018']);
    expect(b.ruleVersion).toBe('village_committees_organic_law:2018');
    // from 2025-05-01: two thirds of all members, 农村集体经济组织法
    expect(a.check).toMatchObject({ quorumMet: true, passed: false });
    expect(a.check!.problems.map((p) => p.code)).toEqual(['TWO_THIRDS_OF_ALL_NOT_MET']);
    expect(a.check!.problems[0]!.citation?.law).toBe('rural_collective_economic_organizations_law');
    expect(a.check!.citations.map((c) => c.law)).toContain(
      'rural_collective_economic_organizations_law',
    );
    expect(a.ruleVersion).toContain('rural_collective_economic_organizations_law');
    expect(a.problemCount).toBe(1);
    // and it is what the list gives back later
    const { items } = await clerk.meetings.list({ villageCode: VILLAGE });
    expect(items).toHaveLength(2);
    expect(items.find((m) => m.date === '2025-05-01')!.resolutions[0]!.check).toEqual(a.check);
  });

  it.each([
    ['2025-12-31', '2018', 22],
    ['2026-01-01', '2025', 26],
  ])('a meeting on %s cites the organic law version %s', async (date, version, article) => {
    const clerk = await t.as('clerk');
    const saved = await clerk.meetings.save({
      villageCode: VILLAGE,
      body: 'villagers_meeting',
      date,
      eligible: 100,
      attendees: 51,
      resolutions: [{ title: '修路', votesFor: 30, votesAgainst: 20, abstentions: 1 }],
    });
    expect(saved.resolutions[0]!.check!.citations).toEqual([
      { law: 'village_committees_organic_law', version, article },
    ]);
    expect(saved.resolutions[0]!.ruleVersion).toContain(
      `village_committees_organic_law:${version}`,
    );
  });

  it('passes the representatives’ own votes of a land matter to the check', async () => {
    const clerk = await t.as('clerk');
    const input = {
      villageCode: VILLAGE,
      body: 'representatives_meeting' as const,
      date: '2026-03-01',
      eligible: 40,
      attendees: 30,
      resolutions: [
        {
          title: '土地承包方案',
          matter: 'land_contract_plan' as const,
          votesFor: 25,
          votesAgainst: 3,
          abstentions: 2,
          representatives: 30,
          representativesVotesFor: 19,
        },
      ],
    };
    const short = await clerk.meetings.save(input);
    // 19 of 30 representatives is short of two thirds (20), whatever the committee members voted
    expect(short.resolutions[0]!.check!.passed).toBe(false);
    expect(short.resolutions[0]!.check!.problems[0]!.field).toBe('representativesVotesFor');
    const enough = await clerk.meetings.save({
      ...input,
      resolutions: [{ ...input.resolutions[0]!, representativesVotesFor: 20 }],
    });
    expect(enough.resolutions[0]!.check!.passed).toBe(true);
  });

  it('records a joint meeting of the two committees without a quorum check', async () => {
    const saved = await (
      await t.as('clerk')
    ).meetings.save({
      villageCode: VILLAGE,
      body: 'joint_committees_meeting',
      date: '2026-02-01',
      eligible: 9,
      attendees: 7,
      resolutions: [{ title: '商议修路方案', votesFor: 7, votesAgainst: 0, abstentions: 0 }],
    });
    expect(saved.resolutions[0]!.check).toBeNull();
    expect(saved.resolutions[0]!.problemCount).toBe(0);
  });

  it('writes one audit event per save', async () => {
    await (await t.as('clerk')).meetings.save(assetVote('2026-01-05'));
    const events = await t.db.select().from(auditEvents);
    expect(events.map((e) => [e.action, e.divisionCode])).toEqual([['meetings.create', VILLAGE]]);
  });
});

describe('bad input changes nothing', () => {
  const good = () => assetVote('2026-03-01');

  it.each([
    ['attendees above eligible', { attendees: 101 }, 'attendees'],
    ['a date in the future', { date: '2099-01-01' }, 'date'],
    ['a date before village committees existed', { date: '1980-01-01' }, 'date'],
  ])('refuses %s as a field error', async (_name, change, field) => {
    const clerk = await t.as('clerk');
    const error = await expectError(
      clerk.meetings.save({ ...good(), ...change }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(error.fieldErrors.map((f) => f.path)).toEqual([field]);
    expect(error.fieldErrors[0]!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect((await clerk.meetings.list({ villageCode: VILLAGE })).total).toBe(0);
  });

  it('refuses votes above the attendees', async () => {
    const clerk = await t.as('clerk');
    const input = good();
    input.resolutions[0]!.votesFor = 50; // 50 + 15 + 5 > 60
    const error = await expectError(clerk.meetings.save(input), 'BAD_REQUEST');
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['resolutions.0.votesFor']);
  });

  it('refuses a group of another village', async () => {
    const township = await t.as('township');
    const group = await township.groups.save({
      villageCode: OTHER_VILLAGE,
      name: '第一村民小组',
      households: 40,
      voters: 120,
    });
    const clerk = await t.as('clerk');
    const error = await expectError(
      clerk.meetings.save({ ...good(), body: 'group_meeting', groupId: group.id }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['groupId']);
  });
});

describe('the register', () => {
  it('keeps an eligible count that differs from the register, with a warning', async () => {
    const clerk = await t.as('clerk');
    await clerk.groups.save({ villageCode: VILLAGE, name: '一组', households: 30, voters: 60 });
    await clerk.groups.save({ villageCode: VILLAGE, name: '二组', households: 25, voters: 45 });
    const listed = await clerk.groups.list({ villageCode: VILLAGE });
    expect(listed.totals).toEqual({ households: 55, voters: 105, representatives: 0 });
    const saved = await clerk.meetings.save(assetVote('2026-03-01'));
    expect(saved.eligible).toBe(100);
    expect(saved.registerEligible).toBe(105);
    expect(saved.warnings.map((w) => w.code)).toEqual(['ELIGIBLE_DIFFERS_FROM_REGISTER']);
  });

  it('imports groups from CSV all or nothing, listing every bad cell', async () => {
    const clerk = await t.as('clerk');
    const error = await expectError(
      clerk.groups.import({
        villageCode: VILLAGE,
        csv: '小组名称,户数,选民数\n一组,30,六十\n二组,-1,45\n,3,4\n',
      }),
      'BAD_REQUEST',
      'IMPORT_BAD_CELLS',
    );
    const cells = (error.details as { cells: { row: number; column: string }[] }).cells;
    expect(cells.map((c) => `${c.row}:${c.column}`)).toEqual(['2:选民数', '3:户数', '4:小组名称']);
    expect((await clerk.groups.list({ villageCode: VILLAGE })).items).toEqual([]);
    const ok = await clerk.groups.import({
      villageCode: VILLAGE,
      csv: '小组名称,户数,选民数,村民代表\n一组,30,60,4\n二组,25,45,3\n',
    });
    expect(ok.imported).toBe(2);
    expect((await clerk.groups.list({ villageCode: VILLAGE })).totals.representatives).toBe(7);
  });
});

describe('scope', () => {
  it('a clerk cannot save a meeting for another village', async () => {
    const clerk = await t.as('clerk');
    await expectError(
      clerk.meetings.save({ ...assetVote('2026-03-01'), villageCode: OTHER_VILLAGE }),
      'FORBIDDEN',
    );
    expect(await t.db.execute(sql`select 1 from village_meetings`)).toSatisfy(
      (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])).length === 0,
    );
  });

  it('a township officer of another township can neither read nor write the records', async () => {
    const county = await t.as('county');
    await county.users.create({
      username: 'y_officer',
      displayName: '青山镇 干部',
      password: 'Yofficer2026',
      role: 'township_officer',
      scopeCode: '330728102000',
    });
    const clerk = await t.as('clerk');
    const meeting = await clerk.meetings.save(assetVote('2026-03-01'));
    const disclosure = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'finance',
      period: '2026-Q1',
      postedOn: '2026-04-02',
      channel: 'board',
      summary: '一季度财务收支',
    });
    const y = await t.as('y_officer');
    await expectError(y.meetings.list({ villageCode: VILLAGE }), 'FORBIDDEN');
    await expectError(y.meetings.get({ id: meeting.id }), 'NOT_FOUND');
    await expectError(y.disclosures.list({ villageCode: VILLAGE }), 'FORBIDDEN');
    await expectError(
      y.disclosures.compliance({ villageCode: VILLAGE, from: '2026-01-01', asOf: '2026-06-30' }),
      'FORBIDDEN',
    );
    await expectError(
      y.records.metrics({ villageCode: VILLAGE, from: '2026-01-01', to: '2026-06-30' }),
      'FORBIDDEN',
    );
    await expectError(
      y.meetings.save({ ...assetVote('2026-03-02'), id: meeting.id, version: meeting.version }),
      'FORBIDDEN',
    );
    await expectError(y.meetings.remove({ id: meeting.id, version: meeting.version }), 'NOT_FOUND');
    await expectError(
      y.disclosures.remove({ id: disclosure.id, version: disclosure.version }),
      'NOT_FOUND',
    );
    const { items: compliance } = await y.records.compliance({
      code: '330728102000',
      from: '2026-01-01',
      to: '2026-06-30',
      pageSize: 200,
    });
    expect(compliance.some((r) => r.villageCode === VILLAGE)).toBe(false);
    // the clerk's own township sees it
    const own = await (await t.as('township')).meetings.list({ villageCode: VILLAGE });
    expect(own.total).toBe(1);
    void Y_VILLAGE;
  });
});

describe('corrections and deletion', () => {
  it('refuses a stale version', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.meetings.save(assetVote('2026-03-01'));
    await clerk.meetings.save({ ...assetVote('2026-03-01'), id: saved.id, version: saved.version });
    await expectError(
      clerk.meetings.save({ ...assetVote('2026-03-01'), id: saved.id, version: saved.version }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
  });

  it('keeps a record of a submitted period: no deletion, a correction is flagged', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.meetings.save(assetVote('2026-03-01'));
    const county = await t.as('county');
    const { campaignInSelfAssessment } = await import('./campaign-fixture.js');
    await campaignInSelfAssessment(t, [VILLAGE]);
    // declared only: still deletable later; mark the column submitted
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    void county;
    await expectError(
      clerk.meetings.remove({ id: saved.id, version: saved.version }),
      'CONFLICT',
      'RECORD_LOCKED',
    );
    const corrected = await clerk.meetings.save({
      ...assetVote('2026-03-01'),
      attendees: 70,
      id: saved.id,
      version: saved.version,
    });
    expect(corrected.correctedAfterSubmission).toBe(true);
    const { items: row } = await (
      await t.as('township')
    ).records.compliance({
      code: '330728101000',
      from: '2026-01-01',
      to: '2026-12-31',
      pageSize: 200,
    });
    expect(row.find((r) => r.villageCode === VILLAGE)!.corrections).toBe(1);
    // a record of another year is not held by this campaign
    const other = await clerk.meetings.save(assetVote('2025-03-01'));
    await clerk.meetings.remove({ id: other.id, version: other.version });
  });
  it('shows the township corrections of every register, not only meetings', async () => {
    const clerk = await t.as('clerk');
    const disclosure = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'finance',
      period: '2026-Q1',
      postedOn: '2026-04-02',
      channel: 'board',
      summary: '一季度财务收支',
    });
    const representatives = {
      villageCode: VILLAGE,
      kind: 'representatives' as const,
      date: '2026-02-01',
      figures: {
        households: 600,
        representatives: 40,
        womenRepresentatives: 15,
        committeeMembers: 5,
      },
    };
    const election = await clerk.elections.save(representatives);
    const { campaignInSelfAssessment } = await import('./campaign-fixture.js');
    await campaignInSelfAssessment(t, [VILLAGE]);
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    const correctedDisclosure = await clerk.disclosures.save({
      villageCode: VILLAGE,
      category: 'finance',
      period: '2026-Q1',
      postedOn: '2026-04-03',
      channel: 'board',
      summary: '一季度财务收支（更正）',
      id: disclosure.id,
      version: disclosure.version,
    });
    expect(correctedDisclosure.correctedAfterSubmission).toBe(true);
    const correctedElection = await clerk.elections.save({
      ...representatives,
      figures: { ...representatives.figures, womenRepresentatives: 16 },
      id: election.id,
      version: election.version,
    });
    expect(correctedElection.correctedAfterSubmission).toBe(true);
    const { items } = await (
      await t.as('township')
    ).records.compliance({
      code: '330728101000',
      from: '2026-01-01',
      to: '2026-12-31',
      pageSize: 200,
    });
    expect(items.find((r) => r.villageCode === VILLAGE)!.corrections).toBe(2);
    expect(items.find((r) => r.villageCode === OTHER_VILLAGE)!.corrections).toBe(0);
  });

  it('deletes a matter or an election record until the period is submitted, then refuses', async () => {
    const clerk = await t.as('clerk');
    const matter = (title: string) => ({
      villageCode: VILLAGE,
      title,
      steps: [{ step: 'party_branch_proposal' as const, on: '2026-02-01' }],
    });
    const representatives = {
      villageCode: VILLAGE,
      kind: 'representatives' as const,
      date: '2026-02-01',
      figures: {
        households: 600,
        representatives: 40,
        womenRepresentatives: 15,
        committeeMembers: 5,
      },
    };
    // before submission: deleted, and a stale version is refused first
    const early = await clerk.matters.save(matter('村道硬化'));
    await expectError(
      clerk.matters.remove({ id: early.id, version: early.version + 1 }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    await clerk.matters.remove({ id: early.id, version: early.version });
    expect(await clerk.matters.list({ villageCode: VILLAGE })).toHaveLength(0);
    const earlyElection = await clerk.elections.save(representatives);
    await clerk.elections.remove({ id: earlyElection.id, version: earlyElection.version });
    expect(await clerk.elections.list({ villageCode: VILLAGE })).toHaveLength(0);
    const removals = await t.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} in ('matters.remove', 'elections.remove')`);
    expect(removals.map((r) => r.action).sort()).toEqual(['elections.remove', 'matters.remove']);

    // after submission: refused with the reason, and nothing is deleted
    const kept = await clerk.matters.save(matter('修建文化礼堂'));
    const keptElection = await clerk.elections.save(representatives);
    const { campaignInSelfAssessment } = await import('./campaign-fixture.js');
    await campaignInSelfAssessment(t, [VILLAGE]);
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    await expectError(
      clerk.matters.remove({ id: kept.id, version: kept.version }),
      'CONFLICT',
      'RECORD_LOCKED',
    );
    await expectError(
      clerk.elections.remove({ id: keptElection.id, version: keptElection.version }),
      'CONFLICT',
      'RECORD_LOCKED',
    );
    expect(await clerk.matters.list({ villageCode: VILLAGE })).toHaveLength(1);
    expect(await clerk.elections.list({ villageCode: VILLAGE })).toHaveLength(1);
  });
});
