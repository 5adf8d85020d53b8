// 基层民主: the village records of the year (会议记录, 三务公开, 村规民约) from the compliance
// counts the township and county check (records.compliance), with a per-township table.
import { and, gte, lte, sql } from 'drizzle-orm';
import { describeChange } from '@fazhi/domain';
import { villageDisclosures, villageRuleVersions } from '../../../db/schema.js';
import { complianceRows } from '../../records/records.js';
import {
  codePrefix,
  count,
  yearRange,
  type ReportContext,
  type ReportTable,
  type SectionProvider,
} from '../report-types.js';

const MEETINGS = '村务台账（会议记录）';
const DISCLOSURES = '村务台账（三务公开）';
const RULES = '村务台账（村规民约）';

async function yearFigures(ctx: ReportContext, year: number) {
  const { from, to } = yearRange(year);
  const like = codePrefix(ctx.division) + '%';
  const rows = await complianceRows({
    db: ctx.db,
    scope: ctx.scope,
    code: ctx.division.code,
    from,
    to,
  });
  const d = villageDisclosures;
  const r = villageRuleVersions;
  const [posted, rules] = await Promise.all([
    ctx.db
      .select({ v: d.villageCode, n: sql<number>`count(*)::int` })
      .from(d)
      .where(
        and(
          sql`${d.villageCode} like ${like}`,
          ctx.scope.where(d.villageCode),
          gte(d.postedOn, from),
          lte(d.postedOn, to),
        ),
      )
      .groupBy(d.villageCode),
    ctx.db
      .select({
        filed: sql<number>`count(*) filter (where ${r.filedOn} between ${from} and ${to})::int`,
        reviewed: sql<number>`count(*) filter (where ${r.reviewedOn} between ${from} and ${to})::int`,
      })
      .from(r)
      .where(and(sql`${r.villageCode} like ${like}`, ctx.scope.where(r.villageCode))),
  ]);
  const postings = new Map(posted.map((p) => [p.v, p.n]));
  // a village that posted nothing here does not keep its disclosures on the platform: its
  // periods are not counted overdue (not keeping the register is not the same as not disclosing)
  const counted = rows.map((row) => ({
    ...row,
    keeping: row.meetingsHeld > 0 || postings.has(row.villageCode),
    disclosuresOverdue: postings.has(row.villageCode) ? row.disclosuresOverdue : 0,
  }));
  const sum = (
    k:
      | 'meetingsHeld'
      | 'resolutionsWithProblems'
      | 'disclosuresOverdue'
      | 'rulesNotFiledOrReviewed',
  ) => counted.reduce((a, row) => a + row[k], 0);
  return {
    rows: counted,
    villages: rows.length,
    keeping: counted.filter((row) => row.keeping).length,
    meetings: sum('meetingsHeld'),
    problems: sum('resolutionsWithProblems'),
    posted: posted.reduce((a, p) => a + p.n, 0),
    overdue: sum('disclosuresOverdue'),
    filed: rules[0]?.filed ?? 0,
    reviewed: rules[0]?.reviewed ?? 0,
    rulesOpen: sum('rulesNotFiledOrReviewed'),
  };
}

export const villageRecords: SectionProvider = async (ctx) => {
  const [now, then] = await Promise.all([
    yearFigures(ctx, ctx.year),
    yearFigures(ctx, ctx.year - 1),
  ]);
  const figures = [
    count('democracy.villages', '村（社区）', '个', now.villages, then.villages, MEETINGS),
    count(
      'democracy.keeping',
      '在平台登记村务台账的村（社区）',
      '个',
      now.keeping,
      then.keeping,
      MEETINGS,
    ),
    count(
      'democracy.meetings',
      '召开村民（代表）会议等',
      '次',
      now.meetings,
      then.meetings,
      MEETINGS,
    ),
    count(
      'democracy.resolutionsWithProblems',
      '程序有问题的决议',
      '项',
      now.problems,
      then.problems,
      MEETINGS,
    ),
    count('democracy.disclosuresPosted', '三务公开', '次', now.posted, then.posted, DISCLOSURES),
    count(
      'democracy.disclosuresOverdue',
      '逾期未公开',
      '期次',
      now.overdue,
      then.overdue,
      DISCLOSURES,
    ),
    count('democracy.rulesFiled', '村规民约备案', '件', now.filed, then.filed, RULES),
    count('democracy.rulesReviewed', '村规民约审查', '件', now.reviewed, then.reviewed, RULES),
    count(
      'democracy.rulesOpen',
      '村规民约未备案或未通过审查的村',
      '个',
      now.rulesOpen,
      then.rulesOpen,
      RULES,
    ),
  ];
  const sentences =
    now.meetings + now.posted + now.filed + now.reviewed === 0
      ? ['本年度村务台账暂无会议、公开和村规民约登记。']
      : [
          `全年${now.keeping}个村（社区）在平台登记村务台账，共召开村民会议、村民代表会议等${now.meetings}次，` +
            `${describeChange(now.meetings, then.meetings).zh}；开展三务公开${now.posted}次，` +
            `逾期未公开${now.overdue}期次；村规民约备案${now.filed}件、审查${now.reviewed}件。`,
          now.problems === 0
            ? '会议决议程序规范，未发现程序问题。'
            : `发现程序有问题的决议${now.problems}项，已督促整改。`,
        ];
  const tables: ReportTable[] = [];
  if (ctx.division.level === 'county' && ctx.townships.length > 0) {
    const by = new Map(ctx.townships.map((t) => [t.code, [0, 0, 0, 0, 0]]));
    for (const row of now.rows) {
      const cells = by.get(row.townshipCode);
      if (!cells) continue;
      if (row.keeping) cells[0]! += 1;
      cells[1]! += row.meetingsHeld;
      cells[2]! += row.resolutionsWithProblems;
      cells[3]! += row.disclosuresOverdue;
      cells[4]! += row.rulesNotFiledOrReviewed;
    }
    tables.push({
      key: 'democracy.byTownship',
      title: '各乡镇村务台账情况',
      source: MEETINGS,
      columns: [
        { label: '登记台账的村（社区）（个）', kind: 'count' },
        { label: '会议（次）', kind: 'count' },
        { label: '程序有问题的决议（项）', kind: 'count' },
        { label: '逾期未公开（期次）', kind: 'count' },
        { label: '村规民约未备案或未通过审查（个）', kind: 'count' },
      ],
      rows: ctx.townships.map((t) => ({ code: t.code, name: t.name, values: by.get(t.code)! })),
    });
  }
  return { figures, tables, sentences };
};
