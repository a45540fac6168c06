import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, doublePrecision, index, integer, json, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../schema.ts';

/*
 * The PostgreSQL twin of api/db/schema.ts: the same tables, columns, keys and indexes, so the code
 * above api/db reads the same rows from either database. The documentation of each table and
 * column is in the SQLite schema; only what PostgreSQL needs differently is said here.
 *
 * - Timestamps stay ISO 8601 text in UTC with milliseconds and "Z", written by the same default
 *   format as SQLite's strftime, so values compare, sort and export exactly alike on both.
 * - JSON columns are `json`, not `jsonb`: json keeps the text as written (key order and all), as
 *   SQLite does, so a questionnaire's definition comes back as it was published.
 * - SQLite's implicit rowid, which the column caches, exports and change stamp read, is an explicit
 *   `rowid` identity column on responses and response_values. A statement-level trigger
 *   (migration 0002) makes inserting transactions take turns, so rowids grow in commit order and
 *   "every row above the highest rowid I read" stays a complete list of what was appended.
 */

const now = sql`(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Bytes as a Node Buffer, like better-sqlite3's blobs. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** An insertion-ordered row number, SQLite's rowid made explicit (db:copy keeps SQLite's values). */
const rowid = () => bigint('rowid', { mode: 'number' }).notNull().unique().generatedByDefaultAsIdentity();

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  disabledAt: text('disabled_at'),
});

export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: text('created_at').notNull().default(now),
  expiresAt: text('expires_at').notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
});

export const surveys = pgTable('surveys', {
  id: id(),
  slug: text('slug').notNull().unique(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  sourceHash: text('source_hash'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
});

export const surveyMembers = pgTable(
  'survey_members',
  {
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    userId: integer('user_id').notNull().references(() => users.id),
    addedAt: text('added_at').notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.surveyId, table.userId] })],
);

export const surveyDrafts = pgTable('survey_drafts', {
  surveyId: integer('survey_id').primaryKey().references(() => surveys.id),
  definition: json('definition').notNull(),
  meta: json('meta').notNull(),
  basedOnVersion: integer('based_on_version'),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull().default(now),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    surveyId: integer('survey_id').references(() => surveys.id),
    target: text('target'),
    details: json('details'),
  },
  (table) => [index('audit_log_survey').on(table.surveyId, table.at)],
);

export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: id(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    version: integer('version').notNull(),
    definition: json('definition').notNull(),
    meta: json('meta').notNull(),
    contentHash: text('content_hash').notNull(),
    publishedAt: text('published_at').notNull().default(now),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('survey_versions_survey_version').on(table.surveyId, table.version),
    index('survey_versions_hash').on(table.surveyId, table.contentHash),
  ],
);

export const responses = pgTable(
  'responses',
  {
    id: text('id').primaryKey(),
    rowid: rowid(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    surveyVersionId: integer('survey_version_id').notNull().references(() => surveyVersions.id),
    version: integer('version').notNull(),
    answers: json('answers').notNull(),
    answersHash: text('answers_hash').notNull(),
    language: text('language').notNull(),
    mode: text('mode', { enum: ['web', 'enumerator', 'import'] }).notNull().default('web'),
    enumeratorId: integer('enumerator_id').references(() => users.id),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    wave: integer('wave'),
    stratum: text('stratum'),
    psu: text('psu'),
    weight: doublePrecision('weight'),
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
    receivedAt: text('received_at').notNull().default(now),
    paradata: json('paradata'),
    importHash: text('import_hash'),
    /**
     * PostgreSQL only: the region answer as text, kept by the database (never written by us). The
     * monitor counts by region every few seconds; PostgreSQL makes no index-only scan of an
     * expression index, so an index on `answers ->> 'region'` would still read every response's
     * answers, where one on this column answers the count alone (SQLite does that from its
     * expression index). Not part of a stored response: whole rows are read without it
     * (storedResponse in ./expressions.ts) and db:copy leaves it to the database; so the duration.
     */
    region: text('region').generatedAlwaysAs(sql`("answers" ->> 'region')`),
    /**
     * PostgreSQL only, for the same reason: seconds from the first page shown to completion (null
     * without both times), so the monitor's median duration reads its index alone instead of each
     * response's two times and two calls of trustlens_epoch.
     */
    duration: doublePrecision('duration').generatedAlwaysAs(sql`(trustlens_epoch("completed_at") - trustlens_epoch("started_at"))`),
  },
  (table) => [
    index('responses_survey_import').on(table.surveyId, table.importHash).where(sql`${table.importHash} IS NOT NULL`),
    index('responses_survey_version').on(table.surveyId, table.version),
    index('responses_survey_received').on(table.surveyId, table.receivedAt, table.id),
    // The monitor's indexes, with PostgreSQL's spelling of the same expressions (responseRegion …
    // in ./expressions.ts must be written exactly so for the planner to use them); the region's
    // and the duration's are on the generated columns above.
    index('responses_survey_region').on(table.surveyId, table.region),
    index('responses_survey_language').on(table.surveyId, table.language),
    index('responses_survey_mode_received').on(table.surveyId, table.mode, table.receivedAt),
    index('responses_survey_duration').on(table.surveyId, table.duration),
    index('responses_survey_wave_done').on(table.surveyId, table.wave, sql`(CASE WHEN ${table.completedAt} IS NULL THEN ${table.receivedAt} ELSE ${table.completedAt} END)`),
  ],
);

export const responseValues = pgTable(
  'response_values',
  {
    responseId: text('response_id').primaryKey().references(() => responses.id, { onDelete: 'cascade' }),
    rowid: rowid(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    version: integer('version').notNull(),
    wave: integer('wave'),
    weight: doublePrecision('weight'),
    stratum: text('stratum'),
    psu: text('psu'),
    language: text('language').notNull(),
    mode: text('mode').notNull(),
    answerValues: bytea('answer_values').notNull(),
  },
  (table) => [index('response_values_survey_wave').on(table.surveyId, table.wave)],
);

/** Bumped by triggers (migration 0002) on deletions and updates, as on SQLite. */
export const responseChanges = pgTable('response_changes', {
  id: integer('id').primaryKey(),
  removed: integer('removed').notNull().default(0),
});

export const surveyStarts = pgTable(
  'survey_starts',
  {
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    day: text('day').notNull(),
    starts: integer('starts').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.surveyId, table.day] })],
);

/** Attempts per rate-limit key and window, shared by every instance (documented in api/db/schema.ts). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
});
