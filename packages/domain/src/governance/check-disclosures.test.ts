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
    ['2026-01-01', '2026-01-15', true],
    ['2026-01-01', '2026-01-16', false],
    ['2025-12-31', '2026-01-01', false],
    ['2025-12-31', '2026-01-14', false],
  ])(
    'from 2026-01-01 a notice posted on %s and removed on %s came down too early: %s',
    (postedOn, removedOn, early) => {
      const result = checkDisclosures(
        input({
          from: '2026-01-01',
          asOf: '2026-01-01',
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
    [{ postings: [{ category: 'party', postedOn: '2025-02-02' }] }, 'postings[0].category'],
    [{ majorWithinDays: -1 }, 'majorWithinDays'],
  ] as Array<[Partial<DisclosuresInput>, string]>)(
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
        category: fc.constantFrom('general' as const, 'finance' as const, 'major' as const),
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
        expect(
          problemShapeErrors(result.problems, [
            'DISCLOSURE_OVERDUE',
            'MAJOR_DISCLOSURE_LATE',
            'DISCLOSURE_REMOVED_EARLY',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
