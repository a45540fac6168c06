import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { validateAnswers } from '../../surveys/answers.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';
import { readRegions } from '../regions.ts';
import { generateDemo } from './generate.ts';
import { storeDemoRows } from './store.ts';

const SLUG = 'bih-police-trust';
const CHECKED_SAMPLE = 200;

/**
 * `npm run demo -- --responses 5000 --seed 1 [--database path]`: writes SYNTHETIC responses to the
 * full questionnaire into the database (DATABASE_URL or data/trustlens.db, as the server uses),
 * publishing the questionnaire first if needed. Idempotent for a seed: a second run adds nothing.
 */
function main(): void {
  const { values } = parseArgs({
    options: { responses: { type: 'string', default: '5000' }, seed: { type: 'string', default: '1' }, database: { type: 'string' } },
  });
  const count = Number(values.responses);
  if (!Number.isInteger(count) || count < 100) throw new Error('--responses must be a whole number of at least 100');
  const config = readConfig(process.env);
  const databasePath = values.database ?? config.databasePath;
  const db = openDatabase(databasePath);
  const file = loadSurveyFiles(fileURLToPath(new URL('../../surveys', import.meta.url))).find((candidate) => candidate.slug === SLUG);
  if (!file) throw new Error(`surveys/${SLUG}.json is missing; run npx tsx data/build-instrument.ts`);
  publishSurveyFiles(db, [file]);
  const survey = findVersion(db, SLUG)!;
  const rows = generateDemo({ responses: count, seed: values.seed!, regions: readRegions() });
  const step = Math.max(1, Math.floor(rows.length / CHECKED_SAMPLE));
  for (let index = 0; index < rows.length; index += step) {
    const issues = validateAnswers(survey.definition, rows[index]!.answers);
    if (issues.length > 0) throw new Error(`generated row ${rows[index]!.id} is refused by the questionnaire: ${JSON.stringify(issues)}`);
  }
  const { inserted, alreadyThere } = storeDemoRows(db, survey, rows);
  db.$client.close();
  console.log(`SYNTHETIC demo data (seed ${values.seed}) for ${SLUG} version ${survey.version} in ${databasePath}:`);
  console.log(`  ${inserted} responses written, ${alreadyThere} already there; waves ${[...new Set(rows.map((row) => row.wave))].join(', ')}; all marked is_synthetic = 1.`);
}

try {
  main();
} catch (error) {
  console.error(`demo: ${(error as Error).message}`);
  process.exitCode = 1;
}
