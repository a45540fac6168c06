/**
 * The writer thread's work without HTTP (not a test, not part of bench:ingest): a new file
 * database (WAL, synchronous=FULL), the benchmark's submissions written in batches of
 * BATCH through the same group-commit queue the writer thread runs, and what each stored
 * submission cost this thread: CPU (user + system), write calls and bytes, and the time per commit.
 * BATCH (17, about what the writer thread's batches held at 50 connections) and COUNT set the load.
 *
 *   npx tsx test/bench/ingest/writer-loop.ts [short|full]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection, openDatabase, openWriterConnection } from '../../../api/db/open.ts';
import { GroupCommit } from '../../../api/db/group-commit.ts';
import { findVersion } from '../../../api/surveys/queries.ts';
import { publishSurveyFiles } from '../../../api/surveys/publish.ts';
import { responseRow, submissionHash } from '../../../api/responses/store.ts';
import { responseWrites } from '../../../api/responses/response-rows.ts';
import { loadSurveyFiles } from '../../../surveys/load.ts';
import { fullQuestionnaire, shortQuestionnaire } from './bodies.ts';

const BATCH = Number(process.env.BATCH ?? 17);
const COUNT = Number(process.env.COUNT ?? 20_000);
const questionnaire = process.argv[2] === 'full' ? fullQuestionnaire() : shortQuestionnaire();

function io(): { writes: number; written: number } {
  const fields = Object.fromEntries(readFileSync('/proc/thread-self/io', 'utf8').trim().split('\n').map((line) => line.split(': ')));
  return { writes: Number(fields.syscw), written: Number(fields.wchar) };
}

const folder = mkdtempSync(join(tmpdir(), 'trustlens-writer-loop-'));
try {
  const path = join(folder, 'trustlens.db');
  const setup = openDatabase(path);
  publishSurveyFiles(setup, loadSurveyFiles(join(process.cwd(), 'surveys')));
  setup.$client.close();
  // The writer thread's connection; WRITER_CONNECTION=plain: one as every other connection opens it.
  const db = process.env.WRITER_CONNECTION === 'plain' ? openConnection(path) : openWriterConnection(path);
  const survey = findVersion(db, questionnaire.slug)!;
  const rows = Array.from({ length: COUNT }, (_, index) => {
    const body = JSON.parse(`{"id":"${crypto.randomUUID()}",${questionnaire.pool[index % questionnaire.pool.length]}}`);
    return responseRow(survey, body, submissionHash(survey, body, survey.version), { mode: 'web', enumeratorId: null });
  });
  const { write, batchState } = responseWrites(db);
  const queue = new GroupCommit(db, write, batchState);
  const start = { cpu: process.cpuUsage(), io: io(), at: performance.now() };
  for (let from = 0; from < COUNT; from += BATCH) await Promise.all(rows.slice(from, from + BATCH).map((row) => queue.submit(row)));
  const cpu = process.cpuUsage(start.cpu);
  const end = io();
  const per = (value: number) => (value / COUNT).toFixed(1);
  console.log(`${questionnaire.label}, batches of ${BATCH}, ${queue.stats.commits} commits: per stored submission ${per(cpu.user + cpu.system)} µs CPU (${per(cpu.user)} user + ${per(cpu.system)} system), ` +
    `${per(end.writes - start.io.writes)} write calls, ${((end.written - start.io.written) / COUNT / 1024).toFixed(1)} KiB written; ${((performance.now() - start.at) / queue.stats.commits).toFixed(2)} ms per commit`);
  db.$client.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
