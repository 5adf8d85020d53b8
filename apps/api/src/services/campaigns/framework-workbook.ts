// A county's own 考核评分表 workbook → a framework draft the county completes in the 指标体系 page.
// This file only unpacks the workbook (within the zip limits) and turns the cells of a sheet into
// a grid; what the grid means is @fazhi/domain's `readScoreTable`. Nothing is stored: the
// completed framework is saved through `frameworks.import`, which validates it again.
import ExcelJS from 'exceljs';
import {
  readScoreTable,
  type FrameworkDraft,
  type ScoreTableProblem,
  type TableCell,
} from '@fazhi/domain';
import { checkZipLimits, XLSX_LIMITS } from '../zip-limits.js';

/** The most rows and columns of a sheet that are read; a 考核评分表 has a few hundred rows. */
export const FRAMEWORK_SHEET_LIMITS = { rows: 2_000, columns: 40 } as const;

export type FrameworkWorkbookRead =
  | {
      ok: true;
      /** The sheet the draft was read from. */
      sheet: string;
      draft: FrameworkDraft;
      incomplete: readonly ScoreTableProblem[];
    }
  | { ok: false; problems: readonly ScoreTableProblem[] };

function cellValue(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue);
  }
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

/** The sheet as a grid from A1; a merged cell's value is read in every cell it covers. */
function gridOf(ws: ExcelJS.Worksheet): TableCell[][] {
  const rows: TableCell[][] = [];
  const lastRow = Math.min(ws.actualRowCount === 0 ? 0 : ws.rowCount, FRAMEWORK_SHEET_LIMITS.rows);
  const lastColumn = Math.min(ws.columnCount, FRAMEWORK_SHEET_LIMITS.columns);
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const cells: TableCell[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const cell = row.getCell(c);
      // a merged cell's other cells hold no value of their own: read the master's
      cells.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
    }
    rows.push(cells);
  }
  return rows;
}

const problem = (message: { zh: string; en: string }, sheet = ''): ScoreTableProblem => ({
  code: 'NO_HEADER',
  sheet,
  cell: null,
  message,
});

/**
 * Reads a county's 考核评分表 workbook: the first sheet with a header row (考核内容, 分值…) becomes
 * the draft; every bad cell of that sheet is listed. A file that is no workbook, or that would
 * unpack beyond the upload limits (a zip bomb), is refused before it is unpacked.
 */
export async function readFrameworkWorkbook(bytes: Uint8Array): Promise<FrameworkWorkbookRead> {
  const notWorkbook = problem({
    zh: '文件不是有效的Excel工作簿（.xlsx），请另存为.xlsx格式后再上传',
    en: 'The file is not an Excel workbook (.xlsx); save it as .xlsx and upload it again',
  });
  const container = await checkZipLimits(bytes, XLSX_LIMITS);
  if (!container.ok) {
    const mb = Math.round(XLSX_LIMITS.maxUncompressedBytes / 1024 / 1024);
    return {
      ok: false,
      problems: [
        container.reason === 'not_zip'
          ? notWorkbook
          : problem({
              zh: `文件解压后超过${mb} MB或包含过多部件，不是考核评分表`,
              en: `The file unpacks to more than ${mb} MB or has too many parts; it is not a score sheet`,
            }),
      ],
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: [notWorkbook] };
  }
  const sheets = workbook.worksheets.filter(
    (ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden',
  );
  for (const ws of sheets) {
    if (ws.rowCount > FRAMEWORK_SHEET_LIMITS.rows) {
      return {
        ok: false,
        problems: [
          problem(
            {
              zh: `工作表“${ws.name}”超过${FRAMEWORK_SHEET_LIMITS.rows}行，不像考核评分表`,
              en: `Sheet "${ws.name}" has more than ${FRAMEWORK_SHEET_LIMITS.rows} rows; it is not a score sheet`,
            },
            ws.name,
          ),
        ],
      };
    }
    const read = readScoreTable({ sheet: ws.name, rows: gridOf(ws) });
    if (!read.ok && read.problems.every((p) => p.code === 'NO_HEADER')) continue;
    return read.ok
      ? { ok: true, sheet: ws.name, draft: read.draft, incomplete: read.incomplete }
      : read;
  }
  return {
    ok: false,
    problems: [
      problem({
        zh: `工作簿中没有含表头（考核项目、考核内容、分值）的工作表${
          sheets.length > 0 ? `（已查看：${sheets.map((s) => s.name).join('、')}）` : ''
        }`,
        en: `No sheet of the workbook has a header row (考核项目, 考核内容, 分值)${
          sheets.length > 0 ? ` (looked at: ${sheets.map((s) => s.name).join(', ')})` : ''
        }`,
      }),
    ],
  };
}
