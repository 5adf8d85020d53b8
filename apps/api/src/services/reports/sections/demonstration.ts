// 示范创建: the year's campaigns (subjects declared, the county's grades) and the titles named in
// the year (称号管理), with a per-township table for a county.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import {
  describeChange,
  scorecardGrades,
  titleLevelName,
  titleLevels,
  type Grade,
} from '@fazhi/domain';
import { gradeNames } from '../../campaigns/score-sheet-layout.js';
import { campaigns, participations, titles } from '../../../db/schema.js';
import {
  codePrefix,
  count,
  yearRange,
  type ReportContext,
  type ReportFigure,
  type ReportTable,
  type SectionProvider,
} from '../report-types.js';

const CAMPAIGNS = '创建考核（申报与评分）';
const TITLES = '称号管理';

async function yearFigures(ctx: ReportContext, year: number) {
  const like = codePrefix(ctx.division) + '%';
  const countyCode = ctx.division.code.slice(0, 6) + '000000';
  const p = participations;
  const subjects = await ctx.db
    .select({
      township: p.townshipCode,
      grade: p.countyGrade,
      n: sql<number>`count(*)::int`,
    })
    .from(p)
    .innerJoin(
      campaigns,
      and(eq(campaigns.countyCode, p.countyCode), eq(campaigns.id, p.campaignId)),
    )
    .where(
      and(
        eq(p.countyCode, countyCode),
        eq(campaigns.year, year),
        sql`${p.villageCode} like ${like}`,
        ctx.scope.where(p.villageCode),
      ),
    )
    .groupBy(p.townshipCode, p.countyGrade);
  const { from, to } = yearRange(year);
  const named = await ctx.db
    .select({
      township: sql<string>`left(${titles.villageCode}, 9) || '000'`,
      level: titles.level,
      n: sql<number>`count(*)::int`,
    })
    .from(titles)
    .where(
      and(
        eq(titles.countyCode, countyCode),
        sql`${titles.villageCode} like ${like}`,
        ctx.scope.where(titles.villageCode),
        gte(titles.namedOn, from),
        lte(titles.namedOn, to),
      ),
    )
    .groupBy(sql.raw('1, 2'));
  const grades = new Map<Grade, number>();
  for (const s of subjects)
    if (s.grade) grades.set(s.grade as Grade, (grades.get(s.grade as Grade) ?? 0) + s.n);
  return {
    subjects,
    named,
    total: subjects.reduce((a, s) => a + s.n, 0),
    graded: subjects.reduce((a, s) => a + (s.grade ? s.n : 0), 0),
    grades,
    titles: named.reduce((a, s) => a + s.n, 0),
  };
}

export const campaignResults: SectionProvider = async (ctx) => {
  const [now, then] = await Promise.all([
    yearFigures(ctx, ctx.year),
    yearFigures(ctx, ctx.year - 1),
  ]);
  const figures: ReportFigure[] = [
    count(
      'demonstration.subjects',
      '参加创建考核的村（社区）',
      '个',
      now.total,
      then.total,
      CAMPAIGNS,
    ),
    count('demonstration.graded', '县级评定等次', '个', now.graded, then.graded, CAMPAIGNS),
  ];
  const graded = scorecardGrades.filter((g) => now.grades.has(g) || then.grades.has(g));
  for (const grade of graded) {
    figures.push(
      count(
        `demonstration.grade.${grade}`,
        `评定为“${gradeNames[grade]}”`,
        '个',
        now.grades.get(grade) ?? 0,
        then.grades.get(grade) ?? 0,
        CAMPAIGNS,
      ),
    );
  }
  figures.push(
    count('demonstration.titles', '本年命名示范村（社区）', '个', now.titles, then.titles, TITLES),
  );
  for (const level of titleLevels) {
    const n = now.named.filter((t) => t.level === level).reduce((a, t) => a + t.n, 0);
    const before = then.named.filter((t) => t.level === level).reduce((a, t) => a + t.n, 0);
    if (n + before === 0) continue;
    const name = titleLevelName(level).zh;
    figures.push(count(`demonstration.titles.${level}`, `其中${name}`, '个', n, before, TITLES));
  }
  const sentences: string[] = [];
  if (now.total === 0 && now.titles === 0) {
    sentences.push('本年度暂无创建考核和命名登记。');
  } else {
    const gradeText = scorecardGrades
      .filter((g) => now.grades.has(g))
      .map((g) => `“${gradeNames[g]}”${now.grades.get(g)}个`)
      .join('、');
    sentences.push(
      `全年${now.total}个村（社区）参加法治示范村创建考核` +
        (now.graded > 0 ? `，经县级评定${gradeText}` : '') +
        `；命名示范村（社区）${now.titles}个，${describeChange(now.titles, then.titles).zh}。`,
    );
  }
  const tables: ReportTable[] = [];
  if (ctx.division.level === 'county' && ctx.townships.length > 0) {
    tables.push({
      key: 'demonstration.byTownship',
      title: '各乡镇示范创建情况',
      source: CAMPAIGNS,
      columns: [
        { label: '参加考核（个）', kind: 'count' },
        { label: '本年命名（个）', kind: 'count' },
        { label: '上年命名（个）', kind: 'count' },
      ],
      rows: ctx.townships.map((t) => {
        const of = (rows: { township: string; n: number }[]) =>
          rows.filter((r) => r.township === t.code).reduce((a, r) => a + r.n, 0);
        return {
          code: t.code,
          name: t.name,
          values: [of(now.subjects), of(now.named), of(then.named)],
        };
      }),
    });
  }
  return { figures, tables, sentences };
};
