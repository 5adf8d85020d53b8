// 组织领导: the campaigns the county organised in the year and the township work followed up
// through 督查督办 (tasks assigned to the division's offices and villages, and those closed).
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { campaigns, supervisionTasks } from '../../../db/schema.js';
import {
  codePrefix,
  count,
  yearRange,
  type ReportContext,
  type SectionProvider,
} from '../report-types.js';

const TASKS = '督查督办';
const CAMPAIGNS = '创建考核（申报与评分）';

async function yearFigures(ctx: ReportContext, year: number) {
  const { from, to } = yearRange(year);
  const t = supervisionTasks;
  const countyCode = ctx.division.code.slice(0, 6) + '000000';
  const [tasks, organised] = await Promise.all([
    ctx.db
      .select({
        assigned: sql<number>`count(*)::int`,
        closed: sql<number>`count(*) filter (where ${t.state} = 'closed')::int`,
      })
      .from(t)
      .where(
        and(
          sql`${t.ownerCode} like ${codePrefix(ctx.division) + '%'}`,
          ctx.scope.where(t.ownerCode),
          gte(t.assignedOn, from),
          lte(t.assignedOn, to),
        ),
      ),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.countyCode, countyCode),
          eq(campaigns.year, year),
          ctx.scope.whereCounty(campaigns.countyCode),
        ),
      ),
  ]);
  return {
    assigned: tasks[0]?.assigned ?? 0,
    closed: tasks[0]?.closed ?? 0,
    campaigns: organised[0]?.n ?? 0,
  };
}

export const leadership: SectionProvider = async (ctx) => {
  const [now, then] = await Promise.all([
    yearFigures(ctx, ctx.year),
    yearFigures(ctx, ctx.year - 1),
  ]);
  const who = ctx.division.level === 'county' ? '县委、县政府' : '乡镇党委、政府';
  const sentences = [`${who}把法治建设纳入年度重点工作，统筹推进民主法治示范村（社区）创建。`];
  const organised = ctx.division.level === 'county' ? '组织' : '参加县级';
  if (now.campaigns > 0) sentences.push(`全年${organised}创建考核活动${now.campaigns}次。`);
  if (now.assigned > 0) {
    sentences.push(`通过督查督办交办工作任务${now.assigned}项，已办结${now.closed}项。`);
  }
  return {
    figures: [
      count(
        'organization.campaigns',
        '组织创建考核活动',
        '次',
        now.campaigns,
        then.campaigns,
        CAMPAIGNS,
      ),
      count(
        'organization.tasksAssigned',
        '督查督办交办任务',
        '项',
        now.assigned,
        then.assigned,
        TASKS,
      ),
      count('organization.tasksClosed', '其中已办结', '项', now.closed, then.closed, TASKS),
    ],
    sentences,
  };
};
