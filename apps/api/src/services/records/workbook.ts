// Reading an uploaded .xlsx safely (zip limits first) into rows of cell text, per sheet.
import ExcelJS from 'exceljs';
import { checkZipLimits, XLSX_LIMITS } from '../zip-limits.js';
import { fail } from '../../errors/app-error.js';

export interface BadCell {
  sheet?: string;
  row: number;
  column: string;
  message: { zh: string; en: string };
}

function notWorkbook(): never {
  fail('FILE_TYPE', undefined, {
    zh: '文件不是Excel工作簿（.xlsx）',
    en: 'The file is not an Excel workbook (.xlsx)',
  });
}

/** The text of a cell: dates as YYYY-MM-DD, numbers as written, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

export async function readWorkbookRows(
  bytes: Buffer,
): Promise<{ name: string; rows: string[][] }[]> {
  const container = await checkZipLimits(bytes, XLSX_LIMITS);
  if (!container.ok) notWorkbook();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    notWorkbook();
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(sheet.columnCount, 1); c += 1) {
        cells.push(cellText(row.getCell(c).value));
      }
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
    return { name: sheet.name, rows };
  });
}
