// The mediation register, dispute screening, monthly locking and the live statistics (issue #11).
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { handledOutcomes, reportTimeliness, type MediationOutcome } from '@fazhi/domain';
import { todayIso } from '../src/services/campaigns/participations.js';
import { auditEvents, mediationCases } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

const COUNTY = '330728000000';
const X = '330728101000'; // 白石镇, the township officer's scope
const Y = '330728102000';
const X_VILLAGE = '330728101201'; // the clerk's village

const aCase = {
  divisionCode: X_VILLAGE,
  receivedOn: '2026-10-12',
  type: 'neighbour' as const,
  parties: 2,
  partyNames: '张三、李四',
  mediator: '王调解',
  method: 'oral' as const,
  outcome: 'succeeded' as const,
  closedOn: '2026-10-15',
};

describe('mediation.save', () => {
  it('a clerk records a case of their village; it is listed with its figures', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.mediation.save(aCase);
    expect(saved).toMatchObject({ divisionCode: X_VILLAGE, townshipCode: X, escalation: 'none' });
    const { items, total } = await clerk.mediation.list({ divisionCode: X_VILLAGE });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id: saved.id, partyNames: '张三、李四' });
  });

  it('refuses a case closed before it was received, as a bilingual field error; nothing saved', async () => {
    const clerk = await t.as('clerk');
    const error = await expectError(
      clerk.mediation.save({ ...aCase, closedOn: '2026-10-11' }),
      'BAD_REQUEST',
      'CLOSED_BEFORE_RECEIVED',
    );
    expect(error.fieldErrors[0]).toMatchObject({ path: 'closedOn' });
    expect(error.messages.en).toMatch(/before the date received/);
    // the same day is allowed
    await clerk.mediation.save({ ...aCase, closedOn: '2026-10-12' });
    expect((await clerk.mediation.list({ divisionCode: X_VILLAGE })).total).toBe(1);
  });

  it('a written agreement needs its agreement document: the case first, its file then', async () => {
    const clerk = await t.as('clerk');
    // a new case has no file yet; the rule reads its files once it exists
    const created = await clerk.mediation.save({ ...aCase, method: 'written' });
    expect(created).toMatchObject({ method: 'written', files: 0 });
    // an agreement number is no agreement document
    await expectError(
      clerk.mediation.save({
        ...aCase,
        method: 'written',
        agreementNo: '白石调字〔2026〕12号',
        id: created.id,
        version: created.version,
      }),
      'BAD_REQUEST',
      'AGREEMENT_MISSING',
    );
  });

  it('a township officer records township-level cases but only reads the villages', async () => {
    const township = await t.as('township');
    await expectError(township.mediation.save(aCase), 'FORBIDDEN', 'ROLE_FORBIDDEN');
    const own = await township.mediation.save({ ...aCase, divisionCode: X, partyNames: undefined });
    expect(own.divisionCode).toBe(X);
    await (await t.as('clerk')).mediation.save(aCase);
    // the clerk cannot record at township level
    await expectError(
      (await t.as('clerk')).mediation.save({ ...aCase, divisionCode: X }),
      'FORBIDDEN',
    );
    const listed = await township.mediation.list({ divisionCode: X });
    expect(listed.total).toBe(2);
    expect((await township.mediation.list({ divisionCode: X, ownOnly: true })).total).toBe(1);
    // party names are shown inside the township, never above it
    expect(listed.items.find((c) => c.divisionCode === X_VILLAGE)?.partyNames).toBe('张三、李四');
    const county = await (await t.as('county')).mediation.list({ divisionCode: COUNTY });
    expect(county.total).toBe(2);
    for (const c of county.items) expect(c.partyNames).toBeNull();
  });

  it('corrects a case with the version read, and refuses a stale one', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.mediation.save({ ...aCase, outcome: 'open', closedOn: null });
    expect(saved.warnings.map((w) => w.code)).toContain('OPEN_TOO_LONG');
    const updated = await clerk.mediation.save({
      ...aCase,
      id: saved.id,
      version: saved.version,
    });
    expect(updated).toMatchObject({ outcome: 'succeeded', version: 2, warnings: [] });
    await expectError(
      clerk.mediation.save({ ...aCase, id: saved.id, version: saved.version }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
  });
});

describe('periods', () => {
  it('a locked month refuses writes; the county reopens it with a reason and it accepts them', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.mediation.save(aCase);
    const township = await t.as('township');
    const locked = await township.periods.lock({ townshipCode: X, month: '2026-10' });
    expect(locked).toMatchObject({ locked: true, lockedBy: 'township' });
    await expectError(clerk.mediation.save(aCase), 'CONFLICT', 'PERIOD_LOCKED');
    await expectError(
      clerk.mediation.remove({ id: saved.id, version: saved.version }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    // moving a case out of the locked month is a write to it too
    await expectError(
      clerk.mediation.save({
        ...aCase,
        id: saved.id,
        version: saved.version,
        receivedOn: '2026-11-02',
        closedOn: '2026-11-03',
      }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    await expectError(
      clerk.screenings.save({
        villageCode: X_VILLAGE,
        month: '2026-10',
        zeroReport: true,
        disputesFound: 0,
      }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    // November is open
    await clerk.mediation.save({ ...aCase, receivedOn: '2026-11-02', closedOn: '2026-11-03' });
    await expectError(
      township.periods.reopen({ townshipCode: X, month: '2026-10', reason: '错录' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    const county = await t.as('county');
    await expectError(
      county.periods.reopen({ townshipCode: X, month: '2026-10', reason: '' }),
      'BAD_REQUEST',
    );
    const reopened = await county.periods.reopen({
      townshipCode: X,
      month: '2026-10',
      reason: '白石村一件案件结案日期错录',
    });
    expect(reopened).toMatchObject({ locked: false, reopenReason: '白石村一件案件结案日期错录' });
    await clerk.mediation.remove({ id: saved.id, version: saved.version });
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'mediation.create',
      'periods.lock',
      'mediation.create',
      'periods.reopen',
      'mediation.remove',
    ]);
    const periods = await county.periods.list({
      divisionCode: COUNTY,
      from: '2026-01',
      to: '2026-12',
    });
    expect(periods).toHaveLength(1);
  });

  it('a month that has not ended cannot be closed, nor closed twice', async () => {
    const township = await t.as('township');
    await expectError(
      township.periods.lock({ townshipCode: X, month: '2099-01' }),
      'BAD_REQUEST',
      'MONTH_NOT_ENDED',
    );
    await township.periods.lock({ townshipCode: X, month: '2026-09' });
    await expectError(
      township.periods.lock({ townshipCode: X, month: '2026-09' }),
      'CONFLICT',
      'PERIOD_ALREADY_LOCKED',
    );
  });
});

describe('screenings', () => {
  it('a zero report counts as a report; a missing month shows as missing', async () => {
    const clerk = await t.as('clerk');
    await clerk.screenings.save({
      villageCode: X_VILLAGE,
      month: '2026-10',
      zeroReport: false,
      screenedOn: '2026-10-20',
      disputesFound: 2,
    });
    const zero = await clerk.screenings.save({
      villageCode: X_VILLAGE,
      month: '2026-11',
      zeroReport: true,
      disputesFound: 0,
    });
    // recorded today: on time until 5 December 2026, late after
    expect(zero.timeliness).toBe(reportTimeliness('2026-11', todayIso()));
    await expectError(
      clerk.screenings.save({
        villageCode: X_VILLAGE,
        month: '2026-11',
        zeroReport: true,
        disputesFound: 0,
      }),
      'CONFLICT',
      'SCREENING_EXISTS',
    );
    const report = await (
      await t.as('township')
    ).screenings.reporting({
      divisionCode: X,
      from: '2026-09',
      to: '2026-11',
    });
    const mine = report.items.find((v) => v.villageCode === X_VILLAGE)!;
    expect(mine.months.map((m) => m.timeliness)).toEqual(['missing', 'late', zero.timeliness]);
    expect(mine.months[2]!.zeroReport).toBe(true);
    const november = report.months.find((m) => m.month === '2026-11')!;
    expect(november.reported).toBe(1);
    expect(november.villages).toBe(report.total);
    expect(november.reportingRate).toBeCloseTo(1 / report.total);
  });
});

describe('statistics.mediation', () => {
  it('rates with zero cases are null, not a division by zero', async () => {
    const stats = await (
      await t.as('county')
    ).statistics.mediation({
      divisionCode: COUNTY,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(stats).toMatchObject({ received: 0, handlingRate: null, successRate: null });
    expect(stats.children.length).toBeGreaterThan(1);
    expect(stats.previousPeriod).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
  });

  const villagesX = ['330728101201', '330728101202'];
  const villagesY = ['330728102201'];
  const divisionsUsed = [...villagesX, ...villagesY, X, Y];
  const from = '2026-01-01';
  const to = '2026-06-30';
  const day = (n: number) =>
    new Date(Date.parse('2025-07-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const caseArb = fc.record({
    division: fc.constantFrom(...divisionsUsed),
    received: fc.integer({ min: 0, max: 395 }), // 2025-07-01 … 2026-07-31
    closedAfter: fc.integer({ min: 0, max: 60 }),
    method: fc.constantFrom('oral' as const, 'written' as const),
    outcome: fc.constantFrom<MediationOutcome>(
      'succeeded',
      'failed',
      'terminated',
      'to_court',
      'open',
    ),
    escalation: fc.constantFrom('none' as const, 'petition' as const, 'criminal' as const),
  });

  type CaseSpec = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

  function expected(cases: CaseSpec[], prefix: string, start: string, end: string) {
    const rows = cases.filter(
      (c) => c.division.startsWith(prefix) && day(c.received) >= start && day(c.received) <= end,
    );
    const closed = rows.filter(
      (c) => handledOutcomes.includes(c.outcome) && day(c.received + c.closedAfter) <= end,
    );
    return {
      received: rows.length,
      closed: closed.length,
      succeeded: closed.filter((c) => c.outcome === 'succeeded').length,
      oral: rows.filter((c) => c.method === 'oral').length,
      written: rows.filter((c) => c.method === 'written').length,
      petition: rows.filter((c) => c.escalation === 'petition').length,
      criminal: rows.filter((c) => c.escalation === 'criminal').length,
    };
  }
  const pick = (r: Record<string, unknown>) => ({
    received: r.received,
    closed: r.closed,
    succeeded: r.succeeded,
    oral: r.oral,
    written: r.written,
    petition: r.petition,
    criminal: r.criminal,
  });

  it('rolls up to the sum of the records at every level, this period and the one before', async () => {
    const county = await t.as('county');
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { maxLength: 40 }), async (cases) => {
        await t.db.execute(sql`delete from mediation_cases`);
        if (cases.length > 0) {
          await t.db.insert(mediationCases).values(
            cases.map((c) => ({
              countyCode: COUNTY,
              townshipCode: c.division.slice(0, 9) + '000',
              divisionCode: c.division,
              receivedOn: day(c.received),
              type: 'other' as const,
              parties: 2,
              method: c.method,
              outcome: c.outcome,
              closedOn: c.outcome === 'open' ? null : day(c.received + c.closedAfter),
              escalation: c.escalation,
            })),
          );
        }
        const prefixes: Record<string, string> = {
          [COUNTY]: '330728',
          [X]: '330728101',
          [Y]: '330728102',
        };
        for (const code of [COUNTY, X, Y, ...villagesX, ...villagesY]) {
          const stats = await county.statistics.mediation({ divisionCode: code, from, to });
          const prefix = prefixes[code] ?? code;
          expect(pick(stats)).toEqual(expected(cases, prefix, from, to));
          expect(pick(stats.previousPeriod)).toEqual(
            expected(cases, prefix, '2025-07-01', '2025-12-31'),
          );
          for (const child of stats.children) {
            const childPrefix = child.own ? child.code : (prefixes[child.code] ?? child.code);
            const want = expected(cases, childPrefix, from, to);
            if (child.own) {
              // the township committee's own cases only, not its villages'
              const own = cases.filter((c) => c.division === child.code);
              expect(pick(child)).toEqual(expected(own, child.code, from, to));
            } else {
              expect(pick(child)).toEqual(want);
            }
          }
          // the children add up to the division
          const sum = stats.children.reduce((n, c) => n + c.received, 0);
          if (stats.children.length > 0) expect(sum).toBe(stats.received);
          const e = expected(cases, prefix, from, to);
          expect(stats.handlingRate).toBe(e.received === 0 ? null : e.closed / e.received);
          expect(stats.successRate).toBe(e.closed === 0 ? null : e.succeeded / e.closed);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('a township officer sees their township and its villages, not the county', async () => {
    const township = await t.as('township');
    const stats = await township.statistics.mediation({ divisionCode: X, from, to });
    expect(stats.children[0]).toMatchObject({ code: X, own: true });
    expect(stats.children.slice(1).every((c) => c.code.startsWith('330728101'))).toBe(true);
    await expectError(
      township.statistics.mediation({ divisionCode: COUNTY, from, to }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      township.statistics.mediation({ divisionCode: X, from: to, to: from }),
      'BAD_REQUEST',
    );
  });
});
