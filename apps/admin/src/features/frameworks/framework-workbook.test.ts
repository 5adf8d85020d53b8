import { describe, expect, it } from 'vitest';
import { readScoreTable, type FrameworkDraft } from '@fazhi/domain';
import {
  applyChoices,
  describePath,
  initialChoices,
  itemsToComplete,
  readWorkbookResponse,
  remainingProblems,
} from './framework-workbook';

function draft(): FrameworkDraft {
  const read = readScoreTable({
    sheet: '评分表',
    rows: [
      ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核方法'],
      [1, '组织建设', '党组织健全', 5, '健全得满分，否则不得分', '查阅资料'],
      [2, '组织建设', '宣传阵地', 5, '酌情给分', ''],
      ['合计', null, null, 10],
    ],
  });
  if (!read.ok) throw new Error('expected a draft');
  return read.draft;
}

describe('readWorkbookResponse', () => {
  it('reads the draft and the items to complete', () => {
    const d = draft();
    const body = JSON.stringify({ ok: true, sheet: '评分表', draft: d, incomplete: [] });
    expect(readWorkbookResponse(200, body)).toEqual({
      ok: true,
      sheet: '评分表',
      draft: d,
      incomplete: [],
    });
  });

  it('reads every bad cell of a refusal', () => {
    const problem = {
      code: 'POINTS_NOT_NUMBER',
      sheet: '评分表',
      cell: 'D3',
      message: { zh: '分值“四分”不是数字', en: 'not a number' },
    };
    const body = JSON.stringify({
      error: {
        code: 'BAD_REQUEST',
        problemCode: 'FRAMEWORK_XLSX_INVALID',
        messages: { zh: 'Excel文件有1处错误', en: '1 problem' },
        fieldErrors: [],
        details: { problems: [problem] },
      },
    });
    const outcome = readWorkbookResponse(400, body);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems).toEqual([problem]);
    expect(!outcome.ok && outcome.error.problemCode).toBe('FRAMEWORK_XLSX_INVALID');
  });

  it('survives a body that is not JSON (a proxy’s error page)', () => {
    const outcome = readWorkbookResponse(502, '<html>');
    expect(!outcome.ok && outcome.problems).toEqual([]);
  });
});

describe('applyChoices', () => {
  it('keeps the draft incomplete until the county chooses, then validates', () => {
    const d = draft();
    const choices = initialChoices(d);
    expect(itemsToComplete(d, choices)).toEqual(['A1.2']);
    const before = remainingProblems(applyChoices(d, choices), d);
    expect(before.map((p) => p.path)).toEqual(['A1.2 宣传阵地 · method', 'A1.2 宣传阵地 · rule']);

    // a deduction without its number is named, not silently accepted
    const half = {
      ...choices,
      methods: { ...choices.methods, 'A1.2': 'site_visit' as const },
      rules: { ...choices.rules, 'A1.2': { kind: 'deduction' as const, value: null } },
    };
    expect(remainingProblems(applyChoices(d, half), d).map((p) => p.path)).toEqual([
      'A1.2 宣传阵地 · rule.perUnit',
    ]);
    const done = {
      ...half,
      rules: { ...half.rules, 'A1.2': { kind: 'deduction' as const, value: 1 } },
    };
    expect(itemsToComplete(d, done)).toEqual([]);
    expect(remainingProblems(applyChoices(d, done), d)).toEqual([]);
  });

  it('applies the name, code, version and grades', () => {
    const d = draft();
    const choices = {
      ...initialChoices(d),
      code: 'qh-2026',
      version: '2.0.0',
      grades: { excellent: 9, good: null, pass: 6 },
    };
    expect(applyChoices(d, choices)).toMatchObject({
      code: 'qh-2026',
      version: '2.0.0',
      status: 'in_force',
      grades: [
        { grade: 'excellent', minPoints: 9 },
        { grade: 'pass', minPoints: 6 },
      ],
    });
  });
});

describe('describePath', () => {
  it.each([
    ['areas[0].items[1].rule', 'A1.2 宣传阵地 · rule'],
    ['areas[0]', 'A1 组织建设'],
    ['grades[0].minPoints', 'grades[0].minPoints'],
    ['areas[5].items[0]', 'areas[5].items[0]'],
  ])('%s → %s', (path, text) => {
    expect(describePath(draft(), path)).toBe(text);
  });
});
