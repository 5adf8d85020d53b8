// The township's and county's view of the registers: the compliance table per village, a
// village's metrics for a period (SQL aggregates), its ledger as a workbook, and the import of a
// year's meetings and disclosures ledger.
import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  checkDisclosures,
  describeCitation,
  taskRatingMetrics,
  monthsDue,
  type ResolutionMatter,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  disputeScreenings,
  divisions,
  meetingResolutions,
  villageDisclosures,
  villageElections,
  villageGroups,
  villageMatters,
  villageMeetings,
  villageRuleVersions,
  type RecordMeetingBody,
} from '../../db/schema.js';
import { pufaActivityCount } from '../registers/pufa-activities.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { forbidden, invalidField } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { EARLIEST_RECORD_DATE, recordVillage } from './common.js';
import { postingsByVillage, saveDisclosure } from './disclosures.js';
import { badCells } from './groups.js';
import { saveMeeting } from './meetings.js';
import { bodyLabels, categoryLabels, channelLabels, codeOf, matterLabels } from './labels.js';
import { readWorkbookRows, type BadCell } from './workbook.js';
import { villageUnderContract } from '../registers/advisers-coverage.js';
import { taskRatingCounts } from '../township/ratings.js';
import { mediationStatistics } from '../registers/statistics.js';

/** Whether `raw` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const time = Date.parse(`${raw}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(raw);
}

function minDate(a: string, b: string) {
  return a < b ? a : b;
}

/** The counts of a compliance row, the columns it may be sorted by. */
export const complianceCounts = [
  'meetingsHeld',
  'resolutionsWithProblems',
  'mattersOpen',
  'disclosuresOverdue',
  'rulesNotFiledOrReviewed',
  'corrections',
] as const;
export type ComplianceSortField = 'villageCode' | (typeof complianceCounts)[number];

type ComplianceRow = Awaited<ReturnType<typeof complianceRows>>[number];

/** A village with a problem an inspector follows up: any count but meetings and corrections. */
function hasProblems(r: ComplianceRow): boolean {
  return (
    r.resolutionsWithProblems + r.mattersOpen + r.disclosuresOverdue + r.rulesNotFiledOrReviewed > 0
  );
}

/**
 * The compliance table, one page of it: filtered (`onlyProblems`, a township, a village name or
 * code containing `search`), sorted by a column (then by village code), the townships for the
 * filter, and the total.
 */
export async function complianceTable(opts: {
  db: Db;
  scope: Scope;
  code: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
  sort?: { field: ComplianceSortField; order: 'asc' | 'desc' } | undefined;
  onlyProblems?: boolean | undefined;
  townshipCode?: string | undefined;
  search?: string | undefined;
}) {
  const rows = await complianceRows(opts);
  const townships = [...new Map(rows.map((r) => [r.townshipCode, r.townshipName])).entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const search = opts.search?.trim();
  const kept = rows.filter(
    (r) =>
      (!opts.onlyProblems || hasProblems(r)) &&
      (!opts.townshipCode || r.townshipCode === opts.townshipCode) &&
      (!search || r.villageName.includes(search) || r.villageCode.startsWith(search)),
  );
  const sort = opts.sort;
  if (sort) {
    const sign = sort.order === 'asc' ? 1 : -1;
    kept.sort((a, b) => {
      const by =
        sort.field === 'villageCode'
          ? a.villageCode.localeCompare(b.villageCode)
          : a[sort.field] - b[sort.field];
      return by !== 0 ? sign * by : a.villageCode.localeCompare(b.villageCode);
    });
  }
  const start = (opts.page - 1) * opts.pageSize;
  return {
    items: kept.slice(start, start + opts.pageSize),
    total: kept.length,
    townships,
  };
}

/** The rows of a raw query (node-postgres gives `{ rows }`, PGlite an array). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** Per village in scope under `code`: the counts a township or county checks at a glance. */
export async function complianceRows(opts: {
  db: Db;
  scope: Scope;
  code: string;
  from: string;
  to: string;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.code)) forbidden();
  if (opts.to < opts.from)
    invalidField('to', { zh: '结束日期不能早于开始日期', en: 'to cannot be before from' });
  const prefix = opts.code.replace(/(000)+$/, '').replace(/0+$/, '') || opts.code;
  const villages = await db
    .select({ code: divisions.code, name: divisions.name, parentCode: divisions.parentCode })
    .from(divisions)
    .where(
      and(
        eq(divisions.level, 'village'),
        sql`${divisions.code} like ${opts.code.slice(0, Math.max(prefix.length, 6)) + '%'}`,
        scope.where(divisions.code),
      ),
    )
    .orderBy(asc(divisions.code));
  const codes = villages.map((v) => v.code);
  const like = opts.code.slice(0, Math.max(prefix.length, 6)) + '%';
  const range = (col: AnyPgColumn) => and(gte(col, opts.from), lte(col, opts.to));
  const [meetings, problems, matters, rules, corrections, townships] = await Promise.all([
    db
      .select({ v: villageMeetings.villageCode, n: count() })
      .from(villageMeetings)
      .where(and(sql`${villageMeetings.villageCode} like ${like}`, range(villageMeetings.date)))
      .groupBy(villageMeetings.villageCode),
    db
      .select({ v: meetingResolutions.villageCode, n: count() })
      .from(meetingResolutions)
      .innerJoin(villageMeetings, eq(villageMeetings.id, meetingResolutions.meetingId))
      .where(
        and(
          sql`${meetingResolutions.villageCode} like ${like}`,
          range(villageMeetings.date),
          sql`${meetingResolutions.problemCount} > 0`,
        ),
      )
      .groupBy(meetingResolutions.villageCode),
    db
      .select({ v: villageMatters.villageCode, n: count() })
      .from(villageMatters)
      .where(
        and(
          sql`${villageMatters.villageCode} like ${like}`,
          lte(villageMatters.startedOn, opts.to),
          eq(villageMatters.complete, false),
        ),
      )
      .groupBy(villageMatters.villageCode),
    // the latest version of each kind adopted by `to`: not filed, or not approved on review
    db.execute<{ v: string; n: number }>(sql`
      select village_code as v, count(*)::int as n from (
        select distinct on (village_code, kind) village_code, filed_on, review_state
        from ${villageRuleVersions}
        where village_code like ${like} and adopted_on <= ${opts.to}
        order by village_code, kind, adopted_on desc, created_at desc
      ) latest
      where filed_on is null or review_state <> 'approved'
      group by village_code`),
    // records of every register corrected after their period's self-assessment was submitted
    db.execute<{ v: string; n: number }>(sql`
      select v, count(*)::int as n from (
        select village_code as v from ${villageMeetings}
          where corrected_after_submission and date between ${opts.from} and ${opts.to}
        union all
        select village_code from ${villageDisclosures}
          where corrected_after_submission and posted_on between ${opts.from} and ${opts.to}
        union all
        select village_code from ${villageMatters}
          where corrected_after_submission and started_on between ${opts.from} and ${opts.to}
        union all
        select village_code from ${villageRuleVersions}
          where corrected_after_submission and adopted_on between ${opts.from} and ${opts.to}
        union all
        select village_code from ${villageElections}
          where corrected_after_submission and date between ${opts.from} and ${opts.to}
      ) corrected
      where v like ${like}
      group by v`),
    db
      .select({ code: divisions.code, name: divisions.name })
      .from(divisions)
      .where(
        and(eq(divisions.level, 'township'), sql`${divisions.code} like ${like.slice(0, 6) + '%'}`),
      ),
  ]);
  const asMap = (rows: { v: string; n: number }[]) => new Map(rows.map((r) => [r.v, Number(r.n)]));
  const m = asMap(meetings);
  const p = asMap(problems);
  const o = asMap(matters);
  const r = asMap(rowsOf(rules));
  const c = asMap(rowsOf(corrections));
  const townshipNames = new Map(townships.map((t) => [t.code, t.name]));
  const asOf = minDate(opts.to, todayIso());
  const postings = await postingsByVillage(db, codes, asOf);
  return villages.map((v) => {
    const check = checkDisclosures({
      from: opts.from,
      asOf,
      frequentFinance: false,
      postings: postings.get(v.code) ?? [],
    });
    const townshipCode = v.code.slice(0, 9) + '000';
    return {
      villageCode: v.code,
      villageName: v.name,
      townshipCode,
      townshipName: townshipNames.get(townshipCode) ?? '',
      meetingsHeld: m.get(v.code) ?? 0,
      resolutionsWithProblems: p.get(v.code) ?? 0,
      mattersOpen: o.get(v.code) ?? 0,
      disclosuresOverdue: check.overdue.length,
      overdue: check.overdue.map((d) => ({ ...d })),
      rulesNotFiledOrReviewed: r.get(v.code) ?? 0,
      corrections: c.get(v.code) ?? 0,
    };
  });
}

interface Quarter {
  label: string;
  start: string;
  end: string;
}

/** Calendar quarters that begin on or after `from` and end on or before `to`. */
function quartersWithin(from: string, to: string): Quarter[] {
  const out: Quarter[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (let q = 0; q < 4; q += 1) {
      const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
      const endMonth = q * 3 + 3;
      const endDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
      const end = `${year}-${String(endMonth).padStart(2, '0')}-${endDay}`;
      if (start >= from && end <= to) out.push({ label: `${year}-Q${q + 1}`, start, end });
    }
  }
  return out;
}

/**
 * The record metrics of a village for a period (SQL aggregates), under the keys of
 * `RecordMetricKey` in @fazhi/domain, the figures `deriveAnswers` reads: the village records, and
 * the mediation, dispute-screening, 普法 and adviser registers. A metric the registers cannot give
 * (a Party-affairs schedule, a success rate with no case handled) is left out: missing, not zero.
 */
export async function recordMetrics(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  from: string;
  to: string;
  /**
   * Only these metrics are needed (a framework's, `recordMetricKeysOf`): the registers no one of
   * them reads are not queried and their metrics are left out. All metrics without it.
   */
  only?: ReadonlySet<string>;
}) {
  const { db, only } = opts;
  const village = await recordVillage(db, opts.scope, opts.villageCode);
  if (opts.to < opts.from) {
    invalidField('to', { zh: '结束日期不能早于开始日期', en: 'to cannot be before from' });
  }
  const v = village.code;
  const period = { from: opts.from, to: opts.to };
  const inRange = (col: AnyPgColumn) => and(gte(col, opts.from), lte(col, opts.to));
  // whether a metric of one of these groups ('meetings.', …) or this very metric is needed
  const needs = (...prefixes: string[]) =>
    !only || [...only].some((k) => prefixes.some((p) => k === p || k.startsWith(p)));
  const none = Promise.resolve([]);
  const wantMeetings = needs('meetings.');
  const wantResolutions = needs('resolutions.');
  const wantMatters = needs('fourDeliberations.');
  const wantRules = needs('villageRules.');
  const wantElections = needs('elections.', 'recalls.', 'appraisals.');
  const wantFinanceMonths = needs('disclosures.finance.monthsPosted');
  const wantDisclosures =
    !only ||
    [...only].some((k) => k.startsWith('disclosures.') && k !== 'disclosures.finance.monthsPosted');
  const [meetings, resolutions, matters, rules, elections, financeMonths] = await Promise.all([
    !wantMeetings
      ? none
      : db
          .select({
            id: villageMeetings.id,
            body: villageMeetings.body,
            date: villageMeetings.date,
            eligible: villageMeetings.eligible,
            attendees: villageMeetings.attendees,
            errors: sql<number>`coalesce((select sum(r.problem_count) from ${meetingResolutions} r where r.meeting_id = ${villageMeetings.id}), 0)::int`,
          })
          .from(villageMeetings)
          .where(and(eq(villageMeetings.villageCode, v), inRange(villageMeetings.date))),
    !wantResolutions
      ? none
      : db
          .select({
            checked: sql<number>`count(*) filter (where ${meetingResolutions.check} is not null)::int`,
            withProblems: sql<number>`count(*) filter (where ${meetingResolutions.problemCount} > 0)::int`,
          })
          .from(meetingResolutions)
          .innerJoin(villageMeetings, eq(villageMeetings.id, meetingResolutions.meetingId))
          .where(and(eq(meetingResolutions.villageCode, v), inRange(villageMeetings.date))),
    !wantMatters
      ? none
      : db
          .select({
            complete: sql<number>`count(*) filter (where ${villageMatters.complete})::int`,
            incomplete: sql<number>`count(*) filter (where not ${villageMatters.complete})::int`,
          })
          .from(villageMatters)
          .where(and(eq(villageMatters.villageCode, v), inRange(villageMatters.startedOn))),
    // the version of each kind in force at the end of the period
    !wantRules
      ? none
      : db.execute<{ kind: string; filed: boolean; reviewed: boolean; approved: boolean }>(sql`
      select kind,
        (filed_on is not null and filed_on <= ${opts.to}) as filed,
        (review_state <> 'pending' and reviewed_on <= ${opts.to}) as reviewed,
        (review_state = 'approved' and reviewed_on <= ${opts.to}) as approved
      from (
        select distinct on (kind) kind, filed_on, review_state, reviewed_on
        from ${villageRuleVersions}
        where village_code = ${v} and adopted_on <= ${opts.to}
        order by kind, adopted_on desc, created_at desc
      ) latest`),
    !wantElections
      ? none
      : db
          .select({
            kind: villageElections.kind,
            n: count(),
            withProblems: sql<number>`count(*) filter (where ${villageElections.problemCount} > 0)::int`,
          })
          .from(villageElections)
          .where(and(eq(villageElections.villageCode, v), inRange(villageElections.date)))
          .groupBy(villageElections.kind),
    !wantFinanceMonths
      ? none
      : db
          .select({
            n: sql<number>`count(distinct to_char(${villageDisclosures.postedOn}, 'YYYY-MM'))::int`,
          })
          .from(villageDisclosures)
          .where(
            and(
              eq(villageDisclosures.villageCode, v),
              eq(villageDisclosures.category, 'finance'),
              inRange(villageDisclosures.postedOn),
            ),
          ),
  ]);
  const values: Record<string, number | boolean> = {};
  const held = (body: RecordMeetingBody) => meetings.filter((m) => m.body === body).length;
  values['meetings.villagers'] = held('villagers_meeting');
  values['meetings.representatives'] = held('representatives_meeting');
  values['meetings.group'] = held('group_meeting');
  values['meetings.partyMembers'] = held('party_members_meeting');
  values['meetings.collectiveMembers'] = held('collective_members_meeting');
  values['meetings.jointCommittees'] = held('joint_committees_meeting');
  values['meetings.total'] = meetings.length;
  const quarters = quartersWithin(opts.from, opts.to);
  const inQuarter = (q: Quarter, date: string) => date >= q.start && date <= q.end;
  const representatives = meetings.filter((m) => m.body === 'representatives_meeting');
  values['meetings.representativesQuartersLawful'] = quarters.filter((q) =>
    representatives.some(
      (m) => inQuarter(q, m.date) && m.attendees * 3 >= m.eligible * 2 && Number(m.errors) === 0,
    ),
  ).length;
  const years: number[] = [];
  for (let y = Number(opts.from.slice(0, 4)); y <= Number(opts.to.slice(0, 4)); y += 1) {
    if (`${y}-01-01` >= opts.from && `${y}-12-31` <= opts.to) years.push(y);
  }
  values['meetings.scheduleShortfall'] =
    years.filter(
      (y) => !meetings.some((m) => m.body === 'villagers_meeting' && m.date.startsWith(String(y))),
    ).length + quarters.filter((q) => !representatives.some((m) => inQuarter(q, m.date))).length;
  values['resolutions.checked'] = Number(resolutions[0]?.checked ?? 0);
  values['resolutions.withProblems'] = Number(resolutions[0]?.withProblems ?? 0);
  values['fourDeliberations.complete'] = Number(matters[0]?.complete ?? 0);
  values['fourDeliberations.incomplete'] = Number(matters[0]?.incomplete ?? 0);
  if (wantDisclosures) {
    // 村务 and 财务 quarterly (checkDisclosures' schedule); no Party-affairs schedule is configured
    const asOf = minDate(opts.to, todayIso());
    const postings = (await postingsByVillage(db, [v], asOf)).get(v) ?? [];
    const compliance = checkDisclosures({
      from: opts.from,
      asOf,
      frequentFinance: false,
      postings,
    });
    const dueQuarters = quartersWithin(opts.from, asOf).filter((q) => q.end < asOf).length;
    let due = 0;
    let overdue = 0;
    for (const category of ['general', 'finance'] as const) {
      const late = compliance.overdue.filter((o) => o.category === category).length;
      values[`disclosures.${category}.due`] = dueQuarters;
      values[`disclosures.${category}.overdue`] = late;
      values[`disclosures.${category}.onTime`] = dueQuarters - late;
      if (dueQuarters > 0)
        values[`disclosures.${category}.onTimeRatio`] = (dueQuarters - late) / dueQuarters;
      due += dueQuarters;
      overdue += late;
    }
    values['disclosures.due'] = due;
    values['disclosures.overdue'] = overdue;
    values['disclosures.onTime'] = due - overdue;
    if (due > 0) values['disclosures.onTimeRatio'] = (due - overdue) / due;
  }
  values['disclosures.finance.monthsPosted'] = Number(financeMonths[0]?.n ?? 0);
  const ruleRows = ((rules as unknown as { rows?: unknown[] }).rows ??
    (rules as unknown as unknown[])) as {
    kind: string;
    filed: boolean;
    reviewed: boolean;
    approved: boolean;
  }[];
  for (const [kind, name] of [
    ['self_governance_charter', 'charter'],
    ['village_compact', 'compact'],
  ] as const) {
    const row = ruleRows.find((r) => r.kind === kind);
    values[`villageRules.${name}.filed`] = Boolean(row?.filed);
    values[`villageRules.${name}.reviewed`] = Boolean(row?.reviewed);
    values[`villageRules.${name}.approved`] = Boolean(row?.approved);
  }
  const ofKind = (kind: string) => elections.find((e) => e.kind === kind);
  values['elections.withProblems'] = Number(ofKind('election')?.withProblems ?? 0);
  values['recalls.withProblems'] = Number(ofKind('recall')?.withProblems ?? 0);
  values['appraisals.held'] = Number(ofKind('appraisal')?.n ?? 0);
  if (needs('legalAdviser.')) {
    values['legalAdviser.underContract'] = await villageUnderContract(db, v, opts.to);
  }
  if (needs('legalEducation.')) {
    values['legalEducation.activities'] = await pufaActivityCount(db, v, opts.from, opts.to);
  }
  if (needs('mediation.')) {
    // the village committee's cases, counted as the 统计 page counts them; no rate without a case
    const mediation = await mediationStatistics({
      db,
      scope: opts.scope,
      divisionCode: v,
      ...period,
    });
    values['mediation.received'] = mediation.received;
    values['mediation.closed'] = mediation.closed;
    values['mediation.succeeded'] = mediation.succeeded;
    if (mediation.successRate !== null) values['mediation.successRate'] = mediation.successRate;
  }
  if (needs('disputeScreening.')) {
    // the whole months of the period that have ended, each owed a report (a 零报告 counts)
    const owed = monthsDue(opts.from, opts.to, todayIso());
    const reported = await screenedMonths(db, v, owed);
    values['disputeScreening.monthsReported'] = reported.length;
    values['disputeScreening.monthsMissing'] = owed.length - reported.length;
  }
  if (needs('tasks.')) {
    Object.assign(values, taskRatingMetrics(await taskRatingCounts(db, v, opts.from, opts.to)));
  }
  // the registers not queried gave no metric: only those asked for are returned
  if (only) for (const key of Object.keys(values)) if (!only.has(key)) delete values[key];
  return { villageCode: v, period, values };
}

/** The months of `months` a village has a dispute-screening report for (zero reports included). */
export async function screenedMonths(db: Db, villageCode: string, months: string[]) {
  if (months.length === 0) return [];
  const rows = await db
    .select({ month: disputeScreenings.month })
    .from(disputeScreenings)
    .where(
      and(
        eq(disputeScreenings.villageCode, villageCode),
        gte(disputeScreenings.month, months[0]!),
        lte(disputeScreenings.month, months[months.length - 1]!),
      ),
    );
  const found = new Set(rows.map((r) => r.month));
  return months.filter((m) => found.has(m));
}

// ——— The ledger workbook ———

const MEETING_HEADERS = [
  '会议编号',
  '日期',
  '会议类型',
  '村民小组',
  '召集人',
  '应到人数',
  '实到人数',
  '决议标题',
  '事项类型',
  '赞成',
  '反对',
  '弃权',
  '村民代表人数',
  '村民代表赞成',
  '表决结果',
  '问题',
  '依据',
] as const;
const DISCLOSURE_HEADERS = [
  '类别',
  '所属期间',
  '张贴日期',
  '撤下日期',
  '公开渠道',
  '内容摘要',
] as const;
export const MEETINGS_SHEET = '会议记录';
export const DISCLOSURES_SHEET = '三务公开';

/** One village's registers for a year as a workbook, a sheet per register. */
export async function ledgerWorkbook(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  year: number;
}) {
  const { db } = opts;
  const village = await recordVillage(db, opts.scope, opts.villageCode);
  const from = `${opts.year}-01-01`;
  const to = `${opts.year}-12-31`;
  const v = village.code;
  const [groups, meetings, resolutions, disclosures, matters, rules, elections] = await Promise.all(
    [
      db
        .select()
        .from(villageGroups)
        .where(eq(villageGroups.villageCode, v))
        .orderBy(asc(villageGroups.sortOrder)),
      db
        .select()
        .from(villageMeetings)
        .where(
          and(
            eq(villageMeetings.villageCode, v),
            gte(villageMeetings.date, from),
            lte(villageMeetings.date, to),
          ),
        )
        .orderBy(asc(villageMeetings.date), asc(villageMeetings.createdAt)),
      db
        .select()
        .from(meetingResolutions)
        .where(eq(meetingResolutions.villageCode, v))
        .orderBy(asc(meetingResolutions.position)),
      db
        .select()
        .from(villageDisclosures)
        .where(
          and(
            eq(villageDisclosures.villageCode, v),
            gte(villageDisclosures.postedOn, from),
            lte(villageDisclosures.postedOn, to),
          ),
        )
        .orderBy(asc(villageDisclosures.postedOn)),
      db
        .select()
        .from(villageMatters)
        .where(
          and(
            eq(villageMatters.villageCode, v),
            gte(villageMatters.startedOn, from),
            lte(villageMatters.startedOn, to),
          ),
        ),
      db
        .select()
        .from(villageRuleVersions)
        .where(eq(villageRuleVersions.villageCode, v))
        .orderBy(asc(villageRuleVersions.adoptedOn)),
      db
        .select()
        .from(villageElections)
        .where(
          and(
            eq(villageElections.villageCode, v),
            gte(villageElections.date, from),
            lte(villageElections.date, to),
          ),
        ),
    ],
  );
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fazhi';
  const sheet = (name: string, headers: readonly string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([...headers]).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((c) => c ?? ''));
    ws.columns.forEach((col) => (col.width = 16));
  };
  sheet(
    '村民小组',
    ['小组名称', '序号', '户数', '选民数', '村民代表'],
    groups.map((g) => [g.name, g.sortOrder, g.households, g.voters, g.representatives]),
  );
  const meetingRows: (string | number | null)[][] = [];
  meetings.forEach((m, index) => {
    const own = resolutions.filter((r) => r.meetingId === m.id);
    const base = [
      index + 1,
      m.date,
      bodyLabels[m.body],
      m.groupId ? (groupNames.get(m.groupId) ?? '') : '',
      m.convenor,
      m.eligible,
      m.attendees,
    ];
    if (own.length === 0) meetingRows.push([...base, '', '', '', '', '', '', '', '', '', '']);
    for (const r of own) {
      const check = r.check as {
        passed: boolean;
        problems: { message: { zh: string } }[];
        citations: Parameters<typeof describeCitation>[0][];
      } | null;
      meetingRows.push([
        ...base,
        r.title,
        r.matter ? matterLabels[r.matter as ResolutionMatter] : '',
        r.votesFor,
        r.votesAgainst,
        r.abstentions,
        r.representatives,
        r.representativesVotesFor,
        check ? (check.passed ? '通过' : '未通过') : '不适用',
        check ? check.problems.map((p) => p.message.zh).join('；') : '',
        check ? check.citations.map((c) => describeCitation(c).zh).join('；') : '',
      ]);
    }
  });
  sheet(MEETINGS_SHEET, MEETING_HEADERS, meetingRows);
  sheet(
    DISCLOSURES_SHEET,
    DISCLOSURE_HEADERS,
    disclosures.map((d) => [
      categoryLabels[d.category],
      d.period,
      d.postedOn,
      d.takenDownOn,
      channelLabels[d.channel],
      d.summary,
    ]),
  );
  sheet(
    '四议两公开',
    ['事项', '开始日期', '已完成步骤', '是否完成', '问题'],
    matters.map((m) => {
      const check = m.check as { problems: { message: { zh: string } }[] };
      return [
        m.title,
        m.startedOn,
        (m.steps as { step: string; on: string }[]).map((s) => `${s.step}@${s.on}`).join('，'),
        m.complete ? '是' : '否',
        check.problems.map((p) => p.message.zh).join('；'),
      ];
    }),
  );
  sheet(
    '村规民约',
    ['类别', '版本', '通过日期', '备案日期', '收到日期', '审查结果', '审查意见', '公布日期'],
    rules.map((r) => [
      {
        self_governance_charter: '村民自治章程',
        village_compact: '村规民约',
        group_rules: '村民小组议事规则',
      }[r.kind],
      r.label,
      r.adoptedOn,
      r.filedOn,
      r.receivedOn,
      { pending: '待审查', approved: '通过', returned: '退回' }[r.reviewState],
      r.reviewFindings,
      r.publishedOn,
    ]),
  );
  sheet(
    '选举与评议',
    ['类别', '日期', '问题'],
    elections.map((e) => [
      {
        election: '村委会选举',
        recall: '罢免',
        representatives: '村民代表组成',
        appraisal: '民主评议',
      }[e.kind],
      e.date,
      (e.check as { problems: { message: { zh: string } }[] }).problems
        .map((p) => p.message.zh)
        .join('；'),
    ]),
  );
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${village.name}${opts.year}年村务台账.xlsx`,
    base64: bytes.toString('base64'),
  };
}

// ——— Import of a year's meetings and disclosures ledger ———

interface ParsedMeeting {
  key: string;
  row: number;
  date: string;
  body: RecordMeetingBody;
  groupId: string | null;
  convenor: string;
  eligible: number;
  attendees: number;
  resolutions: {
    title: string;
    matter?: ResolutionMatter;
    votesFor: number;
    votesAgainst: number;
    abstentions: number;
    representatives?: number;
    representativesVotesFor?: number;
  }[];
}

/**
 * Imports the 会议记录 and 三务公开 sheets of a year's ledger (the layout the ledger export
 * writes): every bad cell is listed in Chinese and nothing is imported unless all are good.
 */
export async function importLedger(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  villageCode: string;
  year: number;
  workbook: string;
}) {
  const { db, scope } = opts;
  const village = await recordVillage(db, scope, opts.villageCode);
  const sheets = await readWorkbookRows(Buffer.from(opts.workbook, 'base64'));
  const bad: BadCell[] = [];
  const today = todayIso();
  const meetingsSheet = sheets.find((s) => s.name === MEETINGS_SHEET);
  const disclosuresSheet = sheets.find((s) => s.name === DISCLOSURES_SHEET);
  if (!meetingsSheet && !disclosuresSheet) {
    bad.push({
      row: 1,
      column: '工作表',
      message: {
        zh: `工作簿中没有“${MEETINGS_SHEET}”或“${DISCLOSURES_SHEET}”工作表`,
        en: `The workbook has neither a “${MEETINGS_SHEET}” nor a “${DISCLOSURES_SHEET}” sheet`,
      },
    });
  }
  const groups = await db
    .select()
    .from(villageGroups)
    .where(eq(villageGroups.villageCode, village.code));
  const groupByName = new Map(groups.map((g) => [g.name, g.id]));

  const cellReader = (sheetName: string, headers: readonly string[], rows: string[][]) => {
    const header = (rows[0] ?? []).map((h) => h.trim());
    const index = new Map(headers.map((h) => [h, header.indexOf(h)]));
    return (cells: string[], rowNo: number) => {
      const say = (column: string, zh: string, en: string) =>
        bad.push({ sheet: sheetName, row: rowNo, column, message: { zh, en } });
      const text = (column: string) => (cells[index.get(column) ?? -1] ?? '').trim();
      const date = (column: string, required: boolean): string | undefined => {
        const raw = text(column);
        if (!raw) {
          if (required) say(column, `“${column}”不能为空`, `“${column}” is required`);
          return undefined;
        }
        const ok = isIsoDay(raw);
        if (!ok) {
          say(
            column,
            `“${column}”应为日期（YYYY-MM-DD），而不是“${raw}”`,
            `“${column}” must be a date, not “${raw}”`,
          );
        } else if (!raw.startsWith(String(opts.year))) {
          say(column, `日期 ${raw} 不在 ${opts.year} 年内`, `${raw} is not in ${opts.year}`);
        } else if (raw > today) {
          say(column, `日期 ${raw} 晚于今天`, `${raw} is in the future`);
        } else if (raw < EARLIEST_RECORD_DATE) {
          say(
            column,
            `日期 ${raw} 早于 ${EARLIEST_RECORD_DATE}`,
            `${raw} is before ${EARLIEST_RECORD_DATE}`,
          );
        } else return raw;
        return undefined;
      };
      const num = (column: string, required: boolean): number | undefined => {
        const raw = text(column);
        if (!raw) {
          if (required) say(column, `“${column}”不能为空`, `“${column}” is required`);
          return undefined;
        }
        if (!/^\d+$/.test(raw) || Number(raw) > 1_000_000) {
          say(
            column,
            `“${column}”应为非负整数，而不是“${raw}”`,
            `“${column}” must be a whole number, not “${raw}”`,
          );
          return undefined;
        }
        return Number(raw);
      };
      return { text, date, num, say, missing: headers.filter((h) => index.get(h) === -1) };
    };
  };

  const meetings = new Map<string, ParsedMeeting>();
  if (meetingsSheet) {
    const required = ['日期', '会议类型', '应到人数', '实到人数'];
    const read = cellReader(MEETINGS_SHEET, MEETING_HEADERS, meetingsSheet.rows);
    const missing = read([], 1).missing.filter((h) => required.includes(h));
    for (const h of missing) {
      bad.push({
        sheet: MEETINGS_SHEET,
        row: 1,
        column: h,
        message: { zh: `缺少“${h}”列`, en: `The column “${h}” is missing` },
      });
    }
    if (missing.length === 0) {
      meetingsSheet.rows.slice(1).forEach((cells, i) => {
        const rowNo = i + 2;
        if (cells.every((c) => c.trim() === '')) return;
        const r = read(cells, rowNo);
        const date = r.date('日期', true);
        const bodyText = r.text('会议类型');
        const body = codeOf(bodyLabels, bodyText);
        if (!body) {
          r.say(
            '会议类型',
            `会议类型“${bodyText}”无效，应为：${Object.values(bodyLabels).join('、')}`,
            `Unknown meeting kind “${bodyText}”`,
          );
        }
        const groupName = r.text('村民小组');
        let groupId: string | null = null;
        if (groupName) {
          groupId = groupByName.get(groupName) ?? null;
          if (!groupId)
            r.say(
              '村民小组',
              `本村没有名为“${groupName}”的村民小组`,
              `The village has no group “${groupName}”`,
            );
        } else if (body === 'group_meeting') {
          r.say('村民小组', '村民小组会议须填写村民小组', "A group's meeting needs its group");
        }
        const eligible = r.num('应到人数', true);
        const attendees = r.num('实到人数', true);
        if (eligible !== undefined && eligible < 1)
          r.say('应到人数', '应到人数至少为1', 'At least 1 eligible');
        if (eligible !== undefined && attendees !== undefined && attendees > eligible) {
          r.say(
            '实到人数',
            `实到人数（${attendees}）多于应到人数（${eligible}）`,
            `Attendees (${attendees}) exceed the eligible count (${eligible})`,
          );
        }
        const key = r.text('会议编号') || `row-${rowNo}`;
        const title = r.text('决议标题');
        let resolution: ParsedMeeting['resolutions'][number] | undefined;
        if (title) {
          const matterText = r.text('事项类型');
          const matter = matterText ? codeOf(matterLabels, matterText) : undefined;
          if (matterText && !matter) {
            r.say(
              '事项类型',
              `事项类型“${matterText}”无效，应为：${Object.values(matterLabels).join('、')}`,
              `Unknown matter “${matterText}”`,
            );
          }
          const votesFor = r.num('赞成', true);
          const votesAgainst = r.num('反对', true);
          const abstentions = r.num('弃权', true);
          const representatives = r.num('村民代表人数', false);
          const representativesVotesFor = r.num('村民代表赞成', false);
          if (
            votesFor !== undefined &&
            votesAgainst !== undefined &&
            abstentions !== undefined &&
            attendees !== undefined
          ) {
            const votes = votesFor + votesAgainst + abstentions;
            if (votes > attendees) {
              r.say(
                '赞成',
                `票数合计（${votes}）多于实到人数（${attendees}）`,
                `The votes (${votes}) exceed the attendees (${attendees})`,
              );
            } else {
              resolution = {
                title,
                ...(matter ? { matter } : {}),
                votesFor,
                votesAgainst,
                abstentions,
                ...(representatives !== undefined ? { representatives } : {}),
                ...(representativesVotesFor !== undefined ? { representativesVotesFor } : {}),
              };
            }
          }
        }
        if (date && body && eligible !== undefined && attendees !== undefined) {
          const existing = meetings.get(key);
          if (existing) {
            if (existing.date !== date || existing.body !== body) {
              r.say(
                '会议编号',
                `会议编号“${key}”与第 ${existing.row} 行的日期或会议类型不一致`,
                `Meeting “${key}” differs from row ${existing.row}`,
              );
            }
            if (resolution) existing.resolutions.push(resolution);
          } else {
            meetings.set(key, {
              key,
              row: rowNo,
              date,
              body,
              groupId,
              convenor: r.text('召集人').slice(0, 100),
              eligible,
              attendees,
              resolutions: resolution ? [resolution] : [],
            });
          }
        }
      });
    }
  }

  const disclosures: Parameters<typeof saveDisclosure>[0]['input'][] = [];
  if (disclosuresSheet) {
    const read = cellReader(DISCLOSURES_SHEET, DISCLOSURE_HEADERS, disclosuresSheet.rows);
    const missing = read([], 1).missing.filter((h) => h !== '撤下日期');
    for (const h of missing) {
      bad.push({
        sheet: DISCLOSURES_SHEET,
        row: 1,
        column: h,
        message: { zh: `缺少“${h}”列`, en: `The column “${h}” is missing` },
      });
    }
    if (missing.length === 0) {
      disclosuresSheet.rows.slice(1).forEach((cells, i) => {
        const rowNo = i + 2;
        if (cells.every((c) => c.trim() === '')) return;
        const r = read(cells, rowNo);
        const categoryText = r.text('类别');
        const category = codeOf(categoryLabels, categoryText);
        if (!category)
          r.say(
            '类别',
            `类别“${categoryText}”无效，应为：${Object.values(categoryLabels).join('、')}`,
            `Unknown category “${categoryText}”`,
          );
        const period = r.text('所属期间');
        if (!period || period.length > 50)
          r.say(
            '所属期间',
            '所属期间不能为空且最多50字',
            'The period is required (at most 50 characters)',
          );
        const postedOn = r.date('张贴日期', true);
        const takenDownOn = r.date('撤下日期', false);
        if (postedOn && takenDownOn && takenDownOn < postedOn)
          r.say('撤下日期', '撤下日期早于张贴日期', 'Taken down before posted');
        const channelText = r.text('公开渠道');
        const channel = codeOf(channelLabels, channelText);
        if (!channel)
          r.say(
            '公开渠道',
            `公开渠道“${channelText}”无效，应为：${Object.values(channelLabels).join('、')}`,
            `Unknown channel “${channelText}”`,
          );
        const summary = r.text('内容摘要');
        if (!summary || summary.length > 2000)
          r.say(
            '内容摘要',
            '内容摘要不能为空且最多2000字',
            'The summary is required (at most 2000 characters)',
          );
        if (category && period && postedOn && channel && summary) {
          disclosures.push({
            villageCode: village.code,
            category,
            period,
            postedOn,
            takenDownOn: takenDownOn ?? null,
            channel,
            summary,
          });
        }
      });
    }
  }
  if (bad.length > 0) badCells(bad);

  const silent = async () => {};
  for (const m of meetings.values()) {
    await saveMeeting({
      db,
      scope,
      audit: silent,
      input: {
        villageCode: village.code,
        groupId: m.groupId,
        body: m.body,
        date: m.date,
        convenor: m.convenor,
        eligible: m.eligible,
        attendees: m.attendees,
        resolutions: m.resolutions,
      },
    });
  }
  for (const d of disclosures) await saveDisclosure({ db, scope, audit: silent, input: d });
  const result = { meetings: meetings.size, disclosures: disclosures.length };
  await opts.audit({
    action: 'records.importLedger',
    entity: 'village_ledger',
    entityId: `${village.code}:${opts.year}`,
    divisionCode: village.code,
    after: result,
  });
  return result;
}
