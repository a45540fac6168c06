import type { Db } from '../../api/db/open.ts';
import { responses } from '../../api/db/schema.ts';
import { submissionHash } from '../../api/responses/store.ts';
import type { PublishedVersion } from '../../api/surveys/queries.ts';
import type { DemoRow } from './generate.ts';
import { writeResponseValues } from '../../api/responses/values.ts';
import { surveyLayout } from '../../api/indicators/survey-layout.ts';

/**
 * Writes demo rows as responses to one published version, marked `is_synthetic`. Ids are
 * deterministic and inserts ignore an existing id, so running the demo twice adds nothing.
 */
export function storeDemoRows(db: Db, survey: PublishedVersion, rows: DemoRow[]): { inserted: number; alreadyThere: number } {
  let inserted = 0;
  const { layout } = surveyLayout(db, survey.surveyId);
  db.transaction((tx) => {
    for (const row of rows) {
      const submission = { id: row.id, answers: row.answers, language: row.language };
      const values = {
        id: row.id,
        surveyId: survey.surveyId,
        surveyVersionId: survey.versionId,
        version: survey.version,
        answers: row.answers,
        answersHash: submissionHash(survey, submission, survey.version),
        language: row.language,
        mode: row.mode,
        isSynthetic: true,
        wave: row.wave,
        stratum: row.stratum,
        psu: row.psu,
        weight: row.weight,
        startedAt: row.startedAt,
        completedAt: row.completedAt,
      };
      const result = tx.insert(responses).values(values).onConflictDoNothing().run();
      // Same connection, so the analysed values are written in this transaction too.
      if (result.changes === 1) writeResponseValues(db, values, layout);
      inserted += result.changes;
    }
  });
  return { inserted, alreadyThere: rows.length - inserted };
}
