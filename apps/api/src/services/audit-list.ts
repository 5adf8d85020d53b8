import { and, count, desc, eq, gte, ilike, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents, divisions, revocationReasons, users } from '../db/schema.js';
import type { Scope } from '../auth/scope.js';
import { parseDivisionCode } from '@fazhi/domain';
import { containsPattern } from './like-pattern.js';
import type { Role } from '../auth/roles.js';
import { mayKnowObjectors, redactAuditEvent } from './campaigns/objector-identity.js';
import { auditActionName, auditEntityName, describeAuditChanges } from './audit-wording.js';

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
  const [items, [total], reasons] = await Promise.all([
    opts.db
      .select({
        event: auditEvents,
        actorName: users.displayName,
        divisionName: divisions.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(divisions, eq(divisions.code, auditEvents.divisionCode))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(auditEvents).where(where),
    // a handful of rows: the names of the revocation reasons the re-check events record by code
    opts.db.select().from(revocationReasons),
  ]);
  const lookups = {
    revocationReasons: new Map(reasons.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }])),
  };
  const mayKnow = mayKnowObjectors(opts.user, opts.scope);
  return {
    items: items.map(({ event, actorName, divisionName }) => {
      const shown = redactAuditEvent(event, mayKnow);
      return {
        ...shown,
        // the person, not the login name; the place, not its code; what changed, in words
        actorName,
        divisionName,
        actionName: auditActionName(shown.action),
        entityName: auditEntityName(shown.entity),
        changes: describeAuditChanges(shown, lookups).changes,
      };
    }),
    total: Number(total?.n ?? 0),
  };
}

/** The distinct actions recorded, with their names, for the filter list. */
export async function auditActions(db: Db, scope: Scope) {
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(scope.isWholeDeployment ? undefined : scope.where(auditEvents.divisionCode))
    .orderBy(auditEvents.action);
  return rows.map((r) => ({ action: r.action, name: auditActionName(r.action) }));
}
