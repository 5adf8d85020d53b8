// The signed-in user a request acts as (what services need to know of the session).
import type { Role } from './roles.js';

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scopeCode: string;
  /** A unit officer's county unit. */
  readonly unitId?: string | null;
  readonly sessionId: string;
}
