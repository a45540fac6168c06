import type { QualityInterview } from '../../analysis/quality/index.ts';
import type { Db } from '../db/open.ts';

/**
 * The responses of a survey as the quality flags read them: who collected each (enumerator id or
 * the web), its UTC day of completion (by the device clock; the day of receipt without one), its duration, and
 * only the answers to `questions`, taken out of the stored JSON by SQLite (json_extract), so no
 * whole answer object is parsed in JavaScript.
 */
export function loadQualityInterviews(db: Db, surveyId: number, questions: string[]): QualityInterview[] {
  const paths = questions.map((question) => `$."${question.replace(/["\\]/g, '')}"`);
  const rows = db.$client.prepare(
    'SELECT id, enumerator_id, date(CASE WHEN completed_at IS NULL THEN received_at ELSE completed_at END), ' +
    '(julianday(completed_at) - julianday(started_at)) * 86400' +
    `${paths.map(() => ', json_extract(answers, ?)').join('')} FROM responses WHERE survey_id = ? ORDER BY received_at, id`,
  ).raw().all(...paths, surveyId) as unknown[][];
  return rows.map((row) => {
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
  });
}
