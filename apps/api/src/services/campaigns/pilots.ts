// 试点: a campaign may open with named pilot villages (`pilotVillageCodes`, the only ones that
// may declare) and an on-site meeting (现场会) where their experience is shown; rolling out then
// opens the campaign to every village of the county.
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns, pilotMeetings } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';
import { findCampaign } from './campaigns.js';
import { requireOpen } from './close.js';
import { filesOfMeetings } from './pilot-meeting-files.js';

function requirePilotPhase(campaign: typeof campaigns.$inferSelect) {
  if (campaign.pilotVillageCodes.length === 0) {
    fail('NO_PILOT_PHASE', undefined, {
      zh: '该创建活动没有试点村，无试点阶段',
      en: 'This campaign has no pilot villages, so no pilot phase',
    });
  }
  if (campaign.rolledOutAt) {
    fail('ALREADY_ROLLED_OUT', undefined, {
      zh: '试点阶段已结束，已全面推开',
      en: 'The pilot phase is over: the campaign has been rolled out',
    });
  }
}

export interface PilotMeetingInput {
  heldOn: string;
  place: string;
  attendees: number;
  summary: string;
  fileNames: string[];
}

/** Records the on-site meeting of the pilot phase. */
export async function recordPilotMeeting(
  db: Db,
  scope: Scope,
  userId: string,
  id: string,
  input: PilotMeetingInput,
) {
  const campaign = await findCampaign(db, scope, id);
  requireOpen(campaign);
  requirePilotPhase(campaign);
  const [row] = await db
    .insert(pilotMeetings)
    .values({
      countyCode: campaign.countyCode,
      campaignId: campaign.id,
      createdBy: userId,
      ...input,
    })
    .returning();
  return row!;
}

export async function listPilotMeetings(opts: {
  db: Db;
  scope: Scope;
  id: string;
  page: number;
  pageSize: number;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.id);
  const where = and(
    eq(pilotMeetings.countyCode, campaign.countyCode),
    eq(pilotMeetings.campaignId, campaign.id),
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select()
      .from(pilotMeetings)
      .where(where)
      .orderBy(desc(pilotMeetings.heldOn), desc(pilotMeetings.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(pilotMeetings).where(where),
  ]);
  const files = await filesOfMeetings(
    opts.db,
    campaign.countyCode,
    items.map((m) => m.id),
  );
  return {
    items: items.map((m) => ({
      ...m,
      files: (files.get(m.id) ?? []).map((f) => ({
        id: f.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: f.size,
      })),
    })),
    total: Number(total?.n ?? 0),
  };
}

/** Ends the pilot phase once its on-site meeting is recorded: every village may declare. */
export async function rollOut(db: Db, scope: Scope, id: string) {
  const campaign = await findCampaign(db, scope, id);
  requireOpen(campaign);
  requirePilotPhase(campaign);
  const [meetings] = await db
    .select({ n: count() })
    .from(pilotMeetings)
    .where(
      and(eq(pilotMeetings.countyCode, campaign.countyCode), eq(pilotMeetings.campaignId, id)),
    );
  if (Number(meetings?.n ?? 0) === 0) {
    fail('PILOT_MEETING_MISSING', undefined, {
      zh: '请先记录试点现场会，再全面推开',
      en: 'Record the pilot on-site meeting before rolling out',
    });
  }
  const [after] = await db
    .update(campaigns)
    .set({ rolledOutAt: new Date(), updatedAt: new Date() })
    .where(and(eq(campaigns.countyCode, campaign.countyCode), eq(campaigns.id, campaign.id)))
    .returning();
  return { before: campaign, after: after! };
}
