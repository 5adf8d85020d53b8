// 验收 and 公示 for many villages at once: a preview that lists what will change and what cannot
// (each tried as the single action would be, then rolled back), and the change itself, applied
// in one transaction, village by village with the single action's checks.
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  allowedParticipationEvents,
  hasTownshipReview,
  participationStates,
  type LocalizedText,
  type ParticipationState,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions, participations } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/session-user.js';
import { AppError, fail, forbidden } from '../../errors/app-error.js';
import { findCampaign } from './campaigns.js';
import { actorLevel, transition } from './participations.js';

/** The events a county applies to many villages at once. */
export const bulkEvents = ['accept', 'post'] as const;
export type BulkEvent = (typeof bulkEvents)[number];

interface BulkOpts {
  db: Db;
  scope: Scope;
  user: SessionUser;
  campaignId: string;
  event: BulkEvent;
  today: string;
}

/** The participations (inside the scope) whose state lets the caller send the event. */
async function candidates(opts: BulkOpts) {
  const campaign = await findCampaign(opts.db, opts.scope, opts.campaignId);
  const level = actorLevel(opts.user.role, campaign);
  if (level !== 'county') forbidden();
  const from = participationStates.filter((s: ParticipationState) =>
    allowedParticipationEvents(s, level, { townshipReview: hasTownshipReview(campaign) }).includes(
      opts.event,
    ),
  );
  return opts.db
    .select({
      id: participations.id,
      version: participations.version,
      state: participations.state,
      villageCode: participations.villageCode,
      villageName: divisions.name,
    })
    .from(participations)
    .innerJoin(divisions, eq(divisions.code, participations.villageCode))
    .where(
      and(
        eq(participations.countyCode, campaign.countyCode),
        eq(participations.campaignId, campaign.id),
        inArray(participations.state, [...from]),
        opts.scope.whereSubject(participations.villageCode, participations.unitId),
      ),
    )
    .orderBy(asc(participations.villageCode));
}

/** What a failed single action tells its user. */
function reasonOf(error: unknown): LocalizedText {
  if (error instanceof AppError) return error.text;
  throw error;
}

class PreviewDone extends Error {}

/**
 * What the bulk action would do now: each candidate is tried as the single action, in a
 * transaction that is rolled back, so the preview refuses exactly what the action would.
 */
export async function previewBulk(opts: BulkOpts) {
  const rows = await candidates(opts);
  const changes: {
    id: string;
    version: number;
    villageCode: string;
    villageName: string;
    from: ParticipationState;
    to: ParticipationState;
  }[] = [];
  const refused: {
    id: string;
    villageCode: string;
    villageName: string;
    reason: LocalizedText;
  }[] = [];
  await opts.db
    .transaction(async (tx) => {
      for (const row of rows) {
        try {
          const { after } = await tx.transaction((sp) =>
            transition({
              ...opts,
              db: sp,
              id: row.id,
              version: row.version,
              event: { type: opts.event },
            }),
          );
          changes.push({ ...row, from: row.state, to: after.state });
        } catch (error) {
          refused.push({ ...row, reason: reasonOf(error) });
        }
      }
      throw new PreviewDone();
    })
    .catch((error: unknown) => {
      if (!(error instanceof PreviewDone)) throw error;
    });
  return { changes, refused };
}

/**
 * Sends the event to each listed participation (at the version the preview showed), in the
 * caller's transaction: the first that cannot take it fails the whole, naming the village.
 * Answers the before and after of each, for its audit event.
 */
export async function applyBulk(
  opts: BulkOpts & { items: readonly { id: string; version: number }[] },
) {
  const rows = await candidates(opts);
  const done = [];
  for (const item of opts.items) {
    const row = rows.find((r) => r.id === item.id);
    if (!row) {
      fail('BULK_NOT_APPLICABLE', undefined, {
        zh: '所选村中有的已不在可操作的状态，请重新预览',
        en: 'A chosen village is no longer in a state for this action: preview again',
      });
    }
    try {
      done.push(
        await transition({
          ...opts,
          id: item.id,
          version: item.version,
          event: { type: opts.event },
        }),
      );
    } catch (error) {
      const reason = reasonOf(error);
      // the single action's problem, naming the village
      const failed = error as AppError;
      throw new AppError(
        failed.code,
        failed.details,
        { zh: `${row.villageName}：${reason.zh}`, en: `${row.villageName}: ${reason.en}` },
        failed.fields,
      );
    }
  }
  return done;
}
