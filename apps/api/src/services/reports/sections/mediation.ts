// 人民调解: the year's mediation figures from statistics.mediation (the same SQL aggregate and
// rate definitions as the 统计 page), the monthly dispute screening, and a per-child table.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { describeChange, formatRate } from '@fazhi/domain';
import { disputeScreenings } from '../../../db/schema.js';
import { mediationStatistics } from '../../registers/statistics.js';
import {
  codePrefix,
  count,
  rate,
  yearRange,
  type ReportContext,
  type SectionProvider,
} from '../report-types.js';

const CASES = '人民调解台账';
const SCREENING = '矛盾纠纷排查台账';

async function screeningFigures(ctx: ReportContext, year: number) {
  const s = disputeScreenings;
  const [row] = await ctx.db
    .select({
      reports: sql<number>`count(*)::int`,
      found: sql<number>`coalesce(sum(${s.disputesFound}), 0)::int`,
    })
    .from(s)
    .where(
      and(
        sql`${s.villageCode} like ${codePrefix(ctx.division) + '%'}`,
        ctx.scope.where(s.villageCode),
        gte(s.month, `${year}-01`),
        lte(s.month, `${year}-12`),
        ctx.division.level === 'township' ? eq(s.townshipCode, ctx.division.code) : undefined,
      ),
    );
  return { reports: row?.reports ?? 0, found: row?.found ?? 0 };
}

export const mediationCases: SectionProvider = async (ctx) => {
  const stats = await mediationStatistics({
    db: ctx.db,
    scope: ctx.scope,
    divisionCode: ctx.division.code,
    ...yearRange(ctx.year),
  });
  const before = stats.previousPeriod;
  const figures = [
    count('mediation.received', '受理矛盾纠纷', '件', stats.received, before.received, CASES),
    count('mediation.closed', '调处', '件', stats.closed, before.closed, CASES),
    count('mediation.succeeded', '调解成功', '件', stats.succeeded, before.succeeded, CASES),
    count('mediation.oral', '口头调解', '件', stats.oral, before.oral, CASES),
    count('mediation.written', '书面协议', '件', stats.written, before.written, CASES),
    rate('mediation.handlingRate', '调处率', stats.handlingRate, before.handlingRate, CASES),
    rate('mediation.successRate', '调解成功率', stats.successRate, before.successRate, CASES),
    count('mediation.petition', '越级上访', '件', stats.petition, before.petition, CASES),
    count('mediation.criminal', '民转刑', '件', stats.criminal, before.criminal, CASES),
  ];
  const sentences: string[] = [];
  if (stats.received === 0) {
    sentences.push('本年度人民调解台账暂无登记案件。');
  } else {
    sentences.push(
      `全年共受理矛盾纠纷${stats.received}件，${describeChange(stats.received, before.received).zh}；` +
        `调处${stats.closed}件，调解成功${stats.succeeded}件，调处率${formatRate(stats.handlingRate)}，` +
        `调解成功率${formatRate(stats.successRate)}（上年分别为${formatRate(before.handlingRate)}、` +
        `${formatRate(before.successRate)}）；其中口头调解${stats.oral}件，达成书面协议${stats.written}件。`,
    );
    sentences.push(
      stats.petition + stats.criminal === 0
        ? '全年未发生因矛盾纠纷激化引发的越级上访和民转刑案件。'
        : `全年发生越级上访${stats.petition}件、民转刑${stats.criminal}件。`,
    );
  }
  const children = stats.children.filter((c) => !c.own || c.received > 0);
  const tables =
    children.length > 0
      ? [
          {
            key: 'mediation.byDivision',
            title:
              ctx.division.level === 'county' ? '各乡镇人民调解情况' : '各村（社区）人民调解情况',
            source: CASES,
            columns: [
              { label: '受理（件）', kind: 'count' as const },
              { label: '调处（件）', kind: 'count' as const },
              { label: '调解成功（件）', kind: 'count' as const },
              { label: '调处率', kind: 'rate' as const },
              { label: '调解成功率', kind: 'rate' as const },
              { label: '上年受理（件）', kind: 'count' as const },
            ],
            rows: children.map((c) => ({
              code: c.code,
              name: c.name,
              values: [
                c.received,
                c.closed,
                c.succeeded,
                c.handlingRate,
                c.successRate,
                c.previousPeriod.received,
              ],
            })),
          },
        ]
      : [];
  return { figures, tables, sentences };
};

export const disputeScreening: SectionProvider = async (ctx) => {
  const [now, then] = await Promise.all([
    screeningFigures(ctx, ctx.year),
    screeningFigures(ctx, ctx.year - 1),
  ]);
  return {
    figures: [
      count('screening.reports', '矛盾纠纷排查上报', '次', now.reports, then.reports, SCREENING),
      count('screening.found', '排查发现纠纷', '件', now.found, then.found, SCREENING),
    ],
    sentences:
      now.reports === 0
        ? []
        : [
            `各村（社区）按月开展矛盾纠纷排查，全年上报${now.reports}次，排查发现纠纷${now.found}件。`,
          ],
  };
};
