// Two more demo campaigns, so that a newcomer can try one round with the demo accounts:
// - at 自评 (self-assessment): the clerk's village 杨林村 has declared and its sheet is empty,
//   so the clerk's 待办 holds it; the other villages have submitted (nothing else holds the
//   campaign at this stage once 杨林村 submits);
// - at 乡镇初审 (township review): villages of 白石镇 have submitted their self-assessment, so
//   the township officer's 待办 holds them.
// Deterministic: the same rows every time.
import { eq } from 'drizzle-orm';
import { scoreTotals, type Framework } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import {
  campaigns,
  frameworks,
  deadlineExtensions,
  participations,
  type participationStates,
  type ScoreSheetData,
} from '../db/schema.js';
import { sampleAnswers } from './sample-answers.js';
import { DEMO_COUNTY_CODE } from './demo-county.js';

type State = (typeof participationStates)[number];

/** 杨林村, the demo clerk's village, in 白石镇. */
export const DEMO_CLERK_VILLAGE = '330728101201';
export const DEMO_TOWNSHIP = '330728101000';

export const DEMO_SELF_ASSESS_CAMPAIGN = '2027年度清和县民主法治示范村（社区）创建';
export const DEMO_TOWNSHIP_REVIEW_CAMPAIGN =
  '2026年度清和县民主法治示范村（社区）培育创建（第二批）';

const stageDates2027 = {
  deploy: '2027-03-01',
  declare: '2027-03-15',
  self_assess: '2027-04-15',
  township_review: '2027-06-01',
  county_acceptance: '2027-08-01',
  public_notice: '2027-10-15',
  naming: '2027-12-01',
};

/** A village of the demo county: township segment (101 = 白石镇) and number (201…). */
const village = (township: string, n: number) =>
  `330728${township}${String(200 + n).padStart(3, '0')}`;

export async function seedDemoRounds(db: Db): Promise<void> {
  const [framework] = await db
    .select()
    .from(frameworks)
    .where(eq(frameworks.code, 'demo-county-2026'));
  if (!framework) return;
  const definition = framework.definition as Framework;

  async function campaign(name: string, year: number, stage: 'self_assess' | 'township_review') {
    const [row] = await db
      .insert(campaigns)
      .values({
        countyCode: DEMO_COUNTY_CODE,
        name,
        year,
        level: 'county',
        frameworkId: framework!.id,
        stage,
        stageDates: year === 2027 ? stageDates2027 : { township_review: '2026-12-20' },
        noticeDays: 7,
        minSelfScore: 8000,
        minAcceptedScore: 8500,
      })
      .returning();
    return row!;
  }

  async function participate(campaignId: string, villageCode: string, state: State, seed: number) {
    const sheet: ScoreSheetData = {};
    let selfTotal: number | null = null;
    if (state !== 'declared') {
      const answers = sampleAnswers(definition, 0.93, seed);
      const result = scoreTotals(definition, answers);
      if (result.ok) {
        sheet.self = { ...answers, comments: {} };
        selfTotal = Math.round(result.totals.total * 100);
      }
    }
    await db.insert(participations).values({
      countyCode: DEMO_COUNTY_CODE,
      campaignId,
      villageCode,
      townshipCode: villageCode.slice(0, 9) + '000',
      state,
      sheet,
      selfTotal,
      sheetUpdatedBy: state === 'declared' ? null : '演示数据',
      sheetUpdatedAt: state === 'declared' ? null : new Date('2026-11-20T08:00:00Z'),
    });
  }

  // 自评: 杨林村 declared with an empty sheet; others of 白石镇 and 青山镇 submitted
  const selfAssess = await campaign(DEMO_SELF_ASSESS_CAMPAIGN, 2027, 'self_assess');
  await participate(selfAssess.id, DEMO_CLERK_VILLAGE, 'declared', 1);
  // the others have submitted: once 杨林村 submits, the county can advance to 乡镇初审
  for (let n = 2; n <= 4; n++) {
    await participate(selfAssess.id, village('101', n), 'self_assessed', n);
  }
  for (let n = 1; n <= 3; n++) {
    await participate(selfAssess.id, village('102', n), 'self_assessed', 100 + n);
  }

  // 乡镇初审: villages of 白石镇 (not 杨林村) submitted, waiting for the township officer
  const review = await campaign(DEMO_TOWNSHIP_REVIEW_CAMPAIGN, 2026, 'township_review');
  for (let n = 5; n <= 9; n++) await participate(review.id, village('101', n), 'self_assessed', n);
  for (let n = 4; n <= 6; n++) {
    await participate(review.id, village('103', n), 'self_assessed', 200 + n);
  }
  // its township review was due on 30 November; the county moved it (the date in stageDates)
  await db.insert(deadlineExtensions).values({
    countyCode: DEMO_COUNTY_CODE,
    campaignId: review.id,
    stage: 'township_review',
    fromDate: '2026-11-30',
    toDate: '2026-12-20',
    reason: '临溪镇受台风“贝碧嘉”影响，入户核查推迟，乡镇初审顺延至12月20日',
  });
}
