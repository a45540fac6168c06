import { inArray } from 'drizzle-orm';
import type { QualityInterview } from '../../../analysis/quality/index.ts';
import type { Db } from '../open.ts';
import { users } from '../schema.ts';

/**
 * What the fieldwork quality flags (GET …/quality) read from the database, on either database
 * (PostgreSQL: ./pg/quality.ts).
 */
export interface QualityStore {
  /**
   * The responses of a survey as the quality flags read them, ordered by receipt (then id): who
   * collected each (enumerator id or the web), its UTC day of completion (by the device clock; the
   * day of receipt without one), its duration, and only the answers to `questions`, taken out of
   * the stored JSON by the database, so no whole answer object is parsed in JavaScript. Answers
   * come as SQLite's json_extract gives them (booleans 1/0, objects and arrays as JSON text).
   */
  interviews(surveyId: number, questions: string[]): Promise<QualityInterview[]>;
  /** The e-mails of the given accounts, keyed by id as text (the enumerator key of the flags). */
  emails(ids: number[]): Promise<Map<string, string>>;
}

/** The JSON key a question's answer is read under: the name without quotes and backslashes, as it has always been. */
export const answerKey = (question: string) => question.replace(/["\\]/g, '');

/**
 * One row (id, enumerator_id, day, duration in seconds, then one answer per question, SQL NULL
 * when there is none) as the flags take it: the duration rounded to the millisecond.
 */
export function qualityInterview(row: unknown[], questions: string[]): QualityInterview {
  const answers: Record<string, unknown> = {};
  questions.forEach((question, index) => {
    const value = row[4 + index];
    if (value !== null && value !== undefined) answers[question] = value;
  });
  const duration = row[3] as number | null;
  return {
    id: row[0] as string,
    enumerator: row[1] === null ? null : String(row[1]),
    day: row[2] as string,
    durationSeconds: duration === null ? null : Math.round(duration * 1000) / 1000,
    answers,
  };
}

export function sqliteQuality(db: Db): QualityStore {
  return {
    async interviews(surveyId, questions) {
      const paths = questions.map((question) => `$."${answerKey(question)}"`);
      const rows = db.$client.prepare(
        'SELECT id, enumerator_id, date(CASE WHEN completed_at IS NULL THEN received_at ELSE completed_at END), ' +
        '(julianday(completed_at) - julianday(started_at)) * 86400' +
        `${paths.map(() => ', json_extract(answers, ?)').join('')} FROM responses WHERE survey_id = ? ORDER BY received_at, id`,
      ).raw().all(...paths, surveyId) as unknown[][];
      return rows.map((row) => qualityInterview(row, questions));
    },
    emails: async (ids) => new Map(ids.length === 0 ? []
      : db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)).all().map((user) => [String(user.id), user.email])),
  };
}
