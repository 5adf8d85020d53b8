// A repeated request (a double click, a retry after a lost answer) is the same action, not a
// conflict with oneself: it is recognised by the participation's last change, which must be the
// same action by the same user at the version the request would have produced.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, type SheetColumnData } from '../../db/schema.js';
import type { participations } from '../../db/schema.js';

type Participation = typeof participations.$inferSelect;

/** The last audited change of a participation: its action, who, and the version it produced. */
async function lastChange(db: Db, participationId: string) {
  const [row] = await db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'participation'), eq(auditEvents.entityId, participationId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!row) return null;
  const after = row.after as { version?: unknown } | null;
  return {
    action: row.action,
    actorId: row.actorId,
    version: typeof after?.version === 'number' ? after.version : null,
  };
}

/**
 * Whether `current` is the result of the very request being repeated: the caller read version
 * `sentVersion`, and the last change (to `sentVersion + 1`) was `action` by `userId`.
 */
export async function repeatsLastChange(
  db: Db,
  current: Participation,
  opts: { sentVersion: number; action: string; userId: string },
): Promise<boolean> {
  if (current.version !== opts.sentVersion + 1) return false;
  const last = await lastChange(db, current.id);
  return (
    last !== null &&
    last.action === opts.action &&
    last.actorId === opts.userId &&
    last.version === current.version
  );
}

/** Whether a declaration of the village was made by this user and nothing has happened since. */
export async function repeatsDeclaration(
  db: Db,
  current: Pick<Participation, 'id' | 'state' | 'version'>,
  userId: string,
): Promise<boolean> {
  if (current.state !== 'declared' || current.version !== 1) return false;
  const last = await lastChange(db, current.id);
  return last !== null && last.action === 'participations.declare' && last.actorId === userId;
}

/** Deep equality of JSON values, whatever the key order (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameJson(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Whether the stored column is exactly what a repeated save sends. */
export function sameColumn(stored: SheetColumnData | undefined, sent: SheetColumnData): boolean {
  return stored !== undefined && sameJson(stored, sent);
}
