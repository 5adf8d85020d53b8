// Records feed scores: the self-assessment answers a village's records give for a campaign's
// period (来自台账), with the records each answer rests on, and the check that a saved
// self-assessment column overrides a derived answer only with a reason.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import {
  monthsDue,
  checkOverrides,
  deriveAnswers,
  recordMetricKeysOf,
  type Framework,
  recordMetrics as metricCatalogue,
  type DerivedItem,
  type RecordRegister,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  adviserContracts,
  disputeScreenings,
  legalAdvisers,
  mediationCases,
  pufaActivities,
  villageDisclosures,
  villageElections,
  villageMatters,
  villageMeetings,
  villageRuleVersions,
  type SheetColumnData,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';
import { campaignRecordsPeriod, findCampaign } from '../campaigns/campaigns.js';
import { findParticipation, todayIso } from '../campaigns/participations.js';
import { pinnedDefinition } from '../campaigns/frameworks.js';
import { dateRange } from './common.js';
import { recordMetrics } from './records.js';

/** The registers an answer's records are kept in: the village records and the 法治 registers. */
export const evidenceRegisters = [
  'meetings',
  'disclosures',
  'matters',
  'village_rules',
  'elections',
  'mediation',
  'dispute_screening',
  'legal_education',
  'legal_advisers',
] as const;

/** The village records' registers (kept by the village clerk, corrected after submission). */
const villageRegisters = evidenceRegisters.slice(0, 5);
/** The 法治 registers (人民调解, 矛盾纠纷排查, 普法, 法律顾问). */
const lawRegisters: readonly RecordRef['register'][] = evidenceRegisters.slice(5);

/** A record an answer rests on: enough to name it and link to it. */
export interface RecordRef {
  register: (typeof evidenceRegisters)[number];
  id: string;
  date: string;
  /**
   * The meeting body, disclosure category, rules kind, election kind, dispute type, 普法 activity
   * type (a code); `screening` or `zero_report`; `contract` for an adviser's contract.
   */
  kind: string;
  /** A matter's title, a rules version's label, a 普法 activity's place or an adviser's name. */
  title?: string;
  /** Changed after the period's self-assessment was submitted (reviewers see it). */
  corrected: boolean;
}

/** At most this many records of a register are listed as an answer's evidence. */
const EVIDENCE_LIMIT = 20;

/** The records register (and table) a metric's register is kept in. */
const registerTable: Partial<Record<RecordRegister, RecordRef['register']>> = {
  meetings: 'meetings',
  resolutions: 'meetings',
  matters: 'matters',
  disclosures: 'disclosures',
  village_rules: 'village_rules',
  elections: 'elections',
  appraisals: 'elections',
  mediation: 'mediation',
  dispute_screening: 'dispute_screening',
  legal_education: 'legal_education',
  legal_advisers: 'legal_advisers',
};

async function periodRecords(db: Db, villageCode: string, from: string, to: string) {
  const inRange = (col: Parameters<typeof dateRange>[0]) => dateRange(col, from, to);
  const [meetings, disclosures, matters, rules, elections] = await Promise.all([
    db
      .select({
        id: villageMeetings.id,
        corrected: villageMeetings.correctedAfterSubmission,
        date: villageMeetings.date,
        kind: villageMeetings.body,
      })
      .from(villageMeetings)
      .where(and(eq(villageMeetings.villageCode, villageCode), inRange(villageMeetings.date)))
      .orderBy(asc(villageMeetings.date)),
    db
      .select({
        id: villageDisclosures.id,
        corrected: villageDisclosures.correctedAfterSubmission,
        date: villageDisclosures.postedOn,
        kind: villageDisclosures.category,
      })
      .from(villageDisclosures)
      .where(
        and(eq(villageDisclosures.villageCode, villageCode), inRange(villageDisclosures.postedOn)),
      )
      .orderBy(asc(villageDisclosures.postedOn)),
    db
      .select({
        id: villageMatters.id,
        corrected: villageMatters.correctedAfterSubmission,
        date: villageMatters.startedOn,
        title: villageMatters.title,
      })
      .from(villageMatters)
      .where(and(eq(villageMatters.villageCode, villageCode), inRange(villageMatters.startedOn)))
      .orderBy(asc(villageMatters.startedOn)),
    // the versions adopted by the end of the period (the one in force is among them)
    db
      .select({
        id: villageRuleVersions.id,
        corrected: villageRuleVersions.correctedAfterSubmission,
        date: villageRuleVersions.adoptedOn,
        kind: villageRuleVersions.kind,
        title: villageRuleVersions.label,
      })
      .from(villageRuleVersions)
      .where(
        and(
          eq(villageRuleVersions.villageCode, villageCode),
          lte(villageRuleVersions.adoptedOn, to),
        ),
      )
      .orderBy(asc(villageRuleVersions.adoptedOn)),
    db
      .select({
        id: villageElections.id,
        corrected: villageElections.correctedAfterSubmission,
        date: villageElections.date,
        kind: villageElections.kind,
      })
      .from(villageElections)
      .where(and(eq(villageElections.villageCode, villageCode), inRange(villageElections.date)))
      .orderBy(asc(villageElections.date)),
  ]);
  const laws = await lawRecords(db, villageCode, from, to);
  const byRegister: Record<RecordRef['register'], RecordRef[]> = {
    meetings: meetings.map((r) => ({ register: 'meetings', ...r })),
    disclosures: disclosures.map((r) => ({ register: 'disclosures', ...r })),
    matters: matters.map((r) => ({ register: 'matters', kind: 'matter', ...r })),
    village_rules: rules.map((r) => ({ register: 'village_rules', ...r })),
    elections: elections.map((r) => ({ register: 'elections', ...r })),
    ...laws,
  };
  return byRegister;
}

/**
 * The village's records of the 法治 registers an answer rests on: the mediation cases received
 * in the period (those the success rate counts), the screening reports of the months owed, the
 * 普法 activities held, and the adviser contracts in force on the period's last day.
 */
async function lawRecords(db: Db, villageCode: string, from: string, to: string) {
  const owed = monthsDue(from, to, todayIso());
  const [cases, screenings, activities, contracts] = await Promise.all([
    db
      .select({ id: mediationCases.id, date: mediationCases.receivedOn, kind: mediationCases.type })
      .from(mediationCases)
      .where(
        and(
          eq(mediationCases.divisionCode, villageCode),
          dateRange(mediationCases.receivedOn, from, to),
        ),
      )
      .orderBy(asc(mediationCases.receivedOn)),
    owed.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: disputeScreenings.id,
            month: disputeScreenings.month,
            zeroReport: disputeScreenings.zeroReport,
          })
          .from(disputeScreenings)
          .where(
            and(
              eq(disputeScreenings.villageCode, villageCode),
              gte(disputeScreenings.month, owed[0]!),
              lte(disputeScreenings.month, owed[owed.length - 1]!),
            ),
          )
          .orderBy(asc(disputeScreenings.month)),
    db
      .select({
        id: pufaActivities.id,
        date: pufaActivities.heldOn,
        kind: pufaActivities.type,
        title: pufaActivities.place,
      })
      .from(pufaActivities)
      .where(
        and(
          eq(pufaActivities.divisionCode, villageCode),
          dateRange(pufaActivities.heldOn, from, to),
        ),
      )
      .orderBy(asc(pufaActivities.heldOn)),
    db
      .select({
        id: adviserContracts.id,
        date: adviserContracts.startsOn,
        title: legalAdvisers.name,
      })
      .from(adviserContracts)
      .innerJoin(legalAdvisers, eq(legalAdvisers.id, adviserContracts.adviserId))
      .where(
        and(
          eq(adviserContracts.villageCode, villageCode),
          lte(adviserContracts.startsOn, to),
          gte(adviserContracts.endsOn, to),
        ),
      )
      .orderBy(asc(adviserContracts.startsOn)),
  ]);
  // the registers keep no after-submission correction flag: a record is never marked corrected
  return {
    mediation: cases.map((r) => ({ register: 'mediation' as const, corrected: false, ...r })),
    dispute_screening: screenings.map((r) => ({
      register: 'dispute_screening' as const,
      id: r.id,
      date: r.month,
      kind: r.zeroReport ? 'zero_report' : 'screening',
      corrected: false,
    })),
    legal_education: activities.map((r) => ({
      register: 'legal_education' as const,
      corrected: false,
      ...r,
    })),
    legal_advisers: contracts.map((r) => ({
      register: 'legal_advisers' as const,
      kind: 'contract',
      corrected: false,
      ...r,
    })),
  };
}

/** The registers an answer reads, in the order of its metrics. */
function registersOf(item: DerivedItem): RecordRef['register'][] {
  const keys = item.missing ? item.metrics : item.readings.map((r) => r.key);
  const out: RecordRef['register'][] = [];
  for (const key of keys) {
    const table = registerTable[metricCatalogue[key].register];
    if (table && !out.includes(table)) out.push(table);
  }
  return out;
}

type CampaignRow = Awaited<ReturnType<typeof findCampaign>>;

/** The participation's derived answers as @fazhi/domain gives them, with the period's records. */
async function deriveFor(opts: { db: Db; scope: Scope; participationId: string; today?: string }) {
  const participation = await findParticipation(opts.db, opts.scope, opts.participationId);
  const campaign = await findCampaign(opts.db, opts.scope, participation.campaignId);
  const framework = await pinnedDefinition(opts.db, campaign.frameworkId);
  return deriveWith({ ...opts, villageCode: participation.villageCode, campaign, framework });
}

/**
 * A village's derived answers for a campaign and its framework. Only the metrics the framework's
 * items name are computed (`recordMetricKeysOf`).
 */
async function deriveWith(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  campaign: CampaignRow;
  framework: Framework;
  today?: string;
}) {
  const { db, scope, villageCode, campaign, framework } = opts;
  const period = campaignRecordsPeriod(campaign, opts.today ?? todayIso());
  const records = await periodRecords(db, villageCode, period.from, period.to);
  const kept = (registers: readonly RecordRef['register'][]) =>
    registers.some((register) => records[register].length > 0);
  // the records are a village's: a campaign over townships or county units derives nothing (a
  // township committee's own cases are not its village records)
  const overVillages = campaign.subjectLevel === 'village';
  const villageKept = overVillages && kept(villageRegisters);
  const hasRecords = villageKept || (overVillages && kept(lawRegisters));
  const only = new Set<string>(recordMetricKeysOf(framework));
  const all = hasRecords
    ? deriveAnswers(framework, await recordMetrics({ db, scope, villageCode, ...period, only }))
    : [];
  // with only 法治 register records, only the answers those registers alone give
  const derived = villageKept
    ? all
    : all.filter((item) => registersOf(item).every((r) => lawRegisters.includes(r)));
  return { villageCode, period, hasRecords, records, derived };
}

/**
 * The answers a participation's village records give for the campaign's period, each with the
 * records it rests on. A village with no record at all in the period does not keep its
 * registers here: nothing is derived (no record is not the same as no meeting held), and
 * `hasRecords` says so. A village with 法治 register records (cases, screenings, 普法
 * activities, adviser contracts) but no village record gets the answers of those registers only.
 */
export async function derivedAnswers(opts: {
  db: Db;
  scope: Scope;
  participationId: string;
  today?: string;
}) {
  const { villageCode, period, hasRecords, records, derived } = await deriveFor(opts);
  const items = derived.map((item) => {
    const evidence = registersOf(item).map((register) => ({
      register,
      total: records[register].length,
      corrected: records[register].filter((r) => r.corrected).length,
      records: records[register].slice(0, EVIDENCE_LIMIT),
    }));
    const common = { itemId: item.itemId, explanation: item.explanation, evidence };
    return item.missing
      ? { ...common, missing: true as const, metrics: [...item.metrics] }
      : {
          ...common,
          missing: false as const,
          answer: item.answer,
          metrics: item.readings.map((r) => r.key),
        };
  });
  return { villageCode, period, hasRecords, items };
}

/**
 * Refuses a self-assessment column that overrides a derived answer without a reason
 * (`OVERRIDE_REASON_REQUIRED`, one field error per item at `overrides.<item>`). A framework
 * without items derived from the records, or a campaign not over villages, reads no record.
 */
export async function requireOverrideReasons(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  campaign: CampaignRow;
  framework: Framework;
  data: SheetColumnData;
}) {
  if (opts.campaign.subjectLevel !== 'village') return;
  if (recordMetricKeysOf(opts.framework).length === 0) return;
  const { derived } = await deriveWith(opts);
  const result = checkOverrides(derived, opts.data);
  if (result.ok) return;
  fail(
    'OVERRIDE_REASON_REQUIRED',
    undefined,
    {
      zh: `有${result.problems.length}项答案与台账得出的不同，须填写理由`,
      en: `${result.problems.length} answers differ from those the records give: give a reason for each`,
    },
    result.problems.map((p) => ({ path: p.path, message: p.message })),
  );
}
