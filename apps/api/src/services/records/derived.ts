// Records feed scores: the self-assessment answers a village's records give for a campaign's
// period (来自台账), with the records each answer rests on, and the check that a saved
// self-assessment column overrides a derived answer only with a reason.
import { and, asc, eq, lte } from 'drizzle-orm';
import {
  campaignRecordPeriod,
  checkOverrides,
  deriveAnswers,
  recordMetrics as metricCatalogue,
  type DerivedItem,
  type RecordRegister,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  villageDisclosures,
  villageElections,
  villageMatters,
  villageMeetings,
  villageRuleVersions,
  type SheetColumnData,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';
import { findCampaign, recordPeriodOf } from '../campaigns/campaigns.js';
import { findParticipation, todayIso } from '../campaigns/participations.js';
import { pinnedDefinition } from '../campaigns/frameworks.js';
import { dateRange } from './common.js';
import { recordMetrics } from './records.js';

/** A record an answer rests on: enough to name it and link to it. */
export interface RecordRef {
  register: 'meetings' | 'disclosures' | 'matters' | 'village_rules' | 'elections';
  id: string;
  date: string;
  /** The meeting body, disclosure category, rules kind or election kind (a code). */
  kind: string;
  /** A matter's title or a rules version's label. */
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
  const byRegister: Record<RecordRef['register'], RecordRef[]> = {
    meetings: meetings.map((r) => ({ register: 'meetings', ...r })),
    disclosures: disclosures.map((r) => ({ register: 'disclosures', ...r })),
    matters: matters.map((r) => ({ register: 'matters', kind: 'matter', ...r })),
    village_rules: rules.map((r) => ({ register: 'village_rules', ...r })),
    elections: elections.map((r) => ({ register: 'elections', ...r })),
  };
  return byRegister;
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

/** The participation's derived answers as @fazhi/domain gives them, with the period's records. */
async function deriveFor(opts: { db: Db; scope: Scope; participationId: string; today?: string }) {
  const { db, scope } = opts;
  const participation = await findParticipation(db, scope, opts.participationId);
  const campaign = await findCampaign(db, scope, participation.campaignId);
  const framework = await pinnedDefinition(db, campaign.frameworkId);
  const period = campaignRecordPeriod(
    { ...campaign, recordPeriod: recordPeriodOf(campaign) },
    { asOf: opts.today ?? todayIso() },
  );
  const villageCode = participation.villageCode;
  const records = await periodRecords(db, villageCode, period.from, period.to);
  const hasRecords = Object.values(records).some((list) => list.length > 0);
  const derived = hasRecords
    ? deriveAnswers(framework, await recordMetrics({ db, scope, villageCode, ...period }))
    : [];
  return { villageCode, period, hasRecords, records, derived };
}

/**
 * The answers a participation's village records give for the campaign's period, each with the
 * records it rests on. A village with no record at all in the period does not keep its
 * registers here: nothing is derived (no record is not the same as no meeting held), and
 * `hasRecords` says so.
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
 * (`OVERRIDE_REASON_REQUIRED`, one field error per item at `overrides.<item>`).
 */
export async function requireOverrideReasons(opts: {
  db: Db;
  scope: Scope;
  participationId: string;
  data: SheetColumnData;
}) {
  const { derived } = await deriveFor(opts);
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
