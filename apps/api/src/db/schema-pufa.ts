// The 普法 register (法治宣传教育台账): activities of villages and townships, the villages' rosters
// of 法律明白人 and 宣讲员, and the annual 普法 plan of townships and the county. Re-exported by
// schema.ts.
import { pufaActivityTypes, pufaExamResults, pufaRosterRoles } from '@fazhi/domain';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One 普法 activity of a village or a township (`division_code`): a lecture, a training, a film
 * show, a leaflet round, … with its audience and the materials handed out.
 */
export const pufaActivities = pgTable(
  'pufa_activities',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: pufaActivityTypes }).notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    organiser: text('organiser').notNull(),
    participants: integer('participants').notNull(),
    materials: integer('materials').notNull().default(0),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // the statistics of a county and period read this index only
    index('pufa_activities_county_held_idx').on(
      t.countyCode,
      t.heldOn,
      t.divisionCode,
      t.type,
      t.participants,
      t.materials,
    ),
    index('pufa_activities_division_held_idx').on(t.divisionCode, t.heldOn),
  ],
);

/**
 * A village's 法律明白人 or 普法宣讲员: the name (shown only inside the township), training hours
 * and exam result. No ID numbers.
 */
export const pufaRoster = pgTable(
  'pufa_roster',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role', { enum: pufaRosterRoles }).notNull(),
    name: text('name').notNull(),
    trainingHours: doublePrecision('training_hours').notNull().default(0),
    examResult: text('exam_result', { enum: pufaExamResults }).notNull().default('not_taken'),
    examOn: date('exam_on'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('pufa_roster_village_idx').on(t.villageCode, t.role),
    index('pufa_roster_county_idx').on(t.countyCode, t.villageCode),
  ],
);

/** An item of a township's or the county's annual 普法 plan (年度普法计划), with its progress. */
export const pufaPlanItems = pgTable(
  'pufa_plan_items',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** The kind of activity the item plans, when it is one; its activities are then counted. */
    activityType: text('activity_type', { enum: pufaActivityTypes }),
    targetCount: integer('target_count'),
    dueOn: date('due_on').notNull(),
    /** Progress in percent, 0–100, as the officer reports it. */
    progress: smallint('progress').notNull().default(0),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('pufa_plan_items_division_year_idx').on(t.divisionCode, t.year)],
);

/**
 * A photo of a 普法 activity: an image typed by its content, stored with the evidence files under
 * `evidence/<county>/<activity id>/` (written as `.part`, named after the commit, swept, backed up).
 */
export const pufaActivityPhotos = pgTable(
  'pufa_activity_photos',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => pufaActivities.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pufa_activity_photos_activity_idx').on(t.activityId),
    index('pufa_activity_photos_path_idx').on(t.countyCode, t.storagePath),
  ],
);
