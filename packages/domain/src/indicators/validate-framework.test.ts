import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbFramework, clone, frameworkOf, item } from '../../test/indicator-fixtures.js';
import type { Framework } from './types.js';
import { validateFramework } from './validate-framework.js';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid framework exercising every rule kind (total 10). */
function sample(): Mutable {
  return clone(
    frameworkOf(
      [
        item('A1.1', 1, { kind: 'check' }),
        item('A1.2', 3, {
          kind: 'checklist',
          entries: [
            { code: 'a', name: '例会制度', points: 1.5 },
            { code: 'b', name: '学习制度', points: 1.5 },
          ],
        }),
        item('A1.3', 2, { kind: 'deduction', perUnit: 0.5, unit: { zh: '台账', en: 'records' } }),
        item('A1.4', 1.5, { kind: 'count', perUnit: 0.5 }),
        item('A1.5', 1.5, {
          kind: 'bands',
          bands: [
            { min: 90, points: 1.5 },
            { min: 80, points: 1 },
          ],
        }),
        item('A1.6', 1, { kind: 'proportional', target: 12 }),
      ],
      {
        grades: [
          { grade: 'excellent', minPoints: 9 },
          { grade: 'good', minPoints: 8 },
          { grade: 'pass', minPoints: 6.5 },
        ],
      },
    ),
  );
}

function codesOf(input: unknown): [string, string][] {
  const result = validateFramework(input);
  return result.ok ? [] : result.problems.map((p) => [p.code, p.path]);
}

describe('validateFramework', () => {
  it('accepts a framework using every rule kind and returns a frozen copy, not the input', () => {
    const input = sample();
    const before = clone(input);
    const result = validateFramework(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework).toEqual(input);
    expect(result.framework).not.toBe(input);
    expect(result.framework.areas[0]).not.toBe(input['areas'][0]);
    expect(Object.isFrozen(result.framework.areas[0]!.items[1]!.rule)).toBe(true);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('accepts the optional metadata: status, sources, description, notes, configurable, evidence', () => {
    const input = sample();
    input['status'] = 'template';
    input['description'] = '模板';
    input['sources'] = [
      { title: '枣庄市标准', url: 'http://x', reliability: 'verified', note: 'n' },
    ];
    input['$schema'] = './framework.schema.json';
    input['areas'][0].note = '占位';
    input['areas'][0].items[0].configurable = true;
    input['areas'][0].items[0].note = '县级可配置';
    input['areas'][0].items[0].evidence = ['台账'];
    input['vetoes'][0].note = '[U]';
    const result = validateFramework(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.status).toBe('template');
    expect(result.framework.areas[0]!.items[0]!.configurable).toBe(true);
  });

  it.each<[string, (f: Mutable) => void, string, string]>([
    [
      'a duplicate item code',
      (f) => (f.areas[0].items[1].code = 'A1.1'),
      'DUPLICATE_CODE',
      'areas[0].items[1].code',
    ],
    [
      'an item code equal to an area code',
      (f) => (f.areas[0].items[0].code = 'A1'),
      'DUPLICATE_CODE',
      'areas[0].items[0].code',
    ],
    [
      'a veto code equal to an item code',
      (f) => (f.vetoes[0].code = 'A1.6'),
      'DUPLICATE_CODE',
      'areas[0].items[5].code',
    ],
    [
      'a duplicate checklist entry code',
      (f) => (f.areas[0].items[1].rule.entries[1].code = 'a'),
      'DUPLICATE_CODE',
      'areas[0].items[1].rule.entries[1].code',
    ],
    [
      'areas not summing to totalPoints',
      (f) => (f.totalPoints = 11),
      'AREA_POINTS_MISMATCH',
      'areas',
    ],
    [
      'items not summing to their area',
      (f) => (f.areas[0].items[0].points = 1.01),
      'ITEM_POINTS_MISMATCH',
      'areas[0].items',
    ],
    [
      'checklist entries not summing to the item',
      (f) => (f.areas[0].items[1].rule.entries[0].points = 1.49),
      'CHECKLIST_POINTS_MISMATCH',
      'areas[0].items[1].rule.entries',
    ],
    [
      'bands with equal minimums',
      (f) => (f.areas[0].items[4].rule.bands[1].min = 90),
      'BANDS_NOT_DESCENDING',
      'areas[0].items[4].rule.bands[1].min',
    ],
    [
      'bands in ascending order',
      (f) => f.areas[0].items[4].rule.bands.reverse(),
      'BANDS_NOT_DESCENDING',
      'areas[0].items[4].rule.bands[1].min',
    ],
    [
      'a band worth more than the item',
      (f) => (f.areas[0].items[4].rule.bands[1].points = 1.51),
      'BAND_EXCEEDS_ITEM',
      'areas[0].items[4].rule.bands[1].points',
    ],
    [
      'no bands',
      (f) => (f.areas[0].items[4].rule.bands = []),
      'BANDS_EMPTY',
      'areas[0].items[4].rule.bands',
    ],
    [
      'perUnit of 0 (deduction)',
      (f) => (f.areas[0].items[2].rule.perUnit = 0),
      'PER_UNIT_NOT_POSITIVE',
      'areas[0].items[2].rule.perUnit',
    ],
    [
      'negative perUnit (count)',
      (f) => (f.areas[0].items[3].rule.perUnit = -0.5),
      'PER_UNIT_NOT_POSITIVE',
      'areas[0].items[3].rule.perUnit',
    ],
    [
      'target of 0',
      (f) => (f.areas[0].items[5].rule.target = 0),
      'TARGET_NOT_POSITIVE',
      'areas[0].items[5].rule.target',
    ],
    [
      'three decimals in item points',
      (f) => (f.areas[0].items[0].points = 1.005),
      'TOO_MANY_DECIMALS',
      'areas[0].items[0].points',
    ],
    [
      'three decimals in perUnit',
      (f) => (f.areas[0].items[2].rule.perUnit = 0.125),
      'TOO_MANY_DECIMALS',
      'areas[0].items[2].rule.perUnit',
    ],
    [
      'three decimals in a band minimum',
      (f) => (f.areas[0].items[4].rule.bands[0].min = 90.001),
      'TOO_MANY_DECIMALS',
      'areas[0].items[4].rule.bands[0].min',
    ],
    [
      'a tiny number printed in exponent form',
      (f) => (f.areas[0].items[5].rule.target = 1e-7),
      'TOO_MANY_DECIMALS',
      'areas[0].items[5].rule.target',
    ],
    [
      'a number beyond 1e9',
      (f) => (f.areas[0].items[5].rule.target = 1e12),
      'NUMBER_OUT_OF_RANGE',
      'areas[0].items[5].rule.target',
    ],
    [
      'grades not descending',
      (f) => (f.grades[1].minPoints = 9),
      'GRADES_NOT_DESCENDING',
      'grades[1].minPoints',
    ],
    [
      'a grade above totalPoints',
      (f) => (f.grades[0].minPoints = 10.5),
      'GRADE_ABOVE_TOTAL',
      'grades[0].minPoints',
    ],
    [
      'grades out of name order',
      (f) => ((f.grades[0].grade = 'pass'), (f.grades[2].grade = 'excellent')),
      'GRADES_OUT_OF_ORDER',
      'grades[1].grade',
    ],
    [
      'a duplicate grade',
      (f) => (f.grades[1].grade = 'excellent'),
      'DUPLICATE_GRADE',
      'grades[1].grade',
    ],
    ['an unknown grade', (f) => (f.grades[2].grade = 'fail'), 'UNKNOWN_GRADE', 'grades[2].grade'],
    [
      'a negative grade minimum',
      (f) => (f.grades[2].minPoints = -1),
      'NEGATIVE_NUMBER',
      'grades[2].minPoints',
    ],
    [
      'an unknown rule kind',
      (f) => (f.areas[0].items[0].rule = { kind: 'ratio' }),
      'UNKNOWN_RULE_KIND',
      'areas[0].items[0].rule.kind',
    ],
    [
      'a rule without kind',
      (f) => (f.areas[0].items[0].rule = {}),
      'FIELD_REQUIRED',
      'areas[0].items[0].rule.kind',
    ],
    [
      'an unknown method',
      (f) => (f.areas[0].items[0].method = 'phone'),
      'UNKNOWN_METHOD',
      'areas[0].items[0].method',
    ],
    ['an unknown status', (f) => (f.status = 'active'), 'UNKNOWN_STATUS', 'status'],
    [
      'an unknown source reliability',
      (f) => (f.sources = [{ title: 't', reliability: 'V' }]),
      'UNKNOWN_RELIABILITY',
      'sources[0].reliability',
    ],
    [
      'an unknown field',
      (f) => (f.areas[0].items[0].weight = 2),
      'UNKNOWN_FIELD',
      'areas[0].items[0].weight',
    ],
    [
      'a field of another rule kind',
      (f) => (f.areas[0].items[0].rule.perUnit = 1),
      'UNKNOWN_FIELD',
      'areas[0].items[0].rule.perUnit',
    ],
    [
      'a missing item name',
      (f) => delete f.areas[0].items[0].name,
      'FIELD_REQUIRED',
      'areas[0].items[0].name',
    ],
    ['a blank code', (f) => (f.areas[0].code = '  '), 'FIELD_EMPTY', 'areas[0].code'],
    [
      'points given as a string',
      (f) => (f.areas[0].items[0].points = '1'),
      'FIELD_TYPE',
      'areas[0].items[0].points',
    ],
    ['points that are NaN', (f) => (f.totalPoints = Number.NaN), 'FIELD_TYPE', 'totalPoints'],
    [
      'zero item points',
      (f) => (f.areas[0].items[0].points = 0),
      'POINTS_NOT_POSITIVE',
      'areas[0].items[0].points',
    ],
    [
      'a negative band',
      (f) => (f.areas[0].items[4].rule.bands[1].points = -1),
      'NEGATIVE_NUMBER',
      'areas[0].items[4].rule.bands[1].points',
    ],
    [
      'an item that is not an object',
      (f) => (f.areas[0].items[0] = 'A1.1'),
      'NOT_AN_OBJECT',
      'areas[0].items[0]',
    ],
    ['areas that are not an array', (f) => (f.areas = {}), 'FIELD_TYPE', 'areas'],
    [
      'a unit without English',
      (f) => (f.areas[0].items[2].rule.unit = { zh: '台账' }),
      'FIELD_REQUIRED',
      'areas[0].items[2].rule.unit.en',
    ],
  ])('rejects %s with %s at its path', (_, mutate, code, path) => {
    const input = sample();
    mutate(input);
    expect(codesOf(input)).toContainEqual([code, path]);
  });

  it('rejects a value that is not an object', () => {
    expect(codesOf(null)).toEqual([['NOT_AN_OBJECT', '']]);
    expect(codesOf([])).toEqual([['NOT_AN_OBJECT', '']]);
  });

  it('reports every fault at once, each with a message in Chinese and English', () => {
    const input = sample();
    input['areas'][0].items[1].code = 'A1.1';
    input['areas'][0].items[2].rule.perUnit = 0;
    input['grades'][0].minPoints = 11;
    const result = validateFramework(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'DUPLICATE_CODE',
      'GRADE_ABOVE_TOTAL',
      'PER_UNIT_NOT_POSITIVE',
    ]);
    for (const p of result.problems) {
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message.en).toMatch(/[a-z]/);
    }
  });

  it('states the sums in the mismatch message', () => {
    const input = sample();
    input['totalPoints'] = 12;
    const result = validateFramework(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toEqual({
      zh: '各类别分值之和为10分，应等于总分12分',
      en: 'The areas sum to 10 points; the total is 12',
    });
  });

  it.each([
    ['six 0.5-point entries', [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 3],
    ['ten 0.1-point entries', Array<number>(10).fill(0.1), 1],
    ['0.29 + 0.71 (floats drift, hundredths do not)', [0.29, 0.71], 1],
    ['0.1 + 0.2', [0.1, 0.2], 0.3],
  ])('sums %s exactly to %s', (_, points, total) => {
    const entries = points.map((p, i) => ({ code: `e${i}`, name: `条目${i}`, points: p }));
    const input = frameworkOf([item('A1.1', total, { kind: 'checklist', entries })]);
    expect(validateFramework(input).ok).toBe(true);
  });

  it('accepts every generated valid framework (property)', () => {
    fc.assert(
      fc.property(arbFramework, (framework: Framework) => {
        const result = validateFramework(framework);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
    );
  });
});
