// Meetings and their resolutions (会议记录): each resolution is checked by `checkResolution` under
// the law in force on the meeting date, and the result is kept with the record.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  checkResolution,
  isCollectiveEconomicOrganizationsLawInForce,
  meetingBodies,
  organicLawVersion,
  type MeetingBody,
  type ResolutionMatter,
  type ResolutionResult,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  meetingResolutions,
  villageGroups,
  villageMeetings,
  type RecordMeetingBody,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { invalidField, notFound } from '../../errors/app-error.js';
import {
  checkRecordDate,
  checkVersion,
  dateRange,
  periodSubmitted,
  recordVillage,
  refuseDeleteIfSubmitted,
} from './common.js';

export interface ResolutionSave {
  title: string;
  matter?: ResolutionMatter | undefined;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  representatives?: number | undefined;
  representativesVotesFor?: number | undefined;
}

export interface MeetingSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  groupId?: string | null | undefined;
  body: RecordMeetingBody;
  date: string;
  convenor?: string | undefined;
  eligible: number;
  attendees: number;
  minutes?: string | undefined;
  resolutions: ResolutionSave[];
}

export interface RecordWarning {
  code: string;
  field: string;
  message: { zh: string; en: string };
}

/** The rules a check was made with, kept beside it (the law versions in force on the date). */
export function ruleVersionOn(date: string): string {
  const parts = [`village_committees_organic_law:${organicLawVersion(date)}`];
  if (isCollectiveEconomicOrganizationsLawInForce(date)) {
    parts.push('rural_collective_economic_organizations_law:2024');
  }
  return parts.join(';');
}

/** The bodies `checkResolution` checks (两委联席会议 only consults). */
const checkedBodies = new Set<RecordMeetingBody>(meetingBodies);

/** The register's eligible figure for a body on its date (null when the register has none). */
export async function registerEligible(
  db: Db,
  villageCode: string,
  body: RecordMeetingBody,
  groupId: string | null,
): Promise<number | null> {
  if (body === 'group_meeting') {
    if (!groupId) return null;
    const [g] = await db
      .select({ voters: villageGroups.voters })
      .from(villageGroups)
      .where(eq(villageGroups.id, groupId));
    return g?.voters ?? null;
  }
  if (body !== 'villagers_meeting' && body !== 'representatives_meeting') return null;
  const [totals] = await db
    .select({
      groups: count(),
      voters: sql<number>`coalesce(sum(${villageGroups.voters}), 0)::int`,
      representatives: sql<number>`coalesce(sum(${villageGroups.representatives}), 0)::int`,
    })
    .from(villageGroups)
    .where(eq(villageGroups.villageCode, villageCode));
  if (!totals || totals.groups === 0) return null;
  return body === 'villagers_meeting' ? totals.voters : totals.representatives || null;
}

function eligibleWarning(eligible: number, register: number | null): RecordWarning[] {
  if (register === null || register === eligible) return [];
  return [
    {
      code: 'ELIGIBLE_DIFFERS_FROM_REGISTER',
      field: 'eligible',
      message: {
        zh: `应到人数 ${eligible} 与村民小组登记数 ${register} 不一致`,
        en: `The eligible count ${eligible} differs from the register's ${register}`,
      },
    },
  ];
}

type MeetingRow = typeof villageMeetings.$inferSelect;
type ResolutionRow = typeof meetingResolutions.$inferSelect;

function present(meeting: MeetingRow, resolutions: ResolutionRow[]) {
  return {
    id: meeting.id,
    villageCode: meeting.villageCode,
    groupId: meeting.groupId,
    body: meeting.body,
    date: meeting.date,
    convenor: meeting.convenor,
    eligible: meeting.eligible,
    registerEligible: meeting.registerEligible,
    attendees: meeting.attendees,
    minutes: meeting.minutes,
    correctedAfterSubmission: meeting.correctedAfterSubmission,
    version: meeting.version,
    updatedAt: meeting.updatedAt,
    warnings: eligibleWarning(meeting.eligible, meeting.registerEligible),
    resolutions: resolutions
      .filter((r) => r.meetingId === meeting.id)
      .sort((a, b) => a.position - b.position)
      .map((r) => ({
        id: r.id,
        title: r.title,
        matter: (r.matter ?? undefined) as ResolutionMatter | undefined,
        votesFor: r.votesFor,
        votesAgainst: r.votesAgainst,
        abstentions: r.abstentions,
        representatives: r.representatives,
        representativesVotesFor: r.representativesVotesFor,
        check: r.check as ResolutionResult | null,
        passed: r.passed,
        problemCount: r.problemCount,
        ruleVersion: r.ruleVersion,
      })),
  };
}
export type MeetingRecord = ReturnType<typeof present>;

async function resolutionsOf(db: Db, ids: string[]): Promise<ResolutionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(meetingResolutions)
    .where(inArray(meetingResolutions.meetingId, ids))
    .orderBy(asc(meetingResolutions.position));
}

/** One meeting of a village in scope, with its resolutions. */
export async function getMeeting(db: Db, scope: Scope, id: string): Promise<MeetingRecord> {
  const [row] = await db
    .select()
    .from(villageMeetings)
    .where(and(eq(villageMeetings.id, id), scope.where(villageMeetings.villageCode)));
  if (!row) notFound({ zh: '会议记录', en: 'Meeting' });
  return present(row, await resolutionsOf(db, [row.id]));
}

export async function listMeetings(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  from?: string | undefined;
  to?: string | undefined;
  problemsOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const where = and(
    eq(villageMeetings.villageCode, opts.villageCode),
    dateRange(villageMeetings.date, opts.from, opts.to),
    opts.problemsOnly
      ? sql`exists (select 1 from ${meetingResolutions} r where r.meeting_id = ${villageMeetings.id} and r.problem_count > 0)`
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    opts.db
      .select()
      .from(villageMeetings)
      .where(where)
      .orderBy(desc(villageMeetings.date), desc(villageMeetings.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(villageMeetings).where(where),
  ]);
  const resolutions = await resolutionsOf(
    opts.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, resolutions)), total: total?.n ?? 0 };
}

/** Checks a meeting's figures as a field error (nothing saved) before any check by law. */
async function validateMeeting(db: Db, input: MeetingSave): Promise<void> {
  checkRecordDate('date', input.date);
  if (input.groupId) {
    const [group] = await db
      .select({ villageCode: villageGroups.villageCode })
      .from(villageGroups)
      .where(eq(villageGroups.id, input.groupId));
    if (!group || group.villageCode !== input.villageCode) {
      invalidField('groupId', {
        zh: '该村民小组不属于本村',
        en: 'The villager group does not belong to this village',
      });
    }
  } else if (input.body === 'group_meeting') {
    invalidField('groupId', {
      zh: '村民小组会议须选择村民小组',
      en: "A villager group's meeting needs its group",
    });
  }
  if (input.attendees > input.eligible) {
    invalidField('attendees', {
      zh: `实到人数（${input.attendees}）不能多于应到人数（${input.eligible}）`,
      en: `Attendees (${input.attendees}) cannot exceed the eligible count (${input.eligible})`,
    });
  }
  input.resolutions.forEach((r, i) => {
    const votes = r.votesFor + r.votesAgainst + r.abstentions;
    if (votes > input.attendees) {
      invalidField(`resolutions.${i}.votesFor`, {
        zh: `第 ${i + 1} 项决议的票数合计（${votes}）不能多于实到人数（${input.attendees}）`,
        en: `The votes of resolution ${i + 1} (${votes}) cannot exceed the attendees (${input.attendees})`,
      });
    }
    if (r.representativesVotesFor !== undefined && r.representativesVotesFor > r.votesFor) {
      invalidField(`resolutions.${i}.representativesVotesFor`, {
        zh: '村民代表的赞成票不能多于赞成票总数',
        en: "The representatives' votes for cannot exceed the votes for",
      });
    }
    if (r.matter !== undefined && !checkedBodies.has(input.body) && r.matter !== 'general') {
      invalidField(`resolutions.${i}.matter`, {
        zh: '两委联席会议只能商议，不能就该事项作出决定',
        en: 'A joint meeting of the two committees consults; it cannot decide this matter',
      });
    }
  });
}

function checkOne(input: MeetingSave, r: ResolutionSave): ResolutionResult | null {
  if (!checkedBodies.has(input.body)) return null;
  return checkResolution({
    body: input.body as MeetingBody,
    date: input.date,
    eligible: input.eligible,
    attendees: input.attendees,
    votesFor: r.votesFor,
    votesAgainst: r.votesAgainst,
    abstentions: r.abstentions,
    ...(r.matter !== undefined ? { matter: r.matter } : {}),
    ...(r.representatives !== undefined ? { representatives: r.representatives } : {}),
    ...(r.representativesVotesFor !== undefined
      ? { representativesVotesFor: r.representativesVotesFor }
      : {}),
  });
}

/** Saves (creates, or corrects with the version read) a meeting and checks its resolutions. */
export async function saveMeeting(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  input: MeetingSave;
}): Promise<MeetingRecord> {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  await validateMeeting(db, input);
  const groupId = input.groupId ?? null;
  const register = await registerEligible(db, village.code, input.body, groupId);
  let before: MeetingRecord | null = null;
  let corrected = false;
  const values = {
    countyCode: village.countyCode,
    villageCode: village.code,
    groupId,
    body: input.body,
    date: input.date,
    convenor: input.convenor ?? '',
    eligible: input.eligible,
    registerEligible: register,
    attendees: input.attendees,
    minutes: input.minutes ?? '',
  };
  let id: string;
  if (input.id) {
    before = await getMeeting(db, scope, input.id);
    if (before.villageCode !== village.code) notFound({ zh: '会议记录', en: 'Meeting' });
    checkVersion(before.version, input.version);
    corrected =
      before.correctedAfterSubmission ||
      (await periodSubmitted(db, village.code, before.date)) ||
      (await periodSubmitted(db, village.code, input.date));
    const [updated] = await db
      .update(villageMeetings)
      .set({
        ...values,
        correctedAfterSubmission: corrected,
        version: sql`${villageMeetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(villageMeetings.id, input.id), eq(villageMeetings.version, before.version)))
      .returning({ id: villageMeetings.id });
    if (!updated) checkVersion(before.version, -1);
    id = input.id;
  } else {
    const [created] = await db
      .insert(villageMeetings)
      .values(values)
      .returning({ id: villageMeetings.id });
    id = created!.id;
  }
  const ruleVersion = ruleVersionOn(input.date);
  const checks = input.resolutions.map((r) => checkOne(input, r));
  // figures the law's check cannot read are the caller's field errors: nothing is saved
  checks.forEach((check, i) => {
    const invalid = check?.problems.find((p) => p.code === 'INVALID_INPUT');
    if (!invalid) return;
    const field = invalid.field ?? 'votesFor';
    const meetingField = ['eligible', 'attendees', 'date', 'body'].includes(field);
    invalidField(meetingField ? field : `resolutions.${i}.${field}`, invalid.message);
  });
  const rows = input.resolutions.map((r, position) => {
    const check = checks[position] ?? null;
    return {
      countyCode: village.countyCode,
      villageCode: village.code,
      meetingId: id,
      position,
      title: r.title,
      matter: r.matter ?? null,
      votesFor: r.votesFor,
      votesAgainst: r.votesAgainst,
      abstentions: r.abstentions,
      representatives: r.representatives ?? null,
      representativesVotesFor: r.representativesVotesFor ?? null,
      check,
      passed: check ? check.passed : null,
      problemCount: check ? check.problems.filter((p) => p.severity === 'error').length : 0,
      ruleVersion,
    };
  });
  // A correction keeps each resolution's row (by its place in the meeting), so a posting linked to
  // a resolution stays linked; resolutions added get rows, those taken away lose theirs.
  const kept = input.id
    ? await db
        .select({ id: meetingResolutions.id })
        .from(meetingResolutions)
        .where(eq(meetingResolutions.meetingId, id))
        .orderBy(asc(meetingResolutions.position))
    : [];
  for (const [position, row] of rows.entries()) {
    const existing = kept[position];
    if (existing) {
      await db.update(meetingResolutions).set(row).where(eq(meetingResolutions.id, existing.id));
    }
  }
  if (rows.length > kept.length)
    await db.insert(meetingResolutions).values(rows.slice(kept.length));
  const gone = kept.slice(rows.length).map((r) => r.id);
  if (gone.length > 0)
    await db.delete(meetingResolutions).where(inArray(meetingResolutions.id, gone));
  const saved = await getMeeting(db, scope, id);
  await opts.audit({
    action: input.id ? 'meetings.update' : 'meetings.create',
    entity: 'meeting',
    entityId: id,
    divisionCode: village.code,
    before,
    after: { ...saved, correctedAfterSubmission: corrected },
  });
  return saved;
}

export async function removeMeeting(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getMeeting(opts.db, opts.scope, opts.id);
  checkVersion(before.version, opts.version);
  await refuseDeleteIfSubmitted(opts.db, before.villageCode, before.date);
  await opts.db.delete(villageMeetings).where(eq(villageMeetings.id, opts.id));
  await opts.audit({
    action: 'meetings.remove',
    entity: 'meeting',
    entityId: opts.id,
    divisionCode: before.villageCode,
    before,
  });
  return { id: opts.id };
}
