// The annual 普法 plan (年度普法计划) of a township or the county: its items, each with a due date,
// the progress the officer reports, and — when the item plans a kind of activity — the activities
// of that kind held in the division that year, counted live from the register.
import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import { checkPufaPlanItem, type PufaActivityType } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, pufaActivities, pufaPlanItems } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { fail, forbidden, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { checkVersion } from '../records/common.js';
import { divisionPrefix, refuseErrors } from './common.js';

export interface PufaPlanSave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  year: number;
  title: string;
  activityType?: PufaActivityType | null | undefined;
  targetCount?: number | null | undefined;
  dueOn: string;
  progress: number;
  notes?: string | undefined;
}

type PlanRow = typeof pufaPlanItems.$inferSelect;

const notFoundText = { zh: '普法计划事项', en: '普法 plan item' };

/** Who keeps a plan at which level: the township its own, the county its own and the townships'. */
const planLevels: Record<Role, readonly ('township' | 'county')[]> = {
  village_clerk: [],
  township_officer: ['township'],
  county_admin: ['township', 'county'],
  system_admin: ['township', 'county'],
  inspector: [],
  unit_officer: [],
};

async function planDivision(db: Db, scope: Scope, code: string) {
  if (!scope.includes(code)) forbidden();
  const [row] = await db
    .select({ code: divisions.code, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  if (!row || (row.level !== 'township' && row.level !== 'county')) {
    notFound({ zh: '乡镇或县（市、区）', en: 'Township or county' });
  }
  return { code: row.code, level: row.level, countyCode: code.slice(0, 6) + '000000' };
}

function checkPlanLevel(role: Role, level: 'township' | 'county') {
  if (!planLevels[role].includes(level)) {
    fail('ROLE_FORBIDDEN', undefined, {
      zh: '年度普法计划由乡镇、县级录入',
      en: 'The annual 普法 plan is kept by the township and the county',
    });
  }
}

function present(row: PlanRow, held: number | null, today = todayIso()) {
  const warnings = checkPufaPlanItem(row, { today }).filter((p) => p.severity === 'warning');
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    year: row.year,
    title: row.title,
    activityType: row.activityType,
    targetCount: row.targetCount,
    /** The activities of the item's kind held in the division in its year (null: no kind). */
    held,
    dueOn: row.dueOn,
    progress: row.progress,
    notes: row.notes,
    version: row.version,
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}
export type PufaPlanItem = ReturnType<typeof present>;

/** The activities of each kind held in a township or county (all its villages) in a year. */
async function heldByType(db: Db, scope: Scope, divisionCode: string, year: number) {
  const prefix = divisionPrefix(divisionCode);
  const rows = await db
    .select({ type: pufaActivities.type, n: count() })
    .from(pufaActivities)
    .where(
      and(
        sql`${pufaActivities.divisionCode} like ${prefix + '%'}`,
        scope.where(pufaActivities.divisionCode),
        gte(pufaActivities.heldOn, `${year}-01-01`),
        lte(pufaActivities.heldOn, `${year}-12-31`),
      ),
    )
    .groupBy(pufaActivities.type);
  return new Map(rows.map((r) => [r.type, r.n]));
}

async function withHeld(db: Db, scope: Scope, rows: PlanRow[]) {
  const today = todayIso();
  const cache = new Map<string, Map<string, number>>();
  const out: PufaPlanItem[] = [];
  for (const row of rows) {
    let held: number | null = null;
    if (row.activityType) {
      const key = `${row.divisionCode}:${row.year}`;
      let counts = cache.get(key);
      if (!counts) {
        counts = await heldByType(db, scope, row.divisionCode, row.year);
        cache.set(key, counts);
      }
      held = counts.get(row.activityType) ?? 0;
    }
    out.push(present(row, held, today));
  }
  return out;
}

/** The plan items of a township, or of a county (its own and its townships'), for a year. */
export async function listPufaPlan(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const p = pufaPlanItems;
  const where = and(
    sql`${p.divisionCode} like ${prefix + '%'}`,
    scope.where(p.divisionCode),
    eq(p.year, opts.year),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(p)
      .where(where)
      .orderBy(asc(p.divisionCode), asc(p.dueOn), asc(p.createdAt), asc(p.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(p).where(where),
  ]);
  return { items: await withHeld(db, scope, rows), total: total?.n ?? 0 };
}

async function getItem(db: Db, scope: Scope, id: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(pufaPlanItems)
    .where(and(eq(pufaPlanItems.id, id), scope.where(pufaPlanItems.divisionCode)));
  if (!row) notFound(notFoundText);
  return row;
}

/** Adds an item to a plan, or updates one and its progress (`id` and the `version` read). */
export async function savePufaPlanItem(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: PufaPlanSave;
}): Promise<PufaPlanItem> {
  const { db, scope, input } = opts;
  const division = await planDivision(db, scope, input.divisionCode);
  checkPlanLevel(opts.role, division.level);
  refuseErrors(checkPufaPlanItem(input, { today: todayIso() }));
  const values = {
    countyCode: division.countyCode,
    divisionCode: division.code,
    year: input.year,
    title: input.title.trim(),
    activityType: input.activityType ?? null,
    targetCount: input.targetCount ?? null,
    dueOn: input.dueOn,
    progress: input.progress,
    notes: input.notes ?? '',
  };
  const before = input.id ? await getItem(db, scope, input.id) : null;
  let row: PlanRow;
  if (before) {
    if (before.divisionCode !== division.code) notFound(notFoundText);
    checkVersion(before.version, input.version);
    const [updated] = await db
      .update(pufaPlanItems)
      .set({ ...values, version: sql`${pufaPlanItems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pufaPlanItems.id, before.id), eq(pufaPlanItems.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    const [created] = await db.insert(pufaPlanItems).values(values).returning();
    row = created!;
  }
  await opts.audit({
    action: before ? 'pufa.updatePlanItem' : 'pufa.createPlanItem',
    entity: 'pufa_plan_item',
    entityId: row.id,
    divisionCode: division.code,
    before,
    after: row,
  });
  const [item] = await withHeld(db, scope, [row]);
  return item!;
}

/** Takes an item off a plan. */
export async function removePufaPlanItem(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getItem(opts.db, opts.scope, opts.id);
  const division = await planDivision(opts.db, opts.scope, before.divisionCode);
  checkPlanLevel(opts.role, division.level);
  checkVersion(before.version, opts.version);
  await opts.db.delete(pufaPlanItems).where(eq(pufaPlanItems.id, opts.id));
  await opts.audit({
    action: 'pufa.removePlanItem',
    entity: 'pufa_plan_item',
    entityId: opts.id,
    divisionCode: before.divisionCode,
    before,
  });
  return { id: opts.id };
}
