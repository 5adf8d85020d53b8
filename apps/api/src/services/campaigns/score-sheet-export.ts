// The score sheet (考核评分表) and the public-notice list (公示名单) as Excel workbooks: data →
// .xlsx bytes. Scores are never computed here: the exported points come from the domain's
// scorecards. The layout is score-sheet-layout.ts.
import ExcelJS from 'exceljs';
import {
  noticeEndsOn,
  participationStateName,
  subjectLevelName,
  subjectNoun,
  type Framework,
  type IndicatorItem,
  type ItemScore,
  type Grade,
  type ParticipationState,
  type Scorecard,
  type SubjectLevel,
} from '@fazhi/domain';
import type { ScoreSheetData, SheetColumn } from '../../db/schema.js';
import {
  SCORE_SHEET_NAME,
  META_SHEET_NAME,
  NOTICE_SHEET_NAME,
  VETO_MARK,
  TOTAL_MARK,
  NONE_MET,
  CODE_HEADER,
  sheetColumnList,
  COL,
  LAST_COL,
  stageColumns,
  methodNames,
  gradeNames,
  chineseNumeral,
  ruleText,
  answerCellValue,
} from './score-sheet-layout.js';

export interface ScoreSheetExport {
  participationId: string;
  version: number;
  state: ParticipationState;
  campaignName: string;
  /** The campaign's subjects (村（社区）, 乡镇（街道）, 县直单位); villages when absent. */
  subjectLevel?: SubjectLevel | undefined;
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
  const level = input.subjectLevel ?? 'village';
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
    `${subjectLevelName(level).zh}：${input.villageName}（${input.villageCode}）\u3000状态：${participationStateName(input.state).zh}\u3000指标体系：${input.framework.name}（${input.framework.version}）`;
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
    // the self column is the subject's own: 村级自评, 乡镇自评, 单位自评
    ws.getCell(3, s.answer).value =
      column === 'self' && level !== 'village' ? `${subjectNoun(level).zh}自评` : s.group;
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
  subjectLevel?: SubjectLevel | undefined;
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
  const headers = [
    '名次',
    '乡镇（街道）',
    subjectLevelName(input.subjectLevel ?? 'village').zh,
    '验收得分',
    '等次',
    '一票否决',
    '状态',
  ];
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
