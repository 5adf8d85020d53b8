import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDate } from './_internal/dates.js';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import {
  checkDisclosures,
  type DisclosurePosting,
  type DisclosuresInput,
} from './check-disclosures.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const input = (over: Partial<DisclosuresInput>): DisclosuresInput => ({
  from: '2025-01-01',
  asOf: '2025-04-01',
  frequentFinance: false,
  postings: [],
  ...over,
});

describe('checkDisclosures', () => {
  it.each([
    ['2025-01-01', '2025-04-01', ['2025-Q1']],
    ['2025-01-01', '2025-03-31', []],
    ['2025-01-02', '2025-04-01', []],
    ['2024-12-31', '2025-07-01', ['2025-Q1', '2025-Q2']],
    ['2025-01-01', '2026-01-01', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
  ])(
    'from %s as of %s the quarters that began on or after from and ended before asOf are due: %j',
    (from, asOf, due) => {
      const result = checkDisclosures(input({ from, asOf }));
      expect(result.overdue.filter((o) => o.category === 'general').map((o) => o.period)).toEqual(
        due,
      );
      expect(result.overdue.filter((o) => o.category === 'finance').map((o) => o.period)).toEqual(
        due,
      );
    },
  );

  it.each([
    ['2025-03-31', true],
    ['2025-01-01', true],
    ['2025-04-01', false],
    ['2024-12-31', false],
  ])('a general posting on %s covers 2025-Q1: %s', (postedOn, covered) => {
    const result = checkDisclosures(
      input({
        postings: [
          { category: 'general', postedOn },
          { category: 'finance', postedOn: '2025-02-01' },
        ],
      }),
    );
    expect(result.overdue).toEqual(
      covered ? [] : [{ category: 'general', period: '2025-Q1', dueBy: '2025-03-31' }],
    );
  });

  it.each([
    ['2025-12-31', '2025-Q4', '2025-12-31', '2018', 30],
    ['2026-04-01', '2026-Q1', '2026-03-31', '2025', 35],
  ])(
    'a missing quarter is overdue under the version in force on its last day (as of %s: %s)',
    (asOf, period, dueBy, version, article) => {
      const from = asOf === '2025-12-31' ? '2025-10-01' : '2026-01-01';
      const result = checkDisclosures(
        input({ from, asOf: asOf === '2025-12-31' ? '2026-01-01' : asOf }),
      );
      expect(result.overdue).toEqual([
        { category: 'general', period, dueBy },
        { category: 'finance', period, dueBy },
      ]);
      expect(result.problems.map((p) => [p.code, p.citation])).toEqual([
        ['DISCLOSURE_OVERDUE', organic(version, article)],
        ['DISCLOSURE_OVERDUE', organic(version, article)],
      ]);
    },
  );

  it('finances are due monthly when there are many financial transactions', () => {
    const result = checkDisclosures(
      input({
        frequentFinance: true,
        postings: [
          { category: 'general', postedOn: '2025-03-01' },
          { category: 'finance', postedOn: '2025-02-28' },
        ],
      }),
    );
    expect(result.overdue).toEqual([
      { category: 'finance', period: '2025-01', dueBy: '2025-01-31' },
      { category: 'finance', period: '2025-03', dueBy: '2025-03-31' },
    ]);
  });

  it.each([
    ['2026-03-01', '2026-03-06', undefined, false, '2025', 35],
    ['2026-03-01', '2026-03-07', undefined, true, '2025', 35],
    ['2025-12-20', '2025-12-25', undefined, false, '2018', 30],
    ['2025-12-20', '2025-12-26', undefined, true, '2018', 30],
    ['2026-03-01', '2026-03-11', 10, false, '2025', 35],
    ['2026-03-01', '2026-03-12', 10, true, '2025', 35],
  ])(
    'a major matter decided on %s and posted on %s (within %s days) is late: %s',
    (decidedOn, postedOn, majorWithinDays, late, version, article) => {
      const result = checkDisclosures(
        input({
          from: '2026-01-01',
          asOf: '2026-01-01',
          ...(majorWithinDays === undefined ? {} : { majorWithinDays }),
          postings: [{ category: 'major', decidedOn, postedOn }],
        }),
      );
      expect(result.problems).toEqual(
        late
          ? [
              expect.objectContaining({
                code: 'MAJOR_DISCLOSURE_LATE',
                citation: organic(version, article),
                field: 'postings[0].postedOn',
              }),
            ]
          : [],
      );
      expect(result.citations).toEqual([organic(version, article)]);
    },
  );

  it('a major posting without a decision date is a warning', () => {
    const result = checkDisclosures(
      input({ asOf: '2025-01-01', postings: [{ category: 'major', postedOn: '2025-01-01' }] }),
    );
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ['MAJOR_DECISION_DATE_MISSING', 'warning'],
    ]);
  });

  it.each([
    // 民法典 Art. 201: the posting day is not counted, so 15 days run 01-02…01-16 and the notice
    // must stay up through 01-16; removedOn is the day it came down, so 01-17 at the earliest
    ['2026-01-01', '2026-01-15', [], [], true, '2026-01-16'],
    ['2026-01-01', '2026-01-16', [], [], true, '2026-01-16'],
    ['2026-01-01', '2026-01-17', [], [], false, ''],
    ['2026-03-01', '2026-03-16', [], [], true, '2026-03-16'],
    ['2026-03-01', '2026-03-17', [], [], false, ''],
    // Art. 203: a last day on a Saturday (03-21) moves to Monday 03-23
    ['2026-03-06', '2026-03-22', [], [], true, '2026-03-23'],
    ['2026-03-06', '2026-03-23', [], [], true, '2026-03-23'],
    ['2026-03-06', '2026-03-24', [], [], false, ''],
    // …unless that Saturday is a make-up working day
    ['2026-03-06', '2026-03-22', [], ['2026-03-21'], false, ''],
    // …and past public holidays (05-01…05-05)
    [
      '2026-04-20',
      '2026-05-06',
      ['2026-05-01', '2026-05-04', '2026-05-05'],
      [],
      true,
      '2026-05-06',
    ],
    ['2026-04-20', '2026-05-07', ['2026-05-01', '2026-05-04', '2026-05-05'], [], false, ''],
    // the 2018 text sets no minimum
    ['2025-12-31', '2026-01-01', [], [], false, ''],
    ['2025-12-31', '2026-01-14', [], [], false, ''],
  ] as const)(
    'from 2026-01-01 a notice posted on %s and taken down on %s (holidays %j, make-up days %j) came down too early: %s',
    (postedOn, removedOn, holidays, extraWorkingDays, early, upTo) => {
      const result = checkDisclosures(
        input({
          from: '2026-01-01',
          asOf: '2026-01-01',
          holidays: [...holidays],
          extraWorkingDays: [...extraWorkingDays],
          postings: [{ category: 'general', postedOn, removedOn }],
        }),
      );
      expect(result.problems).toEqual(
        early
          ? [
              expect.objectContaining({
                code: 'DISCLOSURE_REMOVED_EARLY',
                citation: organic('2025', 35),
                field: 'postings[0].removedOn',
              }),
            ]
          : [],
      );
      if (early) expect(result.problems[0]?.message.en).toContain(`through ${upTo}`);
      if (postedOn >= '2026-01-01') {
        expect(result.citations).toEqual([
          organic('2025', 35),
          { law: 'civil_code', version: '2020', article: 201 },
          { law: 'civil_code', version: '2020', article: 203 },
        ]);
      }
    },
  );

  it.each([
    // 党务 frequencies are data: none by default (unverified), the county's when configured
    [undefined, [], []],
    [3, [], ['2026-Q1', '2026-Q2']],
    [3, ['2026-02-10'], ['2026-Q2']],
    [6, ['2026-02-10'], []],
    [6, [], ['2026-H1']],
    [1, ['2026-02-10'], ['2026-01', '2026-03', '2026-04', '2026-05', '2026-06']],
    [12, ['2026-02-10'], []],
  ] as const)(
    'Party affairs every %s months, posted on %j, are overdue for %j',
    (partyEveryMonths, posted, periods) => {
      const result = checkDisclosures(
        input({
          from: '2026-01-01',
          asOf: '2026-07-01',
          ...(partyEveryMonths === undefined ? {} : { partyEveryMonths }),
          postings: [
            { category: 'general', postedOn: '2026-03-01' },
            { category: 'general', postedOn: '2026-06-01' },
            { category: 'finance', postedOn: '2026-03-01' },
            { category: 'finance', postedOn: '2026-06-01' },
            ...posted.map((postedOn) => ({ category: 'party' as const, postedOn })),
          ],
        }),
      );
      expect(result.overdue.map((o) => [o.category, o.period])).toEqual(
        periods.map((period) => ['party', period]),
      );
      for (const p of result.problems) {
        expect(p).toMatchObject({ code: 'DISCLOSURE_OVERDUE' });
        expect(p.citation).toBeUndefined();
      }
    },
  );

  it('a Party-affairs notice is not held to the village-affairs 15 days', () => {
    const result = checkDisclosures(
      input({
        from: '2026-01-01',
        asOf: '2026-01-01',
        postings: [{ category: 'party', postedOn: '2026-01-01', removedOn: '2026-01-05' }],
      }),
    );
    expect(result.problems).toEqual([]);
  });

  it.each([
    [undefined, ['before'], []],
    [['before', 'during', 'after'], ['before', 'during', 'after'], []],
    [['before', 'during', 'after'], ['before', 'after'], ['during']],
    [['before', 'during', 'after'], ['during'], ['before', 'after']],
    [['before'], ['before'], []],
  ] as const)(
    'a county asking for major-matter postings at stages %j, given %j, misses %j',
    (majorStages, given, missing) => {
      const postings: DisclosurePosting[] = given.map((stage) => ({
        category: 'major',
        postedOn: '2026-03-02',
        decidedOn: '2026-03-01',
        matterId: 'road-2026',
        stage,
      }));
      const result = checkDisclosures(
        input({
          from: '2026-03-01',
          asOf: '2026-03-03',
          postings,
          ...(majorStages === undefined ? {} : { majorStages: [...majorStages] }),
        }),
      );
      expect(result.problems.map((p) => p.code)).toEqual(
        missing.length === 0 ? [] : ['MAJOR_STAGE_NOT_DISCLOSED'],
      );
      if (missing.length > 0) {
        expect(result.problems[0]?.message.en).toContain(`road-2026 lacks ${missing.join(', ')}`);
      }
    },
  );

  it.each([
    [{ from: '2025-05-01', asOf: '2025-04-01' }, 'asOf'],
    [{ from: '2025-02-29' }, 'from'],
    [
      { postings: [{ category: 'general', postedOn: '2025-02-02', removedOn: '2025-02-01' }] },
      'postings[0].removedOn',
    ],
    [
      { postings: [{ category: 'major', postedOn: '2025-02-02', decidedOn: '2025-02-03' }] },
      'postings[0].decidedOn',
    ],
    [{ postings: [{ category: 'parish', postedOn: '2025-02-02' }] }, 'postings[0].category'],
    [
      { postings: [{ category: 'major', postedOn: '2025-02-02', stage: 'later' }] },
      'postings[0].stage',
    ],
    [{ partyEveryMonths: 2 }, 'partyEveryMonths'],
    [{ partyEveryMonths: '3' }, 'partyEveryMonths'],
    [
      {
        majorStages: ['before'],
        postings: [{ category: 'major', postedOn: '2025-02-02', decidedOn: '2025-02-01' }],
      },
      'postings[0].matterId',
    ],
    [
      {
        majorStages: ['before'],
        postings: [
          { category: 'major', postedOn: '2025-02-02', decidedOn: '2025-02-01', matterId: 'x' },
        ],
      },
      'postings[0].stage',
    ],
    [{ majorStages: ['soon'] }, 'majorStages[0]'],
    [{ holidays: ['2026-02-30'] }, 'holidays[0]'],
    [{ majorWithinDays: -1 }, 'majorWithinDays'],
  ] as unknown as Array<[Partial<DisclosuresInput>, string]>)(
    'impossible input %j is INVALID_INPUT on %s',
    (over, field) => {
      const result = checkDisclosures(input(over));
      expect(result.overdue).toEqual([]);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
    },
  );

  it('never mutates its input, every overdue period is a problem and every problem is well formed', () => {
    const day = fc.integer({ min: dayFromCivil(2025, 1, 1), max: dayFromCivil(2026, 12, 31) });
    const posting: fc.Arbitrary<DisclosurePosting> = fc
      .record({
        category: fc.constantFrom(
          'general' as const,
          'finance' as const,
          'major' as const,
          'party' as const,
        ),
        posted: day,
        before: fc.integer({ min: 0, max: 10 }),
        after: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      })
      .map(({ category, posted, before, after }) => ({
        category,
        postedOn: formatDate(posted),
        decidedOn: formatDate(posted - before),
        ...(after === undefined ? {} : { removedOn: formatDate(posted + after) }),
      }));
    const arb = fc.record({
      from: day.map(formatDate),
      asOf: fc.constant('2027-01-01'),
      frequentFinance: fc.boolean(),
      partyEveryMonths: fc.constantFrom(1 as const, 3 as const, 6 as const, 12 as const),
      postings: fc.array(posting, { maxLength: 8 }),
    });
    fc.assert(
      fc.property(arb, (value) => {
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        const result = checkDisclosures(deepFreeze(value));
        expect(value).toEqual(copy);
        expect(result.problems.filter((p) => p.code === 'DISCLOSURE_OVERDUE')).toHaveLength(
          result.overdue.length,
        );
        // overdue Party affairs follow the county's schedule, not a statute: no citation
        const uncited = result.problems.filter(
          (p) => p.code === 'DISCLOSURE_OVERDUE' && p.citation === undefined,
        );
        expect(uncited).toHaveLength(result.overdue.filter((o) => o.category === 'party').length);
        expect(
          problemShapeErrors(
            result.problems.filter((p) => !uncited.includes(p)),
            ['DISCLOSURE_OVERDUE', 'MAJOR_DISCLOSURE_LATE', 'DISCLOSURE_REMOVED_EARLY'],
          ),
        ).toEqual([]);
      }),
    );
  });
});
