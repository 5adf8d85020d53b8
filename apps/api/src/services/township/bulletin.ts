// 通报: per owning unit, the tasks of a period — assigned, closed (on time or late), overdue and
// still open, and the ratings — as rows for a page and as an .xlsx workbook.
import { and, eq, gte, lte, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { supervisionTasks } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { invalidField } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { divisionInScope, divisionNames, prefixOf } from './common.js';

export interface BulletinRow {
  ownerCode: string;
  ownerName: string;
  assigned: number;
  closed: number;
  closedLate: number;
  overdueOpen: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/** The 通报 of `divisionCode` for `from`–`to`: overdue are open tasks past their deadline today. */
export async function taskBulletin(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}): Promise<{ from: string; to: string; today: string; rows: BulletinRow[] }> {
  const { db, scope, from, to } = opts;
  if (to < from)
    invalidField('to', { zh: '结束日期不能早于开始日期', en: 'The end is before the start' });
  await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  const today = todayIso();
  const t = supervisionTasks;
  const inside = `${prefixOf(opts.divisionCode)}%`;
  const closedIn = and(eq(t.state, 'closed'), gte(t.closedOn, from), lte(t.closedOn, to));
  const n = (condition: unknown) => sql<number>`count(*) filter (where ${condition})::int`;
  const rows = await db
    .select({
      ownerCode: t.ownerCode,
      assigned: n(and(gte(t.assignedOn, from), lte(t.assignedOn, to))),
      closed: n(closedIn),
      closedLate: n(and(closedIn, sql`${t.closedOn} > ${t.deadline}`)),
      overdueOpen: n(and(sql`${t.state} <> 'closed'`, sql`${t.deadline} < ${today}`)),
      satisfied: n(and(closedIn, eq(t.rating, 'satisfied'))),
      basicallySatisfied: n(and(closedIn, eq(t.rating, 'basically_satisfied'))),
      dissatisfied: n(and(closedIn, eq(t.rating, 'dissatisfied'))),
    })
    .from(t)
    .where(
      and(
        or(scope.where(t.ownerCode), scope.where(t.assignerCode)),
        sql`${t.ownerCode} like ${inside}`,
      ),
    )
    .groupBy(t.ownerCode)
    .orderBy(t.ownerCode);
  const names = await divisionNames(
    db,
    rows.map((r) => r.ownerCode),
  );
  return {
    from,
    to,
    today,
    rows: rows
      .map((r) => ({ ...r, ownerName: names.get(r.ownerCode) ?? r.ownerCode }))
      .filter((r) => r.assigned + r.closed + r.overdueOpen > 0),
  };
}

export const bulletinColumns: readonly [keyof BulletinRow, string][] = [
  ['ownerName', '承办单位'],
  ['assigned', '期内交办'],
  ['closed', '期内办结'],
  ['closedLate', '其中逾期办结'],
  ['overdueOpen', '逾期未办结'],
  ['satisfied', '满意'],
  ['basicallySatisfied', '基本满意'],
  ['dissatisfied', '不满意'],
];

/** The 通报 as an .xlsx workbook (base64). */
export async function taskBulletinWorkbook(opts: Parameters<typeof taskBulletin>[0]) {
  const bulletin = await taskBulletin(opts);
  const [name] = (await divisionNames(opts.db, [opts.divisionCode])).values();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督查督办通报');
  sheet.addRow([`${name ?? opts.divisionCode}督查督办通报（${bulletin.from} 至 ${bulletin.to}）`]);
  sheet.addRow([`逾期未办结统计截至 ${bulletin.today}`]);
  sheet.addRow(bulletinColumns.map(([, label]) => label));
  for (const r of bulletin.rows) sheet.addRow(bulletinColumns.map(([key]) => r[key]));
  sheet.getColumn(1).width = 24;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `督查督办通报-${bulletin.from}-${bulletin.to}.xlsx`,
    base64: bytes.toString('base64'),
  };
}
