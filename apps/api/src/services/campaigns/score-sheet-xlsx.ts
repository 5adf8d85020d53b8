// The score sheet (考核评分表) and the public-notice list (公示名单) as Excel workbooks. Pure
// functions: data → .xlsx bytes, and the bytes of a filled-in score sheet → one column of answers
// or every bad cell (sheet, row, column, bilingual message). Scores are never computed here: the
// exported points come from the domain's scorecards, and imported answers go to saveSheet.
//
// Layout of the sheet “考核评分表” (columns are fixed; rows are found by their markers and codes):
//   1  title (campaign, township and village)  2  village, state, record id and version
//   3–4 header: 序号 | 指标编码 | 考核项目 | 分值 | 评分规则 | 考核方式 | 佐证材料 |
//       村级自评 (自评填报 H, 自评得分 I, 自评说明 J) | 乡镇初审 (K, L, M) | 县级验收 (N, O, P)
//   then per area a row (一, A1, 组织建设, 16) and its item rows (1, A1.1, …);
//   a row marked “一票否决” in column A, then one row per veto (code in B, 是/否 in H/K/N);
//   a row marked “合计” in column A (totals), the grade and completeness, and the instructions.
// “填报” columns hold the answers the rules take (是/否, met checklist entry codes joined by 、
// or 无, counts and values); “得分” columns hold the points awarded and are never read back.
// The hidden sheet “系统信息” holds the participation id and the version the file was read at.
import ExcelJS from 'exceljs';
import { checkZipLimits, XLSX_LIMITS } from '../zip-limits.js';
import {
  describeRule,
  noticeEndsOn,
  participationStateName,
  scoreAssessment,
  type AssessmentMethod,
  type Framework,
  type Grade,
  type IndicatorItem,
  type ItemScore,
  type LocalizedText,
  type ParticipationState,
  type Scorecard,
} from '@fazhi/domain';
import type { ScoreSheetData, SheetColumn, SheetColumnData } from '../../db/schema.js';

export const SCORE_SHEET_NAME = '考核评分表';
export const META_SHEET_NAME = '系统信息';
export const NOTICE_SHEET_NAME = '公示名单';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column A marks the start of the veto rows and the end of everything that is read back. */
export const VETO_MARK = '一票否决';
export const TOTAL_MARK = '合计';
/** The answer of a checklist with no entry met (a blank cell means “not answered”). */
export const NONE_MET = '无';
const CODE_HEADER = '指标编码';
const MAX_COMMENT = 2000;

const sheetColumnList: readonly SheetColumn[] = ['self', 'township', 'county'];

/** Fixed columns (1-based). */
const COL = { index: 1, code: 2, name: 3, points: 4, rule: 5, method: 6, evidence: 7 } as const;
const LAST_COL = 16;

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

const methodNames: Record<AssessmentMethod, string> = {
  site_visit: '实地查看',
  ledger: '查看台账',
  interview: '走访',
  survey: '问卷',
};

const gradeNames: Record<Grade, string> = {
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
function chineseNumeral(n: number): string {
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

// ——— Export ———

export interface ScoreSheetExport {
  participationId: string;
  version: number;
  state: ParticipationState;
  campaignName: string;
  villageName: string;
  /** The village's township (乡镇、街道), null when unknown. */
  townshipName?: string | null | undefined;
  villageCode: string;
  framework: Framework;
  sheet: ScoreSheetData;
  scorecards: Partial<Record<SheetColumn, Scorecard | null>>;
  exportedAt?: Date;
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const fill = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});
const headerFill = fill('FFD9E1F2');
const areaFill = fill('FFF2F2F2');
const inputFill = fill('FFFFF2CC');

function styleRow(row: ExcelJS.Row, opts: { bold?: boolean; fill?: ExcelJS.Fill } = {}) {
  for (let c = 1; c <= LAST_COL; c++) {
    const cell = row.getCell(c);
    cell.border = thin;
    cell.alignment = {
      vertical: 'middle',
      wrapText: true,
      horizontal: c === COL.name || c === COL.rule || c === COL.evidence ? 'left' : 'center',
    };
    if (opts.bold) cell.font = { bold: true };
    if (opts.fill) cell.fill = opts.fill;
  }
}

function answerValidation(item: IndicatorItem): ExcelJS.DataValidation | undefined {
  const prompt = (text: string) => ({
    showInputMessage: true,
    promptTitle: item.code,
    prompt: text,
  });
  switch (item.rule.kind) {
    case 'check':
      return { type: 'list', allowBlank: true, formulae: ['"是,否"'], ...prompt('填“是”或“否”') };
    case 'deduction':
    case 'count':
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: item.code,
        error: '请填写不小于0的整数',
        ...prompt('填整数'),
      };
    case 'proportional':
      return {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: item.code,
        error: '请填写不小于0的数值',
        ...prompt('填实际值'),
      };
    case 'bands':
    case 'checklist':
      return undefined;
  }
}

const instructions = [
  '填写说明：',
  `1. 只填写本阶段的“填报”列和说明（意见）列；“得分”列由系统计算，导入时不读取。`,
  `2. “填报”列按评分规则填写：是/否；已满足条目的名称（以“、”分隔，均不满足填“${NONE_MET}”）；项数、数量或数值。留空表示未评分。`,
  `3. 一票否决事项填“是”或“否”。`,
  `4. 请勿修改指标编码、表头和“${META_SHEET_NAME}”工作表；导入时核对记录版本，如其他人已修改，请重新导出后再填写。`,
].join('\n');

/** The score sheet of one participation, as .xlsx bytes. */
export async function buildScoreSheetWorkbook(input: ScoreSheetExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fazhi';
  workbook.created = input.exportedAt ?? new Date();
  const ws = workbook.addWorksheet(SCORE_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
    },
  });
  ws.columns = [6, 10, 36, 7, 40, 10, 20, 12, 10, 20, 12, 10, 20, 12, 10, 20].map((width) => ({
    width,
  }));

  // title and record
  ws.mergeCells(1, 1, 1, LAST_COL);
  const title = ws.getCell(1, 1);
  title.value = `${input.campaignName}考核评分表（${input.townshipName ?? ''}${input.villageName}）`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, 7);
  ws.getCell(2, 1).value =
    `村（社区）：${input.villageName}（${input.villageCode}）\u3000状态：${participationStateName(input.state).zh}\u3000指标体系：${input.framework.name}（${input.framework.version}）`;
  ws.mergeCells(2, 8, 2, LAST_COL);
  const record = ws.getCell(2, 8);
  record.value = `记录编号：${input.participationId}\u3000记录版本：${input.version}（导入时核对）`;
  record.font = { color: { argb: 'FF7F7F7F' } };

  // header
  const fixedHeaders = [
    '序号',
    CODE_HEADER,
    '考核项目',
    '分值',
    '评分规则',
    '考核方式',
    '佐证材料',
  ];
  fixedHeaders.forEach((text, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    ws.getCell(3, i + 1).value = text;
  });
  for (const column of sheetColumnList) {
    const s = stageColumns[column];
    ws.mergeCells(3, s.answer, 3, s.comment);
    ws.getCell(3, s.answer).value = s.group;
    ws.getCell(4, s.answer).value = s.answerHeader;
    ws.getCell(4, s.points).value = s.pointsHeader;
    ws.getCell(4, s.comment).value = s.commentHeader;
    ws.getCell(4, s.answer).note =
      `按评分规则填写：是/否；已满足条目的名称（以“、”分隔，均不满足填“${NONE_MET}”）；项数、数量或数值。留空表示未评分。`;
  }
  styleRow(ws.getRow(3), { bold: true, fill: headerFill });
  styleRow(ws.getRow(4), { bold: true, fill: headerFill });

  const scores = new Map<SheetColumn, Map<string, ItemScore>>();
  for (const column of sheetColumnList) {
    const card = input.scorecards[column];
    if (card)
      scores.set(column, new Map(card.areas.flatMap((a) => a.items.map((i) => [i.code, i]))));
  }

  // items, grouped by area
  let index = 0;
  input.framework.areas.forEach((area, a) => {
    const areaRow = ws.addRow([chineseNumeral(a + 1), area.code, area.name, area.points]);
    styleRow(areaRow, { bold: true, fill: areaFill });
    for (const item of area.items) {
      index += 1;
      const row = ws.addRow([
        index,
        item.code,
        item.name,
        item.points,
        ruleText(item),
        methodNames[item.method] ?? item.method,
        (item.evidence ?? []).join('、'),
      ]);
      const validation = answerValidation(item);
      for (const column of sheetColumnList) {
        const s = stageColumns[column];
        const data = input.sheet[column];
        row.getCell(s.answer).value = answerCellValue(data?.items[item.code], item);
        const score = scores.get(column)?.get(item.code);
        row.getCell(s.points).value = score?.answered ? score.points : null;
        row.getCell(s.comment).value = data?.comments[item.code] ?? null;
        if (validation) row.getCell(s.answer).dataValidation = validation;
      }
      styleRow(row);
      for (const column of sheetColumnList)
        row.getCell(stageColumns[column].answer).fill = inputFill;
    }
  });

  // vetoes
  const vetoHead = ws.addRow([VETO_MARK, null, '一票否决事项（发生任一项，评定为不合格）']);
  for (const column of sheetColumnList)
    vetoHead.getCell(stageColumns[column].answer).value = '是否发生';
  styleRow(vetoHead, { bold: true, fill: areaFill });
  input.framework.vetoes.forEach((veto, v) => {
    const row = ws.addRow([
      v + 1,
      veto.code,
      veto.name,
      null,
      '发生即一票否决，评定为不合格。\n（填“是”或“否”）',
    ]);
    for (const column of sheetColumnList) {
      const s = stageColumns[column];
      const data = input.sheet[column];
      const cell = row.getCell(s.answer);
      cell.value = data ? (data.vetoes.includes(veto.code) ? '是' : '否') : null;
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
        showErrorMessage: true,
        errorTitle: veto.code,
        error: '请填“是”或“否”',
      };
      if (input.scorecards[column]?.vetoes.some((x) => x.code === veto.code)) {
        row.getCell(s.points).value = '否决';
      }
    }
    styleRow(row);
    for (const column of sheetColumnList) row.getCell(stageColumns[column].answer).fill = inputFill;
  });

  // totals
  const totals = ws.addRow([TOTAL_MARK, null, '总分', input.framework.totalPoints]);
  const grades = ws.addRow(['等级', null, '评定等级']);
  const progress = ws.addRow(['评分情况', null, '未评分项数']);
  for (const column of sheetColumnList) {
    const card = input.scorecards[column];
    if (!card) continue;
    const at = stageColumns[column].points;
    totals.getCell(at).value = card.total;
    grades.getCell(at).value = `${gradeNames[card.grade]}${card.vetoed ? '（一票否决）' : ''}`;
    progress.getCell(at).value = card.missing.length;
  }
  for (const row of [totals, grades, progress]) styleRow(row, { bold: true });

  const note = ws.addRow([]);
  ws.mergeCells(note.number, 1, note.number, LAST_COL);
  note.getCell(1).value = instructions;
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = 90;

  // what the import checks: the record and the version it was read at
  const meta = workbook.addWorksheet(META_SHEET_NAME, { state: 'hidden' });
  meta.columns = [{ width: 20 }, { width: 40 }];
  meta.addRows([
    ['说明', '本工作表供系统导入时核对，请勿修改'],
    ['participationId', input.participationId],
    ['version', input.version],
    ['frameworkCode', input.framework.code],
    ['frameworkVersion', input.framework.version],
    ['exportedAt', (input.exportedAt ?? new Date()).toISOString()],
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ——— Import ———

/** One bad cell of an imported workbook (`row`/`column` null when the whole sheet or row is meant). */
export interface BadCell {
  sheet: string;
  row: number | null;
  column: string | null;
  message: LocalizedText;
}

export type ScoreSheetImport =
  | { ok: true; participationId: string; version: number; data: SheetColumnData }
  | { ok: false; errors: BadCell[] };

type Read =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string };

function readValue(value: ExcelJS.CellValue, numFmt: string | undefined): Read {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', value, percent: (numFmt ?? '').includes('%') }
      : { kind: 'error', value: String(value) };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? { kind: 'blank' } : { kind: 'text', value: text };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined
      ? { kind: 'error', value: '公式没有计算结果' }
      : readValue(value.result, numFmt);
  }
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('richText' in value) return readValue(value.richText.map((r) => r.text).join(''), numFmt);
  if ('text' in value) return readValue(String(value.text), numFmt);
  return { kind: 'error', value: '无法识别的单元格内容' };
}

function readCell(ws: ExcelJS.Worksheet, row: number, column: number): Read {
  const cell = ws.getCell(row, column);
  return readValue(cell.value, cell.numFmt);
}

function textOf(read: Read): string {
  switch (read.kind) {
    case 'text':
      return read.value;
    case 'number':
      return String(read.value);
    case 'boolean':
      return read.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

function shown(read: Read): LocalizedText {
  switch (read.kind) {
    case 'date':
      return { zh: '日期', en: 'a date' };
    case 'error':
      return { zh: `错误值${read.value}`, en: `the error ${read.value}` };
    default:
      return { zh: `“${textOf(read)}”`, en: `"${textOf(read)}"` };
  }
}

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A number, or a text that is one; null otherwise. */
function numberOf(read: Read): number | null {
  if (read.kind === 'number') return read.value;
  if (read.kind === 'text' && numberText.test(read.value)) return Number(read.value);
  return null;
}

const yes = new Set(['是', '√', '✓', 'TRUE']);
const no = new Set(['否', '×', '✗', 'FALSE']);
function yesNo(read: Read): boolean | null {
  if (read.kind === 'boolean') return read.value;
  if (read.kind !== 'text') return null;
  const text = read.value.toUpperCase();
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return null;
}

type Parsed =
  { ok: true; value: boolean | number | string[] } | { ok: false; message: LocalizedText };

const bad = (zh: string, en: string): Parsed => ({ ok: false, message: { zh, en } });

/** Reads a non-blank 填报 cell as the answer the item's rule takes. */
function parseAnswer(item: IndicatorItem, read: Read): Parsed {
  const code = item.code;
  const rule = item.rule;
  const was = shown(read);
  switch (rule.kind) {
    case 'check': {
      const value = yesNo(read);
      if (value === null) {
        return bad(
          `指标${code}应填“是”或“否”，实际为${was.zh}`,
          `Item ${code} takes 是 (yes) or 否 (no), not ${was.en}`,
        );
      }
      return { ok: true, value };
    }
    case 'checklist': {
      if (read.kind !== 'text' && read.kind !== 'number') {
        return bad(
          `指标${code}应填已满足条目的名称，实际为${was.zh}`,
          `Item ${code} takes the codes of the met entries, not ${was.en}`,
        );
      }
      const text = textOf(read);
      if (text === NONE_MET) return { ok: true, value: [] };
      // entry names may contain the separators themselves: read them as their codes first
      let codes = text;
      for (const e of [...rule.entries].sort((x, y) => y.name.length - x.name.length)) {
        if (e.name !== '') codes = codes.split(e.name).join(` ${e.code} `);
      }
      const met: string[] = [];
      const problems: string[] = [];
      const duplicates: string[] = [];
      for (const token of codes.split(/[、,，;；\s]+/).filter((t) => t !== '')) {
        const entry = rule.entries.find((e) => e.code === token);
        if (!entry) problems.push(token);
        else if (met.includes(entry.code)) duplicates.push(token);
        else met.push(entry.code);
      }
      if (problems.length > 0) {
        const allowed = rule.entries.map((e) => e.name || e.code);
        return bad(
          `指标${code}没有条目${problems.map((p) => `“${p}”`).join('、')}（可填：${allowed.join('、')}；均不满足填“${NONE_MET}”）`,
          `Item ${code} has no checklist entry ${problems.map((p) => `"${p}"`).join(', ')} (allowed: ${allowed.join(', ')}; “${NONE_MET}” when none is met)`,
        );
      }
      if (duplicates.length > 0) {
        return bad(
          `指标${code}的条目${duplicates.map((p) => `“${p}”`).join('、')}重复填写`,
          `Item ${code} lists entry ${duplicates.map((p) => `"${p}"`).join(', ')} twice`,
        );
      }
      // in the framework's order, whatever order they were typed in
      return { ok: true, value: rule.entries.map((e) => e.code).filter((c) => met.includes(c)) };
    }
    case 'deduction':
    case 'count': {
      const what =
        rule.kind === 'deduction'
          ? { zh: '缺少或不足的项数', en: 'the number of deficiencies' }
          : { zh: '数量', en: 'a count' };
      const value = numberOf(read);
      if (value === null || (read.kind === 'number' && read.percent)) {
        return bad(
          `指标${code}应填${what.zh}（非负整数），实际为${was.zh}`,
          `Item ${code} takes ${what.en} (a whole number ≥ 0), not ${was.en}`,
        );
      }
      if (value < 0) {
        return bad(
          `指标${code}的${what.zh}不能为负数（实际为${value}）`,
          `Item ${code}: ${what.en} must not be negative (${value})`,
        );
      }
      if (!Number.isInteger(value)) {
        return bad(
          `指标${code}的${what.zh}应为整数（实际为${value}）`,
          `Item ${code}: ${what.en} must be a whole number (${value})`,
        );
      }
      return { ok: true, value };
    }
    case 'bands':
    case 'proportional': {
      if (read.kind === 'number' && read.percent) {
        return bad(
          `指标${code}请直接填写数值（如92），不要使用百分比格式`,
          `Item ${code}: enter the plain number (e.g. 92), not a percentage format`,
        );
      }
      const value = numberOf(read);
      if (value === null) {
        return bad(
          `指标${code}应填数值，实际为${was.zh}`,
          `Item ${code} takes a number, not ${was.en}`,
        );
      }
      if (rule.kind === 'proportional' && value < 0) {
        return bad(
          `指标${code}的实际值不能为负数（实际为${value}）`,
          `Item ${code}: the value must not be negative (${value})`,
        );
      }
      return { ok: true, value };
    }
  }
}

export interface ScoreSheetImportOptions {
  framework: Framework;
  /** The column to read: the caller's, at the current stage. */
  column: SheetColumn;
  /** The participation the file is imported into; a file of another one is refused. */
  participationId: string;
}

/**
 * Reads one column of a filled-in score sheet. Every cell that cannot be read is reported; the
 * answers are returned only when there is none. Blank 填报 cells are unanswered items.
 */
export async function parseScoreSheetWorkbook(
  bytes: Uint8Array,
  opts: ScoreSheetImportOptions,
): Promise<ScoreSheetImport> {
  const errors: BadCell[] = [];
  const at = (sheet: string, row: number | null, column: number | null, message: LocalizedText) =>
    errors.push({ sheet, row, column: column === null ? null : columnLetter(column), message });

  const notWorkbook = {
    zh: '文件不是有效的Excel工作簿（.xlsx），请上传系统导出并填写后的评分表',
    en: 'The file is not an Excel workbook (.xlsx); upload the exported score sheet',
  };
  // a workbook is a zip: refuse one that would unpack to far more than any score sheet
  const container = await checkZipLimits(bytes, XLSX_LIMITS);
  if (!container.ok) {
    const mb = Math.round(XLSX_LIMITS.maxUncompressedBytes / 1024 / 1024);
    at(
      '',
      null,
      null,
      container.reason === 'not_zip'
        ? notWorkbook
        : {
            zh: `文件解压后超过${mb} MB或包含过多部件，不是系统导出的评分表`,
            en: `The file unpacks to more than ${mb} MB or has too many parts; it is not an exported score sheet`,
          },
    );
    return { ok: false, errors };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    at('', null, null, notWorkbook);
    return { ok: false, errors };
  }

  // the record and version the file was exported from
  let version: number | null = null;
  const meta = workbook.getWorksheet(META_SHEET_NAME);
  if (!meta) {
    at(META_SHEET_NAME, null, null, {
      zh: `缺少“${META_SHEET_NAME}”工作表，请使用系统导出的评分表`,
      en: `The sheet “${META_SHEET_NAME}” is missing; use a score sheet exported by the system`,
    });
  } else {
    const keys = new Map<string, number>();
    for (let r = 1; r <= meta.rowCount; r++) keys.set(textOf(readCell(meta, r, 1)), r);
    const idRow = keys.get('participationId');
    const idText = idRow ? textOf(readCell(meta, idRow, 2)) : '';
    if (idText !== opts.participationId) {
      at(META_SHEET_NAME, idRow ?? null, 2, {
        zh: idText
          ? '这份文件是另一条申报记录的评分表，不能导入到本记录'
          : '文件中缺少申报记录编号，请使用系统导出的评分表',
        en: idText
          ? 'This file is the score sheet of another participation'
          : 'The file lacks the participation id; use a score sheet exported by the system',
      });
    }
    const versionRow = keys.get('version');
    const value = versionRow ? numberOf(readCell(meta, versionRow, 2)) : null;
    if (value === null || !Number.isInteger(value) || value < 1) {
      at(META_SHEET_NAME, versionRow ?? null, 2, {
        zh: '文件中的记录版本缺失或无效，请重新导出评分表',
        en: 'The record version in the file is missing or invalid; export the sheet again',
      });
    } else {
      version = value;
    }
  }

  const ws = workbook.getWorksheet(SCORE_SHEET_NAME);
  if (!ws) {
    at(SCORE_SHEET_NAME, null, null, {
      zh: `缺少“${SCORE_SHEET_NAME}”工作表`,
      en: `The sheet “${SCORE_SHEET_NAME}” is missing`,
    });
    return { ok: false, errors };
  }
  const sheetName = ws.name;
  const stage = stageColumns[opts.column];

  let header = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && header === 0; r++) {
    if (textOf(readCell(ws, r, COL.code)) === CODE_HEADER) header = r;
  }
  if (header === 0) {
    at(sheetName, null, COL.code, {
      zh: `找不到表头“${CODE_HEADER}”，请使用系统导出的评分表`,
      en: `The header “${CODE_HEADER}” is missing; use a score sheet exported by the system`,
    });
    return { ok: false, errors };
  }
  const sub = header + 1;
  for (const [column, expected] of [
    [stage.answer, stage.answerHeader],
    [stage.comment, stage.commentHeader],
  ] as const) {
    const found = textOf(readCell(ws, sub, column));
    if (found !== expected) {
      at(sheetName, sub, column, {
        zh: `表头应为“${expected}”，实际为“${found}”；请勿增删或移动列`,
        en: `The header should read “${expected}”, not “${found}”; do not insert, delete or move columns`,
      });
    }
  }
  if (errors.some((e) => e.sheet === sheetName)) return { ok: false, errors };

  const items = new Map(
    opts.framework.areas.flatMap((a) => a.items.map((i) => [i.code, i] as const)),
  );
  const areaCodes = new Set(opts.framework.areas.map((a) => a.code));
  const vetoCodes = new Set(opts.framework.vetoes.map((v) => v.code));
  const itemRows = new Map<string, number>();
  const vetoRows = new Map<string, number>();
  const data: SheetColumnData = { items: {}, vetoes: [], comments: {} };
  let section: 'items' | 'vetoes' = 'items';
  let sawVetoes = false;

  for (let r = sub + 1; r <= ws.rowCount; r++) {
    const mark = textOf(readCell(ws, r, COL.index));
    if (mark === TOTAL_MARK) break;
    if (mark === VETO_MARK) {
      section = 'vetoes';
      sawVetoes = true;
      continue;
    }
    const code = textOf(readCell(ws, r, COL.code));
    const answer = readCell(ws, r, stage.answer);
    const comment = readCell(ws, r, stage.comment);
    const filled = answer.kind !== 'blank' || comment.kind !== 'blank';

    if (code === '' || (section === 'items' && areaCodes.has(code) && !items.has(code))) {
      if (filled) {
        at(sheetName, r, answer.kind !== 'blank' ? stage.answer : stage.comment, {
          zh: code ? `类别行（${code}）不能填写，请填在其下的指标行` : '该行没有指标编码，不能填写',
          en: code
            ? `Row of area ${code}: fill in the rows of its items instead`
            : 'This row has no item code and must stay empty',
        });
      }
      continue;
    }

    if (section === 'vetoes') {
      if (!vetoCodes.has(code)) {
        at(sheetName, r, COL.code, {
          zh: `未知的一票否决事项编码“${code}”`,
          en: `Unknown veto code "${code}"`,
        });
        continue;
      }
      if (vetoRows.has(code)) {
        at(sheetName, r, COL.code, {
          zh: `一票否决事项${code}重复（已在第${vetoRows.get(code)}行）`,
          en: `Veto ${code} appears twice (first in row ${vetoRows.get(code)})`,
        });
        continue;
      }
      vetoRows.set(code, r);
      if (answer.kind === 'blank') continue;
      const triggered = yesNo(answer);
      if (triggered === null) {
        const was = shown(answer);
        at(sheetName, r, stage.answer, {
          zh: `一票否决事项${code}应填“是”或“否”，实际为${was.zh}`,
          en: `Veto ${code} takes 是 (yes) or 否 (no), not ${was.en}`,
        });
      } else if (triggered) {
        data.vetoes.push(code);
      }
      continue;
    }

    const item = items.get(code);
    if (!item) {
      at(sheetName, r, COL.code, {
        zh: `未知的指标编码“${code}”`,
        en: `Unknown item code "${code}"`,
      });
      continue;
    }
    if (itemRows.has(code)) {
      at(sheetName, r, COL.code, {
        zh: `指标${code}重复（已在第${itemRows.get(code)}行）`,
        en: `Item ${code} appears twice (first in row ${itemRows.get(code)})`,
      });
      continue;
    }
    itemRows.set(code, r);
    if (answer.kind !== 'blank') {
      const parsed = parseAnswer(item, answer);
      if (parsed.ok) data.items[code] = parsed.value;
      else at(sheetName, r, stage.answer, parsed.message);
    }
    if (comment.kind !== 'blank') {
      // a date typed into a comment is kept as the day it shows
      const text =
        comment.kind === 'date'
          ? comment.value.toISOString().slice(0, 10)
          : comment.kind === 'text' || comment.kind === 'number'
            ? textOf(comment)
            : undefined;
      if (text === undefined) {
        const was = shown(comment);
        at(sheetName, r, stage.comment, {
          zh: `指标${code}的${stage.commentHeader}应为文字，实际为${was.zh}`,
          en: `The comment on item ${code} must be text, not ${was.en}`,
        });
      } else if (text.length > MAX_COMMENT) {
        at(sheetName, r, stage.comment, {
          zh: `指标${code}的${stage.commentHeader}超过${MAX_COMMENT}字`,
          en: `The comment on item ${code} is longer than ${MAX_COMMENT} characters`,
        });
      } else {
        data.comments[code] = text;
      }
    }
  }

  for (const [code, item] of items) {
    if (!itemRows.has(code)) {
      at(sheetName, null, COL.code, {
        zh: `缺少指标${code}（${item.name}）所在的行`,
        en: `The row of item ${code} is missing`,
      });
    }
  }
  if (opts.framework.vetoes.length > 0 && !sawVetoes) {
    at(sheetName, null, COL.index, {
      zh: `缺少“${VETO_MARK}”部分`,
      en: `The “${VETO_MARK}” section is missing`,
    });
  } else {
    for (const veto of opts.framework.vetoes) {
      if (!vetoRows.has(veto.code)) {
        at(sheetName, null, COL.code, {
          zh: `缺少一票否决事项${veto.code}所在的行`,
          en: `The row of veto ${veto.code} is missing`,
        });
      }
    }
  }

  if (errors.length === 0) {
    // a last check by the domain, mapped back to the rows (nothing should reach it)
    const scored = scoreAssessment(opts.framework, { items: data.items, vetoes: data.vetoes });
    if (!scored.ok) {
      for (const problem of scored.problems) {
        const code = [...itemRows.keys()].find((c) =>
          problem.path.startsWith(`items[${JSON.stringify(c)}]`),
        );
        at(sheetName, code ? itemRows.get(code)! : null, stage.answer, problem.message);
      }
    }
  }

  if (errors.length > 0 || version === null) return { ok: false, errors };
  return { ok: true, participationId: opts.participationId, version, data };
}

// ——— Public-notice list ———

export interface NoticeExport {
  campaignName: string;
  noticeDays: number;
  rows: readonly {
    townshipName: string;
    villageName: string;
    total: number | null;
    postedOn: string | null;
  }[];
}

/** The public-notice list (公示名单), as .xlsx bytes. */
export async function buildNoticeWorkbook(input: NoticeExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fazhi';
  const ws = workbook.addWorksheet(NOTICE_SHEET_NAME, {
    pageSetup: {
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws.columns = [{ width: 8 }, { width: 24 }, { width: 28 }, { width: 12 }];
  ws.mergeCells(1, 1, 1, 4);
  const title = ws.getCell(1, 1);
  title.value = `${input.campaignName}公示名单`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;

  const cells = (row: ExcelJS.Row, bold = false) => {
    for (let c = 1; c <= 4; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (bold) {
        cell.font = { bold: true };
        cell.fill = headerFill;
      }
    }
  };
  cells(ws.addRow(['序号', '乡镇（街道）', '村（社区）', '验收得分']), true);
  input.rows.forEach((r, i) => cells(ws.addRow([i + 1, r.townshipName, r.villageName, r.total])));

  const posted = input.rows
    .map((r) => r.postedOn)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const ends = posted ? noticeEndsOn(posted, input.noticeDays) : null;
  ws.addRow([]);
  const footer = ws.addRow([
    `公示期${input.noticeDays}天${posted && ends ? `（${posted}至${ends}）` : ''}。公示期间，对公示对象有异议的，请以实名方式（写明姓名、联系方式和异议内容）向县级创建工作领导小组办公室反映。`,
  ]);
  ws.mergeCells(footer.number, 1, footer.number, 4);
  footer.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  footer.height = 48;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const RANKING_SHEET_NAME = '得分排名';

export interface RankingExport {
  campaignName: string;
  rows: readonly {
    rank: number | null;
    townshipName: string | null;
    villageName: string;
    total: number;
    grade: string;
    vetoed: boolean;
    state: ParticipationState;
  }[];
}

/** The ranking of a campaign (县级验收得分排名) as a workbook: labels, never codes. */
export async function buildRankingWorkbook(input: RankingExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fazhi';
  const ws = workbook.addWorksheet(RANKING_SHEET_NAME, {
    pageSetup: {
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const headers = ['名次', '乡镇（街道）', '村（社区）', '验收得分', '等次', '一票否决', '状态'];
  ws.columns = [
    { width: 8 },
    { width: 20 },
    { width: 24 },
    { width: 12 },
    { width: 10 },
    { width: 10 },
    { width: 14 },
  ];
  ws.mergeCells(1, 1, 1, headers.length);
  const title = ws.getCell(1, 1);
  title.value = `${input.campaignName}得分排名`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;
  const cells = (row: ExcelJS.Row, bold = false) => {
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (bold) {
        cell.font = { bold: true };
        cell.fill = headerFill;
      }
    }
  };
  cells(ws.addRow(headers), true);
  for (const r of input.rows) {
    cells(
      ws.addRow([
        r.rank ?? '—',
        r.townshipName ?? '',
        r.villageName,
        r.total,
        gradeNames[r.grade as Grade] ?? r.grade,
        r.vetoed ? '是' : '否',
        participationStateName(r.state).zh,
      ]),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
