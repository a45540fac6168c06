/**
 * The request thread's steps for one submission without HTTP (not a test, not part of
 * bench:ingest): the benchmark's bodies through each step the submission route runs, timed one
 * step at a time over COUNT submissions after a warm-up, on a new file database (no writes: the
 * hand-over to the writer thread is timed as the row's JSON.stringify). Microseconds of
 * this thread's CPU per submission, so a busy machine stretches them little.
 *
 *   npx tsx test/bench/ingest/request-loop.ts [short|full]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAnswers } from '../../../surveys/answers.ts';
import { loadSurveyFiles } from '../../../surveys/load.ts';
import { openDatabase } from '../../../api/db/open.ts';
import { jsonLimitProblem } from '../../../api/json-limits.ts';
import { paradataIssues } from '../../../api/paradata/check.ts';
import { findPrior, responseRow, submissionHash } from '../../../api/responses/store.ts';
import { parseSubmission, type Submission } from '../../../api/responses/submission.ts';
import { findVersion, type PublishedVersion } from '../../../api/surveys/queries.ts';
import { publishSurveyFiles } from '../../../api/surveys/publish.ts';
import { fullQuestionnaire, shortQuestionnaire } from './bodies.ts';

const COUNT = Number(process.env.COUNT ?? 5000);
const questionnaire = process.argv[2] === 'full' ? fullQuestionnaire() : shortQuestionnaire();
const folder = mkdtempSync(join(tmpdir(), 'trustlens-request-loop-'));
try {
  const db = openDatabase(join(folder, 'trustlens.db'));
  publishSurveyFiles(db, loadSurveyFiles(join(process.cwd(), 'surveys')));
  const texts = Array.from({ length: COUNT }, (_, index) => `{"id":"${crypto.randomUUID()}",${questionnaire.pool[index % questionnaire.pool.length]}}`);
  let bodies: unknown[] = [];
  let submissions: Submission[] = [];
  let surveys: PublishedVersion[] = [];
  let hashes: string[] = [];
  const steps: [string, () => void][] = [
    ['JSON.parse of the body', () => { bodies = texts.map((text) => JSON.parse(text)); }],
    ['jsonLimitProblem', () => bodies.forEach((body) => jsonLimitProblem(body))],
    ['parseSubmission (zod)', () => { submissions = bodies.map((body) => parseSubmission(body)); }],
    ['findVersion', () => { surveys = submissions.map(() => findVersion(db, questionnaire.slug)!); }],
    ['submissionHash', () => { hashes = submissions.map((submission, index) => submissionHash(surveys[index]!, submission, surveys[index]!.version)); }],
    ['findPrior', () => submissions.forEach((submission, index) => findPrior(db, submission.id, hashes[index]!))],
    ['validateAnswers', () => submissions.forEach((submission, index) => validateAnswers(surveys[index]!.definition, submission.answers))],
    ['paradataIssues', () => submissions.forEach((submission, index) => paradataIssues(surveys[index]!.definition, submission.paradata))],
    ['responseRow + JSON.stringify', () => submissions.forEach((submission, index) => JSON.stringify(responseRow(surveys[index]!, submission, hashes[index]!, { mode: 'web', enumeratorId: null })))],
  ];
  for (const round of ['warm-up', 'measured']) {
    const lines = steps.map(([label, step]) => {
      const start = process.cpuUsage();
      step();
      const spent = process.cpuUsage(start);
      return { label, micros: (spent.user + spent.system) / COUNT };
    });
    if (round === 'measured') {
      for (const { label, micros } of lines) console.log(`${questionnaire.label} | ${label} | ${micros.toFixed(1)} µs`);
      console.log(`${questionnaire.label} | all steps | ${lines.reduce((sum, line) => sum + line.micros, 0).toFixed(1)} µs`);
    }
  }
  db.$client.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
