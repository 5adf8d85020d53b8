// The layout of the score sheet (考核评分表) workbook, shared by its export and its import.
//
// The sheet “考核评分表” (columns are fixed; rows are found by their markers and codes):
//   1  title (campaign, township and village)  2  village, state, record id and version
//   3–4 header: 序号 | 指标编码 | 考核项目 | 分值 | 评分规则 | 考核方式 | 佐证材料 |
//       村级自评 (自评填报 H, 自评得分 I, 自评说明 J) | 乡镇初审 (K, L, M) | 县级验收 (N, O, P)
//   then per area a row (一, A1, 组织建设, 16) and its item rows (1, A1.1, …);
//   a row marked “一票否决” in column A, then one row per veto (code in B, 是/否 in H/K/N);
//   a row marked “合计” in column A (totals), the grade and completeness, and the instructions.
// “填报” columns hold the answers the rules take (是/否, met checklist entry codes joined by 、
// or 无, counts and values); “得分” columns hold the points awarded and are never read back.
// The hidden sheet “系统信息” holds the participation id and the version the file was read at.
import { describeRule, type AssessmentMethod, type Grade, type IndicatorItem } from '@fazhi/domain';
import { sheetColumns, type SheetColumn } from '../../db/schema.js';

export const SCORE_SHEET_NAME = '考核评分表';
export const META_SHEET_NAME = '系统信息';
export const NOTICE_SHEET_NAME = '公示名单';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column A marks the start of the veto rows and the end of everything that is read back. */
export const VETO_MARK = '一票否决';
export const TOTAL_MARK = '合计';
/** The answer of a checklist with no entry met (a blank cell means “not answered”). */
export const NONE_MET = '无';
export const CODE_HEADER = '指标编码';
export const MAX_COMMENT = 2000;

/** The score columns in the order of the sheet. */
export const sheetColumnList: readonly SheetColumn[] = sheetColumns;

/** Fixed columns (1-based). */
export const COL = {
  index: 1,
  code: 2,
  name: 3,
  points: 4,
  rule: 5,
  method: 6,
  evidence: 7,
} as const;
export const LAST_COL = 16;

/** Where each score-sheet column lives, and its header texts. */
export const stageColumns: Record<
  SheetColumn,
  {
    answer: number;
    points: number;
    comment: number;
    group: string;
    answerHeader: string;
    pointsHeader: string;
    commentHeader: string;
  }
> = {
  self: {
    answer: 8,
    points: 9,
    comment: 10,
    group: '村级自评',
    answerHeader: '自评填报',
    pointsHeader: '自评得分',
    commentHeader: '自评说明',
  },
  township: {
    answer: 11,
    points: 12,
    comment: 13,
    group: '乡镇初审',
    answerHeader: '乡镇填报',
    pointsHeader: '乡镇初审得分',
    commentHeader: '乡镇意见',
  },
  county: {
    answer: 14,
    points: 15,
    comment: 16,
    group: '县级验收',
    answerHeader: '县级填报',
    pointsHeader: '县级验收得分',
    commentHeader: '县级意见',
  },
};

export const methodNames: Record<AssessmentMethod, string> = {
  site_visit: '实地查看',
  ledger: '查看台账',
  interview: '走访',
  survey: '问卷',
};

export const gradeNames: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** A → 1-based column letter (the sheet never goes past P). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 40 → 四十 (areas are few; beyond 99 the number is kept). */
export function chineseNumeral(n: number): string {
  if (n < 10) return digits[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`;
  }
  return String(n);
}

/** A readable Chinese rendering of an item's rule, with what to enter in a 填报 cell. */
export function ruleText(item: IndicatorItem): string {
  const description = describeRule(item);
  return [
    description.summary.zh,
    ...description.lines.map((l) => l.zh),
    inputHint[item.rule.kind],
  ].join('\n');
}

/** What to type into the 填报 cell, by rule kind. */
const inputHint: Record<IndicatorItem['rule']['kind'], string> = {
  check: '（填“是”或“否”）',
  checklist: `（填已满足条目的名称，以“、”分隔；均不满足填“${NONE_MET}”）`,
  deduction: '（填缺少或不足的项数）',
  count: '（填数量）',
  bands: '（填数值）',
  proportional: '（填实际值）',
};

/**
 * The 填报 cell of an answer: 是/否, the met entries' names joined by 、 (or 无), or the number.
 * Names, never codes: the import reads the names back (and still accepts the codes).
 */
export function answerCellValue(
  answer: boolean | number | readonly string[] | undefined,
  item?: IndicatorItem,
) {
  if (answer === undefined) return null;
  if (typeof answer === 'boolean') return answer ? '是' : '否';
  if (typeof answer === 'number') return answer;
  if (answer.length === 0) return NONE_MET;
  const entries = item?.rule.kind === 'checklist' ? item.rule.entries : [];
  return answer.map((code) => entries.find((e) => e.code === code)?.name || code).join('、');
}
