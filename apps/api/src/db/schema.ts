// The one drizzle schema. Migrations are generated from it with `pnpm db:generate`.
// Reference tables (divisions) are keyed by code; distributed tables carry county_code.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
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
    level: text('level', {
      enum: ['province', 'prefecture', 'county', 'township', 'village'],
    }).notNull(),
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

export const roles = [
  'system_admin',
  'county_admin',
  'township_officer',
  'inspector',
  'village_clerk',
] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 32 }).notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    scopeCode: varchar('scope_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 12 }),
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
