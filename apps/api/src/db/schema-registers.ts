// Rule-of-law work registers (法治台账): the mediation register, monthly dispute screening and the
// township's monthly periods (closed and locked, reopened by the county). Re-exported by schema.ts.
import {
  disputeTypes,
  mediationEscalations,
  mediationMethods,
  mediationOutcomes,
} from '@fazhi/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One case of a village's or a township's people's mediation committee (人民调解委员会).
 * `division_code` is the committee's division (a village, or the township itself). No ID numbers;
 * party names are optional and shown only inside the township.
 */
export const mediationCases = pgTable(
  'mediation_cases',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    receivedOn: date('received_on').notNull(),
    type: text('type', { enum: disputeTypes }).notNull(),
    parties: integer('parties').notNull(),
    partyNames: text('party_names'),
    mediator: text('mediator').notNull().default(''),
    method: text('method', { enum: mediationMethods }).notNull(),
    outcome: text('outcome', { enum: mediationOutcomes }).notNull(),
    closedOn: date('closed_on'),
    escalation: text('escalation', { enum: mediationEscalations }).notNull().default('none'),
    agreementNo: text('agreement_no'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // the statistics of a county and period read this index only (see bench/mediation.ts)
    index('mediation_cases_county_received_idx').on(
      t.countyCode,
      t.receivedOn,
      t.divisionCode,
      t.outcome,
      t.method,
      t.closedOn,
      t.escalation,
    ),
    index('mediation_cases_township_received_idx').on(
      t.townshipCode,
      t.receivedOn,
      t.divisionCode,
      t.outcome,
      t.method,
      t.closedOn,
      t.escalation,
    ),
    index('mediation_cases_division_received_idx').on(t.divisionCode, t.receivedOn),
  ],
);

/**
 * A file of a mediation case: the 调解协议书 of a 书面协议, a scan, a Word document; typed by its
 * content and stored with the evidence files under `evidence/<county>/<case id>/` (written as
 * `.part`, named after the commit, swept, backed up).
 */
export const mediationCaseFiles = pgTable(
  'mediation_case_files',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediation_case_files_case_idx').on(t.caseId),
    index('mediation_case_files_path_idx').on(t.countyCode, t.storagePath),
  ],
);

/**
 * The mediation cases counted by county and month received (人民调解月度汇总), kept up to date in the
 * same transaction as every case written (services/registers/mediation-counts.ts): the statistics
 * of a province or a prefecture read these rows instead of every case (a national year is about
 * 3 million cases, a few hundred thousand rows here). `county_code` is the first six digits of the
 * case's division code; `closed_month` is the month a handled case (调解成功 / 不成功 / 终止 /
 * 转司法程序) was closed, null while not closed: a period's 已调处 are the rows closed by its last
 * month. Counties and below read the cases themselves (their townships and villages).
 */
export const mediationMonthly = pgTable(
  'mediation_monthly',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The first day of the month the cases were received in. */
    month: date('month').notNull(),
    closedMonth: date('closed_month'),
    received: integer('received').notNull(),
    /** Of `received`, the cases closed as 调解成功 (only on rows with a `closed_month`). */
    succeeded: integer('succeeded').notNull(),
    oral: integer('oral').notNull(),
    written: integer('written').notNull(),
    petition: integer('petition').notNull(),
    criminal: integer('criminal').notNull(),
  },
  (t) => [
    unique('mediation_monthly_key').on(t.countyCode, t.month, t.closedMonth).nullsNotDistinct(),
    // a province's (or prefecture's) months read this index only (see bench/national.ts)
    index('mediation_monthly_province_idx').on(
      sql`substr(${t.countyCode}, 1, 2)`,
      t.month,
      t.countyCode,
      t.closedMonth,
      t.received,
      t.succeeded,
      t.oral,
      t.written,
      t.petition,
      t.criminal,
    ),
    check(
      'mediation_monthly_counts',
      sql`${t.received} >= 0 and ${t.succeeded} >= 0 and ${t.oral} >= 0 and ${t.written} >= 0 and ${t.petition} >= 0 and ${t.criminal} >= 0`,
    ),
  ],
);

/**
 * A village's monthly dispute screening (矛盾纠纷排查) report: the day it was held and the disputes
 * found, or a zero report (零报告). One a month; a missing month shows as missing.
 */
export const disputeScreenings = pgTable(
  'dispute_screenings',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    month: varchar('month', { length: 7 }).notNull(),
    screenedOn: date('screened_on'),
    zeroReport: boolean('zero_report').notNull(),
    disputesFound: integer('disputes_found').notNull().default(0),
    notes: text('notes').notNull().default(''),
    /** The county's calendar day the report was first recorded: on time or late. */
    reportedOn: date('reported_on').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('dispute_screenings_village_month').on(t.villageCode, t.month),
    index('dispute_screenings_township_month_idx').on(t.townshipCode, t.month),
  ],
);

/** A township's month, closed (data approved and locked) by the township, reopened by the county. */
export const registerPeriods = pgTable(
  'register_periods',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    locked: boolean('locked').notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: text('locked_by'),
    reopenReason: text('reopen_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.townshipCode, t.month] })],
);
