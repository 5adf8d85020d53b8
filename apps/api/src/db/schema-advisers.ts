// Legal advisers (一村一法律顾问): the advisers, their contracts with villages, their market-day
// (圩日) duty and their service records; and the townships' monthly community-correction and
// assistance figures (社区矫正, 安置帮教), counts only. Re-exported by schema.ts.
import { adviserServiceKinds } from '@fazhi/domain';
import {
  date,
  index,
  integer,
  pgTable,
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

/** A lawyer or legal worker a county engages as village legal adviser. */
export const legalAdvisers = pgTable(
  'legal_advisers',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    firm: text('firm').notNull(),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('legal_advisers_county_idx').on(t.countyCode, t.name)],
);

/** A village's contract with an adviser, from `starts_on` to `ends_on` (both included). */
export const adviserContracts = pgTable(
  'adviser_contracts',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    adviserId: uuid('adviser_id')
      .notNull()
      .references(() => legalAdvisers.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('adviser_contracts_village_idx').on(t.villageCode, t.startsOn, t.endsOn),
    index('adviser_contracts_county_idx').on(t.countyCode, t.endsOn, t.startsOn, t.villageCode),
    index('adviser_contracts_adviser_idx').on(t.adviserId),
  ],
);

/** An adviser's market-day duty (圩日值班) in a township: the day and the place. */
export const adviserDutyDays = pgTable(
  'adviser_duty_days',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    adviserId: uuid('adviser_id')
      .notNull()
      .references(() => legalAdvisers.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    place: text('place').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('adviser_duty_days_township_idx').on(t.townshipCode, t.date)],
);

/** What an adviser did for a village (or the township itself) on a day, and how many times. */
export const adviserServices = pgTable(
  'adviser_services',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    adviserId: uuid('adviser_id')
      .notNull()
      .references(() => legalAdvisers.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    kind: text('kind', { enum: adviserServiceKinds }).notNull(),
    count: integer('count').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('adviser_services_county_idx').on(t.countyCode, t.date, t.divisionCode, t.kind),
    index('adviser_services_division_idx').on(t.divisionCode, t.date),
  ],
);

/**
 * A township's monthly 社区矫正 / 安置帮教 figures. Counts only: no person is ever named here, the
 * case files stay in the national system.
 */
export const correctionFigures = pgTable(
  'correction_figures',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    month: varchar('month', { length: 7 }).notNull(),
    underCorrection: integer('under_correction').notNull(),
    newlyReceived: integer('newly_received').notNull(),
    released: integer('released').notNull(),
    helped: integer('helped').notNull(),
    filesOpened: integer('files_opened').notNull(),
    /** The county's calendar day the figures were first recorded. */
    reportedOn: date('reported_on').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('correction_figures_township_month').on(t.townshipCode, t.month),
    index('correction_figures_county_month_idx').on(t.countyCode, t.month),
  ],
);
