// 实名异议: an objection is made under the objector's real name, but who objected is for the
// county to know, not for the village objected to (nor its township). The county (county and
// system administrators, and inspectors whose scope is the whole county, read-only) sees the
// objector's name and contact; everyone below sees what must be answered: the objection's text,
// status, resolution and dates. The stored rows and audit events keep everything, so the county
// keeps the full trail: identity is taken out when it is read.
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import { seesWholeCounty } from './campaigns.js';

/** Whether a user may see who objected: the county level and above. */
export function mayKnowObjectors(user: { role: Role }, scope: Scope): boolean {
  switch (user.role) {
    case 'system_admin':
    case 'county_admin':
      return true;
    case 'inspector':
      // an inspector of the whole county, not of one township
      return seesWholeCounty(scope);
    default:
      return false;
  }
}

/** An objection as the user may see it: name and contact null below the county. */
export function presentObjection<T extends { name: string; contact: string }>(
  objection: T,
  mayKnow: boolean,
): Omit<T, 'name' | 'contact'> & { name: string | null; contact: string | null } {
  return mayKnow ? objection : { ...objection, name: null, contact: null };
}

/** The audit actions whose `before`/`after` may hold an objector (`event.objector`). */
const objectionActions = new Set(['participations.object']);

function withoutIdentity(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const event = record.event;
  if (event === null || typeof event !== 'object') return value;
  const objector = (event as Record<string, unknown>).objector;
  if (objector === null || typeof objector !== 'object') return value;
  return {
    ...record,
    event: { ...event, objector: { ...objector, name: null, contact: null } },
  };
}

/** An audit event as the user may see it: an objection event's objector without name and contact. */
export function redactAuditEvent<T extends { action: string; before: unknown; after: unknown }>(
  event: T,
  mayKnow: boolean,
): T {
  if (mayKnow || !objectionActions.has(event.action)) return event;
  return { ...event, before: withoutIdentity(event.before), after: withoutIdentity(event.after) };
}
