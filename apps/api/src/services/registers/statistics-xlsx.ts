// The mediation statistics table as an Excel workbook (the 统计 page's table): one row per child
// division and a total row, the rates as percentages with their definitions beneath. Figures
// only: no party names, so the export is fit above the township.
import ExcelJS from 'exceljs';
import { disputeTypes, formatRate, mediationLabels } from '@fazhi/domain';
import type { MediationFigures, MediationRow } from './statistics.js';
import type { MonthlyRow } from './statistics-monthly.js';

interface Statistics extends MediationRow {
  from: string;
  to: string;
  children: MediationRow[];
  definitions: Record<
    'handlingRate' | 'successRate',
    { name: { zh: string }; formula: { zh: string }; source: { text: { zh: string } } }
  >;
}

export const MEDIATION_SHEET_NAME = '人民调解统计';

const headers = [
  '区划代码',
  '区划',
  '受理',
  '调处',
  '调解成功',
  '口头调解',
  '书面协议',
  '调处率',
  '调解成功率',
  '越级上访',
  '民转刑',
  '上期受理',
  '上期调处率',
  '上期成功率',
];

/** The workbook of a division's statistics for a period. */
export async function buildMediationWorkbook(stats: Statistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(MEDIATION_SHEET_NAME);
  sheet.addRow([`${stats.name} 人民调解统计（${stats.from} 至 ${stats.to}）`]);
  sheet.addRow(headers).font = { bold: true };
  const line = (
    r: MediationFigures & Pick<MediationRow, 'code' | 'previousPeriod'>,
    name: string,
  ) => [
    r.code,
    name,
    r.received,
    r.closed,
    r.succeeded,
    r.oral,
    r.written,
    formatRate(r.handlingRate),
    formatRate(r.successRate),
    r.petition,
    r.criminal,
    r.previousPeriod.received,
    formatRate(r.previousPeriod.handlingRate),
    formatRate(r.previousPeriod.successRate),
  ];
  for (const child of stats.children) sheet.addRow(line(child, child.name));
  sheet.addRow(line(stats, `合计（${stats.name}）`)).font = { bold: true };
  sheet.addRow([]);
  for (const d of [stats.definitions.handlingRate, stats.definitions.successRate]) {
    sheet.addRow([`${d.name.zh} = ${d.formula.zh}；${d.source.text.zh}`]);
  }
  sheet.getColumn(1).width = 15;
  sheet.getColumn(2).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const MONTHLY_SHEET_NAME = '人民调解月报';

/**
 * The Ministry-style monthly table (人民调解工作统计月报) of a division for a year: a row per month
 * and the year's total; cases received by dispute type, handled, settled, oral and written, the
 * rates, 越级上访 and 民转刑. Figures only.
 */
export async function buildMonthlyWorkbook(stats: {
  name: string;
  year: number;
  months: MonthlyRow[];
  total: MonthlyRow;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(MONTHLY_SHEET_NAME);
  sheet.addRow([`${stats.name} ${stats.year}年人民调解工作统计月报`]).font = { bold: true };
  sheet.addRow([
    '月份',
    '受理纠纷',
    ...disputeTypes.map((t) => `其中：${mediationLabels.type[t].zh}`),
    '调处',
    '调解成功',
    '口头调解',
    '书面协议',
    '调处率',
    '调解成功率',
    '越级上访',
    '民转刑',
  ]).font = { bold: true };
  const line = (r: MonthlyRow, label: string) => [
    label,
    r.received,
    ...disputeTypes.map((t) => r.byType[t]),
    r.closed,
    r.succeeded,
    r.oral,
    r.written,
    formatRate(r.handlingRate),
    formatRate(r.successRate),
    r.petition,
    r.criminal,
  ];
  for (const m of stats.months) sheet.addRow(line(m, m.month ?? ''));
  sheet.addRow(line(stats.total, '全年合计')).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['各月调处、成功按当月受理、当月结案计；全年合计按全年受理、年内结案计。']);
  sheet.getColumn(1).width = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
