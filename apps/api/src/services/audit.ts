// Every mutation records exactly one audit event, in its own transaction.
import { auditEvents } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { parseDivisionCode } from '@fazhi/domain';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  divisionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  id: string | null;
  username: string | null;
}

export async function writeAudit(
  db: Db,
  actor: AuditActor,
  requestId: string,
  event: AuditInput,
): Promise<void> {
  const division = event.divisionCode ? parseDivisionCode(event.divisionCode) : null;
  await db.insert(auditEvents).values({
    actorId: actor.id,
    actorUsername: actor.username,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    divisionCode: event.divisionCode ?? null,
    countyCode: division?.ok ? division.division.countyCode : null,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId,
  });
}
