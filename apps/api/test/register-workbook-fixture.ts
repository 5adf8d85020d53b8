// Workbooks for the register imports (普法 activities and roster, adviser duty days and services),
// written the way a clerk fills in the exported sheet.
import ExcelJS from 'exceljs';

export const activityHeaders = [
  '编号',
  '单位代码',
  '单位',
  '活动类型',
  '日期',
  '地点',
  '组织者',
  '参加人数',
  '发放资料份数',
  '备注',
];
export const rosterHeaders = [
  '编号',
  '村代码',
  '村（社区）',
  '名册类别',
  '姓名',
  '培训学时',
  '考核结果',
  '考核日期',
  '备注',
];
export const dutyHeaders = ['编号', '乡镇代码', '乡镇', '法律顾问', '日期', '地点', '备注'];
export const serviceHeaders = [
  '编号',
  '单位代码',
  '单位',
  '法律顾问',
  '日期',
  '服务类型',
  '次数',
  '备注',
];

/** One sheet with a header row and the given rows, as base64. */
export async function xlsxBase64(
  sheetName: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The rows of the first sheet of a workbook (base64), as cell text. */
export async function readXlsx(base64: string): Promise<{ name: string; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return { name: sheet.name, rows };
}

const X_VILLAGE = '330728101201';
const X = '330728101000';

/** A 普法 activity row of the clerk's village (2026-11-10). */
export const activityRow = (over: Partial<Record<string, string | number>> = {}) =>
  activityHeaders.map(
    (h) =>
      over[h] ??
      {
        单位代码: X_VILLAGE,
        活动类型: '讲座',
        日期: '2026-11-10',
        地点: '村文化礼堂',
        组织者: '白石镇司法所',
        参加人数: 45,
        发放资料份数: 60,
      }[h] ??
      '',
  );

/** A 法律明白人 row of the clerk's village. */
export const rosterRow = (over: Partial<Record<string, string | number>> = {}) =>
  rosterHeaders.map(
    (h) =>
      over[h] ??
      {
        村代码: X_VILLAGE,
        名册类别: '法律明白人',
        姓名: '陈明理',
        培训学时: 12,
        考核结果: '合格',
        考核日期: '2026-06-18',
      }[h] ??
      '',
  );

/** A duty day of adviser 李明 in the township (2026-11-10). */
export const dutyRow = (over: Partial<Record<string, string | number>> = {}) =>
  dutyHeaders.map(
    (h) =>
      over[h] ?? { 乡镇代码: X, 法律顾问: '李明', 日期: '2026-11-10', 地点: '白石镇集市' }[h] ?? '',
  );

/** Consultations of adviser 李明 in the clerk's village (2026-11-10). */
export const serviceRow = (over: Partial<Record<string, string | number>> = {}) =>
  serviceHeaders.map(
    (h) =>
      over[h] ??
      {
        单位代码: X_VILLAGE,
        法律顾问: '李明',
        日期: '2026-11-10',
        服务类型: '法律咨询',
        次数: 2,
      }[h] ??
      '',
  );

export const mediationHeaders = [
  '编号',
  '单位代码',
  '单位',
  '受理日期',
  '纠纷类型',
  '当事人数',
  '当事人姓名',
  '调解员',
  '调解方式',
  '调解结果',
  '结案日期',
  '是否激化',
  '协议书编号',
  '附件数',
  '备注',
];

/** A settled neighbours' dispute of the clerk's village (2026-11-02 to 2026-11-05). */
export const mediationRow = (over: Partial<Record<string, string | number>> = {}) =>
  mediationHeaders.map(
    (h) =>
      over[h] ??
      {
        单位代码: X_VILLAGE,
        受理日期: '2026-11-02',
        纠纷类型: '邻里',
        当事人数: 2,
        调解员: '王调解',
        调解方式: '口头调解',
        调解结果: '调解成功',
        结案日期: '2026-11-05',
        是否激化: '无',
      }[h] ??
      '',
  );
