// Shared by the township work services: divisions by code, the light of an open item, paging.
import { and, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  deadlineRange,
  escalation,
  parseDivisionCode,
  trafficLight,
  trafficLightDefaults,
  type TrafficLight,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, supervisionTasks } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { forbidden, invalidField } from '../../errors/app-error.js';

export interface KnownDivision {
  code: string;
  name: string;
  level: string;
  prefix: string;
  countyCode: string;
}

/** A division inside the scope, or a field error on `path`. */
export async function divisionInScope(
  db: Db,
  scope: Scope,
  code: string,
  path: string,
): Promise<KnownDivision> {
  if (!scope.includes(code)) forbidden();
  const parsed = parseDivisionCode(code);
  const [row] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  if (!row || !parsed.ok) {
    invalidField(path, { zh: '该区划不存在', en: 'No such division' });
  }
  return {
    ...row,
    prefix: parsed.division.prefix,
    countyCode: code.slice(0, 6) + '000000',
  };
}

/** Names of the divisions with these codes. */
export async function divisionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(sql`${divisions.code} in ${unique}`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The significant digits of a division code (for `like` over the codes inside it). */
export function prefixOf(code: string): string {
  const parsed = parseDivisionCode(code);
  return parsed.ok ? parsed.division.prefix : code;
}

/** Open rows (`openColumn` null or false) whose deadline gives them `light` today. */
export function lightCondition(
  light: TrafficLight,
  today: string,
  deadline: AnyPgColumn,
  isOpen: SQL,
): SQL {
  const range = deadlineRange(light, today);
  return and(
    isOpen,
    range.from ? gte(deadline, range.from) : undefined,
    range.to ? lte(deadline, range.to) : undefined,
  )!;
}

/** The light and escalation of an open item; null once it is done. */
export function lightOf(deadline: string, today: string, done: boolean) {
  if (done) return { light: null, redDays: 0, escalated: false };
  return { light: trafficLight(deadline, today), ...escalation(deadline, today) };
}

/** The latest deadline of an open item escalated today (red for `escalateAfterRedDays` days). */
export function escalationDeadline(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - trafficLightDefaults.escalateAfterRedDays);
  return d.toISOString().slice(0, 10);
}

export const pageOf = (page: number, pageSize: number) => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});

/** Tasks the scope sees: those it owns and those it assigned (the level above sees both). */
export function tasksVisibleTo(scope: Scope): SQL {
  return or(scope.where(supervisionTasks.ownerCode), scope.where(supervisionTasks.assignerCode))!;
}
