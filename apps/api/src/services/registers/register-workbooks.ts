// Excel round trips of the 普法 and legal-adviser registers (the mediation register's in
// mediation-workbook.ts, with the helpers exported here): the current filtered list of 普法
// activities, of the 法律明白人 / 宣讲员 roster, of the advisers' duty days (圩日值班) and service
// records as .xlsx (base64), and the import of the same workbook back. An import is all or nothing:
// each row is parsed cell by cell, then saved through the register's own save (scope, writing
// level, locked months, domain rules) inside a savepoint; every bad cell of every row is listed and
// nothing is kept when there is one. A row with the 编号 of a record in scope corrects that record,
// a row without one adds a record. One audit event tells how many were added and corrected.
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import {
  adviserServiceKinds,
  adviserServiceLabels,
  pufaActivityTypes,
  pufaExamResults,
  pufaLabels,
  pufaRosterRoles,
  type AdviserServiceKind,
  type LocalizedText,
  type PufaActivityType,
  type PufaExamResult,
  type PufaRosterRole,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { mediationCases } from '../../db/schema.js';
import {
  adviserDutyDays,
  adviserServices,
  divisions,
  legalAdvisers,
  pufaActivities,
  pufaRoster,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { AppError, forbidden, invalidField } from '../../errors/app-error.js';
import { readWorkbookRows, type BadCell } from '../records/workbook.js';
import { isIsoDay } from '../records/records.js';
import { badCells } from '../records/groups.js';
import { listPufaActivities, savePufaActivity } from './pufa-activities.js';
import { listPufaRoster, savePufaRosterMember } from './pufa-roster.js';
import { listDutyDays, listServices, saveDutyDay, saveService } from './advisers-activity.js';
import { divisionPrefix } from './common.js';

type Audit = (event: AuditInput) => Promise<void>;
type Cell = string | number | null;

/** The most rows one export or import handles. */
export const MAX_REGISTER_ROWS = 5000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ACTIVITY_SHEET = '普法活动';
export const ROSTER_SHEET = '普法名册';
export const DUTY_SHEET = '法律顾问值班';
export const SERVICE_SHEET = '法律顾问服务';

export const ID = '编号';
const ACTIVITY_HEADERS = [
  ID,
  '单位代码',
  '单位',
  '活动类型',
  '日期',
  '地点',
  '组织者',
  '参加人数',
  '发放资料份数',
  '备注',
] as const;
const ROSTER_HEADERS = [
  ID,
  '村代码',
  '村（社区）',
  '名册类别',
  '姓名',
  '培训学时',
  '考核结果',
  '考核日期',
  '备注',
] as const;
const DUTY_HEADERS = [ID, '乡镇代码', '乡镇', '法律顾问', '日期', '地点', '备注'] as const;
const SERVICE_HEADERS = [
  ID,
  '单位代码',
  '单位',
  '法律顾问',
  '日期',
  '服务类型',
  '次数',
  '备注',
] as const;

export async function workbookOf(
  sheetName: string,
  headers: readonly string[],
  rows: Cell[][],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = h === ID ? 38 : h === '备注' || h === '地点' ? 30 : 14;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return bytes.toString('base64');
}

export async function divisionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(inArray(divisions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export const all = { page: 1, pageSize: MAX_REGISTER_ROWS };

// ---------------------------------------------------------------- exports

/** The 普法 activities of a division as listed (same filters), as a workbook. */
export async function exportPufaActivities(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  type?: PufaActivityType | undefined;
  ownOnly?: boolean | undefined;
}) {
  const { items } = await listPufaActivities({ ...opts, ...all });
  const names = await divisionNames(
    opts.db,
    items.map((a) => a.divisionCode),
  );
  const base64 = await workbookOf(
    ACTIVITY_SHEET,
    ACTIVITY_HEADERS,
    items.map((a) => [
      a.id,
      a.divisionCode,
      names.get(a.divisionCode) ?? '',
      pufaLabels.type[a.type].zh,
      a.heldOn,
      a.place,
      a.organiser,
      a.participants,
      a.materials,
      a.notes,
    ]),
  );
  return { fileName: `普法活动-${opts.divisionCode}.xlsx`, base64 };
}

/** The 法律明白人 / 宣讲员 roster of a division as listed; names only where the user sees them. */
export async function exportPufaRoster(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  role?: PufaRosterRole | undefined;
}) {
  const { items } = await listPufaRoster({ ...opts, ...all });
  const base64 = await workbookOf(
    ROSTER_SHEET,
    ROSTER_HEADERS,
    items.map((m) => [
      m.id,
      m.villageCode,
      m.villageName,
      pufaLabels.role[m.role].zh,
      m.name ?? '',
      m.trainingHours,
      pufaLabels.examResult[m.examResult].zh,
      m.examOn ?? '',
      m.notes,
    ]),
  );
  return { fileName: `普法名册-${opts.divisionCode}.xlsx`, base64 };
}

interface RangeOptions {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
}

/** The advisers' market-day duty of a division as listed, as a workbook. */
export async function exportDutyDays(opts: RangeOptions) {
  const { items } = await listDutyDays({ ...opts, ...all });
  const names = await divisionNames(
    opts.db,
    items.map((d) => d.townshipCode),
  );
  const base64 = await workbookOf(
    DUTY_SHEET,
    DUTY_HEADERS,
    items.map((d) => [
      d.id,
      d.townshipCode,
      names.get(d.townshipCode) ?? '',
      d.adviserName,
      d.date,
      d.place,
      d.note,
    ]),
  );
  return { fileName: `法律顾问值班-${opts.divisionCode}.xlsx`, base64 };
}

/** The advisers' service records of a division as listed, as a workbook. */
export async function exportServices(opts: RangeOptions) {
  const { items } = await listServices({ ...opts, ...all });
  const names = await divisionNames(
    opts.db,
    items.map((s) => s.divisionCode),
  );
  const base64 = await workbookOf(
    SERVICE_SHEET,
    SERVICE_HEADERS,
    items.map((s) => [
      s.id,
      s.divisionCode,
      names.get(s.divisionCode) ?? '',
      s.adviserName,
      s.date,
      adviserServiceLabels[s.kind].zh,
      s.count,
      s.note,
    ]),
  );
  return { fileName: `法律顾问服务-${opts.divisionCode}.xlsx`, base64 };
}

// ---------------------------------------------------------------- imports

/** Reads one row's cells by header, collecting every bad cell. */
export class RowReader {
  constructor(
    private readonly sheet: string,
    private readonly index: Map<string, number>,
    private readonly cells: string[],
    readonly row: number,
    private readonly bad: BadCell[],
  ) {}

  say(column: string, zh: string, en: string) {
    this.bad.push({ sheet: this.sheet, row: this.row, column, message: { zh, en } });
  }

  text(column: string, opts: { required?: boolean; max: number }): string | undefined {
    const raw = (this.cells[this.index.get(column) ?? -1] ?? '').trim();
    if (!raw) {
      if (opts.required) this.say(column, `“${column}”不能为空`, `“${column}” is required`);
      return opts.required ? undefined : '';
    }
    if (raw.length > opts.max) {
      this.say(
        column,
        `“${column}”最多${opts.max}字`,
        `“${column}” takes at most ${opts.max} characters`,
      );
      return undefined;
    }
    return raw;
  }

  date(column: string, required: boolean): string | null | undefined {
    const raw = this.text(column, { required, max: 30 });
    if (raw === undefined) return undefined;
    if (raw === '') return null;
    if (!isIsoDay(raw)) {
      this.say(
        column,
        `“${column}”应为日期（YYYY-MM-DD），而不是“${raw}”`,
        `“${column}” must be a date (YYYY-MM-DD), not “${raw}”`,
      );
      return undefined;
    }
    return raw;
  }

  number(
    column: string,
    opts: { required: boolean; max: number; step?: number },
  ): number | null | undefined {
    const raw = this.text(column, { required: opts.required, max: 30 });
    if (raw === undefined) return undefined;
    if (raw === '') return null;
    const value = Number(raw);
    const step = opts.step ?? 1;
    if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value > opts.max) {
      this.say(
        column,
        `“${column}”应为0至${opts.max}之间的数，而不是“${raw}”`,
        `“${column}” must be a number from 0 to ${opts.max}, not “${raw}”`,
      );
      return undefined;
    }
    if (Math.round(value / step) * step !== value) {
      this.say(
        column,
        step === 1 ? `“${column}”应为整数，而不是“${raw}”` : `“${column}”以${step}为单位`,
        step === 1
          ? `“${column}” must be a whole number, not “${raw}”`
          : `“${column}” goes by ${step}`,
      );
      return undefined;
    }
    return value;
  }

  choice<K extends string>(
    column: string,
    codes: readonly K[],
    labels: Readonly<Record<K, LocalizedText>>,
    fallback?: K,
  ): K | undefined {
    const raw = this.text(column, { required: fallback === undefined, max: 50 });
    if (raw === undefined) return undefined;
    if (raw === '' && fallback !== undefined) return fallback;
    const found = codes.find((c) => labels[c].zh === raw || labels[c].en === raw || c === raw);
    if (!found) {
      const allowed = codes.map((c) => labels[c].zh).join('、');
      this.say(
        column,
        `“${column}”的“${raw}”无效，应为：${allowed}`,
        `Unknown “${column}” “${raw}” (one of: ${codes.map((c) => labels[c].en).join(', ')})`,
      );
      return undefined;
    }
    return found;
  }
}

export interface ParsedRow<T> {
  row: number;
  id: string | undefined;
  input: T;
}

/** The rows of the one expected sheet, each read by `parse`; bad headers and cells collected. */
export async function readSheet<T>(
  base64: string,
  sheetName: string,
  headers: readonly string[],
  required: readonly string[],
  bad: BadCell[],
  parse: (r: RowReader) => T | undefined,
): Promise<ParsedRow<T>[]> {
  const sheets = await readWorkbookRows(Buffer.from(base64, 'base64'));
  const sheet =
    sheets.find((s) => s.name === sheetName) ?? (sheets.length === 1 ? sheets[0] : undefined);
  if (!sheet) {
    bad.push({
      row: 1,
      column: '工作表',
      message: {
        zh: `工作簿中没有“${sheetName}”工作表`,
        en: `The workbook has no “${sheetName}” sheet`,
      },
    });
    return [];
  }
  const header = (sheet.rows[0] ?? []).map((h) => h.trim());
  const index = new Map(headers.map((h) => [h, header.indexOf(h)]));
  const missing = required.filter((h) => index.get(h) === -1);
  for (const h of missing) {
    bad.push({
      sheet: sheetName,
      row: 1,
      column: h,
      message: { zh: `缺少“${h}”列`, en: `The column “${h}” is missing` },
    });
  }
  if (missing.length > 0) return [];
  const body = sheet.rows.slice(1);
  if (body.filter((cells) => cells.some((c) => c.trim() !== '')).length > MAX_REGISTER_ROWS) {
    bad.push({
      sheet: sheetName,
      row: 1,
      column: '工作表',
      message: {
        zh: `一次最多导入${MAX_REGISTER_ROWS}行`,
        en: `At most ${MAX_REGISTER_ROWS} rows at a time`,
      },
    });
    return [];
  }
  const parsed: ParsedRow<T>[] = [];
  const seenIds = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const r = new RowReader(sheetName, index, cells, rowNo, bad);
    const id = r.text(ID, { max: 36 });
    let rowId: string | undefined;
    if (id) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
        r.say(
          ID,
          `“${ID}”无效：新增的记录请留空`,
          `Unknown “${ID}”: leave it empty for a new record`,
        );
      } else if (seenIds.has(id)) {
        r.say(ID, `编号与第${seenIds.get(id)}行重复`, `The same record as row ${seenIds.get(id)}`);
      } else {
        seenIds.set(id, rowNo);
        rowId = id.toLowerCase();
      }
    }
    const before = bad.length;
    const input = parse(r);
    if (input !== undefined && bad.length === before) parsed.push({ row: rowNo, id: rowId, input });
  });
  return parsed;
}

/**
 * Saves each parsed row in a savepoint with `save`; a refusal becomes bad cells of its row (its
 * field errors under their columns, else under `fallbackColumn`).
 */
export async function saveRows<T>(
  db: Db,
  sheet: string,
  rows: ParsedRow<T>[],
  columnOf: Record<string, string>,
  fallbackColumn: string,
  bad: BadCell[],
  save: (tx: Db, row: ParsedRow<T>) => Promise<unknown>,
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    try {
      await db.transaction(async (tx) => {
        await save(tx as unknown as Db, row);
      });
      if (row.id) updated += 1;
      else added += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields = error.fields.length > 0 ? error.fields : [{ path: '', message: error.text }];
      for (const f of fields) {
        bad.push({
          sheet,
          row: row.row,
          column:
            columnOf[f.path] ??
            (row.id && (error.code === 'RECORD_CONFLICT' || error.code === 'NOT_FOUND')
              ? ID
              : fallbackColumn),
          message: f.message,
        });
      }
    }
  }
  return { added, updated };
}

/** The version a row's record has now, by its id (in the table and scope); null when unknown. */
export async function versions(
  db: Db,
  table:
    | typeof pufaActivities
    | typeof pufaRoster
    | typeof adviserDutyDays
    | typeof adviserServices
    | typeof mediationCases,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: table.id, version: table.version })
    .from(table)
    .where(inArray(table.id, ids));
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** A row's input, with the id and current version of the record it corrects, if any. */
export function corrected<T>(row: ParsedRow<T>, known: Map<string, number>) {
  if (!row.id) return row.input;
  const version = known.get(row.id);
  if (version === undefined) {
    invalidField('id', {
      zh: `没有编号为 ${row.id} 的记录；新增的记录请将“${ID}”留空`,
      en: `No record ${row.id}; leave “${ID}” empty for a new record`,
    });
  }
  return { ...row.input, id: row.id, version };
}

export function insideDivision(
  r: RowReader,
  column: string,
  code: string | undefined,
  within: string,
) {
  if (code === undefined) return undefined;
  if (!/^\d{12}$/.test(code)) {
    r.say(column, `“${column}”应为12位区划代码`, `“${column}” must be a 12-digit division code`);
    return undefined;
  }
  if (!code.startsWith(divisionPrefix(within))) {
    r.say(
      column,
      `${code} 不在本次导入的区划内`,
      `${code} lies outside the division being imported`,
    );
    return undefined;
  }
  return code;
}

export interface ImportOptions {
  db: Db;
  scope: Scope;
  role: Role;
  audit: Audit;
  divisionCode: string;
  workbook: string;
}

export const silent: Audit = async () => {};

export async function finish(
  opts: ImportOptions,
  bad: BadCell[],
  result: { added: number; updated: number },
  action: string,
  entity: string,
) {
  if (bad.length > 0) badCells(bad);
  await opts.audit({
    action,
    entity,
    entityId: opts.divisionCode,
    divisionCode: opts.divisionCode,
    after: result,
  });
  return result;
}

/** Imports 普法 activities (added, or corrected by 编号): all or nothing. */
export async function importPufaActivities(opts: ImportOptions) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const bad: BadCell[] = [];
  const rows = await readSheet(
    opts.workbook,
    ACTIVITY_SHEET,
    ACTIVITY_HEADERS,
    ['单位代码', '活动类型', '日期', '地点', '组织者', '参加人数'],
    bad,
    (r) => {
      const divisionCode = insideDivision(
        r,
        '单位代码',
        r.text('单位代码', { required: true, max: 12 }),
        opts.divisionCode,
      );
      const type = r.choice('活动类型', pufaActivityTypes, pufaLabels.type);
      const heldOn = r.date('日期', true);
      const place = r.text('地点', { required: true, max: 100 });
      const organiser = r.text('组织者', { required: true, max: 100 });
      const participants = r.number('参加人数', { required: true, max: 1_000_000 });
      const materials = r.number('发放资料份数', { required: false, max: 1_000_000 });
      const notes = r.text('备注', { max: 2000 });
      if (!divisionCode || !type || !heldOn || !place || !organiser) return undefined;
      if (participants === undefined || participants === null || materials === undefined) {
        return undefined;
      }
      return {
        divisionCode,
        type,
        heldOn,
        place,
        organiser,
        participants,
        materials: materials ?? 0,
        notes: notes ?? '',
      };
    },
  );
  const known = await versions(
    opts.db,
    pufaActivities,
    rows.flatMap((r) => (r.id ? [r.id] : [])),
  );
  const result = await saveRows(
    opts.db,
    ACTIVITY_SHEET,
    rows,
    {
      divisionCode: '单位代码',
      type: '活动类型',
      heldOn: '日期',
      place: '地点',
      organiser: '组织者',
      participants: '参加人数',
      materials: '发放资料份数',
      notes: '备注',
      id: ID,
    },
    '日期',
    bad,
    (tx, row) =>
      savePufaActivity({
        db: tx,
        scope: opts.scope,
        role: opts.role,
        audit: silent,
        input: corrected(row, known),
      }),
  );
  return finish(opts, bad, result, 'pufa.importActivities', 'pufa_import');
}

/** Imports roster members (added, or corrected by 编号): all or nothing. */
export async function importPufaRoster(opts: ImportOptions) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const bad: BadCell[] = [];
  const rows = await readSheet(
    opts.workbook,
    ROSTER_SHEET,
    ROSTER_HEADERS,
    ['村代码', '名册类别', '培训学时'],
    bad,
    (r) => {
      const villageCode = insideDivision(
        r,
        '村代码',
        r.text('村代码', { required: true, max: 12 }),
        opts.divisionCode,
      );
      const role = r.choice('名册类别', pufaRosterRoles, pufaLabels.role);
      const name = r.text('姓名', { max: 50 });
      const trainingHours = r.number('培训学时', { required: true, max: 2000, step: 0.5 });
      const examResult = r.choice<PufaExamResult>(
        '考核结果',
        pufaExamResults,
        pufaLabels.examResult,
        'not_taken',
      );
      const examOn = r.date('考核日期', false);
      const notes = r.text('备注', { max: 500 });
      if (!villageCode || !role || name === undefined || !examResult) return undefined;
      if (trainingHours === undefined || trainingHours === null || examOn === undefined) {
        return undefined;
      }
      return {
        villageCode,
        role,
        ...(name ? { name } : {}),
        trainingHours,
        examResult,
        examOn,
        notes: notes ?? '',
      };
    },
  );
  const known = await versions(
    opts.db,
    pufaRoster,
    rows.flatMap((r) => (r.id ? [r.id] : [])),
  );
  const result = await saveRows(
    opts.db,
    ROSTER_SHEET,
    rows,
    {
      villageCode: '村代码',
      role: '名册类别',
      name: '姓名',
      trainingHours: '培训学时',
      examResult: '考核结果',
      examOn: '考核日期',
      notes: '备注',
      id: ID,
    },
    '村代码',
    bad,
    (tx, row) =>
      savePufaRosterMember({
        db: tx,
        scope: opts.scope,
        role: opts.role,
        audit: silent,
        input: corrected(row, known),
      }),
  );
  return finish(opts, bad, result, 'pufa.importRoster', 'pufa_import');
}

/** The advisers of a county by name (a name shared by two advisers is ambiguous). */
async function advisersByName(db: Db, countyCode: string) {
  const rows = await db
    .select({ id: legalAdvisers.id, name: legalAdvisers.name })
    .from(legalAdvisers)
    .where(eq(legalAdvisers.countyCode, countyCode));
  const byName = new Map<string, string | null>();
  for (const r of rows) byName.set(r.name, byName.has(r.name) ? null : r.id);
  return byName;
}

function adviserOf(r: RowReader, byName: Map<string, string | null>): string | undefined {
  const name = r.text('法律顾问', { required: true, max: 50 });
  if (!name) return undefined;
  const id = byName.get(name);
  if (id === undefined) {
    r.say('法律顾问', `本县没有名为“${name}”的法律顾问`, `The county has no adviser “${name}”`);
    return undefined;
  }
  if (id === null) {
    r.say(
      '法律顾问',
      `本县有多位名为“${name}”的法律顾问，请在系统中逐条登记`,
      `Several advisers are called “${name}”: record these rows one by one`,
    );
    return undefined;
  }
  return id;
}

/** Imports advisers' duty days (added, or corrected by 编号): all or nothing. */
export async function importDutyDays(opts: ImportOptions) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const bad: BadCell[] = [];
  const byName = await advisersByName(opts.db, opts.divisionCode.slice(0, 6) + '000000');
  const rows = await readSheet(
    opts.workbook,
    DUTY_SHEET,
    DUTY_HEADERS,
    ['乡镇代码', '法律顾问', '日期', '地点'],
    bad,
    (r) => {
      const townshipCode = insideDivision(
        r,
        '乡镇代码',
        r.text('乡镇代码', { required: true, max: 12 }),
        opts.divisionCode,
      );
      const adviserId = adviserOf(r, byName);
      const date = r.date('日期', true);
      const place = r.text('地点', { required: true, max: 100 });
      const note = r.text('备注', { max: 500 });
      if (!townshipCode || !adviserId || !date || !place) return undefined;
      return { townshipCode, adviserId, date, place, note: note ?? '' };
    },
  );
  const known = await versions(
    opts.db,
    adviserDutyDays,
    rows.flatMap((r) => (r.id ? [r.id] : [])),
  );
  const result = await saveRows(
    opts.db,
    DUTY_SHEET,
    rows,
    {
      townshipCode: '乡镇代码',
      adviserId: '法律顾问',
      date: '日期',
      place: '地点',
      note: '备注',
      id: ID,
    },
    '乡镇代码',
    bad,
    (tx, row) =>
      saveDutyDay({
        db: tx,
        scope: opts.scope,
        role: opts.role,
        audit: silent,
        input: corrected(row, known),
      }),
  );
  return finish(opts, bad, result, 'advisers.importDutyDays', 'adviser_import');
}

/** Imports advisers' service records (added, or corrected by 编号): all or nothing. */
export async function importServices(opts: ImportOptions) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const bad: BadCell[] = [];
  const byName = await advisersByName(opts.db, opts.divisionCode.slice(0, 6) + '000000');
  const rows = await readSheet(
    opts.workbook,
    SERVICE_SHEET,
    SERVICE_HEADERS,
    ['单位代码', '法律顾问', '日期', '服务类型', '次数'],
    bad,
    (r) => {
      const divisionCode = insideDivision(
        r,
        '单位代码',
        r.text('单位代码', { required: true, max: 12 }),
        opts.divisionCode,
      );
      const adviserId = adviserOf(r, byName);
      const date = r.date('日期', true);
      const kind = r.choice<AdviserServiceKind>(
        '服务类型',
        adviserServiceKinds,
        adviserServiceLabels,
      );
      const count = r.number('次数', { required: true, max: 10_000 });
      const note = r.text('备注', { max: 500 });
      if (!divisionCode || !adviserId || !date || !kind) return undefined;
      if (count === undefined || count === null) return undefined;
      return { divisionCode, adviserId, date, kind, count, note: note ?? '' };
    },
  );
  const known = await versions(
    opts.db,
    adviserServices,
    rows.flatMap((r) => (r.id ? [r.id] : [])),
  );
  const result = await saveRows(
    opts.db,
    SERVICE_SHEET,
    rows,
    {
      divisionCode: '单位代码',
      adviserId: '法律顾问',
      date: '日期',
      kind: '服务类型',
      count: '次数',
      note: '备注',
      id: ID,
    },
    '单位代码',
    bad,
    (tx, row) =>
      saveService({
        db: tx,
        scope: opts.scope,
        role: opts.role,
        audit: silent,
        input: corrected(row, known),
      }),
  );
  return finish(opts, bad, result, 'advisers.importServices', 'adviser_import');
}
