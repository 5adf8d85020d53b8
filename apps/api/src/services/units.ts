// County units (县直单位): organisations of a county that its annual assessments cover, each with
// its own unit officers. Kept by the county administrator; never deleted (deactivated instead),
// since participations and users refer to them.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { countyUnits } from '../db/schema.js';
import type { Scope } from '../auth/scope.js';
import { invalidField, notFound } from '../errors/app-error.js';

export async function listUnits(opts: {
  db: Db;
  scope: Scope;
  countyCode?: string | undefined;
  activeOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const where = and(
    opts.scope.whereCounty(countyUnits.countyCode),
    opts.countyCode ? eq(countyUnits.countyCode, opts.countyCode) : undefined,
    opts.activeOnly ? eq(countyUnits.active, true) : undefined,
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select()
      .from(countyUnits)
      .where(where)
      .orderBy(asc(countyUnits.countyCode), asc(countyUnits.name))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(countyUnits).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** An active unit of `countyCode`, or null. */
export async function findActiveUnit(db: Db, countyCode: string, id: string) {
  const [row] = await db
    .select()
    .from(countyUnits)
    .where(
      and(
        eq(countyUnits.countyCode, countyCode),
        eq(countyUnits.id, id),
        eq(countyUnits.active, true),
      ),
    );
  return row ?? null;
}

export interface UnitInput {
  countyCode: string;
  id?: string | undefined;
  name: string;
  kind: string;
  active: boolean;
}

/** Adds a unit (no `id`) or changes one of the county; a name is unique within the county. */
export async function saveUnit(db: Db, scope: Scope, input: UnitInput) {
  if (!scope.includesCounty(input.countyCode) || input.countyCode.slice(6) !== '000000') {
    invalidField('countyCode', { zh: '请选择本县', en: 'Choose your county' });
  }
  const [clash] = await db
    .select({ id: countyUnits.id })
    .from(countyUnits)
    .where(
      and(
        eq(countyUnits.countyCode, input.countyCode),
        eq(countyUnits.name, input.name),
        input.id ? ne(countyUnits.id, input.id) : undefined,
      ),
    );
  if (clash) {
    invalidField(
      'name',
      { zh: '本县已有同名单位', en: 'The county has a unit of this name' },
      'NAME_TAKEN',
    );
  }
  if (!input.id) {
    const [row] = await db
      .insert(countyUnits)
      .values({
        countyCode: input.countyCode,
        name: input.name,
        kind: input.kind,
        active: input.active,
      })
      .returning();
    return { before: null, after: row! };
  }
  const where = and(eq(countyUnits.countyCode, input.countyCode), eq(countyUnits.id, input.id));
  const [before] = await db.select().from(countyUnits).where(where).for('update');
  if (!before) notFound({ zh: '县直单位', en: 'County unit' });
  const [after] = await db
    .update(countyUnits)
    .set({ name: input.name, kind: input.kind, active: input.active, updatedAt: new Date() })
    .where(where)
    .returning();
  return { before, after: after! };
}
