// The monthly mediation counts (mediation_monthly): kept equal to an aggregate of the cases by every
// save, correction and removal, in the write's own transaction; the statistics of a province or a
// prefecture read from them equal the same statistics read from the cases (issue #11).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkMediationCase, mediationEscalations, mediationOutcomes } from '@fazhi/domain';
import { Scope } from '../src/auth/scope.js';
import { rowsOf } from '../src/db/rows-of.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { mediationMonthlyAggregate } from '../src/services/registers/mediation-counts.js';
import { mediationStatistics } from '../src/services/registers/statistics.js';
import { restoreSnapshot } from '../src/db/snapshot.js';
import { expectError } from './expect-error.js';
import { useTestDatabase } from './harness.js';

// with the whole demo (its mediation register included)
const t = useTestDatabase({ campaign: true });
const nation = new Scope('000000000000', 'system_admin');

// beside the demo county (浙江 金华 清和县 330728): a county of 杭州 and one of 江苏
const OTHER_DIVISIONS = [
  '330100000000,杭州市',
  '330106000000,西湖区',
  '330106001000,北山街道',
  '330106001001,北山社区',
  '330106001002,曙光社区',
  '320000000000,江苏省',
  '320100000000,南京市',
  '320102000000,玄武区',
  '320102001000,梅园新村街道',
  '320102001001,长江路社区',
];

// 青山镇 (no locked months in the demo), two of its villages, and the other counties' communities
const DIVISIONS = [
  '330728102000',
  '330728102201',
  '330728102202',
  '330106001001',
  '330106001002',
  '320102001001',
] as const;

async function addDivisions() {
  await t.db.transaction((tx) =>
    importDivisions({ db: tx, csv: OTHER_DIVISIONS.join('\n'), scope: nation }),
  );
}

type Row = Record<string, unknown>;
const normalise = (rows: Row[]) =>
  rows
    .map((r) => ({
      countyCode: String(r.county_code),
      month: String(r.month).slice(0, 10),
      closedMonth: r.closed_month === null ? null : String(r.closed_month).slice(0, 10),
      counts: [r.received, r.succeeded, r.oral, r.written, r.petition, r.criminal].map(Number),
    }))
    .sort((a, b) =>
      `${a.countyCode}${a.month}${a.closedMonth}` < `${b.countyCode}${b.month}${b.closedMonth}`
        ? -1
        : 1,
    );

/** The rows kept, and the rows an aggregate of the cases gives now. */
async function keptAndCounted() {
  const kept = rowsOf<Row>(
    await t.db.execute(sql`select to_char(month, 'YYYY-MM-DD') as month,
      to_char(closed_month, 'YYYY-MM-DD') as closed_month, county_code, received, succeeded,
      oral, written, petition, criminal from mediation_monthly`),
  );
  const counted = rowsOf<Row>(
    await t.db.execute(sql`select to_char(month, 'YYYY-MM-DD') as month,
      to_char(closed_month, 'YYYY-MM-DD') as closed_month, county_code, received, succeeded,
      oral, written, petition, criminal
      from (${mediationMonthlyAggregate()}) as a (county_code, month, closed_month, received,
        succeeded, oral, written, petition, criminal)`),
  );
  return { kept: normalise(kept), counted: normalise(counted) };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = 86_400_000;

/** A case received on day `received` of 2025-01-01 onwards, closed `closedAfter` days later. */
function caseInput(c: {
  division: string;
  received: number;
  closedAfter: number;
  outcome: (typeof mediationOutcomes)[number];
  method: 'oral' | 'written';
  escalation: (typeof mediationEscalations)[number];
}) {
  const today = todayIso();
  const start = Date.parse('2025-01-01T00:00:00Z');
  const receivedOn = iso(Math.min(start + c.received * dayMs, Date.parse(`${today}T00:00:00Z`)));
  const closedOn = iso(
    Math.min(
      Date.parse(`${receivedOn}T00:00:00Z`) + c.closedAfter * dayMs,
      Date.parse(`${today}T00:00:00Z`),
    ),
  );
  return {
    divisionCode: c.division,
    receivedOn,
    type: 'other' as const,
    parties: 2,
    method: c.method,
    outcome: c.outcome,
    closedOn: c.outcome === 'open' ? null : closedOn,
    escalation: c.escalation,
    agreementNo: c.method === 'written' ? '调字1号' : undefined,
  };
}

const caseArb = fc.record({
  division: fc.constantFrom(...DIVISIONS),
  received: fc.integer({ min: 0, max: 700 }),
  closedAfter: fc.integer({ min: 0, max: 75 }),
  outcome: fc.constantFrom(...mediationOutcomes),
  method: fc.constantFrom('oral' as const, 'written' as const),
  escalation: fc.constantFrom(...mediationEscalations),
});

const opArb = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), c: caseArb }),
  // a correction of an earlier case: its month, dates, outcome, method or escalation change
  fc.record({ kind: fc.constant('update' as const), target: fc.nat(), c: caseArb }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
);

// whole-month periods (the monthly rows answer them) of different lengths, and their previous ones
const periods = [
  ['2026-01-01', '2026-12-31'],
  ['2026-04-01', '2026-06-30'],
  ['2025-03-01', '2025-03-31'],
  ['2025-02-01', '2026-11-30'],
] as const;
// the nation's provinces, prefectures (one with its county and one with the demo county)
const ABOVE_COUNTY = [
  '330000000000',
  '320000000000',
  '330700000000',
  '330100000000',
  '320100000000',
];

describe('mediation_monthly', () => {
  it('random saves, corrections and removals across villages and months leave the counts equal to an aggregate of the cases', async () => {
    // the demo's own cases are counted from the start (the demo seeds the rows by the aggregate)
    const start = await keptAndCounted();
    expect(start.kept.length).toBeGreaterThan(0);
    expect(start.kept).toEqual(start.counted);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        // each run from the demo as seeded (a failing run's counterexample then shrinks alone)
        await restoreSnapshot(t.db);
        await addDivisions();
        const admin = await t.as('admin');
        const mine: { id: string; version: number; divisionCode: string }[] = [];
        for (const op of ops) {
          if (op.kind === 'create') {
            const saved = await admin.mediation.save(caseInput(op.c));
            mine.push({ id: saved.id, version: saved.version, divisionCode: saved.divisionCode });
          } else if (mine.length > 0) {
            const i = op.target % mine.length;
            const target = mine[i]!;
            if (op.kind === 'update') {
              // a case keeps its committee; everything else may change
              const input = {
                ...caseInput({ ...op.c, division: target.divisionCode }),
                id: target.id,
                version: target.version,
              };
              // a settled written agreement is corrected only with its agreement file (these
              // cases have none): refused, nothing changes
              const problems = checkMediationCase({ ...input, files: 0 }, { today: todayIso() });
              if (problems.some((p) => p.code === 'AGREEMENT_MISSING')) {
                await expectError(admin.mediation.save(input), 'BAD_REQUEST', 'AGREEMENT_MISSING');
                continue;
              }
              const saved = await admin.mediation.save(input);
              target.version = saved.version;
            } else {
              await admin.mediation.remove({ id: target.id, version: target.version });
              mine.splice(i, 1);
            }
          }
        }
        const { kept, counted } = await keptAndCounted();
        expect(kept).toEqual(counted);
        // no row is left counting nothing
        expect(kept.every((r) => r.counts[0]! > 0)).toBe(true);
        // and the statistics above the county read from them equal those read from the cases
        for (const divisionCode of ABOVE_COUNTY) {
          for (const [from, to] of periods) {
            const input = { db: t.db, scope: nation, divisionCode, from, to };
            const fromMonthly = await mediationStatistics({ ...input, source: 'monthly' });
            const fromCases = await mediationStatistics({ ...input, source: 'cases' });
            expect(fromMonthly).toEqual(fromCases);
          }
        }
      }),
      { numRuns: 8 },
    );
    // eight runs of up to fourteen writes, each followed by the statistics of every level and period
  }, 300_000);

  it('statistics of a province, a prefecture, a county and a township agree whichever way they are read', async () => {
    await addDivisions();
    const admin = await t.as('admin');
    const cases = fc.sample(caseArb, { numRuns: 60, seed: 11 });
    for (const c of cases) await admin.mediation.save(caseInput(c));
    for (const [from, to] of periods) {
      for (const divisionCode of ABOVE_COUNTY) {
        const input = { db: t.db, scope: nation, divisionCode, from, to };
        const fromMonthly = await mediationStatistics({ ...input, source: 'monthly' });
        expect(fromMonthly).toEqual(await mediationStatistics({ ...input, source: 'cases' }));
        // what the procedure answers (it picks the monthly rows here)
        expect(await admin.statistics.mediation({ divisionCode, from, to })).toEqual(fromMonthly);
      }
      // a county's and a township's figures (read from the cases) add up to the province's
      const province = await admin.statistics.mediation({ divisionCode: '330000000000', from, to });
      const county = await admin.statistics.mediation({ divisionCode: '330728000000', from, to });
      const township = await admin.statistics.mediation({ divisionCode: '330728102000', from, to });
      const jinhua = province.children.find((p) => p.code === '330700000000')!;
      const pick = (r: { received: number; closed: number; succeeded: number }) => ({
        received: r.received,
        closed: r.closed,
        succeeded: r.succeeded,
      });
      expect(pick(county)).toEqual(pick(jinhua)); // 清和县 is 金华's only county with cases
      expect(pick(county.previousPeriod)).toEqual(pick(jinhua.previousPeriod));
      const qingshan = county.children.find((c) => c.code === '330728102000')!;
      expect(pick(qingshan)).toEqual(pick(township));
    }
    // a period cut inside a month is read from the cases, with the same answer
    const cut = { divisionCode: '330000000000', from: '2026-01-15', to: '2026-03-14' };
    expect(await admin.statistics.mediation(cut)).toEqual(
      await mediationStatistics({ db: t.db, scope: nation, ...cut, source: 'cases' }),
    );
  });

  it('a write that fails after the counts moved leaves them as they were', async () => {
    await addDivisions();
    const admin = await t.as('admin');
    const first = await admin.mediation.save(
      caseInput({
        division: '330106001001',
        received: 400,
        closedAfter: 3,
        outcome: 'succeeded',
        method: 'oral',
        escalation: 'none',
      }),
    );
    const before = await keptAndCounted();
    // the audit row is the last statement of every write: make it fail
    await t.db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused'; end $$`);
    await t.db.execute(
      sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`,
    );
    try {
      await expect(
        admin.mediation.save(
          caseInput({
            division: '330106001002',
            received: 500,
            closedAfter: 1,
            outcome: 'failed',
            method: 'oral',
            escalation: 'petition',
          }),
        ),
      ).rejects.toThrow();
      await expect(
        admin.mediation.save({
          ...caseInput({
            division: '330106001001',
            received: 100,
            closedAfter: 0,
            outcome: 'open',
            method: 'written',
            escalation: 'criminal',
          }),
          id: first.id,
          version: first.version,
        }),
      ).rejects.toThrow();
      await expect(
        admin.mediation.remove({ id: first.id, version: first.version }),
      ).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger refuse_audit on audit_events`);
      await t.db.execute(sql`drop function refuse_audit()`);
    }
    expect(await keptAndCounted()).toEqual(before);
    // and the case itself is as it was
    const listed = await admin.mediation.list({ divisionCode: '330106001000' });
    expect(listed.items.map((c) => [c.id, c.version, c.outcome])).toEqual([
      [first.id, 1, 'succeeded'],
    ]);
    // the same writes go through once the audit accepts them, and the counts follow
    await admin.mediation.remove({ id: first.id, version: first.version });
    const after = await keptAndCounted();
    expect(after.kept).toEqual(after.counted);
    expect(after.kept.length).toBe(before.kept.length - 1);
  });

  it("the migration's backfill counts the cases already recorded as the writes would", async () => {
    await addDivisions();
    const admin = await t.as('admin');
    for (const c of fc.sample(caseArb, { numRuns: 30, seed: 5 })) {
      await admin.mediation.save(caseInput(c));
    }
    const migration = readFileSync(
      new URL('../drizzle/0022_mediation_monthly.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toMatch(/INSERT INTO "mediation_monthly"/);
    const kept = (await keptAndCounted()).kept;
    await t.db.execute(sql`delete from mediation_monthly`);
    await t.db.execute(sql.raw(backfill));
    const refilled = await keptAndCounted();
    expect(refilled.kept).toEqual(kept);
    expect(refilled.kept).toEqual(refilled.counted);
  });
});
