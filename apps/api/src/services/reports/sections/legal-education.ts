// 普法宣传: the year's 普法 activities by type, participants and materials (statistics.pufa, the
// same SQL aggregate as the 普法 page), the 法律明白人 and 宣讲员 on the rosters, and a per-child
// table. Roster names never reach the report: only counts.
import { describeChange, pufaActivityTypes, pufaLabels } from '@fazhi/domain';
import { pufaStatistics } from '../../registers/pufa-statistics.js';
import { count, yearRange, type SectionProvider } from '../report-types.js';

const ACTIVITIES = '普法台账（活动）';
const ROSTER = '普法台账（法律明白人、宣讲员名册）';

export const pufaActivities: SectionProvider = async (ctx) => {
  const stats = await pufaStatistics({
    db: ctx.db,
    scope: ctx.scope,
    divisionCode: ctx.division.code,
    ...yearRange(ctx.year),
  });
  const before = stats.previousPeriod;
  const figures = [
    count('pufa.activities', '普法活动', '场', stats.activities, before.activities, ACTIVITIES),
    count(
      'pufa.participants',
      '参加人数',
      '人次',
      stats.participants,
      before.participants,
      ACTIVITIES,
    ),
    count('pufa.materials', '发放宣传资料', '份', stats.materials, before.materials, ACTIVITIES),
    ...pufaActivityTypes.map((type) =>
      count(
        `pufa.type.${type}`,
        pufaLabels.type[type].zh,
        '场',
        stats.byType[type],
        before.byType[type],
        ACTIVITIES,
      ),
    ),
  ];
  const rosterFigures = [
    { key: 'pufa.legalLiterate', label: '法律明白人', value: stats.legalLiterate },
    { key: 'pufa.trained', label: '其中完成培训', value: stats.trained },
    { key: 'pufa.passed', label: '其中考核合格', value: stats.passed },
    { key: 'pufa.lecturers', label: '普法宣讲员', value: stats.lecturers },
  ];
  // the rosters are as they stand, not a year's events: no previous-year figure
  for (const f of rosterFigures) {
    figures.push({ ...count(f.key, f.label, '人', f.value, 0, ROSTER), previous: null });
  }
  const sentences: string[] = [];
  if (stats.activities > 0) {
    const kinds = pufaActivityTypes
      .filter((t) => stats.byType[t] > 0)
      .map((t) => `${pufaLabels.type[t].zh}${stats.byType[t]}场`)
      .join('、');
    sentences.push(
      `全年开展普法活动${stats.activities}场，${describeChange(stats.activities, before.activities).zh}，` +
        `参加${stats.participants}人次，发放宣传资料${stats.materials}份；其中${kinds}。`,
    );
  }
  if (stats.legalLiterate + stats.lecturers > 0) {
    sentences.push(
      `名册登记法律明白人${stats.legalLiterate}名（完成培训${stats.trained}名、考核合格${stats.passed}名），` +
        `普法宣讲员${stats.lecturers}名。`,
    );
  }
  const children = stats.children.filter((c) => !c.own || c.activities > 0);
  const tables =
    stats.activities > 0 && children.length > 0
      ? [
          {
            key: 'pufa.byDivision',
            title:
              ctx.division.level === 'county' ? '各乡镇普法宣传情况' : '各村（社区）普法宣传情况',
            source: ACTIVITIES,
            columns: [
              { label: '普法活动（场）', kind: 'count' as const },
              { label: '参加（人次）', kind: 'count' as const },
              { label: '宣传资料（份）', kind: 'count' as const },
              { label: '法律明白人（名）', kind: 'count' as const },
              { label: '上年活动（场）', kind: 'count' as const },
            ],
            rows: children.map((c) => ({
              code: c.code,
              name: c.name,
              values: [
                c.activities,
                c.participants,
                c.materials,
                c.legalLiterate,
                c.previousPeriod.activities,
              ],
            })),
          },
        ]
      : [];
  // the rosters stand as they are now: a year without activities (nor the year before) says nothing
  const empty = stats.activities === 0 && before.activities === 0;
  return empty ? { figures: [], sentences: [] } : { figures, tables, sentences };
};

export const legalEducationProviders = [pufaActivities];
