// The 普法 register: activities, rosters, plan items, month locking and the live statistics
// (issue #11, item 2).
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PUFA_TRAINED_HOURS, pufaActivityTypes, type PufaActivityType } from '@fazhi/domain';
import { todayIso } from '../src/services/campaigns/participations.js';
import { auditEvents, pufaActivities, pufaRoster } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

const COUNTY = '330728000000';
const X = '330728101000'; // 白石镇, the township officer's scope
const Y = '330728102000';
const X_VILLAGE = '330728101201'; // the clerk's village

const anActivity = {
  divisionCode: X_VILLAGE,
  type: 'lecture' as const,
  heldOn: '2026-10-12',
  place: '村文化礼堂',
  organiser: '白石镇司法所',
  participants: 45,
  materials: 60,
  notes: '民法典婚姻家庭编专题',
};

const aMember = {
  villageCode: X_VILLAGE,
  role: 'legal_literate' as const,
  name: '陈明理',
  trainingHours: 12,
  examResult: 'passed' as const,
  examOn: '2026-06-18',
};

function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('pufa activities', () => {
  it('a clerk records an activity of their village; the township and the county list it', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.pufa.saveActivity(anActivity);
    expect(saved).toMatchObject({ divisionCode: X_VILLAGE, townshipCode: X, warnings: [] });
    expect((await clerk.pufa.listActivities({ divisionCode: X_VILLAGE })).total).toBe(1);
    const township = await t.as('township');
    expect((await township.pufa.listActivities({ divisionCode: X })).items[0]?.id).toBe(saved.id);
    const county = await t.as('county');
    expect(
      (await county.pufa.listActivities({ divisionCode: COUNTY, type: 'lecture' })).total,
    ).toBe(1);
    expect((await county.pufa.listActivities({ divisionCode: COUNTY, type: 'film' })).total).toBe(
      0,
    );
  });

  it('today is accepted, tomorrow refused as a bilingual field error; nothing saved', async () => {
    const clerk = await t.as('clerk');
    const today = todayIso();
    const error = await expectError(
      clerk.pufa.saveActivity({ ...anActivity, heldOn: dayAfter(today, 1) }),
      'BAD_REQUEST',
      'HELD_IN_FUTURE',
    );
    expect(error.fieldErrors[0]).toMatchObject({ path: 'heldOn' });
    expect(error.messages.zh).toMatch(/活动日期不能晚于今天/);
    expect((await clerk.pufa.listActivities({ divisionCode: X_VILLAGE })).total).toBe(0);
    await clerk.pufa.saveActivity({ ...anActivity, heldOn: today });
    expect((await clerk.pufa.listActivities({ divisionCode: X_VILLAGE })).total).toBe(1);
  });

  it('a lecture with nobody there is saved with a warning; a display board is not', async () => {
    const clerk = await t.as('clerk');
    const empty = await clerk.pufa.saveActivity({ ...anActivity, participants: 0 });
    expect(empty.warnings.map((w) => w.code)).toEqual(['NO_PARTICIPANTS']);
    const one = await clerk.pufa.saveActivity({ ...anActivity, participants: 1 });
    expect(one.warnings).toEqual([]);
    const board = await clerk.pufa.saveActivity({
      ...anActivity,
      type: 'display_board',
      participants: 0,
      materials: 0,
    });
    expect(board.warnings).toEqual([]);
    const leaflets = await clerk.pufa.saveActivity({
      ...anActivity,
      type: 'materials',
      participants: 0,
      materials: 0,
    });
    expect(leaflets.warnings.map((w) => w.code)).toEqual(['NO_MATERIALS']);
    await expectError(clerk.pufa.saveActivity({ ...anActivity, participants: -1 }), 'BAD_REQUEST');
    await expectError(clerk.pufa.saveActivity({ ...anActivity, place: '  ' }), 'BAD_REQUEST');
  });

  it('the township records its own activities and only reads the villages', async () => {
    const township = await t.as('township');
    await expectError(township.pufa.saveActivity(anActivity), 'FORBIDDEN', 'ROLE_FORBIDDEN');
    await township.pufa.saveActivity({ ...anActivity, divisionCode: X });
    await (await t.as('clerk')).pufa.saveActivity(anActivity);
    expect((await township.pufa.listActivities({ divisionCode: X })).total).toBe(2);
    expect((await township.pufa.listActivities({ divisionCode: X, ownOnly: true })).total).toBe(1);
    await expectError(
      (await t.as('clerk')).pufa.saveActivity({ ...anActivity, divisionCode: X }),
      'FORBIDDEN',
    );
  });

  it('corrects an activity with the version read, and refuses a stale one', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.pufa.saveActivity(anActivity);
    const updated = await clerk.pufa.saveActivity({
      ...anActivity,
      id: saved.id,
      version: saved.version,
      participants: 80,
    });
    expect(updated).toMatchObject({ participants: 80, version: 2 });
    await expectError(
      clerk.pufa.saveActivity({ ...anActivity, id: saved.id, version: saved.version }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
  });

  it('a locked month refuses activities; reopened by the county it accepts them, all audited', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.pufa.saveActivity(anActivity);
    await (await t.as('township')).periods.lock({ townshipCode: X, month: '2026-10' });
    await expectError(clerk.pufa.saveActivity(anActivity), 'CONFLICT', 'PERIOD_LOCKED');
    await expectError(
      clerk.pufa.removeActivity({ id: saved.id, version: saved.version }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    // moving an activity out of the locked month writes to it too
    await expectError(
      clerk.pufa.saveActivity({
        ...anActivity,
        id: saved.id,
        version: saved.version,
        heldOn: '2026-11-02',
      }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    await clerk.pufa.saveActivity({ ...anActivity, heldOn: '2026-11-02' });
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-10', reason: '补录一次讲座' });
    await clerk.pufa.removeActivity({ id: saved.id, version: saved.version });
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'pufa.createActivity',
      'periods.lock',
      'pufa.createActivity',
      'periods.reopen',
      'pufa.removeActivity',
    ]);
  });

  it('the score sheet reads the activities of the period as legalEducation.activities', async () => {
    const clerk = await t.as('clerk');
    await clerk.pufa.saveActivity(anActivity);
    await clerk.pufa.saveActivity({ ...anActivity, heldOn: '2026-03-01', type: 'film' });
    await (await t.as('county')).pufa.saveActivity({ ...anActivity, divisionCode: '330728101202' });
    const metrics = await clerk.records.metrics({
      villageCode: X_VILLAGE,
      from: '2026-03-01',
      to: '2026-10-11',
    });
    expect(metrics.values['legalEducation.activities']).toBe(1);
    const all = await clerk.records.metrics({
      villageCode: X_VILLAGE,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(all.values['legalEducation.activities']).toBe(2);
  });
});

describe('pufa rosters', () => {
  it('names are shown inside the township, never to the county; no ID number is asked', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.pufa.saveRosterMember(aMember);
    expect(saved).toMatchObject({ name: '陈明理', warnings: [] });
    expect(Object.keys(saved)).not.toContain('idNumber');
    const township = await (await t.as('township')).pufa.listRoster({ divisionCode: X });
    expect(township.items[0]?.name).toBe('陈明理');
    const county = await t.as('county');
    const listed = await county.pufa.listRoster({ divisionCode: COUNTY });
    expect(listed.total).toBe(1);
    expect(listed.items[0]?.name).toBeNull();
    // the county corrects the hours without seeing (or erasing) the name
    const corrected = await county.pufa.saveRosterMember({
      ...aMember,
      name: undefined,
      id: saved.id,
      version: saved.version,
      trainingHours: 16,
    });
    expect(corrected).toMatchObject({ name: null, trainingHours: 16, version: 2 });
    expect((await clerk.pufa.listRoster({ divisionCode: X_VILLAGE })).items[0]?.name).toBe(
      '陈明理',
    );
  });

  it('validation rules at their boundaries', async () => {
    const clerk = await t.as('clerk');
    await expectError(
      clerk.pufa.saveRosterMember({ ...aMember, examOn: null }),
      'BAD_REQUEST',
      'EXAM_DATE_MISSING',
    );
    await expectError(
      clerk.pufa.saveRosterMember({ ...aMember, examOn: dayAfter(todayIso(), 1) }),
      'BAD_REQUEST',
      'EXAM_IN_FUTURE',
    );
    await clerk.pufa.saveRosterMember({ ...aMember, examOn: todayIso() });
    await expectError(
      clerk.pufa.saveRosterMember({ ...aMember, name: '' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    await expectError(
      clerk.pufa.saveRosterMember({ ...aMember, trainingHours: 1.25 }),
      'BAD_REQUEST',
    );
    const untrained = await clerk.pufa.saveRosterMember({
      ...aMember,
      trainingHours: 0,
      examResult: 'not_taken',
      examOn: null,
    });
    expect(untrained.warnings.map((w) => w.code)).toEqual(['NOT_TRAINED']);
    // rosters are kept by villages
    await expectError(
      (await t.as('county')).pufa.saveRosterMember({ ...aMember, villageCode: X }),
      'BAD_REQUEST',
    );
  });
});

describe('pufa plan', () => {
  const item = {
    divisionCode: X,
    year: 2026,
    title: '“宪法进农村”专题讲座',
    activityType: 'lecture' as const,
    targetCount: 12,
    dueOn: '2026-12-31',
    progress: 50,
  };

  it('the township keeps its plan; the activities of the planned kind are counted live', async () => {
    const township = await t.as('township');
    const saved = await township.pufa.savePlanItem(item);
    expect(saved.held).toBe(0);
    const clerk = await t.as('clerk');
    await clerk.pufa.saveActivity(anActivity);
    await clerk.pufa.saveActivity({ ...anActivity, type: 'film' });
    await clerk.pufa.saveActivity({ ...anActivity, heldOn: '2025-10-12' });
    const listed = await township.pufa.listPlan({ divisionCode: X, year: 2026 });
    expect(listed.items[0]).toMatchObject({ id: saved.id, held: 1, progress: 50 });
    // the county reads it with its own items
    const county = await t.as('county');
    await county.pufa.savePlanItem({ ...item, divisionCode: COUNTY, activityType: null });
    const all = await county.pufa.listPlan({ divisionCode: COUNTY, year: 2026 });
    expect(all.total).toBe(2);
    expect(all.items.find((i) => i.divisionCode === COUNTY)?.held).toBeNull();
    // a clerk keeps no plan, the township not the county's
    await expectError(clerk.pufa.savePlanItem(item), 'FORBIDDEN');
    await expectError(township.pufa.savePlanItem({ ...item, divisionCode: COUNTY }), 'FORBIDDEN');
  });

  it('the due date lies in its year; an overdue item below 100% is a warning', async () => {
    const township = await t.as('township');
    await expectError(
      township.pufa.savePlanItem({ ...item, dueOn: '2027-01-01' }),
      'BAD_REQUEST',
      'PLAN_DUE_OUTSIDE_YEAR',
    );
    await expectError(township.pufa.savePlanItem({ ...item, progress: 101 }), 'BAD_REQUEST');
    const late = await township.pufa.savePlanItem({ ...item, dueOn: '2026-01-31', progress: 99 });
    expect(late.warnings.map((w) => w.code)).toEqual(['PLAN_OVERDUE']);
    const done = await township.pufa.savePlanItem({
      ...item,
      id: late.id,
      version: late.version,
      dueOn: '2026-01-31',
      progress: 100,
    });
    expect(done.warnings).toEqual([]);
  });
});

describe('statistics.pufa', () => {
  it('a division without activities has zeros and every type', async () => {
    const stats = await (
      await t.as('county')
    ).statistics.pufa({ divisionCode: COUNTY, from: '2026-01-01', to: '2026-12-31' });
    expect(stats).toMatchObject({ activities: 0, participants: 0, legalLiterate: 0 });
    expect(Object.keys(stats.byType).sort()).toEqual([...pufaActivityTypes].sort());
    expect(stats.previousPeriod).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(stats.children.length).toBeGreaterThan(1);
  });

  const villagesX = ['330728101201', '330728101202'];
  const villagesY = ['330728102201'];
  const divisionsUsed = [...villagesX, ...villagesY, X, Y];
  const from = '2026-01-01';
  const to = '2026-06-30';
  const day = (n: number) => dayAfter('2025-07-01', n);
  const activityArb = fc.record({
    division: fc.constantFrom(...divisionsUsed),
    held: fc.integer({ min: 0, max: 395 }), // 2025-07-01 … 2026-07-31
    type: fc.constantFrom<PufaActivityType>(...pufaActivityTypes),
    participants: fc.integer({ min: 0, max: 500 }),
    materials: fc.integer({ min: 0, max: 1000 }),
  });
  const memberArb = fc.record({
    village: fc.constantFrom(...villagesX, ...villagesY),
    role: fc.constantFrom('legal_literate' as const, 'lecturer' as const),
    hours: fc.constantFrom(0, PUFA_TRAINED_HOURS - 0.5, PUFA_TRAINED_HOURS, 40),
    passed: fc.boolean(),
  });
  type ActivitySpec = typeof activityArb extends fc.Arbitrary<infer T> ? T : never;
  type MemberSpec = typeof memberArb extends fc.Arbitrary<infer T> ? T : never;

  function expected(
    activities: ActivitySpec[],
    members: MemberSpec[],
    match: (code: string) => boolean,
    start: string,
    end: string,
  ) {
    const rows = activities.filter(
      (a) => match(a.division) && day(a.held) >= start && day(a.held) <= end,
    );
    const literate = members.filter((m) => match(m.village) && m.role === 'legal_literate');
    return {
      activities: rows.length,
      participants: rows.reduce((n, a) => n + a.participants, 0),
      materials: rows.reduce((n, a) => n + a.materials, 0),
      byType: Object.fromEntries(
        pufaActivityTypes.map((type) => [type, rows.filter((a) => a.type === type).length]),
      ),
      legalLiterate: literate.length,
      trained: literate.filter((m) => m.hours >= PUFA_TRAINED_HOURS).length,
      passed: literate.filter((m) => m.passed).length,
      lecturers: members.filter((m) => match(m.village) && m.role === 'lecturer').length,
    };
  }
  const pick = (r: Record<string, unknown>) => ({
    activities: r.activities,
    participants: r.participants,
    materials: r.materials,
    byType: r.byType,
    legalLiterate: r.legalLiterate,
    trained: r.trained,
    passed: r.passed,
    lecturers: r.lecturers,
  });
  const pickPeriod = (r: Record<string, unknown>) => ({
    activities: r.activities,
    participants: r.participants,
    materials: r.materials,
    byType: r.byType,
  });

  it('rolls up to the sum of the records at every level, this period and the one before', async () => {
    const county = await t.as('county');
    const prefixes: Record<string, string> = {
      [COUNTY]: '330728',
      [X]: '330728101',
      [Y]: '330728102',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(activityArb, { maxLength: 40 }),
        fc.array(memberArb, { maxLength: 12 }),
        async (activities, members) => {
          await t.db.execute(sql`delete from pufa_activities`);
          await t.db.execute(sql`delete from pufa_roster`);
          if (activities.length > 0) {
            await t.db.insert(pufaActivities).values(
              activities.map((a) => ({
                countyCode: COUNTY,
                townshipCode: a.division.slice(0, 9) + '000',
                divisionCode: a.division,
                type: a.type,
                heldOn: day(a.held),
                place: '村委会',
                organiser: '司法所',
                participants: a.participants,
                materials: a.materials,
              })),
            );
          }
          if (members.length > 0) {
            await t.db.insert(pufaRoster).values(
              members.map((m, i) => ({
                countyCode: COUNTY,
                townshipCode: m.village.slice(0, 9) + '000',
                villageCode: m.village,
                role: m.role,
                name: `成员${i}`,
                trainingHours: m.hours,
                examResult: m.passed ? ('passed' as const) : ('not_taken' as const),
              })),
            );
          }
          for (const code of [COUNTY, X, Y, ...villagesX, ...villagesY]) {
            const stats = await county.statistics.pufa({ divisionCode: code, from, to });
            const prefix = prefixes[code] ?? code;
            const under = (p: string) => (c: string) => c.startsWith(p);
            expect(pick(stats)).toEqual(expected(activities, members, under(prefix), from, to));
            expect(pickPeriod(stats.previousPeriod)).toEqual(
              pickPeriod(expected(activities, members, under(prefix), '2025-07-01', '2025-12-31')),
            );
            for (const child of stats.children) {
              // the township's own row counts its own activities only, not its villages'
              const match = child.own
                ? (c: string) => c === child.code
                : under(prefixes[child.code] ?? child.code);
              expect(pick(child)).toEqual(expected(activities, members, match, from, to));
            }
            if (stats.children.length > 0) {
              for (const key of ['activities', 'participants', 'materials', 'trained'] as const) {
                expect(stats.children.reduce((n, c) => n + c[key], 0)).toBe(stats[key]);
              }
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('a township officer sees their township and its villages, not the county', async () => {
    const township = await t.as('township');
    const stats = await township.statistics.pufa({ divisionCode: X, from, to });
    expect(stats.children[0]).toMatchObject({ code: X, own: true });
    expect(stats.children.slice(1).every((c) => c.code.startsWith('330728101'))).toBe(true);
    await expectError(
      township.statistics.pufa({ divisionCode: COUNTY, from, to }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      township.statistics.pufa({ divisionCode: X, from: to, to: from }),
      'BAD_REQUEST',
    );
  });
});
