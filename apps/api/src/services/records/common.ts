// Shared by the village records registers: the village a record belongs to, the dates a record
// may carry, the optimistic lock, and the rule that a record of a submitted period is not deleted.
import { and, eq, gte, inArray, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns, divisions, participations } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { campaignRecordsPeriod } from '../campaigns/campaigns.js';

/**
 * The earliest date a record may carry: 1988-06-01, when the 村民委员会组织法（试行） took effect
 * and village committees began to exist by law (the division table keeps no founding date).
 */
export const EARLIEST_RECORD_DATE = '1988-06-01';

export interface RecordVillage {
  code: string;
  name: string;
  countyCode: string;
  townshipCode: string;
}

/** The village (in scope, at village level) a record belongs to. */
export async function recordVillage(db: Db, scope: Scope, code: string): Promise<RecordVillage> {
  if (!scope.includes(code)) forbidden();
  const [row] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, code));
  if (!row || row.level !== 'village') {
    notFound({ zh: '村（社区）', en: 'Village' });
  }
  return {
    code: row.code,
    name: row.name,
    countyCode: code.slice(0, 6) + '000000',
    townshipCode: code.slice(0, 9) + '000',
  };
}

/** A record's date: not in the future (the county's calendar), not before village committees. */
export function checkRecordDate(path: string, value: string, today = todayIso()): void {
  if (value > today) {
    invalidField(path, {
      zh: `日期不能晚于今天（${today}）`,
      en: `The date cannot be in the future (today is ${today})`,
    });
  }
  if (value < EARLIEST_RECORD_DATE) {
    invalidField(path, {
      zh: `日期不能早于 ${EARLIEST_RECORD_DATE}（村民委员会组织法（试行）施行之日，此前尚无村民委员会）`,
      en: `The date cannot be before ${EARLIEST_RECORD_DATE}, when village committees came to exist by law`,
    });
  }
}

/** Refuses a change based on an old version of the record. */
export function checkVersion(current: number, given: number | undefined): void {
  if (given !== current) {
    fail(
      'RECORD_CONFLICT',
      { version: current },
      {
        zh: '该记录已被他人修改，请刷新后重试',
        en: 'Someone else changed this record; reload it and try again',
      },
    );
  }
}

/** States in which the village's self-assessment column is not (or no longer) submitted. */
const openStates = ['declared', 'returned', 'withdrawn'] as const;

/**
 * Whether the self-assessment column of a campaign whose records period (`campaignRecordPeriod`)
 * covers `date` has been submitted for the village: a record of that period is then corrected
 * visibly, never deleted.
 */
export async function periodSubmitted(db: Db, villageCode: string, date: string): Promise<boolean> {
  const rows = await db
    .select({
      year: campaigns.year,
      stageDates: campaigns.stageDates,
      recordFrom: campaigns.recordFrom,
      recordTo: campaigns.recordTo,
    })
    .from(participations)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.countyCode, participations.countyCode),
        eq(campaigns.id, participations.campaignId),
      ),
    )
    .where(
      and(
        eq(participations.villageCode, villageCode),
        notInArray(participations.state, [...openStates]),
      ),
    );
  const today = todayIso();
  return rows.some((campaign) => {
    const period = campaignRecordsPeriod(campaign, today);
    return period.from <= date && date <= period.to;
  });
}

/** Refuses to delete a record whose period's self-assessment has been submitted. */
export async function refuseDeleteIfSubmitted(db: Db, villageCode: string, date: string) {
  if (await periodSubmitted(db, villageCode, date)) {
    fail('RECORD_LOCKED', undefined, {
      zh: '该记录所属期间的创建自评已提交，不能删除；如有错误请更正（更正对审核人员可见）',
      en: "This record's period has a submitted self-assessment: it cannot be deleted; correct it instead (reviewers see the correction)",
    });
  }
}

/** A date range filter on a date column. */
export function dateRange(
  column: Parameters<typeof gte>[0],
  from: string | undefined,
  to: string | undefined,
) {
  return and(from ? gte(column, from) : undefined, to ? lte(column, to) : undefined);
}

export { inArray };
