// The townships' monthly community-correction and assistance figures (社区矫正, 安置帮教): counts
// only, never a person. Recorded by the township (or the county) once a month, checked by the
// domain's rules, refused in a closed month; rolled up live from township to county.
import { and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  checkCorrectionFigures,
  correctionFigureKeys,
  correctionFigureKinds,
  correctionRates,
  isRegisterMonth,
  monthEnd,
  monthOf,
  previousPeriod,
  type CorrectionFigures,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { correctionFigures, divisions } from '../../db/schema.js';
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
import {
  registerStatisticsDivision,
  withYearBefore,
  yearBeforeDays,
} from './statistics-division.js';

type Row = typeof correctionFigures.$inferSelect;

function figuresOf(row: CorrectionFigures): CorrectionFigures {
  return {
    underCorrection: row.underCorrection,
    newlyReceived: row.newlyReceived,
    released: row.released,
    helped: row.helped,
    filesOpened: row.filesOpened,
  };
}

function present(row: Row, townshipName: string, today = todayIso()) {
  const figures = figuresOf(row);
  const warnings = checkCorrectionFigures(row.month, figures, { today }).filter(
    (p) => p.severity === 'warning',
  );
  return {
    id: row.id,
    townshipCode: row.townshipCode,
    townshipName,
    month: row.month,
    ...figures,
    ...correctionRates(figures),
    reportedOn: row.reportedOn,
    version: row.version,
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}

function checkMonths(from: string, to: string) {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isRegisterMonth(value)) {
      invalidField(field, { zh: '月份格式应为 YYYY-MM', en: 'A month is written YYYY-MM' });
    }
  }
  if (from > to) {
    invalidField('to', {
      zh: '结束月份不能早于开始月份',
      en: 'The end cannot be before the start',
    });
  }
}

/** The figures of the townships in a division for a range of months, newest month first. */
export async function listCorrections(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  checkMonths(opts.from, opts.to);
  const prefix = divisionPrefix(opts.divisionCode);
  const f = correctionFigures;
  const where = and(
    sql`${f.townshipCode} like ${prefix + '%'}`,
    scope.where(f.townshipCode),
    gte(f.month, opts.from),
    lte(f.month, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: f, townshipName: divisions.name })
      .from(f)
      .innerJoin(divisions, eq(divisions.code, f.townshipCode))
      .where(where)
      .orderBy(desc(f.month), asc(f.townshipCode))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(f).where(where),
  ]);
  const today = todayIso();
  return {
    items: rows.map((r) => present(r.row, r.townshipName, today)),
    total: total?.n ?? 0,
  };
}

export interface CorrectionSave extends CorrectionFigures {
  id?: string | undefined;
  version?: number | undefined;
  townshipCode: string;
  month: string;
}

/** Records a township's figures of a month (one report a month), or corrects them. */
export async function saveCorrections(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: CorrectionSave;
}) {
  const { db, scope, input } = opts;
  const township = await registerDivision(db, scope, input.townshipCode);
  if (township.level !== 'township') {
    invalidField('townshipCode', { zh: '请选择乡镇', en: 'Choose a township' });
  }
  checkWriteLevel(opts.role, township);
  const figures = figuresOf(input);
  const today = todayIso();
  refuseErrors(checkCorrectionFigures(input.month, figures, { today }));
  const f = correctionFigures;
  const [existing] = await db
    .select()
    .from(f)
    .where(and(eq(f.townshipCode, township.code), eq(f.month, input.month)));
  let before: Row | null = null;
  let row: Row;
  if (input.id) {
    const [found] = await db
      .select()
      .from(f)
      .where(and(eq(f.id, input.id), scope.where(f.townshipCode)));
    if (!found || found.townshipCode !== township.code) {
      notFound({ zh: '社区矫正月报', en: 'Monthly correction figures' });
    }
    before = found;
    checkVersion(before.version, input.version);
    if (existing && existing.id !== before.id) duplicateMonth(input.month);
    await refuseIfLocked(db, township.code, [input.month, before.month]);
    const [updated] = await db
      .update(f)
      .set({
        ...figures,
        month: input.month,
        version: sql`${f.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(f.id, before.id), eq(f.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    if (existing) duplicateMonth(input.month);
    await refuseIfLocked(db, township.code, [input.month]);
    [row] = (await db
      .insert(f)
      .values({
        ...figures,
        countyCode: township.countyCode,
        townshipCode: township.code,
        month: input.month,
        reportedOn: today,
      })
      .returning()) as [Row];
  }
  await opts.audit({
    action: input.id ? 'corrections.update' : 'corrections.create',
    entity: 'correction_figures',
    entityId: row.id,
    divisionCode: township.code,
    before,
    after: row,
  });
  return present(row, township.name, today);
}

function duplicateMonth(month: string): never {
  fail(
    'FIGURES_EXIST',
    undefined,
    {
      zh: `${month} 的社区矫正月报已报送，请更正原报表`,
      en: `The figures of ${month} have been reported: correct that report`,
    },
    [{ path: 'month', message: { zh: '该月已报送', en: 'Already reported' } }],
  );
}

type Totals = { -readonly [K in keyof CorrectionFigures]: number } & {
  reported: number;
  /** The last month reported in the period (of the latest township), null when none was. */
  asOfMonth: string | null;
};
const zero = (): Totals => ({
  asOfMonth: null,
  underCorrection: 0,
  newlyReceived: 0,
  released: 0,
  helped: 0,
  filesOpened: 0,
  reported: 0,
});

/**
 * The figures of a division and of each child division for the months `from`–`to`: counts of a
 * month (received, files) added up over the months, counts at the month's end (under correction,
 * released, helped) those of each township's last month reported in the period (`asOfMonth`: the
 * latest of them), so that a year not yet over does not read 0; with the rates, and the
 * township-months reported; and on every row the same figures of as many months just before
 * (`previousPeriod`) and of the same months a year earlier (`yearBefore`).
 */
export async function correctionStatistics(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const now = await correctionComparison(opts);
  const days = yearBeforeDays(`${opts.from}-01`, monthEnd(opts.to));
  return withYearBefore(now, { from: monthOf(days.from), to: monthOf(days.to) }, (range) =>
    correctionComparison({ ...opts, ...range }),
  );
}

async function correctionComparison(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  checkMonths(opts.from, opts.to);
  const checked = await registerStatisticsDivision({
    ...opts,
    from: `${opts.from}-01`,
    to: `${opts.to}-01`,
  });
  // the same number of months just before (同比 for a year, 环比 for a month)
  const before = previousPeriod(`${opts.from}-01`, monthEnd(opts.to));
  const previous = { from: monthOf(before.from), to: monthOf(before.to) };
  const [now, then] = await Promise.all([
    correctionTotals({ ...opts, checked }),
    correctionTotals({ ...opts, ...previous, checked }),
  ]);
  const earlier = new Map(then.children.map((c) => [c.code, c]));
  const figures = (t: Omit<(typeof then.children)[number], 'code' | 'name' | 'level'>) => ({
    ...previous,
    underCorrection: t.underCorrection,
    newlyReceived: t.newlyReceived,
    released: t.released,
    helped: t.helped,
    filesOpened: t.filesOpened,
    reported: t.reported,
    asOfMonth: t.asOfMonth,
    placementRate: t.placementRate,
    filingRate: t.filingRate,
  });
  return {
    ...now,
    previousPeriod: figures(then),
    children: now.children.map((c) => ({
      ...c,
      previousPeriod: figures(earlier.get(c.code) ?? then),
    })),
  };
}

async function correctionTotals(opts: {
  db: Db;
  scope: Scope;
  from: string;
  to: string;
  checked: Awaited<ReturnType<typeof registerStatisticsDivision>>;
}) {
  const { db, scope } = opts;
  const { division, prefix, keyLength } = opts.checked;
  // townships roll up into their county or themselves; a village division has no figures
  const length = Math.min(keyLength, 12);
  const f = correctionFigures;
  const rows = await db
    .select({
      key: sql<string>`left(${f.townshipCode}, ${sql.raw(String(length))})`,
      townshipCode: f.townshipCode,
      month: f.month,
      underCorrection: f.underCorrection,
      newlyReceived: f.newlyReceived,
      released: f.released,
      helped: f.helped,
      filesOpened: f.filesOpened,
    })
    .from(f)
    .where(
      and(
        sql`${f.townshipCode} like ${prefix + '%'}`,
        scope.where(f.townshipCode),
        gte(f.month, opts.from),
        lte(f.month, opts.to),
      ),
    );
  // each township's month-end counts are those of the last month it reported in the period (a
  // year not yet over, or a late township, still shows its people); `asOfMonth` says which
  const lastOf = new Map<string, string>();
  for (const r of rows) {
    if (r.month > (lastOf.get(r.townshipCode) ?? '')) lastOf.set(r.townshipCode, r.month);
  }
  const byKey = new Map<string, Totals>();
  const total = zero();
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? zero();
    byKey.set(r.key, entry);
    const last = lastOf.get(r.townshipCode) === r.month;
    for (const target of [entry, total]) {
      target.reported += 1;
      if (last && r.month > (target.asOfMonth ?? '')) target.asOfMonth = r.month;
      for (const k of correctionFigureKeys) {
        if (correctionFigureKinds[k] === 'flow' || last) target[k] += r[k];
      }
    }
  }
  const withRates = (t: Totals) => ({ ...t, ...correctionRates(t) });
  const children = [];
  if (
    division.level === 'province' ||
    division.level === 'prefecture' ||
    division.level === 'county'
  ) {
    const kids = await db
      .select({ code: divisions.code, name: divisions.name, level: divisions.level })
      .from(divisions)
      .where(and(eq(divisions.parentCode, division.code), scope.where(divisions.code)))
      .orderBy(asc(divisions.code));
    for (const kid of kids) {
      const found = byKey.get(length === 12 ? kid.code : kid.code.slice(0, length));
      children.push({ ...kid, ...withRates(found ?? zero()) });
    }
  }
  return {
    code: division.code,
    name: division.name,
    level: division.level,
    from: opts.from,
    to: opts.to,
    months: monthCount(opts.from, opts.to),
    ...withRates(total),
    children,
  };
}

function monthCount(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from) + 1;
}
