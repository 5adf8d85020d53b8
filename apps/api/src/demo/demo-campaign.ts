// The demo county's living campaign: 60 villages spread over every participation state, with
// their score sheets filled in, so a new user sees a campaign in progress on first start. Each
// self-assessed sheet keeps evidence on its first two items (written when the demo is loaded with a
// data directory).
import { eq } from 'drizzle-orm';
import { scoreTotals, type Framework } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import type { participationStates } from '../db/schema.js';
import {
  campaigns,
  divisions,
  evidenceFiles,
  frameworks,
  objections,
  participations,
  titles,
  type ScoreSheetData,
} from '../db/schema.js';
import { sampleAnswers } from './sample-answers.js';
import { DEMO_COUNTY_CODE } from './demo-county.js';
import { demoPdf, demoPhoto, writeDemoFile } from './demo-files.js';

type State = (typeof participationStates)[number];

/** How many demo villages are in each state (60 in all). */
const spread: [State, number][] = [
  ['declared', 3],
  ['self_assessed', 4],
  ['returned', 3],
  ['township_approved', 5],
  ['county_accepted', 4],
  ['county_failed', 4],
  ['posted', 20],
  ['objected', 2],
  ['removed', 1],
  ['named', 10],
  ['withdrawn', 4],
];

const columnsFor: Record<State, ('self' | 'township' | 'county')[]> = {
  declared: [],
  enrolled: [],
  returned: ['self', 'township'],
  self_assessed: ['self'],
  township_approved: ['self', 'township'],
  county_accepted: ['self', 'township', 'county'],
  county_failed: ['self', 'township', 'county'],
  posted: ['self', 'township', 'county'],
  objected: ['self', 'township', 'county'],
  removed: ['self', 'township', 'county'],
  named: ['self', 'township', 'county'],
  recommended: ['self', 'township', 'county'],
  not_selected: ['self', 'township', 'county'],
  withdrawn: ['self'],
};

export async function seedDemoCampaign(db: Db, dataDir?: string): Promise<void> {
  const [framework] = await db
    .select()
    .from(frameworks)
    .where(eq(frameworks.code, 'demo-county-2026'));
  if (!framework) return;
  const definition = framework.definition as Framework;
  const villages = (
    await db.select({ code: divisions.code }).from(divisions).where(eq(divisions.level, 'village'))
  )
    .map((v) => v.code)
    .filter((code) => code.startsWith('330728'))
    .sort();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyCode: DEMO_COUNTY_CODE,
      name: '2026年度清和县民主法治示范村（社区）创建',
      year: 2026,
      level: 'county',
      frameworkId: framework.id,
      stage: 'public_notice',
      stageDates: {
        deploy: '2026-03-01',
        declare: '2026-03-15',
        self_assess: '2026-04-15',
        township_review: '2026-06-01',
        county_acceptance: '2026-08-01',
        public_notice: '2026-10-15',
        naming: '2026-12-01',
      },
      noticeDays: 7,
      noticeIssuer: '清和县民主法治示范村创建工作领导小组办公室',
      noticeContact: '县司法局基层工作科（电话：0579-8881 2345；地址：清和县人民路8号）',
      noticeIssuedOn: '2026-10-16',
      minSelfScore: 9000,
      minAcceptedScore: 8500,
    })
    .returning();
  let n = 0;
  const chosen: { code: string; state: State }[] = [];
  for (const [state, count] of spread) {
    for (let i = 0; i < count; i++) {
      // every fifth village of the county, in code order
      chosen.push({ code: villages[(n++ * 5) % villages.length]!, state });
    }
  }
  for (const [i, v] of chosen.entries()) {
    const sheet: ScoreSheetData = {};
    const totals: Record<string, number> = {};
    let grade: string | null = null;
    let vetoed = false;
    for (const column of columnsFor[v.state]) {
      // good villages mostly; failed ones worse; each column a little different
      const quality = v.state === 'county_failed' ? 0.55 : v.state === 'returned' ? 0.8 : 0.93;
      const answers = sampleAnswers(definition, quality, i * 7 + column.length);
      const result = scoreTotals(definition, answers);
      if (!result.ok) continue;
      sheet[column] = { ...answers, comments: {} };
      totals[column] = Math.round(result.totals.total * 100);
      if (column === 'county') {
        grade = result.totals.grade;
        vetoed = result.totals.vetoed;
      }
    }
    const posted = ['posted', 'objected', 'removed', 'named'].includes(v.state);
    const [row] = await db
      .insert(participations)
      .values({
        countyCode: DEMO_COUNTY_CODE,
        campaignId: campaign!.id,
        villageCode: v.code,
        townshipCode: v.code.slice(0, 9) + '000',
        state: v.state,
        sheet,
        selfTotal: totals.self ?? null,
        townshipTotal: totals.township ?? null,
        countyTotal: totals.county ?? null,
        countyGrade: grade,
        countyVetoed: vetoed,
        postedOn: posted ? '2026-10-16' : null,
        namedOn: v.state === 'named' ? '2026-11-20' : null,
        sheetUpdatedBy: '演示数据',
        sheetUpdatedAt: new Date('2026-10-01T08:00:00Z'),
      })
      .returning();
    if (dataDir && sheet.self) await seedEvidence(db, dataDir, row!.id, definition, i);
    if (v.state === 'objected' || v.state === 'removed') {
      await db.insert(objections).values({
        countyCode: DEMO_COUNTY_CODE,
        participationId: row!.id,
        name: v.state === 'objected' ? '赵某' : '钱某',
        contact: '1380000' + String(1000 + i),
        content: '该村村务公开栏长期未更新，财务公开不及时。',
        status: v.state === 'removed' ? 'upheld' : 'open',
        resolution: v.state === 'removed' ? '经核查属实，移出公示名单。' : null,
        resolvedAt: v.state === 'removed' ? new Date('2026-10-20T08:00:00Z') : null,
      });
    }
    if (v.state === 'named') {
      await db.insert(titles).values({
        countyCode: DEMO_COUNTY_CODE,
        villageCode: v.code,
        level: 'county',
        year: 2026,
        campaignId: campaign!.id,
        namedOn: '2026-11-20',
      });
    }
  }
  // earlier titles, for the re-check page
  for (let i = 0; i < 8; i++) {
    await db.insert(titles).values({
      countyCode: DEMO_COUNTY_CODE,
      villageCode: villages[(i * 11 + 3) % villages.length]!,
      level: 'county',
      year: 2022,
      namedOn: '2022-12-10',
    });
  }
}

/** The self-assessment's evidence of a participation: a photo and a scan, and another photo. */
async function seedEvidence(
  db: Db,
  dataDir: string,
  participationId: string,
  definition: Framework,
  n: number,
) {
  const [first, second] = definition.areas.flatMap((a) => a.items);
  if (!first || !second) return;
  const attached: [string, string, Buffer][] = [
    [first.code, `${first.code}-现场照片.png`, demoPhoto(n)],
    [first.code, `${first.code}-会议记录.pdf`, demoPdf],
    [second.code, `${second.code}-公开栏照片.png`, demoPhoto(n + 1)],
  ];
  const rows: (typeof evidenceFiles.$inferInsert)[] = [];
  for (const [itemCode, fileName, bytes] of attached) {
    rows.push({
      ...(await writeDemoFile(dataDir, DEMO_COUNTY_CODE, participationId, bytes)),
      countyCode: DEMO_COUNTY_CODE,
      participationId,
      itemCode,
      column: 'self',
      fileName,
    });
  }
  await db.insert(evidenceFiles).values(rows);
}
