import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkAppraisals, type Appraisal, type AppraisalRating } from './check-appraisals.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const ratings: AppraisalRating[] = ['competent', 'basically_competent', 'incompetent'];

describe('checkAppraisals', () => {
  it.each([
    [2024, 2025, organic('2018', 33)],
    [2025, 2026, organic('2025', 38)],
  ])(
    'two consecutive incompetent ratings (%i and %i) end the office under the version of the second',
    (first, second, citation) => {
      const result = checkAppraisals([
        { year: first, rating: 'incompetent' },
        { year: second, rating: 'incompetent' },
      ]);
      expect(result.terminated).toBe(true);
      expect(result.problems).toEqual([
        expect.objectContaining({
          code: 'OFFICE_TERMINATED',
          citation,
          field: 'ratings[1].rating',
        }),
      ]);
    },
  );

  it.each([
    [['incompetent', 'basically_competent', 'incompetent'], false],
    [['incompetent', 'competent'], false],
    [['incompetent'], false],
    [['competent', 'incompetent', 'incompetent'], true],
    [[], false],
  ] as Array<[AppraisalRating[], boolean]>)(
    'ratings %j in consecutive years end the office: %s',
    (list, terminated) => {
      const result = checkAppraisals(list.map((rating, i) => ({ year: 2020 + i, rating })));
      expect(result.terminated).toBe(terminated);
      expect(result.problems.map((p) => p.code)).toEqual(terminated ? ['OFFICE_TERMINATED'] : []);
    },
  );

  it('orders appraisals by year without mutating the input', () => {
    const input = deepFreeze([
      { year: 2026, rating: 'incompetent' },
      { year: 2024, rating: 'competent' },
      { year: 2025, rating: 'incompetent' },
    ] as Appraisal[]);
    const result = checkAppraisals(input);
    expect(result.terminated).toBe(true);
    expect(result.problems[0]?.field).toBe('ratings[0].rating');
    expect(input.map((a) => a.year)).toEqual([2026, 2024, 2025]);
  });

  it('a year without an appraisal is a warning, and the appraisals on either side are still consecutive', () => {
    const result = checkAppraisals([
      { year: 2023, rating: 'incompetent' },
      { year: 2025, rating: 'incompetent' },
    ]);
    expect(result.terminated).toBe(true);
    expect(result.problems.map((p) => [p.code, p.severity, p.citation])).toEqual([
      ['APPRAISAL_YEAR_MISSING', 'warning', organic('2018', 33)],
      ['OFFICE_TERMINATED', 'error', organic('2018', 33)],
    ]);
  });

  it.each([
    [[{ year: 2025.5, rating: 'competent' }], 'ratings[0].year'],
    [[{ year: 25, rating: 'competent' }], 'ratings[0].year'],
    [[{ year: 2025, rating: 'excellent' }], 'ratings[0].rating'],
  ] as Array<[Appraisal[], string]>)(
    'impossible ratings %j are INVALID_INPUT on %s',
    (list, field) => {
      const result = checkAppraisals(list);
      expect(result.terminated).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
    },
  );

  it('ends the office exactly when two adjacent appraisals are incompetent; problems are well formed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ratings), { maxLength: 8 }), (list) => {
        const input = deepFreeze(list.map((rating, i) => ({ year: 2022 + i, rating })));
        const result = checkAppraisals(input);
        const adjacent = list.some((r, i) => r === 'incompetent' && list[i + 1] === 'incompetent');
        expect(result.terminated).toBe(adjacent);
        expect(problemShapeErrors(result.problems, ['OFFICE_TERMINATED'])).toEqual([]);
      }),
    );
  });
});
