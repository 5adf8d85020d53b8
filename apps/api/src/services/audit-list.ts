import { and, count, desc, eq, gte, ilike, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import type { Scope } from '../auth/scope.js';
import { parseDivisionCode } from '@fazhi/domain';
import { containsPattern } from './like-pattern.js';
import type { Role } from '../auth/roles.js';
import { mayKnowObjectors, redactAuditEvent } from './campaigns/objector-identity.js';

/** The significant digits of a code ('330728101210' → itself; '330728101000' → '330728101'). */
function prefixOf(code: string): string {
  const parsed = parseDivisionCode(code);
  return parsed.ok ? parsed.division.prefix : code;
}

export async function listAuditEvents(opts: {
  db: Db;
  scope: Scope;
  /** Who reads: below the county, objectors' names and contacts are taken out. */
  user: { role: Role };
  action?: string | undefined;
  entity?: string | undefined;
  actor?: string | undefined;
  divisionCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}) {
  const where = and(
    // Events without a division (deployment-wide) are visible to the whole-deployment scope only.
    opts.scope.isWholeDeployment ? undefined : opts.scope.where(auditEvents.divisionCode),
    opts.action ? eq(auditEvents.action, opts.action) : undefined,
    opts.entity ? eq(auditEvents.entity, opts.entity) : undefined,
    opts.actor ? ilike(auditEvents.actorUsername, containsPattern(opts.actor)) : undefined,
    opts.divisionCode
      ? sql`${auditEvents.divisionCode} like ${prefixOf(opts.divisionCode) + '%'}`
      : undefined,
    opts.from ? gte(auditEvents.at, opts.from) : undefined,
    opts.to ? lte(auditEvents.at, opts.to) : undefined,
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  const mayKnow = mayKnowObjectors(opts.user, opts.scope);
  return {
    items: items.map((e) => redactAuditEvent(e, mayKnow)),
    total: Number(total?.n ?? 0),
  };
}

/** The distinct actions recorded, for the filter list. */
export async function auditActions(db: Db, scope: Scope) {
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(scope.isWholeDeployment ? undefined : scope.where(auditEvents.divisionCode))
    .orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}
