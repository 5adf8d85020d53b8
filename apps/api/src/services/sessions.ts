import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { newSessionToken, sessionIdOf } from '../auth/session-token.js';
import type { SessionUser } from '../auth/session-user.js';

/** The user of a live session, or null when the token is unknown, expired or the user disabled. */
export async function loadSession(db: Db, token: string): Promise<SessionUser | null> {
  const id = sessionIdOf(token);
  const rows = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      scopeCode: users.scopeCode,
      unitId: users.unitId,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  const { disabled: _disabled, ...user } = row;
  return user;
}

export async function createSession(
  db: Db,
  opts: { userId: string; hours: number; userAgent?: string | undefined; ip?: string | undefined },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newSessionToken();
  const id = sessionIdOf(token);
  const expiresAt = new Date(Date.now() + opts.hours * 3600_000);
  // the user's own expired sessions go at each login (the rest by the periodic purge)
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, opts.userId), lte(sessions.expiresAt, new Date())));
  await db.insert(sessions).values({
    id,
    userId: opts.userId,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 500) ?? null,
    ip: opts.ip ?? null,
  });
  return { token, id, expiresAt };
}

/** Deletes every expired session (at start-up and periodically); returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  return gone.length;
}
