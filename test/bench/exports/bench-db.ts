import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../../../api/db/open.ts';
import { packAnswers } from '../../../api/indicators/layout.ts';
import { surveyLayout } from '../../../api/indicators/survey-layout.ts';
import { publishSurveyFiles } from '../../../api/surveys/publish.ts';
import { findVersion } from '../../../api/surveys/queries.ts';
import { generateDemo } from '../../../data/demo/generate.ts';
import { readRegions } from '../../../data/regions.ts';
import { loadSurveyFile } from '../../../surveys/load.ts';
import { SLUG } from './settings.ts';

export { SLUG };

/**
 * A database file with `rows` SYNTHETIC responses to the full instrument (kept between runs):
 * 10,000 demo interviews (two waves, 12 strata, sampling points of ~8) copied `rows / 10,000`
 * times, each copy with its own ids and PSUs and the weights divided by the number of copies, so
 * totals and strata stay those of the demo design. Written as the API writes them: the response
 * row and its response_values row.
 */
export function benchDatabase(path: string, rows: number): Db {
  const fresh = !existsSync(path);
  const db = openDatabase(path);
  publishSurveyFiles(db, [loadSurveyFile('surveys/bih-police-trust.json')]);
  const survey = findVersion(db, SLUG)!;
  const stored = db.$client.prepare('SELECT count(*) FROM responses WHERE survey_id = ?').pluck().get(survey.surveyId) as number;
  if (!fresh && stored === rows) return db;
  if (stored > 0) throw new Error(`${path} holds ${stored} responses, not ${rows}: delete it and run again`);
  const base = generateDemo({ responses: 10_000, seed: 'bench', regions: readRegions() });
  const copies = Math.ceil(rows / base.length);
  const { layout } = surveyLayout(db, survey.surveyId);
  db.$client.pragma('synchronous = OFF');
  const insertResponse = db.$client.prepare(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, is_synthetic, wave, stratum, psu, weight, started_at, completed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  const insertValues = db.$client.prepare(`INSERT INTO response_values (response_id, survey_id, version, wave, weight, stratum, psu, language, mode, answer_values)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const packed = base.map((row) => packAnswers(layout, row.answers));
  const json = base.map((row) => JSON.stringify(row.answers));
  let written = 0;
  for (let copy = 0; copy < copies && written < rows; copy++) {
    db.$client.transaction(() => {
      for (let index = 0; index < base.length && written < rows; index++, written++) {
        const row = base[index]!;
        const id = `${row.id.slice(0, 24)}${String(copy).padStart(12, '0')}`;
        const psu = `${row.psu}-${copy}`;
        const weight = row.weight / copies;
        insertResponse.run(id, survey.surveyId, survey.versionId, survey.version, json[index], `bench-${copy}-${index}`, row.language, row.mode, row.wave, row.stratum, psu, weight, row.startedAt, row.completedAt);
        insertValues.run(id, survey.surveyId, survey.version, row.wave, weight, row.stratum, psu, row.language, row.mode, packed[index]);
      }
    })();
    if (copy % 10 === 0) console.log(`  writing the benchmark database: ${written.toLocaleString('en')} rows`);
  }
  db.$client.pragma('synchronous = FULL');
  return db;
}
