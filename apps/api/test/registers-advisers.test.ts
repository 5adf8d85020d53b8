// Legal advisers (一村一法律顾问) and the monthly community-correction figures (issue #11, items
// 3 and 4): scope, the validation rules at their boundaries, the month lock, and coverage and
// rollups equal to the records.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '@fazhi/domain';
import { todayIso } from '../src/services/campaigns/participations.js';
import { adviserContracts, auditEvents, correctionFigures, divisions } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

const COUNTY = '330728000000';
const X = '330728101000'; // 白石镇, the township officer's scope
const Y = '330728102000';
const X_VILLAGE = '330728101201'; // the clerk's village
const X_VILLAGE_2 = '330728101202';
const Y_VILLAGE = '330728102201';

const anAdviser = { countyCode: COUNTY, name: '李明', firm: '清和正言律师事务所' };
const year2026 = { startsOn: '2026-01-01', endsOn: '2026-12-31' };

async function adviserWithContract(villageCode = X_VILLAGE) {
  const county = await t.as('county');
  const adviser = await county.advisers.save(anAdviser);
  const contract = await county.advisers.saveContract({
    adviserId: adviser.id,
    villageCode,
    ...year2026,
  });
  return { county, adviser, contract };
}

describe('advisers', () => {
  it('the county records an adviser and the villages each covers; the township sees its own', async () => {
    const { county, adviser } = await adviserWithContract();
    const other = await county.advisers.save({ ...anAdviser, name: '王芳', phone: '0579-8888888' });
    await county.advisers.saveContract({
      adviserId: other.id,
      villageCode: Y_VILLAGE,
      ...year2026,
    });
    const all = await county.advisers.list({ divisionCode: COUNTY });
    expect(all.items.map((a) => [a.name, a.contracts.map((c) => c.villageCode)])).toEqual([
      ['李明', [X_VILLAGE]],
      ['王芳', [Y_VILLAGE]],
    ]);
    const township = await t.as('township');
    const mine = await township.advisers.list({ divisionCode: X });
    expect(mine.items.map((a) => a.id)).toEqual([adviser.id]);
    expect(mine.total).toBe(1);
    await expectError(township.advisers.save(anAdviser), 'FORBIDDEN');
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'advisers.create',
      'advisers.createContract',
      'advisers.create',
      'advisers.createContract',
    ]);
  });

  it.each([
    ['2026-01-01', 'CONTRACT_ENDS_BEFORE_START'],
    ['2025-12-31', 'CONTRACT_ENDS_BEFORE_START'],
  ])('refuses a contract from 2026-01-01 to %s; nothing saved', async (endsOn, code) => {
    const county = await t.as('county');
    const adviser = await county.advisers.save(anAdviser);
    const error = await expectError(
      county.advisers.saveContract({
        adviserId: adviser.id,
        villageCode: X_VILLAGE,
        startsOn: '2026-01-01',
        endsOn,
      }),
      'BAD_REQUEST',
      code,
    );
    expect(error.fieldErrors[0]).toMatchObject({ path: 'endsOn' });
    expect(await t.db.select().from(adviserContracts)).toEqual([]);
    const ok = await county.advisers.saveContract({
      adviserId: adviser.id,
      villageCode: X_VILLAGE,
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
    });
    expect(ok.warnings).toEqual([]);
  });

  it('an overlapping contract of the same village is saved with a warning', async () => {
    const { county, adviser, contract } = await adviserWithContract();
    const touching = await county.advisers.saveContract({
      adviserId: adviser.id,
      villageCode: X_VILLAGE,
      startsOn: '2026-12-31',
      endsOn: '2027-12-31',
    });
    expect(touching.warnings.map((w) => w.code)).toEqual(['CONTRACT_OVERLAPS']);
    // the next day does not overlap; correcting a contract does not compare it with itself
    const moved = await county.advisers.saveContract({
      id: touching.id,
      version: touching.version,
      adviserId: adviser.id,
      villageCode: X_VILLAGE,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    expect(moved).toMatchObject({ version: 2, warnings: [] });
    await expectError(
      county.advisers.saveContract({
        id: touching.id,
        version: touching.version,
        adviserId: adviser.id,
        villageCode: X_VILLAGE,
        ...year2026,
      }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    // another village's contract never overlaps this one
    const elsewhere = await county.advisers.saveContract({
      adviserId: adviser.id,
      villageCode: X_VILLAGE_2,
      ...year2026,
    });
    expect(elsewhere.warnings).toEqual([]);
    await county.advisers.removeContract({ id: contract.id, version: contract.version });
    expect((await county.advisers.list({ divisionCode: X_VILLAGE })).items[0]!.contracts).toEqual([
      expect.objectContaining({ id: moved.id }),
    ]);
  });

  it('a clerk records services of their village, the township the duty days; each at their level', async () => {
    const { adviser } = await adviserWithContract();
    const clerk = await t.as('clerk');
    const today = todayIso();
    const service = await clerk.advisers.saveService({
      adviserId: adviser.id,
      divisionCode: X_VILLAGE,
      date: today,
      kind: 'document_review',
      count: 3,
      note: '审查土地流转合同',
    });
    expect(service).toMatchObject({ adviserName: '李明', count: 3 });
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await expectError(
      clerk.advisers.saveService({
        adviserId: adviser.id,
        divisionCode: X_VILLAGE,
        date: tomorrow,
        kind: 'consultation',
        count: 1,
      }),
      'BAD_REQUEST',
      'SERVICE_IN_FUTURE',
    );
    await expectError(
      clerk.advisers.saveService({
        adviserId: adviser.id,
        divisionCode: X_VILLAGE,
        date: today,
        kind: 'consultation',
        count: 0,
      }),
      'BAD_REQUEST',
      'SERVICE_COUNT_MISSING',
    );
    const duty = {
      adviserId: adviser.id,
      townshipCode: X,
      date: '2026-11-10',
      place: '白石镇集市',
    };
    await expectError(clerk.advisers.saveDutyDay(duty), 'FORBIDDEN');
    const township = await t.as('township');
    await township.advisers.saveDutyDay(duty);
    // the township reads its villages' services but records only its own
    await expectError(
      township.advisers.saveService({
        adviserId: adviser.id,
        divisionCode: X_VILLAGE,
        date: today,
        kind: 'lecture',
        count: 1,
      }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    expect((await township.advisers.services({ divisionCode: X })).total).toBe(1);
    expect((await township.advisers.dutyDays({ divisionCode: X })).items[0]).toMatchObject({
      place: '白石镇集市',
      adviserName: '李明',
    });
    expect((await (await t.as('county')).advisers.services({ divisionCode: Y })).total).toBe(0);
  });

  it('a locked month refuses duty days and services; reopened, it accepts them', async () => {
    const { adviser } = await adviserWithContract();
    const township = await t.as('township');
    await township.periods.lock({ townshipCode: X, month: '2026-10' });
    const service = {
      adviserId: adviser.id,
      divisionCode: X_VILLAGE,
      date: '2026-10-20',
      kind: 'mediation' as const,
      count: 1,
    };
    const clerk = await t.as('clerk');
    await expectError(clerk.advisers.saveService(service), 'CONFLICT', 'PERIOD_LOCKED');
    const duty = {
      adviserId: adviser.id,
      townshipCode: X,
      date: '2026-10-08',
      place: '白石镇集市',
    };
    await expectError(township.advisers.saveDutyDay(duty), 'CONFLICT', 'PERIOD_LOCKED');
    await clerk.advisers.saveService({ ...service, date: '2026-11-03' });
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-10', reason: '补录法律顾问服务' });
    await clerk.advisers.saveService(service);
    await township.advisers.saveDutyDay(duty);
    expect((await clerk.advisers.services({ divisionCode: X_VILLAGE })).total).toBe(2);
  });
});

describe('records.metrics', () => {
  it.each([
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('a village under a 2026 contract, in a period ending %s: %s', async (to, expected) => {
    await adviserWithContract();
    const metrics = await (
      await t.as('clerk')
    ).records.metrics({ villageCode: X_VILLAGE, from: '2026-01-01', to });
    expect(metrics.values['legalAdviser.underContract']).toBe(expected);
  });
});

describe('advisers.coverage', () => {
  const xVillages = [X_VILLAGE, X_VILLAGE_2, '330728101203'];
  const yVillages = [Y_VILLAGE, '330728102202'];
  const day = (n: number) =>
    new Date(Date.parse('2025-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const contractArb = fc.record({
    village: fc.constantFrom(...xVillages, ...yVillages),
    start: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 1, max: 500 }),
  });
  const on = '2026-06-30';

  it('covers exactly the villages with a contract on the last day, at every level', async () => {
    const county = await t.as('county');
    const villageCounts = async (prefix: string) =>
      (
        await t.db
          .select({ code: divisions.code })
          .from(divisions)
          .where(sql`${divisions.level} = 'village' and ${divisions.code} like ${prefix + '%'}`)
      ).length;
    const inCounty = await villageCounts('330728');
    const inX = await villageCounts('330728101');
    const adviser = await county.advisers.save(anAdviser);
    await fc.assert(
      fc.asyncProperty(fc.array(contractArb, { maxLength: 25 }), async (contracts) => {
        await t.db.execute(sql`delete from adviser_contracts`);
        if (contracts.length > 0) {
          await t.db.insert(adviserContracts).values(
            contracts.map((c) => ({
              countyCode: COUNTY,
              townshipCode: c.village.slice(0, 9) + '000',
              villageCode: c.village,
              adviserId: adviser.id,
              startsOn: day(c.start),
              endsOn: day(c.start + c.length),
            })),
          );
        }
        const coveredIn = (prefix: string) =>
          new Set(
            contracts
              .filter(
                (c) =>
                  c.village.startsWith(prefix) &&
                  day(c.start) <= on &&
                  on <= day(c.start + c.length),
              )
              .map((c) => c.village),
          ).size;
        const whole = await county.advisers.coverage({
          divisionCode: COUNTY,
          from: '2026-01-01',
          to: on,
        });
        expect([whole.villages, whole.covered]).toEqual([inCounty, coveredIn('330728')]);
        expect(whole.coverage).toBe(coveredIn('330728') / inCounty);
        expect(whole.children.reduce((n, c) => n + c.covered, 0)).toBe(whole.covered);
        expect(whole.children.reduce((n, c) => n + c.villages, 0)).toBe(whole.villages);
        const x = whole.children.find((c) => c.code === X)!;
        expect([x.villages, x.covered]).toEqual([inX, coveredIn('330728101')]);
        const township = await county.advisers.coverage({
          divisionCode: X,
          from: '2026-01-01',
          to: on,
        });
        expect(township.covered).toBe(x.covered);
        for (const v of township.children.filter((c) => xVillages.includes(c.code))) {
          expect(v.covered).toBe(coveredIn(v.code));
          expect(v.coverage).toBe(coveredIn(v.code));
        }
      }),
      { numRuns: 10 },
    );
  });

  it('adds up the services and duty days of the period', async () => {
    const { adviser } = await adviserWithContract();
    const clerk = await t.as('clerk');
    for (const [date, count] of [
      ['2026-03-01', 2],
      ['2026-03-31', 3],
      ['2026-04-01', 7],
    ] as const) {
      await clerk.advisers.saveService({
        adviserId: adviser.id,
        divisionCode: X_VILLAGE,
        date,
        kind: 'consultation',
        count,
      });
    }
    await (
      await t.as('township')
    ).advisers.saveDutyDay({
      adviserId: adviser.id,
      townshipCode: X,
      date: '2026-03-15',
      place: '白石镇集市',
    });
    const march = await (
      await t.as('county')
    ).advisers.coverage({ divisionCode: COUNTY, from: '2026-03-01', to: '2026-03-31' });
    expect(march.services.consultation).toBe(5);
    expect(march.dutyDays).toBe(1);
    expect(march.children.find((c) => c.code === X)!.services.consultation).toBe(5);
    const village = await clerk.advisers.coverage({
      divisionCode: X_VILLAGE,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(village).toMatchObject({ villages: 1, covered: 1, coverage: 1, children: [] });
    const empty = await (
      await t.as('county')
    ).advisers.coverage({ divisionCode: COUNTY, from: '2020-01-01', to: '2020-01-31' });
    expect(empty.covered).toBe(0);
  });
});

const figures = { underCorrection: 12, newlyReceived: 2, released: 10, helped: 9, filesOpened: 2 };

describe('corrections', () => {
  it('the township records a month once; corrections need the version read', async () => {
    const township = await t.as('township');
    const saved = await township.corrections.save({
      townshipCode: X,
      month: '2026-10',
      ...figures,
    });
    expect(saved).toMatchObject({ placementRate: 0.9, filingRate: 1, warnings: [] });
    await expectError(
      township.corrections.save({ townshipCode: X, month: '2026-10', ...figures }),
      'CONFLICT',
      'FIGURES_EXIST',
    );
    const updated = await township.corrections.save({
      id: saved.id,
      version: saved.version,
      townshipCode: X,
      month: '2026-10',
      ...figures,
      filesOpened: 1,
    });
    expect(updated.version).toBe(2);
    expect(updated.warnings.map((w) => w.code)).toEqual(['FILES_MISSING']);
    await expectError(
      township.corrections.save({
        id: saved.id,
        version: 1,
        townshipCode: X,
        month: '2026-10',
        ...figures,
      }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    // counts only: the clerk of a village neither records nor reads them
    const clerk = await t.as('clerk');
    await expectError(
      clerk.corrections.save({ townshipCode: X, month: '2026-09', ...figures }),
      'FORBIDDEN',
    );
    expect(
      (await clerk.corrections.list({ divisionCode: X_VILLAGE, from: '2026-01', to: '2026-12' }))
        .total,
    ).toBe(0);
    const listed = await (
      await t.as('county')
    ).corrections.list({ divisionCode: COUNTY, from: '2026-01', to: '2026-12' });
    expect(listed.items.map((r) => [r.townshipName, r.month, r.filesOpened])).toEqual([
      ['白石镇', '2026-10', 1],
    ]);
  });

  it.each([
    [10, null],
    [11, 'HELPED_MORE_THAN_RELEASED'],
  ])('%i helped of 10 released: %s', async (helped, code) => {
    const saving = (await t.as('township')).corrections.save({
      townshipCode: X,
      month: '2026-10',
      ...figures,
      helped,
    });
    if (code) {
      const error = await expectError(saving, 'BAD_REQUEST', code);
      expect(error.fieldErrors[0]).toMatchObject({ path: 'helped' });
      expect(await t.db.select().from(correctionFigures)).toEqual([]);
    } else {
      expect((await saving).placementRate).toBe(1);
    }
  });

  it('refuses the figures of a month that has not ended, accepts the month before', async () => {
    const township = await t.as('township');
    const current = monthOf(todayIso());
    await expectError(
      township.corrections.save({ townshipCode: X, month: current, ...figures }),
      'BAD_REQUEST',
      'MONTH_NOT_ENDED',
    );
    const last = await township.corrections.save({
      townshipCode: X,
      month: addMonths(current, -1),
      ...figures,
    });
    expect(last.month).toBe(addMonths(current, -1));
  });

  it('a locked month refuses the figures; the county reopens it and they are accepted', async () => {
    const township = await t.as('township');
    await township.periods.lock({ townshipCode: X, month: '2026-09' });
    const input = { townshipCode: X, month: '2026-09', ...figures };
    await expectError(township.corrections.save(input), 'CONFLICT', 'PERIOD_LOCKED');
    // moving October's report into the locked month is refused too
    const october = await township.corrections.save({ ...input, month: '2026-10' });
    await expectError(
      township.corrections.save({ ...input, id: october.id, version: october.version }),
      'CONFLICT',
      'PERIOD_LOCKED',
    );
    await (
      await t.as('county')
    ).periods.reopen({ townshipCode: X, month: '2026-09', reason: '补报社区矫正月报' });
    await township.corrections.save(input);
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'periods.lock',
      'corrections.create',
      'periods.reopen',
      'corrections.create',
    ]);
  });
});

describe('corrections.statistics', () => {
  const townships = [X, Y, '330728103000'];
  const months = ['2026-07', '2026-08', '2026-09', '2026-10'];
  const reportArb = fc.record({
    underCorrection: fc.nat(40),
    newlyReceived: fc.nat(5),
    released: fc.nat(30),
    helped: fc.nat(30),
    filesOpened: fc.nat(5),
  });
  const sheetArb = fc.array(
    fc.record({
      township: fc.constantFrom(...townships),
      month: fc.constantFrom(...months),
      figures: reportArb,
    }),
    { maxLength: 12 },
  );

  it('rolls up to the sum of the reports: months added up, month-end counts of each township’s last month', async () => {
    const county = await t.as('county');
    await fc.assert(
      fc.asyncProperty(sheetArb, async (sheet) => {
        await t.db.execute(sql`delete from correction_figures`);
        const unique = new Map(sheet.map((r) => [`${r.township}:${r.month}`, r]));
        const reports = [...unique.values()];
        if (reports.length > 0) {
          await t.db.insert(correctionFigures).values(
            reports.map((r) => ({
              countyCode: COUNTY,
              townshipCode: r.township,
              month: r.month,
              reportedOn: '2026-11-01',
              ...r.figures,
            })),
          );
        }
        const from = '2026-08';
        const to = '2026-10';
        const expected = (prefix: string) => {
          const rows = reports.filter(
            (r) => r.township.startsWith(prefix) && r.month >= from && r.month <= to,
          );
          // month-end counts: each township's last month reported in the period
          const lastOf = new Map<string, string>();
          for (const r of rows) {
            if (r.month > (lastOf.get(r.township) ?? '')) lastOf.set(r.township, r.month);
          }
          const last = rows.filter((r) => lastOf.get(r.township) === r.month);
          const sum = (list: typeof rows, k: keyof typeof figures) =>
            list.reduce((n, r) => n + r.figures[k], 0);
          return {
            underCorrection: sum(last, 'underCorrection'),
            newlyReceived: sum(rows, 'newlyReceived'),
            released: sum(last, 'released'),
            helped: sum(last, 'helped'),
            filesOpened: sum(rows, 'filesOpened'),
            reported: rows.length,
            asOfMonth: rows.length ? [...lastOf.values()].sort().at(-1) : null,
          };
        };
        const pick = (r: Record<string, unknown>) => ({
          underCorrection: r.underCorrection,
          newlyReceived: r.newlyReceived,
          released: r.released,
          helped: r.helped,
          filesOpened: r.filesOpened,
          reported: r.reported,
          asOfMonth: r.asOfMonth,
        });
        const stats = await county.corrections.statistics({ divisionCode: COUNTY, from, to });
        const whole = expected('330728');
        expect(pick(stats)).toEqual(whole);
        expect(stats.months).toBe(3);
        expect(stats.placementRate).toBe(
          whole.released === 0 ? null : whole.helped / whole.released,
        );
        expect(stats.filingRate).toBe(
          whole.newlyReceived === 0 ? null : whole.filesOpened / whole.newlyReceived,
        );
        expect(stats.children).toHaveLength(15);
        for (const child of stats.children) {
          expect(pick(child)).toEqual(expected(child.code.slice(0, 9)));
        }
        const township = await county.corrections.statistics({ divisionCode: X, from, to });
        expect(pick(township)).toEqual(expected('330728101'));
      }),
      { numRuns: 12 },
    );
  });

  it('a township officer reads their township only', async () => {
    const township = await t.as('township');
    const range = { from: '2026-01', to: '2026-10' };
    expect((await township.corrections.statistics({ divisionCode: X, ...range })).children).toEqual(
      [],
    );
    await expectError(
      township.corrections.statistics({ divisionCode: COUNTY, ...range }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      township.corrections.statistics({ divisionCode: X, from: '2026-10', to: '2026-01' }),
      'BAD_REQUEST',
    );
  });
});
