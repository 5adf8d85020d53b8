// 四议两公开 matters, village rules and elections (with recalls, representatives and appraisals):
// each record is checked by its `@fazhi/domain` function and the result kept with it.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  checkAppraisals,
  checkElection,
  checkFourDeliberations,
  checkRecall,
  checkRepresentatives,
  checkVillageRules,
  type AppraisalRating,
  type DeliberationStep,
  type DeliberationStepRecord,
  type ElectionInput,
  type Problem,
  type RecallInput,
  type RepresentativesInput,
  type ResolutionInput,
  screenVillageRules,
  type VillageRulesFinding,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  meetingResolutions,
  villageDisclosures,
  villageElections,
  villageMatters,
  villageMeetings,
  villageRuleVersions,
  type electionRecordKinds,
  type villageRulesKinds,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import {
  checkRecordDate,
  checkVersion,
  periodSubmitted,
  recordVillage,
  refuseDeleteIfSubmitted,
} from './common.js';

type Audit = (event: AuditInput) => Promise<void>;

/** A check's INVALID_INPUT problems are the caller's field errors: nothing is saved. */
function refuseInvalid(problems: readonly Problem[], prefix: string): void {
  const invalid = problems.filter((p) => p.code === 'INVALID_INPUT');
  if (invalid.length === 0) return;
  const fields = invalid.map((p) => ({
    path: p.field ? `${prefix}${p.field}` : prefix.replace(/\.$/, ''),
    message: p.message,
  }));
  fail('INVALID_INPUT', undefined, invalid[0]!.message, fields);
}

/** The first resolution of a meeting of the village, as `checkResolution` reads it. */
async function meetingVote(
  db: Db,
  villageCode: string,
  meetingId: string,
  path: string,
): Promise<{ date: string; input: ResolutionInput | null }> {
  const [meeting] = await db
    .select()
    .from(villageMeetings)
    .where(eq(villageMeetings.id, meetingId));
  if (!meeting || meeting.villageCode !== villageCode) {
    invalidField(path, {
      zh: '该会议不属于本村',
      en: 'The meeting does not belong to this village',
    });
  }
  const [r] = await db
    .select()
    .from(meetingResolutions)
    .where(eq(meetingResolutions.meetingId, meetingId))
    .orderBy(asc(meetingResolutions.position))
    .limit(1);
  if (!r || meeting.body === 'joint_committees_meeting') return { date: meeting.date, input: null };
  return {
    date: meeting.date,
    input: {
      body: meeting.body,
      date: meeting.date,
      eligible: meeting.eligible,
      attendees: meeting.attendees,
      votesFor: r.votesFor,
      votesAgainst: r.votesAgainst,
      abstentions: r.abstentions,
      ...(r.matter ? { matter: r.matter as ResolutionInput['matter'] & string } : {}),
      ...(r.representatives !== null ? { representatives: r.representatives } : {}),
      ...(r.representativesVotesFor !== null
        ? { representativesVotesFor: r.representativesVotesFor }
        : {}),
    },
  };
}

async function correctedFlag(db: Db, villageCode: string, dates: string[], was: boolean) {
  if (was) return true;
  for (const d of dates) if (await periodSubmitted(db, villageCode, d)) return true;
  return false;
}

// ——— 四议两公开 ———

export interface MatterStep {
  step: DeliberationStep;
  on: string;
  meetingId?: string | null | undefined;
  disclosureId?: string | null | undefined;
}

export interface MatterSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  title: string;
  secretaryIsChair?: boolean | undefined;
  steps: MatterStep[];
}

type MatterRow = typeof villageMatters.$inferSelect;
const presentMatter = (r: MatterRow) => ({
  id: r.id,
  villageCode: r.villageCode,
  title: r.title,
  startedOn: r.startedOn,
  steps: r.steps as MatterStep[],
  secretaryIsChair: r.secretaryIsChair,
  check: r.check as ReturnType<typeof checkFourDeliberations>,
  complete: r.complete,
  correctedAfterSubmission: r.correctedAfterSubmission,
  version: r.version,
});

export async function listMatters(opts: { db: Db; scope: Scope; villageCode: string }) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const rows = await opts.db
    .select()
    .from(villageMatters)
    .where(eq(villageMatters.villageCode, opts.villageCode))
    .orderBy(desc(villageMatters.startedOn));
  return rows.map(presentMatter);
}

export async function saveMatter(opts: { db: Db; scope: Scope; audit: Audit; input: MatterSave }) {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  const records: DeliberationStepRecord[] = [];
  for (const [i, s] of input.steps.entries()) {
    checkRecordDate(`steps.${i}.on`, s.on);
    let meeting: ResolutionInput | undefined;
    if (s.meetingId) {
      const vote = await meetingVote(db, village.code, s.meetingId, `steps.${i}.meetingId`);
      if (vote.date !== s.on) {
        invalidField(`steps.${i}.on`, {
          zh: `该步骤的日期应为所链接会议的日期（${vote.date}）`,
          en: `The step's date must be its meeting's date (${vote.date})`,
        });
      }
      meeting = vote.input ?? undefined;
    }
    if (s.disclosureId) {
      const [d] = await db
        .select({ villageCode: villageDisclosures.villageCode })
        .from(villageDisclosures)
        .where(eq(villageDisclosures.id, s.disclosureId));
      if (!d || d.villageCode !== village.code) {
        invalidField(`steps.${i}.disclosureId`, {
          zh: '该公开记录不属于本村',
          en: 'The disclosure does not belong to this village',
        });
      }
    }
    records.push({ step: s.step, on: s.on, ...(meeting ? { meeting } : {}) });
  }
  const check = checkFourDeliberations({
    steps: records,
    secretaryIsChair: input.secretaryIsChair ?? false,
  });
  refuseInvalid(
    check.problems.filter((p) => !p.field?.includes('.meeting')),
    '',
  );
  const startedOn = input.steps.map((s) => s.on).sort()[0] ?? todayOrEmpty();
  const values = {
    title: input.title,
    startedOn,
    steps: input.steps,
    secretaryIsChair: input.secretaryIsChair ?? false,
    check,
    complete: check.complete,
  };
  let before: ReturnType<typeof presentMatter> | null = null;
  let row: MatterRow | undefined;
  if (input.id) {
    const [found] = await db
      .select()
      .from(villageMatters)
      .where(and(eq(villageMatters.id, input.id), eq(villageMatters.villageCode, village.code)));
    if (!found) notFound({ zh: '四议两公开事项', en: 'Matter' });
    before = presentMatter(found);
    checkVersion(found.version, input.version);
    const corrected = await correctedFlag(
      db,
      village.code,
      [found.startedOn, startedOn],
      found.correctedAfterSubmission,
    );
    [row] = await db
      .update(villageMatters)
      .set({
        ...values,
        correctedAfterSubmission: corrected,
        version: found.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(villageMatters.id, input.id), eq(villageMatters.version, found.version)))
      .returning();
    if (!row) checkVersion(found.version, -1);
  } else {
    [row] = await db
      .insert(villageMatters)
      .values({ ...values, countyCode: village.countyCode, villageCode: village.code })
      .returning();
  }
  const saved = presentMatter(row!);
  await opts.audit({
    action: input.id ? 'matters.update' : 'matters.create',
    entity: 'village_matter',
    entityId: saved.id,
    divisionCode: village.code,
    before,
    after: saved,
  });
  return saved;
}

/** Deletes a matter, unless its period's self-assessment has been submitted. */
export async function removeMatter(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const [found] = await opts.db
    .select()
    .from(villageMatters)
    .where(and(eq(villageMatters.id, opts.id), opts.scope.where(villageMatters.villageCode)));
  if (!found) notFound({ zh: '四议两公开事项', en: 'Matter' });
  checkVersion(found.version, opts.version);
  // every step's date: a matter reaching into a submitted period is kept
  for (const s of found.steps as MatterStep[]) {
    await refuseDeleteIfSubmitted(opts.db, found.villageCode, s.on);
  }
  await refuseDeleteIfSubmitted(opts.db, found.villageCode, found.startedOn);
  await opts.db.delete(villageMatters).where(eq(villageMatters.id, opts.id));
  await opts.audit({
    action: 'matters.remove',
    entity: 'village_matter',
    entityId: opts.id,
    divisionCode: found.villageCode,
    before: presentMatter(found),
  });
  return { id: opts.id };
}

function todayOrEmpty(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

// ——— Village rules ———

export interface RulesSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  kind: (typeof villageRulesKinds)[number];
  label: string;
  text: string;
  meetingId?: string | null | undefined;
  adoptedOn: string;
  filedOn?: string | null | undefined;
  publishedOn?: string | null | undefined;
}

type RulesRow = typeof villageRuleVersions.$inferSelect;
const presentRules = (r: RulesRow) => ({
  id: r.id,
  villageCode: r.villageCode,
  kind: r.kind,
  label: r.label,
  text: r.text,
  meetingId: r.meetingId,
  adoptedOn: r.adoptedOn,
  filedOn: r.filedOn,
  receivedOn: r.receivedOn,
  reviewer: r.reviewer,
  reviewState: r.reviewState,
  reviewFindings: r.reviewFindings,
  reviewedOn: r.reviewedOn,
  publishedOn: r.publishedOn,
  check: r.check as ReturnType<typeof checkVillageRules> | null,
  screen: r.screen as VillageRulesFinding[] | null,
  correctedAfterSubmission: r.correctedAfterSubmission,
  version: r.version,
});

/**
 * The content screen of the rules' text (`screenVillageRules` of @fazhi/domain, under the law in
 * force on the adoption date): warnings for the reviewer, never a verdict.
 */
function screenRulesText(text: string, adoptedOn: string): unknown[] {
  return [...screenVillageRules(text, { date: adoptedOn })];
}

export async function listRules(opts: { db: Db; scope: Scope; villageCode: string }) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const rows = await opts.db
    .select()
    .from(villageRuleVersions)
    .where(eq(villageRuleVersions.villageCode, opts.villageCode))
    .orderBy(asc(villageRuleVersions.kind), desc(villageRuleVersions.adoptedOn));
  return rows.map(presentRules);
}

export async function saveRules(opts: { db: Db; scope: Scope; audit: Audit; input: RulesSave }) {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  checkRecordDate('adoptedOn', input.adoptedOn);
  if (input.filedOn) checkRecordDate('filedOn', input.filedOn);
  if (input.publishedOn) checkRecordDate('publishedOn', input.publishedOn);
  let check: ReturnType<typeof checkVillageRules> | null = null;
  if (input.meetingId) {
    const vote = await meetingVote(db, village.code, input.meetingId, 'meetingId');
    if (vote.date !== input.adoptedOn) {
      invalidField('adoptedOn', {
        zh: `通过日期应为所链接会议的日期（${vote.date}）`,
        en: `The adoption date must be its meeting's date (${vote.date})`,
      });
    }
    if (vote.input) {
      check = checkVillageRules({
        kind: input.kind,
        adoption: vote.input,
        ...(input.filedOn ? { filedOn: input.filedOn } : {}),
        ...(input.publishedOn ? { publishedOn: input.publishedOn } : {}),
      });
      refuseInvalid(
        check.problems.filter((p) => !p.field?.startsWith('adoption')),
        '',
      );
    }
  }
  const values = {
    kind: input.kind,
    label: input.label,
    text: input.text,
    meetingId: input.meetingId ?? null,
    adoptedOn: input.adoptedOn,
    filedOn: input.filedOn ?? null,
    publishedOn: input.publishedOn ?? null,
    check,
    screen: screenRulesText(input.text, input.adoptedOn),
  };
  let before: ReturnType<typeof presentRules> | null = null;
  let row: RulesRow | undefined;
  if (input.id) {
    const [found] = await db
      .select()
      .from(villageRuleVersions)
      .where(
        and(
          eq(villageRuleVersions.id, input.id),
          eq(villageRuleVersions.villageCode, village.code),
        ),
      );
    if (!found) notFound({ zh: '村规民约', en: 'Village rules' });
    before = presentRules(found);
    checkVersion(found.version, input.version);
    const corrected = await correctedFlag(
      db,
      village.code,
      [found.adoptedOn, input.adoptedOn],
      found.correctedAfterSubmission,
    );
    // a changed text needs a new review
    const reviewReset =
      found.text !== input.text
        ? { reviewState: 'pending' as const, reviewedOn: null, reviewFindings: null }
        : {};
    [row] = await db
      .update(villageRuleVersions)
      .set({
        ...values,
        ...reviewReset,
        correctedAfterSubmission: corrected,
        version: found.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(eq(villageRuleVersions.id, input.id), eq(villageRuleVersions.version, found.version)),
      )
      .returning();
    if (!row) checkVersion(found.version, -1);
  } else {
    [row] = await db
      .insert(villageRuleVersions)
      .values({ ...values, countyCode: village.countyCode, villageCode: village.code })
      .returning();
  }
  const saved = presentRules(row!);
  await opts.audit({
    action: input.id ? 'villageRules.update' : 'villageRules.create',
    entity: 'village_rules',
    entityId: saved.id,
    divisionCode: village.code,
    before,
    after: saved,
  });
  return saved;
}

/** The township's receipt and legality review (合法性审查) of a filed version. */
export async function reviewRules(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  reviewerName: string;
  input: {
    id: string;
    version: number;
    receivedOn: string;
    state: 'approved' | 'returned';
    findings?: string | undefined;
    reviewedOn: string;
  };
}) {
  const { db, scope, input } = opts;
  const [found] = await db
    .select()
    .from(villageRuleVersions)
    .where(and(eq(villageRuleVersions.id, input.id), scope.where(villageRuleVersions.villageCode)));
  if (!found) notFound({ zh: '村规民约', en: 'Village rules' });
  checkVersion(found.version, input.version);
  if (!found.filedOn) {
    fail('RULES_NOT_FILED', undefined, {
      zh: '该版本尚未报乡镇备案，不能审查',
      en: 'This version has not been filed with the township; it cannot be reviewed yet',
    });
  }
  checkRecordDate('receivedOn', input.receivedOn);
  checkRecordDate('reviewedOn', input.reviewedOn);
  if (input.receivedOn < found.filedOn) {
    invalidField('receivedOn', {
      zh: '收到日期不能早于备案日期',
      en: 'Received cannot be before filed',
    });
  }
  if (input.reviewedOn < input.receivedOn) {
    invalidField('reviewedOn', {
      zh: '审查日期不能早于收到日期',
      en: 'Reviewed cannot be before received',
    });
  }
  if (input.state === 'returned' && !input.findings?.trim()) {
    invalidField('findings', { zh: '退回时须写明审查意见', en: 'Returning needs the findings' });
  }
  const [row] = await db
    .update(villageRuleVersions)
    .set({
      receivedOn: input.receivedOn,
      reviewState: input.state,
      reviewFindings: input.findings ?? null,
      reviewedOn: input.reviewedOn,
      reviewer: opts.reviewerName,
      version: found.version + 1,
      updatedAt: new Date(),
    })
    .where(
      and(eq(villageRuleVersions.id, input.id), eq(villageRuleVersions.version, found.version)),
    )
    .returning();
  if (!row) checkVersion(found.version, -1);
  const saved = presentRules(row!);
  await opts.audit({
    action: 'villageRules.review',
    entity: 'village_rules',
    entityId: saved.id,
    divisionCode: saved.villageCode,
    before: presentRules(found),
    after: saved,
  });
  return saved;
}

// ——— Elections, recalls, representatives, appraisals ———

export type ElectionFigures =
  | { kind: 'election'; figures: Omit<ElectionInput, 'date'> }
  | { kind: 'recall'; figures: Omit<RecallInput, 'date'> }
  | { kind: 'representatives'; figures: Omit<RepresentativesInput, 'date'> }
  | {
      kind: 'appraisal';
      figures: { member: string; ratings: { year: number; rating: AppraisalRating }[] };
    };

export type ElectionSave = ElectionFigures & {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  date: string;
};

type ElectionRow = typeof villageElections.$inferSelect;
const presentElection = (r: ElectionRow) => ({
  id: r.id,
  villageCode: r.villageCode,
  kind: r.kind,
  date: r.date,
  figures: r.figures as Record<string, unknown>,
  check: r.check as ReturnType<typeof runElectionCheck>,
  problemCount: r.problemCount,
  correctedAfterSubmission: r.correctedAfterSubmission,
  version: r.version,
});

function runElectionCheck(input: ElectionSave) {
  switch (input.kind) {
    case 'election':
      return checkElection({ ...input.figures, date: input.date });
    case 'recall':
      return checkRecall({ ...input.figures, date: input.date });
    case 'representatives':
      return checkRepresentatives({ ...input.figures, date: input.date });
    case 'appraisal':
      return checkAppraisals(input.figures.ratings);
  }
}

export async function listElections(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  kind?: (typeof electionRecordKinds)[number] | undefined;
}) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const rows = await opts.db
    .select()
    .from(villageElections)
    .where(
      and(
        eq(villageElections.villageCode, opts.villageCode),
        opts.kind ? inArray(villageElections.kind, [opts.kind]) : undefined,
      ),
    )
    .orderBy(desc(villageElections.date));
  return rows.map(presentElection);
}

export async function saveElection(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: ElectionSave;
}) {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  checkRecordDate('date', input.date);
  const check = runElectionCheck(input);
  refuseInvalid(check.problems, 'figures.');
  const values = {
    kind: input.kind,
    date: input.date,
    figures: input.figures,
    check,
    problemCount: check.problems.filter((p) => p.severity === 'error').length,
  };
  let before: ReturnType<typeof presentElection> | null = null;
  let row: ElectionRow | undefined;
  if (input.id) {
    const [found] = await db
      .select()
      .from(villageElections)
      .where(
        and(eq(villageElections.id, input.id), eq(villageElections.villageCode, village.code)),
      );
    if (!found) notFound({ zh: '选举记录', en: 'Election record' });
    before = presentElection(found);
    checkVersion(found.version, input.version);
    const corrected = await correctedFlag(
      db,
      village.code,
      [found.date, input.date],
      found.correctedAfterSubmission,
    );
    [row] = await db
      .update(villageElections)
      .set({
        ...values,
        correctedAfterSubmission: corrected,
        version: found.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(villageElections.id, input.id), eq(villageElections.version, found.version)))
      .returning();
    if (!row) checkVersion(found.version, -1);
  } else {
    [row] = await db
      .insert(villageElections)
      .values({ ...values, countyCode: village.countyCode, villageCode: village.code })
      .returning();
  }
  const saved = presentElection(row!);
  await opts.audit({
    action: input.id ? 'elections.update' : 'elections.create',
    entity: 'village_election',
    entityId: saved.id,
    divisionCode: village.code,
    before,
    after: saved,
  });
  return saved;
}

/** Deletes an election record, unless its period's self-assessment has been submitted. */
export async function removeElection(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const [found] = await opts.db
    .select()
    .from(villageElections)
    .where(and(eq(villageElections.id, opts.id), opts.scope.where(villageElections.villageCode)));
  if (!found) notFound({ zh: '选举记录', en: 'Election record' });
  checkVersion(found.version, opts.version);
  await refuseDeleteIfSubmitted(opts.db, found.villageCode, found.date);
  await opts.db.delete(villageElections).where(eq(villageElections.id, opts.id));
  await opts.audit({
    action: 'elections.remove',
    entity: 'village_election',
    entityId: opts.id,
    divisionCode: found.villageCode,
    before: presentElection(found),
  });
  return { id: opts.id };
}
