// The demo county's county units (县直单位) with one unit officer, and its annual township
// assessment (依法治镇考核) at 自评: every township enrolled, three of them already submitted,
// 白石镇 (the demo township officer's) still to fill its own sheet. Deterministic.
import { and, eq, like } from 'drizzle-orm';
import { scoreTotals, type Framework } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import {
  campaigns,
  countyUnits,
  divisions,
  frameworks,
  participations,
  users,
  type ScoreSheetData,
} from '../db/schema.js';
import { sampleAnswers } from './sample-answers.js';
import { DEMO_COUNTY_CODE } from './demo-county.js';
import { DEMO_TOWNSHIP } from './demo-rounds.js';

export const DEMO_UNITS = [
  { name: '县司法局', kind: '政府工作部门' },
  { name: '县公安局', kind: '政府工作部门' },
  { name: '县市场监督管理局', kind: '政府工作部门' },
] as const;

export const DEMO_UNIT_OFFICER = {
  username: 'unit',
  displayName: '县司法局 法制股 赵股长',
} as const;

export const DEMO_ANNUAL_CAMPAIGN = '2026年度清和县依法治镇（乡镇）考核';

export async function seedDemoUnits(db: Db, passwordHash: string): Promise<void> {
  const units = await db
    .insert(countyUnits)
    .values(DEMO_UNITS.map((u) => ({ countyCode: DEMO_COUNTY_CODE, ...u })))
    .returning();
  await db.insert(users).values({
    username: DEMO_UNIT_OFFICER.username,
    displayName: DEMO_UNIT_OFFICER.displayName,
    role: 'unit_officer',
    scopeCode: DEMO_COUNTY_CODE,
    countyCode: DEMO_COUNTY_CODE,
    unitId: units[0]!.id,
    passwordHash,
  });

  const [framework] = await db
    .select()
    .from(frameworks)
    .where(eq(frameworks.code, 'demo-county-2026'));
  if (!framework) return;
  const definition = framework.definition as Framework;
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyCode: DEMO_COUNTY_CODE,
      name: DEMO_ANNUAL_CAMPAIGN,
      year: 2026,
      level: 'county',
      mode: 'annual',
      subjectLevel: 'township',
      frameworkId: framework.id,
      stage: 'self_assess',
      stageDates: { self_assess: '2026-12-15', county_acceptance: '2027-01-20' },
    })
    .returning();
  const townships = await db
    .select({ code: divisions.code })
    .from(divisions)
    .where(
      and(
        eq(divisions.level, 'township'),
        like(divisions.code, DEMO_COUNTY_CODE.slice(0, 6) + '%'),
      ),
    )
    .orderBy(divisions.code);
  let submittedSoFar = 0;
  for (const [i, t] of townships.entries()) {
    // three of the first four townships have submitted; 白石镇 and the rest have not
    const submitted = i < 4 && t.code !== DEMO_TOWNSHIP && submittedSoFar++ < 3;
    const sheet: ScoreSheetData = {};
    let selfTotal: number | null = null;
    if (submitted) {
      const answers = sampleAnswers(definition, 0.9, 300 + i);
      const result = scoreTotals(definition, answers);
      if (result.ok) {
        sheet.self = { ...answers, comments: {} };
        selfTotal = Math.round(result.totals.total * 100);
      }
    }
    await db.insert(participations).values({
      countyCode: DEMO_COUNTY_CODE,
      campaignId: campaign!.id,
      villageCode: t.code,
      townshipCode: t.code,
      state: submitted ? 'self_assessed' : 'enrolled',
      sheet,
      selfTotal,
      sheetUpdatedBy: submitted ? '演示数据' : null,
      sheetUpdatedAt: submitted ? new Date('2026-12-01T08:00:00Z') : null,
    });
  }
}
