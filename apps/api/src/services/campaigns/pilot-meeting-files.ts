// The files of a pilot on-site meeting (现场会: agenda, photos, experience papers): uploaded by
// the county like evidence files (images and PDF, typed by content, same size limit, written as
// `.part` and published after the commit, under `evidence/<county>/<meeting>/`), read by everyone
// who sees the campaign.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pilotMeetingFiles, pilotMeetings } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../errors/app-error.js';
import { findCampaign } from './campaigns.js';
import { requireOpen } from './close.js';
import { storeFile } from './evidence.js';

const meetingText = { zh: '现场会', en: 'On-site meeting' };

/** Stores one file of a meeting of an open campaign; returns its row and the paths to publish. */
export async function storePilotMeetingFile(opts: {
  db: Db;
  dataDir: string;
  scope: Scope;
  campaignId: string;
  meetingId: string;
  fileName: string;
  bytes: Buffer;
  type: { mime: string; ext: string };
  uploadedBy: string;
}) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.campaignId);
  requireOpen(campaign);
  const [meeting] = await opts.db
    .select({ id: pilotMeetings.id })
    .from(pilotMeetings)
    .where(
      and(
        eq(pilotMeetings.countyCode, campaign.countyCode),
        eq(pilotMeetings.campaignId, campaign.id),
        eq(pilotMeetings.id, opts.meetingId),
      ),
    );
  if (!meeting) notFound(meetingText);
  // beside the evidence files (a meeting's id names its directory), so that the sweep and the
  // backup treat both alike
  const { row, absolute, part } = await storeFile({
    db: opts.db,
    table: pilotMeetingFiles,
    values: {
      meetingId: meeting.id,
      fileName: opts.fileName,
      uploadedBy: opts.uploadedBy,
    },
    dataDir: opts.dataDir,
    countyCode: campaign.countyCode,
    folder: meeting.id,
    bytes: opts.bytes,
    type: opts.type,
  });
  return { row, campaign, absolute, part };
}

/** A meeting file, when the campaign of its meeting is visible in `scope`; else NOT_FOUND. */
export async function findPilotMeetingFile(db: Db, scope: Scope, id: string) {
  const [found] = await db
    .select({ file: pilotMeetingFiles, campaignId: pilotMeetings.campaignId })
    .from(pilotMeetingFiles)
    .innerJoin(
      pilotMeetings,
      and(
        eq(pilotMeetings.countyCode, pilotMeetingFiles.countyCode),
        eq(pilotMeetings.id, pilotMeetingFiles.meetingId),
      ),
    )
    .where(eq(pilotMeetingFiles.id, id));
  if (!found) notFound({ zh: '文件', en: 'File' });
  // the campaign's own scope check (a township sees its county's campaigns)
  await findCampaign(db, scope, found.campaignId);
  return found.file;
}

/** The uploaded files of some meetings, by meeting, oldest first. */
export async function filesOfMeetings(db: Db, countyCode: string, meetingIds: string[]) {
  const byMeeting = new Map<string, (typeof pilotMeetingFiles.$inferSelect)[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = await db
    .select()
    .from(pilotMeetingFiles)
    .where(
      and(
        eq(pilotMeetingFiles.countyCode, countyCode),
        inArray(pilotMeetingFiles.meetingId, meetingIds),
      ),
    )
    .orderBy(asc(pilotMeetingFiles.createdAt), asc(pilotMeetingFiles.fileName));
  for (const row of rows) {
    byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);
  }
  return byMeeting;
}
