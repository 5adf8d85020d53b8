// Monthly dispute screening (矛盾纠纷排查) per village, with 零报告, and the reporting rate and
// timeliness of a township's or county's villages, month by month.
import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import { checkScreening, reportTimeliness, type ReportTimeliness } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { disputeScreenings, divisions, registerPeriods } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { fail, forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkVersion } from '../records/common.js';
import {
  checkWriteLevel,
  divisionPrefix,
  refuseErrors,
  refuseIfLocked,
  registerDivision,
} from './common.js';

export interface ScreeningSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  month: string;
  zeroReport: boolean;
  screenedOn?: string | null | undefined;
  disputesFound: number;
  notes?: string | undefined;
}

type ScreeningRow = typeof disputeScreenings.$inferSelect;

function present(row: ScreeningRow) {
  return {
    id: row.id,
    villageCode: row.villageCode,
    month: row.month,
    zeroReport: row.zeroReport,
    screenedOn: row.screenedOn,
    disputesFound: row.disputesFound,
    notes: row.notes,
    reportedOn: row.reportedOn,
    timeliness: reportTimeliness(row.month, row.reportedOn),
    version: row.version,
  };
}
export type Screening = ReturnType<typeof present>;

/** Records (or corrects) a village's report of a month. */
export async function saveScreening(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: ScreeningSave;
}): Promise<Screening> {
  const { db, scope, input } = opts;
  const village = await registerDivision(db, scope, input.villageCode);
  if (village.level !== 'village') {
    invalidField('villageCode', {
      zh: '矛盾纠纷排查按村（社区）报送',
      en: 'Dispute screenings are reported by villages',
    });
  }
  checkWriteLevel(opts.role, village);
  const today = todayIso();
  const screenedOn = input.screenedOn ?? null;
  refuseErrors(checkScreening({ ...input, screenedOn }, { today }));
  await refuseIfLocked(db, village.townshipCode, [input.month]);
  const [existing] = await db
    .select()
    .from(disputeScreenings)
    .where(
      and(
        eq(disputeScreenings.villageCode, village.code),
        eq(disputeScreenings.month, input.month),
      ),
    );
  const values = {
    zeroReport: input.zeroReport,
    screenedOn,
    disputesFound: input.disputesFound,
    notes: input.notes ?? '',
  };
  let row: ScreeningRow;
  if (existing && !input.id) {
    fail('SCREENING_EXISTS', undefined, {
      zh: `本村 ${input.month} 的排查情况已报送，请在原记录上更正`,
      en: `This village has reported ${input.month} already: correct that report`,
    });
  }
  if (input.id) {
    if (!existing || existing.id !== input.id) notFound({ zh: '排查记录', en: 'Screening report' });
    checkVersion(existing.version, input.version);
    const [updated] = await db
      .update(disputeScreenings)
      .set({ ...values, version: sql`${disputeScreenings.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(disputeScreenings.id, existing.id), eq(disputeScreenings.version, existing.version)),
      )
      .returning();
    if (!updated) checkVersion(existing.version, -1);
    row = updated!;
  } else {
    const [created] = await db
      .insert(disputeScreenings)
      .values({
        ...values,
        countyCode: village.countyCode,
        townshipCode: village.townshipCode,
        villageCode: village.code,
        month: input.month,
        reportedOn: today,
      })
      .returning();
    row = created!;
  }
  await opts.audit({
    action: existing ? 'screenings.update' : 'screenings.create',
    entity: 'dispute_screening',
    entityId: row.id,
    divisionCode: village.code,
    before: existing ?? null,
    after: row,
  });
  return present(row);
}

/** The reports of a village, a township's villages or a county's, in a range of months. */
export async function listScreenings(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const where = and(
    sql`${disputeScreenings.villageCode} like ${divisionPrefix(opts.divisionCode) + '%'}`,
    gte(disputeScreenings.month, opts.from),
    lte(disputeScreenings.month, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    opts.db
      .select()
      .from(disputeScreenings)
      .where(where)
      .orderBy(asc(disputeScreenings.villageCode), asc(disputeScreenings.month))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(disputeScreenings).where(where),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (out.length < 120) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Reporting rate and timeliness like DHIS2's: for each month, how many villages reported, how many
 * on time, and whether the township closed the month; for each village (paged), each month's
 * report missing, on time or late.
 */
export async function screeningReporting(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}) {
  const { db } = opts;
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  if (opts.from > opts.to) {
    invalidField('to', {
      zh: '结束月份不能早于开始月份',
      en: 'The last month cannot be before the first',
    });
  }
  const months = monthsBetween(opts.from, opts.to);
  const villageWhere = and(
    eq(divisions.level, 'village'),
    sql`${divisions.code} like ${prefix + '%'}`,
  );
  const [villages, [villageTotal], reports, locks] = await Promise.all([
    db
      .select({ code: divisions.code, name: divisions.name })
      .from(divisions)
      .where(villageWhere)
      .orderBy(asc(divisions.code))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(divisions).where(villageWhere),
    db
      .select({
        month: disputeScreenings.month,
        reportedOn: disputeScreenings.reportedOn,
        reported: count(),
      })
      .from(disputeScreenings)
      .where(
        and(
          sql`${disputeScreenings.villageCode} like ${prefix + '%'}`,
          gte(disputeScreenings.month, opts.from),
          lte(disputeScreenings.month, opts.to),
        ),
      )
      .groupBy(disputeScreenings.month, disputeScreenings.reportedOn),
    db
      .select({ month: registerPeriods.month, locked: count() })
      .from(registerPeriods)
      .where(
        and(
          sql`${registerPeriods.townshipCode} like ${prefix.slice(0, 9) + '%'}`,
          eq(registerPeriods.locked, true),
          gte(registerPeriods.month, opts.from),
          lte(registerPeriods.month, opts.to),
        ),
      )
      .groupBy(registerPeriods.month),
  ]);
  const codes = villages.map((v) => v.code);
  const own =
    codes.length === 0
      ? []
      : await db
          .select({
            villageCode: disputeScreenings.villageCode,
            month: disputeScreenings.month,
            reportedOn: disputeScreenings.reportedOn,
            zeroReport: disputeScreenings.zeroReport,
          })
          .from(disputeScreenings)
          .where(
            and(
              sql`${disputeScreenings.villageCode} in ${codes}`,
              gte(disputeScreenings.month, opts.from),
              lte(disputeScreenings.month, opts.to),
            ),
          );
  const villageCount = villageTotal?.n ?? 0;
  return {
    months: months.map((month) => {
      // grouped by the day recorded, so the domain's deadline decides on time or late
      const days = reports.filter((x) => x.month === month);
      const reported = days.reduce((n, d) => n + d.reported, 0);
      const onTime = days
        .filter((d) => reportTimeliness(month, d.reportedOn) === 'on_time')
        .reduce((n, d) => n + d.reported, 0);
      return {
        month,
        villages: villageCount,
        reported,
        onTime,
        reportingRate: villageCount === 0 ? null : reported / villageCount,
        lockedTownships: locks.find((l) => l.month === month)?.locked ?? 0,
      };
    }),
    items: villages.map((v) => ({
      villageCode: v.code,
      name: v.name,
      months: months.map((month) => {
        const report = own.find((o) => o.villageCode === v.code && o.month === month) ?? null;
        const timeliness: ReportTimeliness = reportTimeliness(month, report?.reportedOn ?? null);
        return { month, timeliness, zeroReport: report?.zeroReport ?? null };
      }),
    })),
    total: villageCount,
  };
}
