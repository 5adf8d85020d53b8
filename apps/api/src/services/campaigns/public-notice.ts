// 公示: the notice's particulars (period, where objections go, issuing body, date), and the
// notice as the public sees it without login — only what the printed notice shows: the
// campaign's name, the particulars and the villages with their township and score. No
// objector, no user, no sheet.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns, campaignStages, type CampaignStage } from '../../db/schema.js';
import { Scope } from '../../auth/scope.js';
import { noticeList } from './results.js';

export interface NoticeParticulars {
  issuer: string | null;
  contact: string | null;
  issuedOn: string | null;
  days: number;
  /** The notice period: from the date of issue, `days` calendar days. */
  periodStart: string | null;
  periodEnd: string | null;
  /** Whether everything a notice must state is filled in. */
  complete: boolean;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function noticeParticulars(campaign: {
  noticeIssuer: string | null;
  noticeContact: string | null;
  noticeIssuedOn: string | null;
  noticeDays: number;
}): NoticeParticulars {
  const issuedOn = campaign.noticeIssuedOn;
  return {
    issuer: campaign.noticeIssuer,
    contact: campaign.noticeContact,
    issuedOn,
    days: campaign.noticeDays,
    periodStart: issuedOn,
    periodEnd: issuedOn ? addDays(issuedOn, Math.max(campaign.noticeDays, 1) - 1) : null,
    complete: Boolean(campaign.noticeIssuer && campaign.noticeContact && issuedOn),
  };
}

/** Stages in which the notice is public: from 公示 on. */
export function isPublished(stage: CampaignStage): boolean {
  return campaignStages.indexOf(stage) >= campaignStages.indexOf('public_notice');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public notice of a campaign, or null when there is none to show (unknown, not yet 公示). */
export async function publicNotice(db: Db, campaignId: string) {
  if (!uuidPattern.test(campaignId)) return null;
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign || !isPublished(campaign.stage)) return null;
  const list = await noticeList(db, new Scope(campaign.countyCode, 'county_admin'), campaign.id);
  return {
    name: campaign.name,
    year: campaign.year,
    particulars: noticeParticulars(campaign),
    rows: list.rows.map((r) => ({
      townshipName: r.townshipName,
      villageName: r.villageName,
      total: r.total,
    })),
  };
}
