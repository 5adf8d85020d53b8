// Demo records of the 普法 register: activities of 白石镇's villages, 白石镇 itself and two villages
// of 青山镇 in 2025–2026, the villages' rosters of 法律明白人 and 宣讲员, and the 2026 普法 plans of
// 白石镇 and the county. The activities of 2026's last three months keep their photos (written
// when the demo is loaded with a data directory). Deterministic: the same data every time. No ID
// numbers; the names are invented.
import type { Db } from '../db/client.js';
import { pufaActivities, pufaActivityPhotos, pufaPlanItems, pufaRoster } from '../db/schema.js';
import { demoPhoto, writeDemoFile } from './demo-files.js';
import { audienceActivityTypes, pufaActivityTypes, type PufaActivityType } from '@fazhi/domain';

const COUNTY = '330728000000';
const BAISHI = '330728101000';
const divisionsWithActivities = [
  BAISHI,
  '330728101201',
  '330728101202',
  '330728101203',
  '330728101204',
  '330728102201',
  '330728102202',
];
const places: Record<PufaActivityType, string> = {
  lecture: '村文化礼堂',
  training: '镇政府会议室',
  arts: '村文化广场',
  film: '村文化广场',
  materials: '集镇圩日摊点',
  display_board: '村法治文化长廊',
  case_explanation: '村委会议室',
  exam: '镇政府会议室',
};
const familyNames = ['陈', '李', '王', '张', '刘', '周', '吴', '郑', '徐', '何'];
const givenNames = ['志明', '秀兰', '建国', '丽华', '海燕', '国强', '春梅', '德胜', '玉芬', '晓东'];

export async function seedDemoPufa(db: Db, dataDir?: string): Promise<void> {
  const activities: (typeof pufaActivities.$inferInsert)[] = [];
  let n = 0;
  for (const year of [2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 11 : 12); month++) {
      for (const code of divisionsWithActivities) {
        n += 1;
        // a fixed pseudo-random draw: about one activity in two divisions a month, more in 2026
        // (普法 stepped up), every division and kind in both years
        const draw = (Math.imul(n, 2654435761) >>> 0) % 100;
        if (draw >= (year === 2026 ? 55 : 40)) continue;
        const type = pufaActivityTypes[(draw + (n % 7)) % pufaActivityTypes.length]!;
        const day = 1 + ((n * 7) % 27);
        const township = code === BAISHI;
        const audience = audienceActivityTypes.includes(type);
        activities.push({
          countyCode: COUNTY,
          townshipCode: code.slice(0, 9) + '000',
          divisionCode: code,
          type,
          heldOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          place: township && type !== 'materials' ? '镇政府会议室' : places[type],
          organiser: township ? '白石镇司法所' : '村法治宣传小组',
          // a lecture in the rain with nobody there: a warning the reviewer sees
          participants: n === 152 ? 0 : audience ? 20 + ((n * 13) % 90) : 0,
          materials: type === 'materials' ? 100 + ((n * 17) % 300) : audience ? (n * 3) % 40 : 0,
          notes: type === 'case_explanation' ? '以邻里纠纷调解案例讲解民法典相邻关系' : '',
        });
      }
    }
  }
  const stored = await db.insert(pufaActivities).values(activities).returning({
    id: pufaActivities.id,
    divisionCode: pufaActivities.divisionCode,
    heldOn: pufaActivities.heldOn,
    type: pufaActivities.type,
  });
  // photos of the activities held with an audience from September 2026 on, two each (a photo
  // row only with its bytes, as an upload's)
  const photos: (typeof pufaActivityPhotos.$inferInsert)[] = [];
  const recent = stored.filter(
    (a) => a.heldOn >= '2026-09-01' && audienceActivityTypes.includes(a.type),
  );
  for (const [i, a] of (dataDir ? recent : []).entries()) {
    for (const k of [0, 1]) {
      const file = await writeDemoFile(dataDir!, COUNTY, a.id, demoPhoto(i + k));
      photos.push({
        ...file,
        countyCode: COUNTY,
        divisionCode: a.divisionCode,
        activityId: a.id,
        fileName: `${a.heldOn}-${k + 1}.png`,
        // uploaded the evening of the activity, in order
        createdAt: new Date(`${a.heldOn}T18:0${k}:00+08:00`),
      });
    }
  }
  if (photos.length > 0) await db.insert(pufaActivityPhotos).values(photos);

  const roster: (typeof pufaRoster.$inferInsert)[] = [];
  let p = 0;
  for (const village of divisionsWithActivities.slice(1)) {
    const legalLiterate = village.startsWith('330728101') ? 3 : 2;
    for (let i = 0; i < legalLiterate + 1; i++) {
      p += 1;
      const role = i < legalLiterate ? ('legal_literate' as const) : ('lecturer' as const);
      const examined = p % 4 !== 0;
      roster.push({
        countyCode: COUNTY,
        townshipCode: village.slice(0, 9) + '000',
        villageCode: village,
        role,
        name: familyNames[p % familyNames.length]! + givenNames[(p * 3) % givenNames.length]!,
        trainingHours: role === 'lecturer' ? 24 : [4, 8, 12, 16, 6][p % 5]!,
        examResult: examined ? (p % 7 === 0 ? 'failed' : 'passed') : 'not_taken',
        examOn: examined ? '2026-06-18' : null,
      });
    }
  }
  await db.insert(pufaRoster).values(roster);

  await db.insert(pufaPlanItems).values([
    {
      countyCode: COUNTY,
      divisionCode: COUNTY,
      year: 2026,
      title: '“八五”普法总结验收',
      dueOn: '2026-12-31',
      progress: 70,
    },
    {
      countyCode: COUNTY,
      divisionCode: COUNTY,
      year: 2026,
      title: '法律明白人全员轮训',
      activityType: 'training',
      targetCount: 20,
      dueOn: '2026-10-31',
      progress: 90,
    },
    {
      countyCode: COUNTY,
      divisionCode: BAISHI,
      year: 2026,
      title: '“宪法进农村”专题讲座，每村不少于两场',
      activityType: 'lecture',
      targetCount: 12,
      dueOn: '2026-12-04',
      progress: 80,
    },
    {
      countyCode: COUNTY,
      divisionCode: BAISHI,
      year: 2026,
      title: '圩日法治宣传资料发放',
      activityType: 'materials',
      targetCount: 10,
      dueOn: '2026-11-30',
      progress: 100,
    },
    {
      countyCode: COUNTY,
      divisionCode: BAISHI,
      year: 2026,
      title: '民法典以案释法进村',
      activityType: 'case_explanation',
      targetCount: 8,
      dueOn: '2026-09-30',
      progress: 75,
    },
  ]);
}
