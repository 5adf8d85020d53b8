// The 统计 page's other tables as Excel workbooks: 普法, legal advisers and community correction,
// one row per child division and a total row, each beside its previous-period figure. Figures
// only (no names of people), so the exports are fit above the township.
import ExcelJS from 'exceljs';
import {
  adviserServiceKinds,
  adviserServiceLabels,
  correctionFigureKeys,
  correctionFigureLabels,
  formatRate,
  pufaActivityTypes,
  pufaLabels,
  type AdviserServiceKind,
  type PufaActivityType,
} from '@fazhi/domain';

interface Named {
  code: string;
  name: string;
}

interface Period {
  from: string;
  to: string;
}

interface PufaLine extends Named {
  activities: number;
  participants: number;
  materials: number;
  byType: Record<PufaActivityType, number>;
  legalLiterate: number;
  trained: number;
  previousPeriod: { activities: number; participants: number; materials: number };
}

interface AdviserFigures {
  villages: number;
  covered: number;
  coverage: number | null;
  dutyDays: number;
  services: Record<AdviserServiceKind, number>;
}
interface AdviserLine extends Named, AdviserFigures {
  previousPeriod: AdviserFigures;
}

interface CorrectionFigureLine {
  underCorrection: number;
  newlyReceived: number;
  released: number;
  helped: number;
  filesOpened: number;
  reported: number;
  placementRate: number | null;
  filingRate: number | null;
}
interface CorrectionLine extends Named, CorrectionFigureLine {
  previousPeriod: CorrectionFigureLine;
}

export const REGISTER_SHEET_NAMES = {
  pufa: '普法统计',
  advisers: '法律顾问统计',
  corrections: '社区矫正统计',
} as const;

async function workbook<T extends Named>(
  sheetName: string,
  title: string,
  headers: string[],
  stats: T & { children: T[] },
  line: (row: T) => (string | number)[],
  notes: string[] = [],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow(['区划代码', '区划', ...headers]).font = { bold: true };
  for (const child of stats.children) sheet.addRow([child.code, child.name, ...line(child)]);
  sheet.addRow([stats.code, `合计（${stats.name}）`, ...line(stats)]).font = { bold: true };
  if (notes.length > 0) sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]);
  sheet.getColumn(1).width = 15;
  sheet.getColumn(2).width = 22;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 普法 table: activities by type, participants, materials, 法律明白人, and the period before. */
export function buildPufaWorkbook(stats: PufaLine & Period & { children: PufaLine[] }) {
  return workbook(
    REGISTER_SHEET_NAMES.pufa,
    `${stats.name} 普法统计（${stats.from} 至 ${stats.to}）`,
    [
      '活动次数',
      ...pufaActivityTypes.map((t) => `其中：${pufaLabels.type[t].zh}`),
      '参与人次',
      '发放资料（份）',
      '法律明白人',
      '其中已培训',
      '上期活动次数',
      '上期参与人次',
      '上期发放资料（份）',
    ],
    stats,
    (r) => [
      r.activities,
      ...pufaActivityTypes.map((t) => r.byType[t]),
      r.participants,
      r.materials,
      r.legalLiterate,
      r.trained,
      r.previousPeriod.activities,
      r.previousPeriod.participants,
      r.previousPeriod.materials,
    ],
  );
}

/** The advisers table: coverage of villages, duty days and services, and the period before. */
export function buildAdvisersWorkbook(stats: AdviserLine & Period & { children: AdviserLine[] }) {
  return workbook(
    REGISTER_SHEET_NAMES.advisers,
    `${stats.name} 一村一法律顾问统计（${stats.from} 至 ${stats.to}）`,
    [
      '村（社区）数',
      '已聘法律顾问',
      '覆盖率',
      '圩日值班（天）',
      ...adviserServiceKinds.map((k) => adviserServiceLabels[k].zh),
      '上期覆盖率',
      '上期值班（天）',
      '上期服务合计',
    ],
    stats,
    (r) => [
      r.villages,
      r.covered,
      formatRate(r.coverage),
      r.dutyDays,
      ...adviserServiceKinds.map((k) => r.services[k]),
      formatRate(r.previousPeriod.coverage),
      r.previousPeriod.dutyDays,
      adviserServiceKinds.reduce((sum, k) => sum + r.previousPeriod.services[k], 0),
    ],
    ['覆盖率 = 期末有在聘期内法律顾问的村（社区）数 ÷ 村（社区）总数'],
  );
}

/** The community-correction table of a range of months, with as many months before. */
export function buildCorrectionsWorkbook(
  stats: CorrectionLine & Period & { children: CorrectionLine[] },
) {
  return workbook(
    REGISTER_SHEET_NAMES.corrections,
    `${stats.name} 社区矫正、安置帮教统计（${stats.from} 至 ${stats.to}）`,
    [
      ...correctionFigureKeys.map((k) => correctionFigureLabels[k].zh),
      '安置帮教率',
      '建档率',
      '报送月数',
      ...correctionFigureKeys.map((k) => `上期${correctionFigureLabels[k].zh}`),
      '上期安置帮教率',
    ],
    stats,
    (r) => [
      ...correctionFigureKeys.map((k) => r[k]),
      formatRate(r.placementRate),
      formatRate(r.filingRate),
      r.reported,
      ...correctionFigureKeys.map((k) => r.previousPeriod[k]),
      formatRate(r.previousPeriod.placementRate),
    ],
    ['本月新接收、本月建档按月累计；在册人数取期末月。'],
  );
}
