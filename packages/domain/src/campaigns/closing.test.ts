import { describe, expect, it } from 'vitest';
import { closingFigures, type ClosingSubject } from './closing.js';

const s = (
  townshipCode: string,
  state: ClosingSubject['state'],
  countyTotal: number | null = null,
  grade: string | null = null,
): ClosingSubject => ({ townshipCode, state, countyTotal, grade });

describe('closingFigures', () => {
  it('counts subjects, grades, named, returned and averages per township', () => {
    const figures = closingFigures([
      s('B', 'named', 9050, 'excellent'),
      s('A', 'named', 9000, 'excellent'),
      s('A', 'county_failed', 7001, 'fail'),
      s('A', 'returned'),
      s('B', 'withdrawn'),
      s('C', 'declared'),
    ]);
    expect(figures).toEqual({
      subjects: 6,
      byGrade: { excellent: 2, fail: 1 },
      named: 2,
      returned: 1,
      withdrawn: 1,
      average: Math.round((9050 + 9000 + 7001) / 3),
      townships: [
        { townshipCode: 'A', subjects: 3, scored: 2, average: 8001 }, // 8000.5 rounds up
        { townshipCode: 'B', subjects: 2, scored: 1, average: 9050 },
        { townshipCode: 'C', subjects: 1, scored: 0, average: null },
      ],
    });
  });

  it('has no averages for an empty campaign', () => {
    expect(closingFigures([])).toEqual({
      subjects: 0,
      byGrade: {},
      named: 0,
      returned: 0,
      withdrawn: 0,
      average: null,
      townships: [],
    });
  });
});
