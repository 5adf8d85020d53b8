// 最近的通知: what happened to the score sheets of one's scope lately — returned or approved by the
// township, accepted or failed by the county — read from the audit events (no separate
// notification store). Events the user caused are left out; those after the user's previous
// sign-in are marked new.
import { and, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, campaigns, divisions, participations, sessions } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/session-user.js';

export const noticeKinds = [
  'returned',
  'township_approved',
  'county_accepted',
  'county_failed',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

const actions = [
  'participations.return',
  'participations.approve',
  'participations.accept',
  'participations.fail',
];

export interface SheetNotice {
  id: number;
  at: Date;
  kind: NoticeKind;
  participationId: string;
  villageCode: string;
  villageName: string | null;
  campaignId: string;
  campaignName: string;
  /** The reason given when a sheet was returned or failed. */
  reason: string | null;
  isNew: boolean;
}

export async function recentNotices(opts: {
  db: Db;
  scope: Scope;
  user: Pick<SessionUser, 'id' | 'sessionId'>;
  days?: number;
  limit?: number;
}): Promise<SheetNotice[]> {
  const days = opts.days ?? 30;
  const [previous] = await opts.db
    .select({ at: sql<Date | string | null>`max(${sessions.createdAt})` })
    .from(sessions)
    .where(and(eq(sessions.userId, opts.user.id), ne(sessions.id, opts.user.sessionId)));
  const lastVisit = previous?.at ? new Date(previous.at) : null;
  const rows = await opts.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      state: sql<string>`${auditEvents.after}->>'state'`,
      reason: sql<string | null>`${auditEvents.after}->'event'->>'reason'`,
      participationId: participations.id,
      villageCode: participations.villageCode,
      villageName: divisions.name,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(auditEvents)
    .innerJoin(participations, sql`${participations.id}::text = ${auditEvents.entityId}`)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.countyCode, participations.countyCode),
        eq(campaigns.id, participations.campaignId),
      ),
    )
    .leftJoin(divisions, eq(divisions.code, participations.villageCode))
    .where(
      and(
        eq(auditEvents.entity, 'participation'),
        inArray(auditEvents.action, actions),
        opts.scope.where(auditEvents.divisionCode),
        opts.scope.whereSubject(participations.villageCode, participations.unitId),
        gt(auditEvents.at, sql`now() - make_interval(days => ${days})`),
        sql`${auditEvents.actorId} is distinct from ${opts.user.id}`,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(opts.limit ?? 20);
  return rows
    .filter((r): r is typeof r & { state: NoticeKind } =>
      (noticeKinds as readonly string[]).includes(r.state),
    )
    .map((r) => {
      const at = new Date(r.at);
      return {
        id: Number(r.id),
        at,
        kind: r.state,
        participationId: r.participationId,
        villageCode: r.villageCode,
        villageName: r.villageName,
        campaignId: r.campaignId,
        campaignName: r.campaignName,
        reason: r.reason,
        isNew: lastVisit === null || at > lastVisit,
      };
    });
}
