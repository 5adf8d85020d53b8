// 总结: the county closes a campaign with a summary text and the figures the system computes
// (`closingFigures` in @fazhi/domain). A closed campaign is read-only: every write on it is
// refused with CAMPAIGN_CLOSED.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { closingFigures, fromHundredths, type ClosingFigures } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { campaigns, divisions, participations } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';
import { findCampaign } from './campaigns.js';

/** Refuses any write on a closed campaign. */
export function requireOpen(campaign: { closedAt: Date | null; name?: string }): void {
  if (campaign.closedAt) {
    fail('CAMPAIGN_CLOSED', undefined, {
      zh: '该创建活动已结束（已总结），只能查看，不能修改',
      en: 'This campaign is closed: it can be viewed but not changed',
    });
  }
}

/** The figures of a campaign's subjects inside the scope, in hundredths (as stored). */
export async function computeClosingFigures(
  db: Db,
  scope: Scope,
  campaign: { countyCode: string; id: string },
): Promise<ClosingFigures> {
  const rows = await db
    .select({
      townshipCode: participations.townshipCode,
      state: participations.state,
      countyTotal: participations.countyTotal,
      grade: participations.countyGrade,
    })
    .from(participations)
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        scope.where(participations.villageCode),
      ),
    )
    .orderBy(asc(participations.townshipCode));
  return closingFigures(rows);
}

/** The figures as the API shows them: averages in points, townships with their names. */
export async function presentFigures(db: Db, figures: ClosingFigures) {
  const codes = figures.townships.map((t) => t.townshipCode);
  const names =
    codes.length === 0
      ? []
      : await db
          .select({ code: divisions.code, name: divisions.name })
          .from(divisions)
          .where(inArray(divisions.code, codes));
  const points = (h: number | null) => (h === null ? null : fromHundredths(h));
  return {
    ...figures,
    average: points(figures.average),
    townships: figures.townships.map((t) => ({
      ...t,
      townshipName: names.find((n) => n.code === t.townshipCode)?.name ?? t.townshipCode,
      average: points(t.average),
    })),
  };
}

/** What closing would record now: the campaign's figures over the whole county. */
export async function closingPreview(db: Db, scope: Scope, id: string) {
  const campaign = await findCampaign(db, scope, id);
  const figures = campaign.closingFigures ?? (await computeClosingFigures(db, scope, campaign));
  return {
    closedAt: campaign.closedAt,
    summary: campaign.closingSummary,
    figures: await presentFigures(db, figures),
  };
}

/** Closes the campaign with the summary; the figures are computed and stored with it. */
export async function closeCampaign(db: Db, scope: Scope, id: string, summary: string) {
  const campaign = await findCampaign(db, scope, id);
  requireOpen(campaign);
  const figures = await computeClosingFigures(db, scope, campaign);
  const [after] = await db
    .update(campaigns)
    .set({
      closedAt: new Date(),
      closingSummary: summary,
      closingFigures: figures,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(campaigns.countyCode, campaign.countyCode),
        eq(campaigns.id, campaign.id),
        // two closes at once: the second finds it closed
        sql`${campaigns.closedAt} is null`,
      ),
    )
    .returning();
  if (!after) requireOpen({ closedAt: new Date() });
  return { before: campaign, after: after!, figures };
}
