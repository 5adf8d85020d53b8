// 待办: what awaits the signed-in user in the campaigns of their scope — score sheets whose column
// is theirs at the campaign's current stage, and objections for the county to resolve. Each entry
// carries the stage's deadline and its light (due within 3 days: yellow; past: red).
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import {
  deadlineLight,
  openWorkStates,
  type DeadlineLight,
  type SubjectLevel,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { campaigns, divisions, participations, type CampaignStage } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/session-user.js';
import { actorLevel, columnFor, todayIso } from './participations.js';

export const todoTasks = [
  'self_assessment',
  'township_review',
  'county_acceptance',
  'objection',
] as const;
export type TodoTask = (typeof todoTasks)[number];

const taskOfColumn = {
  self: 'self_assessment',
  township: 'township_review',
  county: 'county_acceptance',
} as const;

/** Stages in which some role has work on a participation, and the states owing it (the domain's). */
const workingStages = (Object.keys(openWorkStates) as (keyof typeof openWorkStates)[]).filter(
  (stage) => openWorkStates[stage].length > 0,
);
const openStates = [...new Set(Object.values(openWorkStates).flat())];

export interface TodoEntry {
  campaignId: string;
  campaignName: string;
  year: number;
  stage: CampaignStage;
  /** Whose work it is: villages, townships or county units (the words of the entry). */
  subjectLevel: SubjectLevel;
  task: TodoTask;
  count: number;
  /** The current stage's deadline (its planned date), if any. */
  dueOn: string | null;
  light: DeadlineLight;
  /** The sheets among them that the township returned, with its reason (self-assessment). */
  returned: ReturnedSheet[];
}

export interface ReturnedSheet {
  participationId: string;
  villageCode: string;
  villageName: string;
  reason: string | null;
}

export async function listTodo(opts: {
  db: Db;
  scope: Scope;
  user: Pick<SessionUser, 'id' | 'role'>;
  today?: string;
}): Promise<TodoEntry[]> {
  const today = opts.today ?? todayIso();
  const groups = await opts.db
    .select({
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      year: campaigns.year,
      stage: campaigns.stage,
      inspectorIds: campaigns.inspectorIds,
      stageDates: campaigns.stageDates,
      closedAt: campaigns.closedAt,
      subjectLevel: campaigns.subjectLevel,
      state: participations.state,
      n: count(),
    })
    .from(participations)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.countyCode, participations.countyCode),
        eq(campaigns.id, participations.campaignId),
      ),
    )
    .where(
      and(
        opts.scope.whereSubject(participations.villageCode, participations.unitId),
        inArray(campaigns.stage, workingStages),
        isNull(campaigns.closedAt),
        inArray(participations.state, openStates),
      ),
    )
    .groupBy(
      campaigns.id,
      campaigns.name,
      campaigns.year,
      campaigns.stage,
      campaigns.inspectorIds,
      campaigns.stageDates,
      campaigns.closedAt,
      campaigns.subjectLevel,
      participations.state,
    )
    .orderBy(asc(campaigns.year), asc(campaigns.name));

  const entries = new Map<string, TodoEntry>();
  for (const g of groups) {
    const column = columnFor(opts.user, g, g.state);
    const task: TodoTask | null = column
      ? taskOfColumn[column]
      : g.state === 'objected' && actorLevel(opts.user.role, g) === 'county'
        ? 'objection'
        : null;
    if (!task) continue;
    const key = `${g.campaignId}:${task}`;
    const entry = entries.get(key) ?? {
      campaignId: g.campaignId,
      campaignName: g.campaignName,
      year: g.year,
      stage: g.stage,
      subjectLevel: g.subjectLevel,
      task,
      count: 0,
      dueOn: g.stageDates[g.stage] ?? null,
      light: deadlineLight(g.stageDates[g.stage], today),
      returned: [],
    };
    entry.count += Number(g.n);
    entries.set(key, entry);
  }
  const result = [...entries.values()];
  await attachReturned(opts.db, opts.scope, result);
  return result;
}

/** Lists, on each self-assessment entry, the returned sheets and the township's reasons. */
async function attachReturned(db: Db, scope: Scope, entries: TodoEntry[]) {
  const selfEntries = entries.filter((e) => e.task === 'self_assessment');
  if (selfEntries.length === 0) return;
  const rows = await db
    .select({
      campaignId: participations.campaignId,
      participationId: participations.id,
      villageCode: participations.villageCode,
      villageName: divisions.name,
      reason: participations.returnedReason,
    })
    .from(participations)
    .innerJoin(divisions, eq(divisions.code, participations.villageCode))
    .where(
      and(
        scope.whereSubject(participations.villageCode, participations.unitId),
        eq(participations.state, 'returned'),
        inArray(
          participations.campaignId,
          selfEntries.map((e) => e.campaignId),
        ),
      ),
    )
    .orderBy(asc(participations.villageCode))
    .limit(200);
  for (const entry of selfEntries) {
    entry.returned = rows
      .filter((r) => r.campaignId === entry.campaignId)
      .map(({ campaignId: _, ...r }) => r);
  }
}
