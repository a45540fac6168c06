import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// PostgreSQL's twin is api/db/pg/schema.ts: change both alike, then `npm run db:generate`
// (test/db/pg-schema.test.ts compares the two databases' tables, columns, keys and indexes).
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const ROLES = ['admin', 'researcher', 'evaluator', 'enumerator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person who signs in: an admin, a researcher, an evaluator or an enumerator.
 * Residents answering surveys never have an account.
 */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stored lower-case, so sign-in is not case-sensitive. */
  email: text('email').notNull().unique(),
  /** scrypt hash with its salt and parameters (see api/auth/passwords.ts). */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  /** A disabled account cannot sign in and its sessions and tokens stop working. */
  disabledAt: text('disabled_at'),
});

/** A signed-in browser. The cookie holds a secret; only its sha256 is stored here. */
export const sessions = sqliteTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  /** Must accompany every cookie-authenticated write (X-CSRF-Token header). */
  csrfToken: text('csrf_token').notNull(),
  createdAt: text('created_at').notNull().default(now),
  expiresAt: text('expires_at').notNull(),
});

/**
 * A token for scripts (`Authorization: Bearer tl_<id>_<secret>`). Shown once at creation; only the
 * sha256 of the secret is stored. Scoped to a role no wider than its owner's.
 */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
});

/** A questionnaire, known by its permanent slug. Its content lives in immutable versions. */
export const surveys = sqliteTable('surveys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  /** 'closed' stops new submissions (fieldwork over); retries of stored ones are still acknowledged. */
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  /**
   * Content hash of the questionnaire file last loaded from surveys/ for this slug, so that a
   * restart republishes only when the file itself changed, never over versions published in the app.
   */
  sourceHash: text('source_hash'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
});

/** Researchers who run a survey and enumerators assigned to interview for it. */
export const surveyMembers = sqliteTable(
  'survey_members',
  {
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    userId: integer('user_id').notNull().references(() => users.id),
    addedAt: text('added_at').notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.surveyId, table.userId] })],
);

/** The editable next version of a survey (at most one per survey), until it is published. */
export const surveyDrafts = sqliteTable('survey_drafts', {
  surveyId: integer('survey_id').primaryKey().references(() => surveys.id),
  definition: text('definition', { mode: 'json' }).notNull(),
  meta: text('meta', { mode: 'json' }).notNull(),
  /** The published version this draft started from, if any. */
  basedOnVersion: integer('based_on_version'),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: integer('updated_by').references(() => users.id),
});

/**
 * Who did what, when, to which survey: every write and every export. Append-only: a trigger in the
 * migrations refuses UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    /** null for actions by the system (start-up publishing) or an anonymous resident. */
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    surveyId: integer('survey_id').references(() => surveys.id),
    /** What was acted on (a response id, a user's e-mail, a version number…). */
    target: text('target'),
    details: text('details', { mode: 'json' }),
  },
  (table) => [index('audit_log_survey').on(table.surveyId, table.at)],
);

/**
 * One published version of a questionnaire. Never updated: a changed questionnaire is a new row
 * with the next version number, so every stored response can be read against what was asked.
 */
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    version: integer('version').notNull(),
    /** SurveyJS JSON, as text. */
    definition: text('definition', { mode: 'json' }).notNull(),
    /** Trustlens meta block (languages, design, dimensions, indicators), as text. */
    meta: text('meta', { mode: 'json' }).notNull(),
    /** sha256 of the canonical JSON of definition + meta: same content, same hash. */
    contentHash: text('content_hash').notNull(),
    publishedAt: text('published_at').notNull().default(now),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('survey_versions_survey_version').on(table.surveyId, table.version),
    index('survey_versions_hash').on(table.surveyId, table.contentHash),
  ],
);

/**
 * One completed questionnaire. The id is generated by the respondent's browser (or the
 * enumerator's tablet), so a retried submission finds its own row instead of adding another.
 * No IP address, user agent or other identifier is stored.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    surveyVersionId: integer('survey_version_id').notNull().references(() => surveyVersions.id),
    version: integer('version').notNull(),
    answers: text('answers', { mode: 'json' }).notNull(),
    /** sha256 of the canonical JSON of the answers and language, to recognise an identical retry. */
    answersHash: text('answers_hash').notNull(),
    language: text('language').notNull(),
    /**
     * 'web' for self-completion, 'enumerator' for a face-to-face interview, 'import' for a row loaded
     * from a microdata file (an earlier wave collected elsewhere: api/imports).
     */
    mode: text('mode', { enum: ['web', 'enumerator', 'import'] }).notNull().default('web'),
    /** The enumerator who conducted the interview (mode 'enumerator'); null for self-completion. */
    enumeratorId: integer('enumerator_id').references(() => users.id),
    /** Set on rows written by the demo generator, so synthetic data is never mistaken for fieldwork. */
    isSynthetic: integer('is_synthetic', { mode: 'boolean' }).notNull().default(false),
    /** Survey wave (e.g. the fieldwork year); null for a survey run once. */
    wave: integer('wave'),
    /** Sampling design of interviewer-administered samples: stratum, primary sampling unit, design weight. */
    stratum: text('stratum'),
    psu: text('psu'),
    weight: real('weight'),
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
    receivedAt: text('received_at').notNull().default(now),
    /**
     * How the questionnaire was filled in (api/paradata/schema.ts: time per page, language switches,
     * time offline, app version); null when the client sent none. Not part of the answers' hash, so a
     * retry with newer paradata is still recognised as the same submission (the first one is kept).
     */
    paradata: text('paradata', { mode: 'json' }),
    /** sha256 of the file an imported row came from (mode 'import'), so the same file is never loaded twice; null otherwise. */
    importHash: text('import_hash'),
  },
  (table) => [
    // Imports only: a small partial index, so asking "was this file loaded already?" never scans the responses.
    index('responses_survey_import').on(table.surveyId, table.importHash).where(sql`${table.importHash} IS NOT NULL`),
    index('responses_survey_version').on(table.surveyId, table.version),
    index('responses_survey_received').on(table.surveyId, table.receivedAt, table.id),
    // The fieldwork monitor's counts, read from the indexes alone (a million responses: 8 s → 0.5 s).
    // The expressions must be written exactly as the queries write them (responseRegion, responseDuration).
    index('responses_survey_region').on(table.surveyId, sql`${table.answers} ->> '$.region'`),
    index('responses_survey_language').on(table.surveyId, table.language),
    index('responses_survey_mode_received').on(table.surveyId, table.mode, table.receivedAt),
    index('responses_survey_duration').on(table.surveyId, sql`(julianday(${table.completedAt}) - julianday(${table.startedAt})) * 86400`),
    // The report's fieldwork dates per wave (responseDoneAt; CASE, not coalesce: drizzle-kit splits an index expression at commas).
    index('responses_survey_wave_done').on(table.surveyId, table.wave, sql`(CASE WHEN ${table.completedAt} IS NULL THEN ${table.receivedAt} ELSE ${table.completedAt} END)`),
  ],
);

/** The region answered, as the monitor and the microdata filters group and select by it (indexed). */
export const responseRegion = sql<string | null>`${responses.answers} ->> '$.region'`;
/** When a response was completed (by the device's clock), or else received (indexed with survey and wave). */
export const responseDoneAt = sql<string>`(CASE WHEN ${responses.completedAt} IS NULL THEN ${responses.receivedAt} ELSE ${responses.completedAt} END)`;
/** Seconds from the first page shown to completion, by the device's clock (indexed); null without both times. */
export const responseDuration = sql<number>`(julianday(${responses.completedAt}) - julianday(${responses.startedAt})) * 86400`;

/**
 * The analysed values of one response, written in the same transaction as the response (and
 * removed with it by ON DELETE CASCADE), so indicators never parse stored JSON answers.
 * Design and grouping fields are copied as typed columns; the answers are packed in `answerValues`
 * as little-endian float64s at the positions of the survey's variable layout (api/indicators/layout.ts:
 * one position per question name, or per choice of a multiple-response question, in order of first
 * appearance across versions; NaN = no answer; text choices as their index in the layout's codes).
 */
export const responseValues = sqliteTable(
  'response_values',
  {
    responseId: text('response_id').primaryKey().references(() => responses.id, { onDelete: 'cascade' }),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    version: integer('version').notNull(),
    wave: integer('wave'),
    weight: real('weight'),
    stratum: text('stratum'),
    psu: text('psu'),
    language: text('language').notNull(),
    mode: text('mode').notNull(),
    answerValues: blob('answer_values', { mode: 'buffer' }).notNull(),
  },
  (table) => [index('response_values_survey_wave').on(table.surveyId, table.wave)],
);

/**
 * One row counting deletions and updates of stored responses and their analysed values, bumped by
 * triggers (migration 0009) on every connection and process that writes the file. With the highest
 * rowids of `responses` and `response_values` it tells a cache on any connection, the writer
 * thread's commits included, whether rows were only appended since it looked (read the new ones)
 * or changed otherwise (scan again). See api/indicators/change-stamp.ts.
 */
export const responseChanges = sqliteTable('response_changes', {
  id: integer('id').primaryKey(),
  removed: integer('removed').notNull().default(0),
});

/**
 * How many residents started a questionnaire on the web, per survey and day (UTC), so the
 * fieldwork monitor can show a completion rate. A plain counter: no id, address or answer is kept.
 */
export const surveyStarts = sqliteTable(
  'survey_starts',
  {
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    day: text('day').notNull(),
    starts: integer('starts').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.surveyId, table.day] })],
);

/**
 * Attempts counted for a rate limit, one row per key and fixed window, so that on PostgreSQL every
 * API instance counts against the same limit (api/db/store/pg/rate-limits.ts). The key is the
 * limit's scope and a SHA-256 of what is limited (an e-mail, a client address), never the value
 * itself, and a row is deleted once its window has passed. On SQLite (one instance) the counts stay
 * in memory and this table stays empty: it exists so that both schemas are the same.
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  /** Start of the window, milliseconds since 1970 (the database server's clock on PostgreSQL). */
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Survey = typeof surveys.$inferSelect;
export type SurveyVersion = typeof surveyVersions.$inferSelect;
export type StoredResponse = typeof responses.$inferSelect;
export type NewResponse = typeof responses.$inferInsert;
export type ResponseValuesRow = typeof responseValues.$inferSelect;
