// The one drizzle schema. Migrations are generated from it with `pnpm db:generate`.
// Reference tables (divisions) are keyed by code; distributed tables carry county_code.
import { sql } from 'drizzle-orm';
import {
  annualOutcomes,
  campaignModes,
  campaignStages,
  disclosureCategories,
  disclosureChannels,
  divisionLevels,
  participationStates as domainParticipationStates,
  recordFileKinds,
  recordFilePurposes,
  recordMeetingBodies,
  ROLES,
  type ClosingFigures,
  recheckOutcomes,
  sheetColumns,
  subjectLevels,
  titleLevels,
  titleStatuses,
  villageRulesKinds,
  type CampaignStage,
  type ParticipationState,
  type SheetColumn,
  type TitleLevel,
} from '@fazhi/domain';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  date,
  foreignKey,
  pgTable,
  primaryKey,
  unique,
  uniqueIndex,
  text,
  timestamp,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const divisions = pgTable(
  'divisions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: divisionLevels }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    countyCode: varchar('county_code', { length: 12 }),
    urbanRuralCode: varchar('urban_rural_code', { length: 3 }),
    ...timestamps,
  },
  (t) => [
    index('divisions_parent_idx').on(t.parentCode, t.code),
    index('divisions_code_prefix_idx').using('btree', t.code.op('varchar_pattern_ops')),
    index('divisions_level_idx').on(t.level, t.code),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 32 }).notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    scopeCode: varchar('scope_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 12 }),
    /** A unit officer's county unit (县直单位); null for every other role. */
    unitId: uuid('unit_id'),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    ...timestamps,
  },
  (t) => [index('users_scope_idx').using('btree', t.scopeCode.op('varchar_pattern_ops'))],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex: the token itself is never stored. */
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expiry_idx').on(t.expiresAt)],
);

/**
 * Login attempt counters shared by every API process: one row per key (`pair:` account and
 * address, `device:` known browser and account, `account:` all addresses, `address:` all
 * accounts). Keys use the lowercased username as typed, never a user id, so unknown and real
 * usernames cause the same writes.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_throttles_updated_idx').on(t.updatedAt)],
);

/** Requests to the public pages (公示 without login) per client address and minute. */
export const publicRequestCounters = pgTable('public_request_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/** Browsers that have signed in to an account: SHA-256 of the device cookie's token, hex. */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenHash, t.userId] }),
    index('known_devices_user_idx').on(t.userId),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    divisionCode: varchar('division_code', { length: 12 }),
    countyCode: varchar('county_code', { length: 12 }),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_division_idx').using('btree', t.divisionCode.op('varchar_pattern_ops')),
    index('audit_at_idx').on(t.at),
    index('audit_action_idx').on(t.action),
  ],
);

// ——— Campaigns (民主法治示范村创建) ———

/**
 * Indicator frameworks, validated by @fazhi/domain. The built-ins and those the system
 * administrator imports are shared by all counties (`ownerCountyCode` null); one a county imports
 * belongs to that county alone. A code and version are unique per owner.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    /** The county (12-digit code) that imported it; null: shared by every county. */
    ownerCountyCode: text('owner_county_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('frameworks_owner_code_version').on(
      sql`coalesce(${t.ownerCountyCode}, '')`,
      t.code,
      t.version,
    ),
  ],
);

/** County units (县直单位: 司法局, 公安局 …): organisations of a county that the county assesses. */
export const countyUnits = pgTable(
  'county_units',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** What kind of body it is, free text: 政府工作部门, 直属事业单位, 垂直管理部门 … */
    kind: text('kind').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('county_units_name').on(t.countyCode, t.name),
    uniqueIndex('county_units_id').on(t.id),
  ],
);

/** The title levels, stages, modes and subject levels are the domain's. */
export const campaignLevels = titleLevels;
export type CampaignLevel = TitleLevel;
export { campaignStages, sheetColumns, type CampaignStage, type SheetColumn };

export const campaigns = pgTable(
  'campaigns',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    level: text('level', { enum: campaignLevels }).notNull(),
    mode: text('mode', { enum: campaignModes }).notNull().default('creation'),
    subjectLevel: text('subject_level', { enum: subjectLevels }).notNull().default('village'),
    /** Annual campaigns: whether the county turned on 公示 and naming. */
    publicNotice: boolean('public_notice').notNull().default(false),
    /** Recommendation campaigns: how many subjects may be recommended upward (名额). */
    recommendationQuota: integer('recommendation_quota'),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    stage: text('stage', { enum: campaignStages }).notNull().default('deploy'),
    /** Planned dates per stage: { [stage]: 'YYYY-MM-DD' }. */
    stageDates: jsonb('stage_dates')
      .$type<Partial<Record<CampaignStage, string>>>()
      .notNull()
      .default({}),
    noticeDays: integer('notice_days').notNull().default(7),
    /**
     * The period of village records the score sheet is derived from, when the county sets it
     * (both or neither); otherwise the domain's rule (`campaignRecordPeriod`).
     */
    recordFrom: date('record_from', { mode: 'string' }),
    recordTo: date('record_to', { mode: 'string' }),
    /** Points in hundredths, so 90 is 9000; null means no minimum. */
    minSelfScore: integer('min_self_score'),
    minAcceptedScore: integer('min_accepted_score'),
    requireLowerTitle: boolean('require_lower_title').notNull().default(false),
    /** Whether the township must score every item before approving (as self and county do). */
    townshipScoreRequired: boolean('township_score_required').notNull().default(true),
    pilotVillageCodes: jsonb('pilot_village_codes').$type<string[]>().notNull().default([]),
    /** Inspectors assigned to score the county column during acceptance. */
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull().default([]),
    /** 公示: who issues the notice, where objections go, and its date (the period's first day). */
    noticeIssuer: text('notice_issuer'),
    noticeContact: text('notice_contact'),
    noticeIssuedOn: date('notice_issued_on', { mode: 'string' }),
    /** When a pilot phase (试点) ended and every village of the county may declare. */
    rolledOutAt: timestamp('rolled_out_at', { withTimezone: true }),
    /** 总结: when the county closed the campaign (read-only from then on), its text and figures. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingSummary: text('closing_summary'),
    closingFigures: jsonb('closing_figures').$type<ClosingFigures>(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] })],
);

/** A stage deadline the county moved later, with its reason (the deadline is `stageDates`). */
export const deadlineExtensions = pgTable(
  'deadline_extensions',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    stage: text('stage', { enum: campaignStages }).notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.campaignId],
      foreignColumns: [campaigns.countyCode, campaigns.id],
    }),
    index('deadline_extensions_campaign_idx').on(t.countyCode, t.campaignId),
  ],
);

/**
 * 交叉检查: a township officer assigned to inspect another township's villages in one campaign.
 * The grant counts while the campaign is open; closing the campaign ends it.
 */
export const crossCheckGrants = pgTable(
  'cross_check_grants',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The township whose villages the officer inspects. */
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('cross_check_grants_once').on(t.countyCode, t.campaignId, t.userId, t.townshipCode),
    foreignKey({
      columns: [t.countyCode, t.campaignId],
      foreignColumns: [campaigns.countyCode, campaigns.id],
    }),
  ],
);

/** 现场会: the on-site meeting of a campaign's pilot phase. */
export const pilotMeetings = pgTable(
  'pilot_meetings',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    attendees: integer('attendees').notNull(),
    summary: text('summary').notNull(),
    /** Names of further materials, recorded without their bytes (the uploaded files: `pilotMeetingFiles`). */
    fileNames: jsonb('file_names').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.campaignId],
      foreignColumns: [campaigns.countyCode, campaigns.id],
    }),
  ],
);

/**
 * The files of a pilot on-site meeting (会议材料: agenda, photos, experience papers), stored like
 * evidence files (images and PDF, same size limit) under `evidence/<county>/<meeting>/`.
 */
export const pilotMeetingFiles = pgTable(
  'pilot_meeting_files',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.meetingId],
      foreignColumns: [pilotMeetings.countyCode, pilotMeetings.id],
    }),
    index('pilot_meeting_files_meeting_idx').on(t.countyCode, t.meetingId),
  ],
);

/** The participation states are the domain's (see `transitionParticipation`). */
export const participationStates = domainParticipationStates as unknown as readonly [
  ParticipationState,
  ...ParticipationState[],
];

/** One column of a score sheet: answers per item, triggered vetoes, comments per item. */
export interface SheetColumnData {
  items: Record<string, boolean | number | string[]>;
  vetoes: string[];
  comments: Record<string, string>;
  /**
   * Self-assessment only: the reason per item for an answer that differs from the one the
   * village's records give (来自台账); the reviewers see it.
   */
  overrides?: Record<string, string>;
}
export type ScoreSheetData = Partial<Record<SheetColumn, SheetColumnData>>;

/**
 * The ranking's sort key of a scored participation: its county total when not vetoed, 0 when
 * vetoed (vetoed ones rank after the others and among themselves by village code only).
 */
export function rankKey(t: { countyVetoed: AnyPgColumn; countyTotal: AnyPgColumn }) {
  return sql`case when ${t.countyVetoed} then 0 else ${t.countyTotal} end`;
}

/**
 * A subject's participation in a campaign, with its score sheet (optimistically locked). The
 * subject is a village, a township (`villageCode` is then the township's code) or a county unit
 * (`unitId`; `villageCode` and `townshipCode` are then the county's code).
 */
export const participations = pgTable(
  'participations',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    unitId: uuid('unit_id'),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    state: text('state', { enum: participationStates }).notNull().default('declared'),
    sheet: jsonb('sheet').$type<ScoreSheetData>().notNull().default({}),
    /** Incremented by every save of the sheet and every transition. */
    version: integer('version').notNull().default(1),
    sheetUpdatedBy: text('sheet_updated_by'),
    sheetUpdatedAt: timestamp('sheet_updated_at', { withTimezone: true }),
    /** Totals in hundredths of a point, computed by @fazhi/domain when the sheet is saved. */
    selfTotal: integer('self_total'),
    townshipTotal: integer('township_total'),
    countyTotal: integer('county_total'),
    countyGrade: text('county_grade'),
    countyVetoed: boolean('county_vetoed').notNull().default(false),
    postedOn: date('posted_on'),
    namedOn: date('named_on'),
    /** The township's reason of the last return; cleared when the sheet is submitted again. */
    returnedReason: text('returned_reason'),
    /** Annual assessments: the county's 奖惩 outcome and its note. */
    outcome: text('outcome', { enum: annualOutcomes }),
    outcomeNote: text('outcome_note'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('participations_subject')
      .on(t.countyCode, t.campaignId, t.villageCode, t.unitId)
      .nullsNotDistinct(),
    foreignKey({
      columns: [t.countyCode, t.campaignId],
      foreignColumns: [campaigns.countyCode, campaigns.id],
    }),
    index('participations_campaign_idx').on(t.countyCode, t.campaignId, t.state),
    /** A lookup by id alone (a sheet, a transition, evidence) without scanning the county key. */
    uniqueIndex('participations_id_idx').on(t.id),
    /**
     * The ranking in its order (`rankScorecards`: not vetoed first by total, then vetoed; ties
     * by village code), so that a page is read from the index and stops at its last row.
     */
    index('participations_rank_idx')
      .on(t.countyCode, t.campaignId, t.countyVetoed, sql`(${rankKey(t)}) desc`, t.villageCode)
      .where(sql`${t.countyTotal} is not null`),
    /** The median of a campaign's county totals, read at its offset. */
    index('participations_total_idx')
      .on(t.countyCode, t.campaignId, t.countyTotal)
      .where(sql`${t.countyTotal} is not null`),
  ],
);

/** Real-name objections (实名异议) raised during public notice. */
export const objections = pgTable(
  'objections',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    participationId: uuid('participation_id').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.participationId],
      foreignColumns: [participations.countyCode, participations.id],
    }),
  ],
);

/** Evidence files attached to a score-sheet item; the bytes live under the data directory. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    participationId: uuid('participation_id').notNull(),
    itemCode: text('item_code').notNull(),
    column: text('column', { enum: sheetColumns }).notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.participationId],
      foreignColumns: [participations.countyCode, participations.id],
    }),
    index('evidence_item_idx').on(t.countyCode, t.participationId, t.itemCode),
  ],
);

/** Reasons a re-check may revoke a title: configurable, seeded from legal-reference §1.C. */
export const revocationReasons = pgTable('revocation_reasons', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Named titles (命名) and their re-check outcomes (复核: 保留 / 撤销 / 注销). */
export const titles = pgTable(
  'titles',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    level: text('level', { enum: campaignLevels }).notNull(),
    year: integer('year').notNull(),
    campaignId: uuid('campaign_id'),
    namedOn: date('named_on').notNull(),
    status: text('status', { enum: titleStatuses }).notNull().default('active'),
    recheckedOn: date('rechecked_on'),
    recheckOutcome: text('recheck_outcome', { enum: recheckOutcomes }),
    recheckReasons: jsonb('recheck_reasons').$type<string[]>(),
    recheckNote: text('recheck_note'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('titles_village_idx').on(t.countyCode, t.villageCode),
  ],
);

// ——— A title's life after naming (动态管理, 一村一档) ———

/**
 * Where a title named above the county came from: the higher level's decision, recorded by the
 * county (awarding body and document number). A title the county named itself has none; its
 * naming is its campaign's.
 */
export const titleDecisions = pgTable(
  'title_decisions',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    titleId: uuid('title_id').notNull(),
    awardingBody: text('awarding_body').notNull(),
    documentNumber: text('document_number').notNull(),
    decidedOn: date('decided_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.titleId] }),
    foreignKey({
      columns: [t.countyCode, t.titleId],
      foreignColumns: [titles.countyCode, titles.id],
    }).onDelete('cascade'),
  ],
);

export const titleCheckResults = ['satisfactory', 'issues_found'] as const;

/** Daily checks (日常检查) of a titled village: who checked, what they found, the result. */
export const titleChecks = pgTable(
  'title_checks',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    titleId: uuid('title_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    checkedOn: date('checked_on').notNull(),
    inspector: text('inspector').notNull(),
    findings: text('findings').notNull(),
    result: text('result', { enum: titleCheckResults }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.titleId],
      foreignColumns: [titles.countyCode, titles.id],
    }).onDelete('cascade'),
    index('title_checks_title_idx').on(t.countyCode, t.titleId, t.checkedOn),
  ],
);

export const complaintChannels = [
  'visit',
  'phone',
  'letter',
  'online',
  'hotline_12345',
  'other',
] as const;

/**
 * Complaints received about a titled village and how each was answered. No ID numbers are kept;
 * the complainant's name is optional and shown to the county only.
 */
export const titleComplaints = pgTable(
  'title_complaints',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    titleId: uuid('title_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    receivedOn: date('received_on').notNull(),
    channel: text('channel', { enum: complaintChannels }).notNull(),
    substance: text('substance').notNull(),
    complainantName: text('complainant_name'),
    reply: text('reply'),
    repliedOn: date('replied_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.titleId],
      foreignColumns: [titles.countyCode, titles.id],
    }).onDelete('cascade'),
    index('title_complaints_title_idx').on(t.countyCode, t.titleId, t.receivedOn),
  ],
);

/**
 * Rectification orders (整改通知): issued by the county with a deadline; the village clerk may
 * report one done with a note, the township (or county) confirms its completion.
 */
export const titleRectifications = pgTable(
  'title_rectifications',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    titleId: uuid('title_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    findings: text('findings').notNull(),
    deadline: date('deadline').notNull(),
    reportedOn: date('reported_on'),
    reportNote: text('report_note'),
    completedOn: date('completed_on'),
    completionNote: text('completion_note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.titleId],
      foreignColumns: [titles.countyCode, titles.id],
    }).onDelete('cascade'),
    index('title_rectifications_title_idx').on(t.countyCode, t.titleId, t.issuedOn),
  ],
);

/**
 * Re-check records: opened for a batch of titles by the county, decided one by one (保留 / 撤销
 * / 注销 through the titles' re-check). A title has at most one open record.
 */
export const titleRechecks = pgTable(
  'title_rechecks',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    titleId: uuid('title_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    batchId: uuid('batch_id').notNull(),
    openedOn: date('opened_on').notNull(),
    decidedOn: date('decided_on'),
    outcome: text('outcome', { enum: recheckOutcomes }),
    reasons: jsonb('reasons').$type<string[]>(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    foreignKey({
      columns: [t.countyCode, t.titleId],
      foreignColumns: [titles.countyCode, titles.id],
    }).onDelete('cascade'),
    uniqueIndex('title_rechecks_one_open')
      .on(t.countyCode, t.titleId)
      .where(sql`${t.decidedOn} is null`),
    index('title_rechecks_batch_idx').on(t.countyCode, t.batchId),
  ],
);

// ——— Village records (村务台账) ———
// Every register carries county_code and village_code; rows are looked up per village and date.
// Counts only: no villager names or ID numbers are stored.

/** Meeting kinds (@fazhi/domain): the bodies `checkResolution` knows, and 两委联席会议. */
export { recordMeetingBodies };
export type { RecordMeetingBody } from '@fazhi/domain';

/** 村民小组: the figures the law's thresholds need; village totals are derived from them. */
export const villageGroups = pgTable(
  'village_groups',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    households: integer('households').notNull(),
    /** Registered voters: villagers aged 18+. */
    voters: integer('voters').notNull(),
    representatives: integer('representatives').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('village_groups_name').on(t.villageCode, t.name),
    index('village_groups_county_idx').on(t.countyCode, t.villageCode),
  ],
);

/** A meeting of a village or one of its groups. */
export const villageMeetings = pgTable(
  'village_meetings',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').references(() => villageGroups.id),
    body: text('body', { enum: recordMeetingBodies }).notNull(),
    date: date('date').notNull(),
    convenor: text('convenor').notNull().default(''),
    eligible: integer('eligible').notNull(),
    /** The register's figure on the day (null: no register); a difference is a warning. */
    registerEligible: integer('register_eligible'),
    attendees: integer('attendees').notNull(),
    minutes: text('minutes').notNull().default(''),
    /** Changed after the period's self-assessment was submitted: shown to reviewers. */
    correctedAfterSubmission: boolean('corrected_after_submission').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('village_meetings_village_date_idx').on(t.villageCode, t.date),
    index('village_meetings_scope_idx').using(
      'btree',
      t.villageCode.op('varchar_pattern_ops'),
      t.date,
    ),
  ],
);

/** A resolution of a meeting with the check the law in force on the meeting date gave. */
export const meetingResolutions = pgTable(
  'meeting_resolutions',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => villageMeetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    matter: text('matter'),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull(),
    abstentions: integer('abstentions').notNull(),
    representatives: integer('representatives'),
    representativesVotesFor: integer('representatives_votes_for'),
    /** `checkResolution`'s result (null for a kind without a statutory rule). */
    check: jsonb('check'),
    passed: boolean('passed'),
    problemCount: integer('problem_count').notNull().default(0),
    /** The rules that produced the check, e.g. `organic-law-2025;domain-0.1.0`. */
    ruleVersion: text('rule_version').notNull(),
  },
  (t) => [
    index('meeting_resolutions_meeting_idx').on(t.meetingId, t.position),
    index('meeting_resolutions_village_idx').on(t.villageCode),
  ],
);

/** The postings' categories and channels (@fazhi/domain). */
export { disclosureCategories, disclosureChannels };

/** 三务公开 postings. */
export const villageDisclosures = pgTable(
  'village_disclosures',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category', { enum: disclosureCategories }).notNull(),
    /** The period covered, e.g. `2026-Q1`, `2026-03`, or free text for a major matter. */
    period: text('period').notNull(),
    postedOn: date('posted_on').notNull(),
    takenDownOn: date('taken_down_on'),
    channel: text('channel', { enum: disclosureChannels }).notNull(),
    summary: text('summary').notNull(),
    /** For a major matter: the resolution disclosed. */
    resolutionId: uuid('resolution_id').references(() => meetingResolutions.id, {
      onDelete: 'set null',
    }),
    correctedAfterSubmission: boolean('corrected_after_submission').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('village_disclosures_village_idx').on(t.villageCode, t.postedOn)],
);

/** 四议两公开: a major matter followed step by step, with `checkFourDeliberations`' result. */
export const villageMatters = pgTable(
  'village_matters',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    startedOn: date('started_on').notNull(),
    /** [{ step, on, meetingId?, disclosureId? }] */
    steps: jsonb('steps').notNull().default([]),
    secretaryIsChair: boolean('secretary_is_chair').notNull().default(false),
    check: jsonb('check').notNull(),
    complete: boolean('complete').notNull().default(false),
    correctedAfterSubmission: boolean('corrected_after_submission').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('village_matters_village_idx').on(t.villageCode, t.startedOn)],
);

/** The kinds of village rules: @fazhi/domain's list. */
export { villageRulesKinds };
export const rulesReviewStates = ['pending', 'approved', 'returned'] as const;

/** A version of a village's rules, its filing, legality review and publication. */
export const villageRuleVersions = pgTable(
  'village_rule_versions',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: villageRulesKinds }).notNull(),
    label: text('label').notNull(),
    text: text('text').notNull(),
    meetingId: uuid('meeting_id').references(() => villageMeetings.id, { onDelete: 'set null' }),
    adoptedOn: date('adopted_on').notNull(),
    filedOn: date('filed_on'),
    receivedOn: date('received_on'),
    reviewer: text('reviewer'),
    reviewState: text('review_state', { enum: rulesReviewStates }).notNull().default('pending'),
    reviewFindings: text('review_findings'),
    reviewedOn: date('reviewed_on'),
    publishedOn: date('published_on'),
    /** `checkVillageRules`' result (null without a linked adopting meeting). */
    check: jsonb('check'),
    /** `screenVillageRules`' findings (null until the screen exists). */
    screen: jsonb('screen'),
    correctedAfterSubmission: boolean('corrected_after_submission').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('village_rule_versions_village_idx').on(t.villageCode, t.kind, t.adoptedOn)],
);

export const electionRecordKinds = ['election', 'recall', 'representatives', 'appraisal'] as const;

/** Elections, recalls, representatives make-up and appraisals, with their figures and check. */
export const villageElections = pgTable(
  'village_elections',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: electionRecordKinds }).notNull(),
    date: date('date').notNull(),
    /** The check's input (counts only; candidates by label, never by name). */
    figures: jsonb('figures').notNull(),
    check: jsonb('check').notNull(),
    problemCount: integer('problem_count').notNull().default(0),
    correctedAfterSubmission: boolean('corrected_after_submission').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('village_elections_village_idx').on(t.villageCode, t.kind, t.date)],
);

/**
 * Files kept with village records (minutes, photos, a rules version's text), stored beside the
 * evidence files under `evidence/<county>/<record id>/`; a deleted record takes its rows along.
 */
export const recordFiles = pgTable(
  'record_files',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    recordKind: text('record_kind', { enum: recordFileKinds }).notNull(),
    /** The record: exactly one of the three, by its kind. */
    meetingId: uuid('meeting_id').references(() => villageMeetings.id, { onDelete: 'cascade' }),
    disclosureId: uuid('disclosure_id').references(() => villageDisclosures.id, {
      onDelete: 'cascade',
    }),
    rulesId: uuid('rules_id').references(() => villageRuleVersions.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: recordFilePurposes }).notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('record_files_meeting_idx').on(t.meetingId),
    index('record_files_disclosure_idx').on(t.disclosureId),
    index('record_files_rules_idx').on(t.rulesId),
    index('record_files_path_idx').on(t.countyCode, t.storagePath),
  ],
);

export * from './schema-registers.js';
export * from './schema-pufa.js';
export * from './schema-township.js';
export * from './schema-advisers.js';
