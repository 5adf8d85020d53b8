// 交叉检查: the county assigns a township officer as inspector of another township's villages in
// one campaign. The officer then reads and scores those villages in that campaign (as their own
// township's officer would) and nowhere else; closing the campaign ends the grant, and the county
// may revoke it earlier.
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { LocalizedText } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { crossCheckGrants, divisions, participations, users } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { invalidField, notFound } from '../../errors/app-error.js';
import { findCampaign, seesWholeCounty } from './campaigns.js';
import { requireOpen } from './close.js';

/**
 * Whether the user holds a grant over the participation row's township in its campaign, and the
 * campaign is still open (a condition on `participations`).
 */
export function crossCheckedBy(userId: string): SQL {
  return sql`exists (select 1 from ${crossCheckGrants} g join campaigns c
    on c.county_code = g.county_code and c.id = g.campaign_id and c.closed_at is null
    where g.county_code = ${participations.countyCode}
      and g.campaign_id = ${participations.campaignId}
      and g.township_code = ${participations.townshipCode}
      and g.user_id = ${userId})`;
}

/** The participations a user reaches: those inside the scope, and those cross-checked. */
export function reachableParticipations(scope: Scope, userId: string | undefined): SQL {
  const inScope = scope.whereSubject(participations.villageCode, participations.unitId);
  return userId ? or(inScope, crossCheckedBy(userId))! : inScope;
}

/** Grants a township officer the villages of another township of the county for one campaign. */
export async function grantCrossCheck(opts: {
  db: Db;
  scope: Scope;
  grantedBy: string;
  id: string;
  userId: string;
  townshipCode: string;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  requireOpen(campaign);
  const [township] = await opts.db
    .select({ level: divisions.level, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, opts.townshipCode));
  if (
    !township ||
    township.level !== 'township' ||
    !opts.townshipCode.startsWith(campaign.countyCode.slice(0, 6))
  ) {
    invalidField('townshipCode', {
      zh: '所选区划不是本县的乡镇（街道）',
      en: 'Not a township of this county',
    });
  }
  const [user] = await opts.db
    .select({
      role: users.role,
      scopeCode: users.scopeCode,
      disabled: users.disabled,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, opts.userId));
  const problem: LocalizedText | null = !user
    ? { zh: '该用户不存在', en: 'There is no such user' }
    : user.role !== 'township_officer'
      ? { zh: '该用户不是乡镇干部', en: 'This user is not a township officer' }
      : !user.scopeCode.startsWith(campaign.countyCode.slice(0, 6))
        ? { zh: '该干部不在本县', en: 'This officer is not in this county' }
        : user.disabled
          ? { zh: '该用户已停用', en: 'This user is disabled' }
          : user.scopeCode === opts.townshipCode
            ? {
                zh: '交叉检查须检查其他乡镇，不能检查本乡镇',
                en: 'A cross-check covers another township, not the officer’s own',
              }
            : null;
  if (problem) invalidField('userId', problem, 'INVALID_INSPECTOR');
  const [row] = await opts.db
    .insert(crossCheckGrants)
    .values({
      countyCode: campaign.countyCode,
      campaignId: campaign.id,
      userId: opts.userId,
      townshipCode: opts.townshipCode,
      createdBy: opts.grantedBy,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    invalidField('townshipCode', {
      zh: `${user!.displayName}已被指派检查${township!.name}`,
      en: `${user!.displayName} already cross-checks this township`,
    });
  }
  return { grant: row!, campaign };
}

/** Ends a grant of an open campaign before the campaign does (the county's decision). */
export async function revokeCrossCheck(opts: {
  db: Db;
  scope: Scope;
  id: string;
  grantId: string;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  requireOpen(campaign);
  const [row] = await opts.db
    .delete(crossCheckGrants)
    .where(
      and(
        eq(crossCheckGrants.countyCode, campaign.countyCode),
        eq(crossCheckGrants.campaignId, campaign.id),
        eq(crossCheckGrants.id, opts.grantId),
      ),
    )
    .returning();
  if (!row) notFound({ zh: '交叉检查指派', en: 'Cross-check grant' });
  return row;
}

/**
 * The cross-check grants of a campaign: all for the county; below it, those given to the caller
 * or over a township inside the caller's scope. `active` is false once the campaign is closed.
 */
export async function listCrossChecks(opts: {
  db: Db;
  scope: Scope;
  userId: string;
  id: string;
  page: number;
  pageSize: number;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  const where = and(
    eq(crossCheckGrants.countyCode, campaign.countyCode),
    eq(crossCheckGrants.campaignId, campaign.id),
    seesWholeCounty(opts.scope)
      ? undefined
      : or(
          eq(crossCheckGrants.userId, opts.userId),
          opts.scope.where(crossCheckGrants.townshipCode),
        ),
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select({
        id: crossCheckGrants.id,
        userId: crossCheckGrants.userId,
        userName: users.displayName,
        userScopeCode: users.scopeCode,
        townshipCode: crossCheckGrants.townshipCode,
        townshipName: divisions.name,
        createdAt: crossCheckGrants.createdAt,
      })
      .from(crossCheckGrants)
      .innerJoin(users, eq(users.id, crossCheckGrants.userId))
      .innerJoin(divisions, eq(divisions.code, crossCheckGrants.townshipCode))
      .where(where)
      .orderBy(asc(crossCheckGrants.townshipCode), asc(users.displayName))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(crossCheckGrants).where(where),
  ]);
  const active = campaign.closedAt === null;
  return { items: items.map((i) => ({ ...i, active })), total: Number(total?.n ?? 0) };
}
