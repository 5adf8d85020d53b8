import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { divisions, users } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { containsPattern } from '../like-pattern.js';
import { WHOLE_DEPLOYMENT } from '../../auth/roles.js';

// qualified explicitly: drizzle renders a lone column without its table inside a subquery
const childCount = sql<number>`(select count(*)::int from divisions c where c.parent_code = "divisions"."code")`;

const columns = {
  code: divisions.code,
  name: divisions.name,
  level: divisions.level,
  parentCode: divisions.parentCode,
  urbanRuralCode: divisions.urbanRuralCode,
  childCount,
};

export async function getDivision(opts: { db: Db; code: string }) {
  const [row] = await opts.db.select(columns).from(divisions).where(eq(divisions.code, opts.code));
  return row ?? null;
}

/** The children of a division (of the whole deployment: the provinces). */
export async function divisionChildren(opts: { db: Db; parentCode: string; scope: Scope }) {
  const parent =
    opts.parentCode === WHOLE_DEPLOYMENT
      ? isNull(divisions.parentCode)
      : eq(divisions.parentCode, opts.parentCode);
  return opts.db
    .select(columns)
    .from(divisions)
    .where(and(parent, opts.scope.where(divisions.code)))
    .orderBy(asc(divisions.code));
}

const parents = alias(divisions, 'parent');

/** Divisions inside the scope whose name contains `q` or whose code starts with it. */
export async function searchDivisions(opts: {
  db: Db;
  q: string;
  scope: Scope;
  level?: string | undefined;
  limit: number;
}) {
  const q = opts.q.trim();
  const pattern = containsPattern(q);
  const match = /^\d+$/.test(q)
    ? sql`${divisions.code} like ${q + '%'}`
    : sql`${divisions.name} ilike ${pattern}`;
  return opts.db
    .select({
      code: divisions.code,
      name: divisions.name,
      level: divisions.level,
      parentCode: divisions.parentCode,
      parentName: parents.name,
    })
    .from(divisions)
    .leftJoin(parents, eq(parents.code, divisions.parentCode))
    .where(
      and(
        match,
        opts.scope.where(divisions.code),
        opts.level ? eq(divisions.level, opts.level as 'village') : undefined,
      ),
    )
    .orderBy(asc(divisions.code))
    .limit(opts.limit);
}

/** Counts for the dashboard: townships, villages and users in scope. */
export async function scopeCounts(opts: { db: Db; scope: Scope }) {
  const [row] = await opts.db
    .select({
      townships: sql<number>`count(*) filter (where ${divisions.level} = 'township')::int`,
      villages: sql<number>`count(*) filter (where ${divisions.level} = 'village')::int`,
    })
    .from(divisions)
    .where(opts.scope.where(divisions.code));
  const [userRow] = await opts.db
    .select({ users: sql<number>`count(*)::int` })
    .from(users)
    .where(opts.scope.where(users.scopeCode));
  return {
    townships: Number(row?.townships ?? 0),
    villages: Number(row?.villages ?? 0),
    users: Number(userRow?.users ?? 0),
  };
}
