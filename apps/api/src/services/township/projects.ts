// 实事工程百姓点单: ideas with where they came from and how many raised them, screened onto the
// menu or not (with the published reason), voted by the township people's congress (checked by
// `checkCongressVote` of @fazhi/domain), then built: milestones, percent done, budget and spending.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import {
  checkCongressVote,
  describeCitation,
  mayChangeProjectStage,
  type CongressVoteInput,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { projectStages } from '../../db/schema.js';
import { villagerProjects, type projectSourceKinds } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { checkRecordDate, checkVersion } from '../records/common.js';
import { divisionInScope, pageOf } from './common.js';
import type { Milestone } from './tasks.js';

type Audit = (event: AuditInput) => Promise<void>;
type ProjectRow = typeof villagerProjects.$inferSelect;
type Stage = (typeof projectStages)[number];

export interface ProjectVote extends CongressVoteInput {
  date: string;
  check: ReturnType<typeof checkCongressVote>;
}

function present(r: ProjectRow) {
  return {
    id: r.id,
    townshipCode: r.townshipCode,
    year: r.year,
    title: r.title,
    sourceKind: r.sourceKind,
    source: r.source,
    raisedBy: r.raisedBy,
    stage: r.stage,
    screeningReason: r.screeningReason,
    budgetYuan: r.budgetYuan,
    spentYuan: r.spentYuan,
    percentDone: r.percentDone,
    milestones: r.milestones as Milestone[],
    vote: r.vote as ProjectVote | null,
    version: r.version,
  };
}

const projectWord = { zh: '实事项目', en: 'Project' };
const built: readonly Stage[] = ['voted_through', 'done'];

export interface ProjectSave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  year: number;
  title: string;
  sourceKind: (typeof projectSourceKinds)[number];
  source: string;
  raisedBy: number;
  stage?: Stage | undefined;
  screeningReason?: string | null | undefined;
  budgetYuan?: number | null | undefined;
  spentYuan?: number | undefined;
  percentDone?: number | undefined;
  milestones?: Milestone[] | undefined;
}

async function findProject(db: Db, scope: Scope, id: string): Promise<ProjectRow> {
  const [row] = await db
    .select()
    .from(villagerProjects)
    .where(and(eq(villagerProjects.id, id), scope.where(villagerProjects.townshipCode)));
  if (!row) notFound(projectWord);
  return row;
}

/**
 * An idea entered, screened (onto the menu, or not taken up with its reason), or a voted
 * project's execution reported (milestones, percent done, spending; `done` at the end).
 */
export async function saveProject(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: ProjectSave;
}) {
  const { db, scope, input } = opts;
  const township = await divisionInScope(db, scope, input.divisionCode, 'divisionCode');
  if (township.level !== 'township') {
    invalidField('divisionCode', {
      zh: '实事项目按乡镇（街道）登记',
      en: 'Projects are recorded per township',
    });
  }
  const found = input.id ? await findProject(db, scope, input.id) : null;
  if (found) checkVersion(found.version, input.version);
  const current: Stage = found?.stage ?? 'idea';
  const stage = input.stage ?? current;
  if (!mayChangeProjectStage(current, stage)) {
    invalidField('stage', {
      zh: '项目阶段不能这样变更：票决结果只能由票决产生，票决通过后只能转为已完成',
      en: 'The stage cannot change so: only the vote decides it, and a voted project can only become done',
    });
  }
  if (stage === 'not_taken' && !input.screeningReason?.trim()) {
    invalidField('screeningReason', {
      zh: '未采纳的建议必须公布理由',
      en: 'An idea not taken up needs its published reason',
    });
  }
  const progress = Boolean(input.percentDone || input.spentYuan || input.milestones?.length);
  if (progress && !built.includes(stage)) {
    invalidField('percentDone', {
      zh: '项目经人大票决通过后才能报告实施进度',
      en: 'Progress is reported once the congress has voted the project through',
    });
  }
  const values = {
    countyCode: township.countyCode,
    townshipCode: township.code,
    year: input.year,
    title: input.title,
    sourceKind: input.sourceKind,
    source: input.source,
    raisedBy: input.raisedBy,
    stage,
    screeningReason: stage === 'not_taken' ? (input.screeningReason ?? null) : null,
    ...(input.budgetYuan !== undefined ? { budgetYuan: input.budgetYuan } : {}),
    ...(input.spentYuan !== undefined ? { spentYuan: input.spentYuan } : {}),
    ...(input.percentDone !== undefined ? { percentDone: input.percentDone } : {}),
    ...(input.milestones !== undefined ? { milestones: input.milestones } : {}),
  };
  const [row] = found
    ? ((await db
        .update(villagerProjects)
        .set({ ...values, version: found.version + 1, updatedAt: new Date() })
        .where(eq(villagerProjects.id, found.id))
        .returning()) as [ProjectRow])
    : ((await db.insert(villagerProjects).values(values).returning()) as [ProjectRow]);
  const saved = present(row);
  await opts.audit({
    action: found ? 'projects.update' : 'projects.create',
    entity: 'villager_project',
    entityId: saved.id,
    divisionCode: saved.townshipCode,
    before: found && present(found),
    after: saved,
  });
  return saved;
}

/**
 * The township people's congress votes a shortlisted project (票决): the quorum and the majority
 * of all deputies are checked by the domain; a tally above the deputies present is refused with
 * the article, and nothing is stored.
 */
export async function voteProject(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: CongressVoteInput & { id: string; version: number; date: string };
}) {
  const { db, scope, input } = opts;
  const found = await findProject(db, scope, input.id);
  checkVersion(found.version, input.version);
  if (found.stage !== 'shortlisted') {
    fail('PROJECT_NOT_SHORTLISTED', undefined, {
      zh: '只有列入票决清单的项目可以票决',
      en: 'Only a shortlisted project is put to the vote',
    });
  }
  checkRecordDate('date', input.date);
  const { date } = input;
  const tally: CongressVoteInput = {
    deputies: input.deputies,
    present: input.present,
    votesFor: input.votesFor,
    votesAgainst: input.votesAgainst,
    abstentions: input.abstentions,
  };
  const check = checkCongressVote(tally);
  const refused = check.problems.filter(
    (p) => p.code === 'INVALID_INPUT' || p.code === 'TALLY_EXCEEDS_PRESENT',
  );
  if (refused.length > 0) {
    const fields = refused.map((p) => {
      const cited = p.citation ? describeCitation(p.citation) : null;
      const message = cited
        ? { zh: `${p.message.zh}（${cited.zh}）`, en: `${p.message.en} (${cited.en})` }
        : p.message;
      return { path: p.field ?? 'votesFor', message };
    });
    fail(
      refused[0]!.code === 'TALLY_EXCEEDS_PRESENT' ? 'TALLY_EXCEEDS_PRESENT' : 'INVALID_INPUT',
      undefined,
      fields[0]!.message,
      fields,
    );
  }
  const vote: ProjectVote = { date, ...tally, check };
  const [row] = (await db
    .update(villagerProjects)
    .set({
      vote,
      stage: check.passed ? 'voted_through' : 'voted_down',
      version: found.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(villagerProjects.id, found.id))
    .returning()) as [ProjectRow];
  const saved = present(row);
  await opts.audit({
    action: 'projects.vote',
    entity: 'villager_project',
    entityId: saved.id,
    divisionCode: saved.townshipCode,
    before: present(found),
    after: saved,
  });
  return saved;
}

/** A township's projects of a year, by stage then the number of people who raised them. */
export async function listProjects(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  await divisionInScope(db, scope, opts.divisionCode, 'divisionCode');
  const where = and(
    scope.where(villagerProjects.townshipCode),
    eq(villagerProjects.townshipCode, opts.divisionCode),
    eq(villagerProjects.year, opts.year),
  );
  const [{ total }] = (await db.select({ total: count() }).from(villagerProjects).where(where)) as [
    { total: number },
  ];
  const { limit, offset } = pageOf(opts.page, opts.pageSize);
  const rows = await db
    .select()
    .from(villagerProjects)
    .where(where)
    .orderBy(
      asc(villagerProjects.stage),
      desc(villagerProjects.raisedBy),
      asc(villagerProjects.title),
    )
    .limit(limit)
    .offset(offset);
  return { items: rows.map(present), total: Number(total) };
}

/** What the public page shows of a township's year: every project, nothing personal. */
export async function publicProjects(db: Db, townshipCode: string, year: number) {
  const rows = await db
    .select()
    .from(villagerProjects)
    .where(and(eq(villagerProjects.townshipCode, townshipCode), eq(villagerProjects.year, year)))
    .orderBy(desc(villagerProjects.raisedBy))
    .limit(500);
  return rows.map(present);
}
