// Township work (issue #13): supervision tasks (督查督办) with their reports, and villagers'
// comments each answered (件件有反馈). Re-exported from schema.ts, the one drizzle schema.
import { sql } from 'drizzle-orm';
import {
  budgetRecordKinds as domainBudgetRecordKinds,
  projectStages as domainProjectStages,
  taskRatings as domainTaskRatings,
  taskSources as domainTaskSources,
  taskStates as domainTaskStates,
  type BudgetRecordKind,
  type ProjectStage,
  type TaskRating,
  type TaskSource,
  type TaskState,
} from '@fazhi/domain';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const taskStates = domainTaskStates as readonly [TaskState, ...TaskState[]];
export const taskSources = domainTaskSources as readonly [TaskSource, ...TaskSource[]];
export const taskRatings = domainTaskRatings as readonly [TaskRating, ...TaskRating[]];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A supervised task: assigned by a township or county office to a division or unit. */
export const supervisionTasks = pgTable(
  'supervision_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The assigning office's division (a township or the county). */
    assignerCode: varchar('assigner_code', { length: 12 }).notNull(),
    /** The owning division (a village, a township) inside the assigner's. */
    ownerCode: varchar('owner_code', { length: 12 }).notNull(),
    /** A county unit (e.g. 县农业农村局) when the owner is an office, not a division. */
    ownerUnit: text('owner_unit'),
    title: text('title').notNull(),
    source: text('source', { enum: taskSources }).notNull(),
    detail: text('detail').notNull().default(''),
    /** The post responsible (e.g. 村党支部书记), not a personal record. */
    responsible: text('responsible').notNull(),
    assignedOn: date('assigned_on').notNull(),
    deadline: date('deadline').notNull(),
    /** [{ title, due, done }] */
    milestones: jsonb('milestones').notNull().default([]),
    state: text('state', { enum: taskStates }).notNull().default('assigned'),
    percentDone: integer('percent_done').notNull().default(0),
    extensionPending: boolean('extension_pending').notNull().default(false),
    extensionTo: date('extension_to'),
    extensionReason: text('extension_reason'),
    rating: text('rating', { enum: taskRatings }),
    ratingNote: text('rating_note'),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('supervision_tasks_owner_idx').on(t.ownerCode, t.deadline),
    index('supervision_tasks_assigner_idx').on(t.assignerCode, t.deadline),
  ],
);

export const taskReportKinds = [
  'progress',
  'close_request',
  'return',
  'close',
  'extension_request',
  'extension_decision',
] as const;

/** The task's history: progress reports, requests and decisions, in order. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => supervisionTasks.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: taskReportKinds }).notNull(),
    on: date('on').notNull(),
    text: text('text').notNull().default(''),
    percentDone: integer('percent_done'),
    /**
     * Names of files typed in by reports made before files were uploaded (kept and shown; new
     * reports carry their files in `township_files`).
     */
    files: jsonb('files').notNull().default([]),
    /** Who reported: the user's display name, shown inside scope only. */
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('task_reports_task_idx').on(t.taskId, t.id)],
);

export const commentChannels = ['public_page', 'phone', 'office'] as const;

/** A villager's comment or complaint and its answer. */
export const publicComments = pgTable(
  'public_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The division the comment is about (a township or a village). */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    /** The division that must answer. */
    ownerCode: varchar('owner_code', { length: 12 }).notNull(),
    channel: text('channel', { enum: commentChannels }).notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    /** How to reach the commenter; shown inside scope only, never on a public page. */
    contact: text('contact'),
    receivedOn: date('received_on').notNull(),
    deadline: date('deadline').notNull(),
    reply: text('reply'),
    repliedOn: date('replied_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('public_comments_owner_idx').on(t.ownerCode, t.deadline),
    index('public_comments_division_idx').on(t.divisionCode, t.receivedOn),
  ],
);

export const projectStages = domainProjectStages as readonly [ProjectStage, ...ProjectStage[]];
export const projectSourceKinds = ['village', 'community', 'firm', 'deputy'] as const;

/**
 * 实事工程百姓点单: an idea collected for a township's year, screened onto the menu (or not, with
 * the published reason), voted by the township people's congress, then built and reported.
 */
export const villagerProjects = pgTable(
  'villager_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    sourceKind: text('source_kind', { enum: projectSourceKinds }).notNull(),
    /** Where the idea came from (a village, a community, a firm), by name. */
    source: text('source').notNull(),
    /** How many people raised it. */
    raisedBy: integer('raised_by').notNull(),
    stage: text('stage', { enum: projectStages }).notNull().default('idea'),
    /** Why an idea was not taken up (published). */
    screeningReason: text('screening_reason'),
    /** Budget and spending in whole yuan. */
    budgetYuan: bigint('budget_yuan', { mode: 'number' }),
    spentYuan: bigint('spent_yuan', { mode: 'number' }).notNull().default(0),
    percentDone: integer('percent_done').notNull().default(0),
    /** [{ title, due, done }] */
    milestones: jsonb('milestones').notNull().default([]),
    /** { date, deputies, present, votesFor, votesAgainst, abstentions, check } */
    vote: jsonb('vote'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('villager_projects_township_idx').on(t.townshipCode, t.year)],
);

export const budgetRecordKinds = domainBudgetRecordKinds as readonly [
  BudgetRecordKind,
  ...BudgetRecordKind[],
];

/**
 * 参与式预算: a key project carried through five stages with the people (from their requests to
 * their appraisal). Either a project the township congress voted through (linked) or one the
 * township enters as key.
 */
export const keyProjects = pgTable(
  'key_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** What is to be built, in a few words (public). */
    summary: text('summary').notNull().default(''),
    /** The voted villagers' project this key project carries, if it came from the menu. */
    villagerProjectId: uuid('villager_project_id').references(() => villagerProjects.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('key_projects_township_idx').on(t.townshipCode, t.year),
    uniqueIndex('key_projects_villager_project_uq').on(t.villagerProjectId),
  ],
);

/**
 * The records of a key project's stages, one row each: a request behind it (linked to an idea or
 * a comment, with how many raised it), a design meeting (representatives attending as a count),
 * the agreed plan (text and the file's name), the tender (representatives attending, the winning
 * firm and amount), an inspection (findings, the rectification asked and whether it is done),
 * the appraisal (counts, and the rectifications it asked for with their completion).
 */
export const keyProjectRecords = pgTable(
  'key_project_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => keyProjects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: budgetRecordKinds }).notNull(),
    on: date('on').notNull(),
    /** The request's summary, the meeting's outcome, the plan, the inspection's findings. */
    text: text('text').notNull().default(''),
    /** People raising the request; representatives attending; residents appraising. */
    people: integer('people').notNull().default(0),
    /** The meeting's convenor (a post or name), shown inside scope only. */
    convenor: text('convenor'),
    ideaId: uuid('idea_id').references(() => villagerProjects.id, { onDelete: 'set null' }),
    commentId: uuid('comment_id').references(() => publicComments.id, { onDelete: 'set null' }),
    /**
     * A file name typed in by a plan recorded before files were uploaded (kept and shown; a plan's
     * files are now in `township_files`).
     */
    fileName: text('file_name'),
    winningFirm: text('winning_firm'),
    amountYuan: bigint('amount_yuan', { mode: 'number' }),
    /** The supervising engineer inspected alongside the representatives. */
    engineerPresent: boolean('engineer_present'),
    /** The rectification an inspection asked for, and when it was done. */
    rectification: text('rectification'),
    rectifiedOn: date('rectified_on'),
    satisfied: integer('satisfied'),
    basicallySatisfied: integer('basically_satisfied'),
    unsatisfied: integer('unsatisfied'),
    /** The appraisal's rectifications: [{ text, doneOn }] (doneOn null while open). */
    rectifications: jsonb('rectifications').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('key_project_records_project_idx').on(t.projectId, t.kind, t.on)],
);

/**
 * Files kept with township work: those of a task's progress report (`taskReportId`, its bytes
 * in the task's folder) and those of a budget stage record (`budgetRecordId`, in the record's
 * folder). Stored beside the evidence files under `evidence/<county>/<folderId>/` (written as
 * `.part`, named once the row is committed, swept and backed up alike).
 */
export const townshipFiles = pgTable(
  'township_files',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    /** The folder the bytes are kept in: the task's id, or the budget record's. */
    folderId: uuid('folder_id').notNull(),
    taskReportId: bigint('task_report_id', { mode: 'number' }).references(() => taskReports.id, {
      onDelete: 'cascade',
    }),
    budgetRecordId: uuid('budget_record_id').references(() => keyProjectRecords.id, {
      onDelete: 'cascade',
    }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('township_files_report_idx').on(t.taskReportId),
    index('township_files_budget_record_idx').on(t.budgetRecordId),
    index('township_files_folder_idx').on(t.countyCode, t.folderId),
    check(
      'township_files_one_owner',
      sql`(${t.taskReportId} is null) <> (${t.budgetRecordId} is null)`,
    ),
  ],
);
