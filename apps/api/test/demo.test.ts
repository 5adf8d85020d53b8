import {
  checkAppraisal,
  checkBudgetRecord,
  checkCorrectionFigures,
  checkMediationCase,
  checkPufaActivity,
  emptyBudgetTally,
} from '@fazhi/domain';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES } from '@fazhi/domain';
import {
  evidenceFiles,
  mediationCaseFiles,
  participationStates,
  pufaActivityPhotos,
  townshipFiles,
} from '../src/db/schema.js';
import { sniffEvidenceType, sweepEvidence } from '../src/services/campaigns/evidence.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import {
  DEMO_SELF_ASSESS_CAMPAIGN,
  DEMO_TOWNSHIP_REVIEW_CAMPAIGN,
} from '../src/demo/demo-rounds.js';
import { useTestDatabase } from './harness.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { goodSheet } from './campaign-fixture.js';

const t = useTestDatabase({ campaign: true });

/** Removes the demo county (and all that hangs on its divisions), to load it again. */
async function emptyDemo() {
  await t.db.execute(
    sql`truncate table evidence_files, objections, titles, participations, campaigns, county_units, sessions, users, divisions, audit_events, mediation_cases, mediation_monthly, dispute_screenings, register_periods, legal_advisers, adviser_contracts, adviser_duty_days, adviser_services, correction_figures, pufa_activities, pufa_roster, pufa_plan_items, village_groups restart identity cascade`,
  );
}

describe('the demo county', () => {
  it('has township tasks in every light, one closed and rated, and comments answered and waiting', async () => {
    const township = await t.as('township');
    for (const light of ['green', 'yellow', 'red'] as const) {
      const { total } = await township.tasks.list({ divisionCode: '330728101000', light });
      expect(total, light).toBeGreaterThan(0);
    }
    const closed = await township.tasks.list({ divisionCode: '330728101000', state: 'closed' });
    expect(closed.items[0]).toMatchObject({ rating: 'satisfied' });
    // the clerk's village's ratings answer A1.10 (按时完成交办任务) of its self-assessment
    const ratings = await township.tasks.ratingMetrics({
      divisionCode: '330728101201',
      from: new Date(Date.parse(`${todayIso()}T00:00:00Z`) - 90 * 86_400_000)
        .toISOString()
        .slice(0, 10),
      to: todayIso(),
    });
    expect(ratings.values).toMatchObject({
      'tasks.closed': 2,
      'tasks.satisfied': 1,
      'tasks.basicallySatisfied': 1,
      'tasks.satisfactoryRatio': 1,
    });
    const red = await township.tasks.list({ divisionCode: '330728101000', light: 'red' });
    expect(red.items[0]!.escalated).toBe(true);
    const comments = await township.comments.list({ divisionCode: '330728101000' });
    expect(comments.items.some((c) => c.reply !== null)).toBe(true);
    expect(comments.items.some((c) => c.light === 'red')).toBe(true);
    const year = Number(todayIso().slice(0, 4));
    const projects = await township.projects.list({ divisionCode: '330728101000', year });
    const stages = projects.items.map((p) => p.stage).sort();
    expect(stages).toEqual(['idea', 'not_taken', 'shortlisted', 'voted_down', 'voted_through']);
    for (const p of projects.items.filter((x) => x.vote)) {
      expect(p.vote!.check.passed).toBe(p.stage === 'voted_through');
    }
  });

  it('has a key project of the participatory budget with all five stages recorded', async () => {
    const county = await t.as('county');
    const year = Number(todayIso().slice(0, 4));
    const { items } = await county.budget.list({ divisionCode: '330728101000', year });
    expect(items.map((p) => [p.title, p.currentStage])).toEqual([
      ['兰林村溪边游步道及护岸修复', 'complete'],
    ]);
    const project = await county.budget.get({ id: items[0]!.id });
    expect(new Set(project.records.map((r) => r.kind))).toEqual(
      new Set(['request', 'meeting', 'plan', 'tender', 'inspection', 'appraisal']),
    );
    // each record passes the domain's rules in the order recorded
    const tally = emptyBudgetTally();
    for (const r of project.records) {
      expect(checkBudgetRecord(r.kind, r.on, tally, todayIso()), `${r.kind} ${r.on}`).toBeNull();
      tally[r.kind] = { count: tally[r.kind].count + 1, latest: r.on };
    }
    const appraisal = project.records.find((r) => r.kind === 'appraisal')!;
    expect(
      checkAppraisal({
        participants: appraisal.people,
        satisfied: appraisal.satisfied!,
        basicallySatisfied: appraisal.basicallySatisfied!,
        unsatisfied: appraisal.unsatisfied!,
      }).problems,
    ).toEqual([]);
    expect(appraisal.rectifications.map((r) => r.doneOn !== null)).toEqual([true, false]);
    expect(project.records.filter((r) => r.kind === 'request').some((r) => r.ideaId)).toBe(true);
    expect(project.records.filter((r) => r.kind === 'request').some((r) => r.commentId)).toBe(true);
  });

  it('has 15 townships, 300 villages and one account per role', async () => {
    const admin = await t.as('admin');
    expect(await admin.dashboard.summary()).toEqual({ townships: 15, villages: 300, users: 6 });
    const roles = (await admin.users.list({})).items.map((u) => u.role).sort();
    expect(roles).toEqual([...ROLES].sort());
  });

  it('has county units, a unit officer who sees only their unit, and an annual township assessment', async () => {
    const county = await t.as('county');
    expect((await county.units.list({})).items.map((u) => u.name)).toHaveLength(3);
    const annual = (await county.campaigns.list({})).items.find((c) => c.mode === 'annual')!;
    expect(annual).toMatchObject({ subjectLevel: 'township', stage: 'self_assess' });
    expect((await county.participations.list({ campaignId: annual.id })).total).toBe(15);
    const township = await t.as('township');
    const todo = await township.dashboard.todo();
    expect(todo.find((e) => e.campaignId === annual.id)).toMatchObject({
      task: 'self_assessment',
      count: 1,
    });
    const unit = await t.as('unit');
    expect((await unit.participations.list({ campaignId: annual.id })).total).toBe(0);
  });

  it('has a living campaign with villages in every state, scored by the domain library', async () => {
    const county = await t.as('county');
    const { items } = await county.campaigns.list({});
    expect(items.map((c) => c.stage).sort()).toEqual([
      'public_notice',
      'self_assess',
      'self_assess',
      'township_review',
    ]);
    const atNotice = items.find((c) => c.stage === 'public_notice')!;
    const campaign = await county.campaigns.get({ id: atNotice.id });
    // every state of a creation campaign (not those of annual and recommendation campaigns)
    const otherModes = new Set(['enrolled', 'recommended', 'not_selected']);
    expect(Object.keys(campaign.counts).sort()).toEqual(
      participationStates.filter((s) => !otherModes.has(s)).sort(),
    );
    const ranking = await county.campaigns.ranking({ id: campaign.id, pageSize: 200 });
    expect(ranking.total).toBeGreaterThan(20);
    expect(ranking.items).toHaveLength(ranking.total);
    expect(ranking.items[0]!.rank).toBe(1);
    for (const entry of ranking.items) {
      expect(entry.total).toBeGreaterThanOrEqual(0);
      expect(entry.total).toBeLessThanOrEqual(100);
    }
    const named = await county.titles.list({ status: 'active', pageSize: 100 });
    expect(named.total).toBeGreaterThanOrEqual(10);
  });

  it('gives the clerk a declared village with an empty sheet to self-assess', async () => {
    const clerk = await t.as('clerk');
    const todo = await clerk.dashboard.todo();
    const entry = todo.find((e) => e.task === 'self_assessment');
    expect(entry).toMatchObject({ campaignName: DEMO_SELF_ASSESS_CAMPAIGN, stage: 'self_assess' });
    expect(entry!.count).toBe(1);
    const { items } = await clerk.participations.list({ campaignId: entry!.campaignId });
    expect(items.map((p) => [p.villageCode, p.state])).toEqual([['330728101201', 'declared']]);
    const sheet = await clerk.participations.get({ id: items[0]!.id });
    expect(sheet.participation.selfTotal).toBeNull();
    expect(sheet.participation.sheet).toEqual({});
  });

  it("gives the township officer the township's submitted sheets to review", async () => {
    const township = await t.as('township');
    const todo = await township.dashboard.todo();
    const review = todo.find((e) => e.task === 'township_review');
    expect(review).toMatchObject({
      campaignName: DEMO_TOWNSHIP_REVIEW_CAMPAIGN,
      stage: 'township_review',
      count: 5,
    });
    // only 白石镇's: the other township's submitted villages are not theirs
    const { items } = await township.participations.list({ campaignId: review!.campaignId });
    expect(items.every((p) => p.villageCode.startsWith('330728101'))).toBe(true);
    expect(items).toHaveLength(5);
    // nothing for the clerk in that campaign: 杨林村 is not in it
    const clerkTodo = await (await t.as('clerk')).dashboard.todo();
    expect(clerkTodo.map((e) => e.campaignId)).not.toContain(review!.campaignId);
  });

  it('lets a newcomer play the README round: submit, advance, return with reason, notice', async () => {
    const clerk = await t.as('clerk');
    const [entry] = await clerk.dashboard.todo();
    const { items } = await clerk.participations.list({ campaignId: entry!.campaignId });
    const id = items[0]!.id;
    const sheet = await clerk.participations.get({ id });
    // the answers the village's records give, as the score sheet pre-fills them (来自台账)
    const data = goodSheet(sheet.framework);
    const derived = await clerk.records.derivedAnswers({ participationId: id });
    for (const d of derived.items) if (!d.missing) data.items[d.itemId] = d.answer as never;
    const saved = await clerk.participations.saveSheet({
      id,
      version: sheet.participation.version,
      column: 'self',
      data,
    });
    await clerk.participations.transition({
      id,
      version: saved.version,
      event: { type: 'submit_self_assessment' },
    });
    const county = await t.as('county');
    await county.campaigns.advance({ id: entry!.campaignId });
    const township = await t.as('township');
    const todo = await township.dashboard.todo();
    const counts = todo.filter((e) => e.task === 'township_review').map((e) => e.count);
    expect(counts.sort()).toEqual([4, 5]);
    await township.participations.transition({
      id,
      version: (await township.participations.get({ id })).participation.version,
      event: { type: 'return', reason: '请补充村规民约修订的表决记录' },
    });
    const notices = await (await t.as('clerk')).dashboard.notices();
    expect(notices).toMatchObject([
      { kind: 'returned', villageCode: '330728101201', reason: '请补充村规民约修订的表决记录' },
    ]);
  });

  it('gives the clerk’s village a year of records that answer its self-assessment 来自台账', async () => {
    const clerk = await t.as('clerk');
    const todo = await clerk.dashboard.todo();
    const entry = todo.find((e) => e.task === 'self_assessment')!;
    const { items } = await clerk.participations.list({ campaignId: entry.campaignId });
    const derived = await clerk.records.derivedAnswers({ participationId: items[0]!.id });
    expect(derived.hasRecords).toBe(true);
    const answered = derived.items.filter((i) => !i.missing).map((i) => i.itemId);
    // quarterly representatives' meetings, 四议两公开, months of finance postings
    expect(answered).toEqual(expect.arrayContaining(['A1.8', 'A3.1', 'A3.3', 'A4.4']));
    const a33 = derived.items.find((i) => i.itemId === 'A3.3')!;
    expect(a33.evidence[0]!.total).toBeGreaterThanOrEqual(2);
    // its villager groups add up to the 换届's figures, and the meetings' 应到人数 agree with them
    const groups = await clerk.groups.list({ villageCode: '330728101201' });
    expect(groups.items.length).toBeGreaterThanOrEqual(5);
    expect(groups.totals).toEqual({ households: 420, voters: 860, representatives: 42 });
    const meetings = await clerk.meetings.list({ villageCode: '330728101201', pageSize: 200 });
    expect(meetings.items.length).toBeGreaterThan(0);
    for (const m of meetings.items) expect(m.warnings, m.date).toEqual([]);
    expect(meetings.items.some((m) => m.registerEligible !== null)).toBe(true);
    // and the township sees the villages with records in its compliance table
    const township = await t.as('township');
    const { items: rows } = await township.records.compliance({
      code: '330728101000',
      from: '2026-01-01',
      to: '2026-12-31',
      pageSize: 200,
    });
    const clerkRow = rows.find((r) => r.villageCode === '330728101201')!;
    expect(clerkRow.meetingsHeld).toBeGreaterThanOrEqual(4);
    expect(clerkRow.rulesNotFiledOrReviewed).toBe(0);
  });

  it('posts the clerk’s road resolution as a major matter linked to it, on time', async () => {
    const clerk = await t.as('clerk');
    const { items } = await clerk.disclosures.list({ villageCode: '330728101201', pageSize: 200 });
    const major = items.filter((d) => d.category === 'major');
    expect(major.map((d) => d.resolution?.title)).toEqual(['村内道路硬化实施方案']);
    expect(major[0]!.resolution!.meetingDate).toBe('2026-04-18');
    const compliance = await clerk.disclosures.compliance({
      villageCode: '330728101201',
      from: '2026-04-01',
      asOf: '2026-05-31',
    });
    expect(compliance.problems.filter((p) => p.message.zh.includes('重大'))).toEqual([]);
    // the 四议两公开 matter's 决议公开 step names the posting
    const [matter] = await clerk.matters.list({ villageCode: '330728101201' });
    const step = matter!.steps.find((s) => s.step === 'resolution_published');
    expect(step?.disclosureId).toBe(major[0]!.id);
  });

  it('is the same every time', async () => {
    const county = await t.as('county');
    const atNotice = async (caller: typeof county) =>
      (await caller.campaigns.list({})).items.find((c) => c.stage === 'public_notice')!.id;
    const before = await county.campaigns.ranking({ id: await atNotice(county) });
    const todoBefore = await (await t.as('township')).dashboard.todo();
    await emptyDemo();
    await seedDemo(t.db);
    const again = await t.as('county');
    const after = await again.campaigns.ranking({ id: await atNotice(again) });
    expect(after).toEqual(before);
    const todoAfter = await (await t.as('township')).dashboard.todo();
    expect(todoAfter.map(({ campaignId: _, ...rest }) => rest)).toEqual(
      todoBefore.map(({ campaignId: _, ...rest }) => rest),
    );
  });
});

describe('the demo loaded with a data directory (as pnpm start does)', () => {
  it('keeps the bytes of every file it lists: evidence, agreements, 普法 photos and township work', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-demo-files-'));
    try {
      await emptyDemo();
      await seedDemo(t.db, { dataDir });
      // written as uploads are (.part), named by the start-up sweep now that the rows are committed
      const swept = await sweepEvidence({ db: t.db, dataDir });
      const tables = {
        evidence_files: await t.db.select().from(evidenceFiles),
        mediation_case_files: await t.db.select().from(mediationCaseFiles),
        pufa_activity_photos: await t.db.select().from(pufaActivityPhotos),
        township_files: await t.db.select().from(townshipFiles),
      };
      const all = Object.values(tables).flat();
      expect(swept).toEqual({ published: all.length, removed: 0 });
      for (const [table, rows] of Object.entries(tables)) {
        expect(rows.length, table).toBeGreaterThan(0);
      }
      // the task reports' files and the budget records' files both
      expect(tables.township_files.some((f) => f.taskReportId !== null)).toBe(true);
      expect(tables.township_files.some((f) => f.budgetRecordId !== null)).toBe(true);
      for (const row of all) {
        const bytes = readFileSync(join(dataDir, row.storagePath));
        expect(bytes.length, row.fileName).toBe(row.size);
        expect(createHash('sha256').update(bytes).digest('hex'), row.fileName).toBe(row.sha256);
        // typed by their content, as an upload is
        expect(sniffEvidenceType(bytes)?.mime, row.fileName).toBe(row.mimeType);
      }
      // and seen where a user looks: a 普法 activity's photos, a task's report
      const county = await t.as('county');
      const photo = tables.pufa_activity_photos[0]!;
      expect(await county.pufa.activityPhotos({ activityId: photo.activityId })).toHaveLength(2);
      const report = tables.township_files.find((f) => f.taskReportId !== null)!;
      const task = await county.tasks.get({ id: report.folderId });
      expect(task.reports.flatMap((r) => r.attachments.map((a) => a.fileName))).toContain(
        report.fileName,
      );
      // no report carries typed file names any more
      expect(task.reports.every((r) => r.files.length === 0)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the demo registers', () => {
  it('hold mediation cases and screenings that pass the register rules, rolled up live', async () => {
    const county = await t.as('county');
    const stats = await county.statistics.mediation({
      divisionCode: '330728000000',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(stats.received).toBeGreaterThan(10);
    expect(stats.previousPeriod.received).toBeGreaterThan(stats.received);
    const all = await county.mediation.list({ divisionCode: '330728000000', pageSize: 200 });
    // seeded without a data directory (as here) the settled written cases keep no agreement file,
    // since no file row is written without its bytes: that is their only error
    for (const c of all.items) {
      const problems = checkMediationCase(c, { today: '2026-12-01' });
      const settledInWriting = c.method === 'written' && c.outcome === 'succeeded';
      expect(problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(
        settledInWriting ? ['AGREEMENT_MISSING'] : [],
      );
    }
    const reporting = await county.screenings.reporting({
      divisionCode: '330728101000',
      from: '2026-01',
      to: '2026-10',
    });
    expect(reporting.months[6]!.reported).toBe(3);
  });

  it('hold advisers covering most villages and correction figures that pass their rules', async () => {
    const county = await t.as('county');
    const advisers = await county.advisers.list({ divisionCode: '330728000000', pageSize: 50 });
    expect(advisers.total).toBe(10);
    const coverage = await county.advisers.coverage({
      divisionCode: '330728000000',
      from: '2026-01-01',
      to: '2026-10-31',
    });
    // every 23rd of the 300 villages has no adviser
    expect([coverage.villages, coverage.covered]).toEqual([300, 287]);
    expect(coverage.dutyDays).toBe(12 * 10);
    expect(
      coverage.children.find((c) => c.code === '330728101000')!.services.consultation,
    ).toBeGreaterThan(0);
    const stats = await county.corrections.statistics({
      divisionCode: '330728000000',
      from: '2026-01',
      to: '2026-10',
    });
    expect(stats.reported).toBe(15 * 10);
    expect(stats.placementRate).toBeGreaterThan(0.8);
    const rows = await county.corrections.list({
      divisionCode: '330728000000',
      from: '2025-01',
      to: '2026-10',
      pageSize: 200,
    });
    expect(rows.total).toBe(15 * 22);
    for (const r of rows.items) {
      expect(
        checkCorrectionFigures(r.month, r, { today: '2026-12-01' }).filter(
          (p) => p.severity === 'error',
        ),
      ).toEqual([]);
    }
  });

  it('hold 普法 activities that pass the rules, rosters and plans, rolled up live', async () => {
    const county = await t.as('county');
    const stats = await county.statistics.pufa({
      divisionCode: '330728000000',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(stats.activities).toBeGreaterThan(20);
    expect(stats.previousPeriod.activities).toBeLessThan(stats.activities);
    expect(stats.legalLiterate).toBe(16);
    expect(stats.lecturers).toBe(6);
    expect(stats.trained).toBeGreaterThan(0);
    expect(stats.trained).toBeLessThan(stats.legalLiterate);
    const all = await county.pufa.listActivities({ divisionCode: '330728000000', pageSize: 200 });
    const warned = all.items.filter((a) => a.warnings.length > 0);
    expect(warned.map((a) => a.warnings[0]!.code)).toEqual(['NO_PARTICIPANTS']);
    for (const a of all.items) {
      const problems = checkPufaActivity(a, { today: '2026-12-01' });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
    const plan = await county.pufa.listPlan({ divisionCode: '330728000000', year: 2026 });
    expect(plan.total).toBe(5);
    expect(plan.items.find((i) => i.activityType === 'lecture')!.held).toBeGreaterThan(0);
  });
});
