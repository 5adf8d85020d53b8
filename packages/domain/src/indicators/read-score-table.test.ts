import { describe, expect, it } from 'vitest';
import { readScoreTable, type TableCell } from './read-score-table.js';
import { validateFramework } from './validate-framework.js';

const header = ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核方法', '佐证材料'];

/** A small 考核评分表 whose areas repeat in every row, as merged cells read. */
function goodRows(): TableCell[][] {
  return [
    ['某县民主法治示范村考核评分表'],
    header,
    [
      1,
      '组织建设（10分）',
      '村党组织健全',
      4,
      '健全得满分，否则不得分',
      '查阅资料',
      '党组织名册、会议记录',
    ],
    [2, '组织建设（10分）', '1.村务会议按时召开', '6', '每缺一次扣1分', '查看台账', null],
    [3, '法治宣传', '培养法律明白人', 5, '每培养1名得1分，最高5分', '走访', '名册'],
    [4, '法治宣传', '宣传阵地', 5, '视情况酌情给分', '', null],
    ['合计', null, null, 20],
    ['一票否决', '一票否决', '发生重大刑事案件的', null],
    [null, '一票否决', '发生群体性事件的', null],
  ];
}

describe('readScoreTable', () => {
  it('reads areas, items, points, rules, methods, evidence and vetoes into a draft', () => {
    const read = readScoreTable({ sheet: '评分表', rows: goodRows() });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { draft, incomplete } = read;
    expect(draft.totalPoints).toBe(20);
    expect(draft.name).toBe('某县民主法治示范村考核评分表');
    expect(draft.areas.map((a) => [a.code, a.name, a.points, a.items.length])).toEqual([
      ['A1', '组织建设', 10, 2],
      ['A2', '法治宣传', 10, 2],
    ]);
    expect(draft.areas[0]!.items[0]).toEqual({
      code: 'A1.1',
      name: '村党组织健全',
      points: 4,
      evidence: ['党组织名册', '会议记录'],
      method: 'ledger',
      rule: { kind: 'check' },
      note: '健全得满分，否则不得分',
    });
    expect(draft.areas[0]!.items[1]).toMatchObject({
      name: '村务会议按时召开',
      points: 6,
      rule: { kind: 'deduction', perUnit: 1 },
    });
    expect(draft.areas[1]!.items[0]).toMatchObject({
      method: 'interview',
      rule: { kind: 'count', perUnit: 1 },
    });
    expect(draft.vetoes).toEqual([
      { code: 'V1', name: '发生重大刑事案件的' },
      { code: 'V2', name: '发生群体性事件的' },
    ]);
    expect(draft.grades).toEqual([
      { grade: 'excellent', minPoints: 18 },
      { grade: 'good', minPoints: 16 },
      { grade: 'pass', minPoints: 12 },
    ]);
    // the one item whose rule and method cannot be read is left to the county, with its cells
    expect(incomplete.map((p) => [p.code, p.cell, p.path])).toEqual([
      ['RULE_TO_COMPLETE', 'E6', 'areas[1].items[1].rule'],
      ['METHOD_TO_COMPLETE', 'F6', 'areas[1].items[1].method'],
    ]);
  });

  it('leaves the draft incomplete for validateFramework until the county chooses', () => {
    const read = readScoreTable({ sheet: '评分表', rows: goodRows() });
    if (!read.ok) throw new Error('expected a draft');
    const check = validateFramework(read.draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.code, p.path])).toEqual([
      ['FIELD_REQUIRED', 'areas[1].items[1].method'],
      ['FIELD_REQUIRED', 'areas[1].items[1].rule'],
    ]);
    const areas = read.draft.areas.map((a, ai) =>
      ai === 1
        ? {
            ...a,
            items: a.items.map((i, ii) =>
              ii === 1 ? { ...i, method: 'site_visit', rule: { kind: 'check' } } : i,
            ),
          }
        : a,
    );
    expect(validateFramework({ ...read.draft, areas }).ok).toBe(true);
  });

  it('reads heading rows numbered 一、二 with their points, and areas without a total row', () => {
    const read = readScoreTable({
      sheet: 'Sheet1',
      rows: [
        header,
        ['一', '组织建设', null, 5],
        [1, null, '党组织健全', 5, '健全得满分，否则不得分', '查阅资料'],
        ['二、', '民主管理', '', '３分'],
        [1, null, '村民会议', 3, '每缺一次扣1分', '实地查看'],
      ],
    });
    expect(read.ok && read.draft.areas.map((a) => [a.name, a.points])).toEqual([
      ['组织建设', 5],
      ['民主管理', 3],
    ]);
    expect(read.ok && read.draft.totalPoints).toBe(8);
    expect(read.ok && read.draft.name).toBe('Sheet1');
  });

  it('lists every bad cell and returns no draft', () => {
    const rows = goodRows();
    rows[2]![3] = '四分'; // D3: text in points
    rows[3]![2] = ''; // C4: an empty item
    rows[5]![3] = 4; // 法治宣传 now sums to 9: the total of 20 (D7) is wrong
    const read = readScoreTable({ sheet: '评分表', rows });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ['POINTS_NOT_NUMBER', 'D3'],
      ['ITEM_EMPTY', 'C4'],
      ['TOTAL_POINTS_MISMATCH', 'D7'],
    ]);
    expect(read.problems.map((p) => p.message.zh)).toEqual([
      '“村党组织健全”的分值“四分”不是数字',
      '第4行的考核内容为空',
      '合计为20分，各考核项目分值之和为19分',
    ]);
    expect(read.problems.every((p) => p.sheet === '评分表')).toBe(true);
  });

  it('checks items against their area’s stated points', () => {
    const rows = goodRows();
    rows[3]![3] = 5; // 组织建设（10分） now sums to 9
    const read = readScoreTable({ sheet: '评分表', rows });
    expect(!read.ok && read.problems.map((p) => [p.code, p.cell, p.message.zh])).toEqual([
      ['ITEM_POINTS_MISMATCH', 'B3', '考核项目“组织建设”为10分，其下各项分值之和为9分'],
    ]);
  });

  it.each([
    [0, 'POINTS_NOT_POSITIVE'],
    [-1, 'POINTS_NOT_POSITIVE'],
    [5.125, 'TOO_MANY_DECIMALS'],
    ['', 'POINTS_MISSING'],
    ['5分5', 'POINTS_NOT_NUMBER'],
  ])('refuses %j points as %s', (value, code) => {
    const rows = goodRows();
    rows[5]![3] = value;
    const read = readScoreTable({ sheet: '评分表', rows });
    expect(!read.ok && read.problems.map((p) => [p.code, p.cell])).toEqual([[code, 'D6']]);
  });

  it.each([['5分'], ['５'], [' 5 ']])('reads %j as 5 points', (value) => {
    const rows = goodRows();
    rows[5]![3] = value;
    expect(readScoreTable({ sheet: '评分表', rows }).ok).toBe(true);
  });

  it('reports an unknown, a duplicate and a missing header with their cells', () => {
    const read = readScoreTable({
      sheet: 'S',
      rows: [
        ['序号', '考核内容', '分值', '负责单位', '考核内容', '自评得分', '备注'],
        [1, '党组织健全', 5],
      ],
    });
    expect(!read.ok && read.problems.map((p) => [p.code, p.cell])).toEqual([
      ['UNKNOWN_HEADER', 'D1'],
      ['DUPLICATE_HEADER', 'E1'],
      ['MISSING_HEADER', '1:1'],
    ]);
  });

  it('reports a sheet without a header row', () => {
    const read = readScoreTable({ sheet: '说明', rows: [['本表说明'], ['一、总则']] });
    expect(!read.ok && read.problems.map((p) => [p.code, p.cell])).toEqual([['NO_HEADER', null]]);
  });

  it('reports an area without items and a header without rows', () => {
    const noArea = readScoreTable({ sheet: 'S', rows: [header, ['一', '组织建设', null, 5]] });
    expect(!noArea.ok && noArea.problems.map((p) => [p.code, p.cell])).toEqual([
      ['AREA_EMPTY', 'B2'],
    ]);
    const empty = readScoreTable({ sheet: 'S', rows: [header] });
    expect(!empty.ok && empty.problems.map((p) => p.code)).toEqual(['NO_ITEMS']);
  });

  it('reads a header merged over two columns once, and skips a second header row', () => {
    const read = readScoreTable({
      sheet: 'S',
      rows: [
        ['序号', '考核项目', '考核内容', '考核内容', '分值', '得分', '得分'],
        [null, null, null, null, null, '自评', '复核'],
        [1, '组织建设', '党组织健全', '（细目）', 5, null, null],
      ],
    });
    expect(read.ok && read.draft.areas[0]!.items.map((i) => [i.name, i.points])).toEqual([
      ['党组织健全', 5],
    ]);
  });

  it('takes an item that mentions 一票否决 for an item, not for the veto mark', () => {
    const rows = goodRows();
    rows[5]![2] = '发生违法建设的，实行一票否决';
    const read = readScoreTable({ sheet: '评分表', rows });
    expect(read.ok && read.draft.areas[1]!.items[1]!.name).toBe('发生违法建设的，实行一票否决');
    expect(read.ok && read.draft.vetoes).toHaveLength(2);
  });

  it('does not touch its input', () => {
    const rows = goodRows();
    const copy = JSON.parse(JSON.stringify(rows)) as unknown;
    readScoreTable({ sheet: '评分表', rows });
    expect(rows).toEqual(copy);
  });
});
