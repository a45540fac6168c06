/**
 * `npx tsx test/bench/pg-write-path.bench.ts` (not a test; needs TEST_POSTGRES_URL): validated
 * submissions stored per second by the write path alone, below HTTP and validation, on SQLite
 * (group commit on this thread, a file database, WAL, synchronous=FULL) and on PostgreSQL (group
 * commit with synchronous_commit on) with one and with two pools, as two API instances would have
 * (here in one process, so not two processes' CPU). BENCH_CLIENTS (50 outstanding submissions per
 * instance), BENCH_SECONDS (10). Prints the load average before and after: the machine is shared.
 *
 * This is not yet the issue's "ingest on PostgreSQL with one and two instances" through the server
 * (the routes do not run on PostgreSQL yet): it measures what the database side costs, so the
 * insert turn-taking of decision 014 can be judged before the routes move.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../api/canonical-json.ts';
import type { Writes } from '../../api/db/group-commit.ts';
import { openDatabase } from '../../api/db/open.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { surveys, surveyVersions } from '../../api/db/pg/schema.ts';
import type { ResponseRow, WriteOutcome } from '../../api/responses/response-rows.ts';
import { pgResponseWriter } from '../../api/responses/pg-response-rows.ts';
import { responseWriter } from '../../api/responses/store.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { shortSurvey, VALID_ANSWERS } from '../api/helpers.ts';
import { freshPostgresDatabase } from '../db/postgres.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

type Row = (id: string) => ResponseRow;

async function drive(writers: Writes<ResponseRow, WriteOutcome>[], row: Row): Promise<{ perSecond: number; stored: number; commits: number }> {
  const end = Date.now() + SECONDS * 1000;
  let stored = 0;
  const client = async (writer: Writes<ResponseRow, WriteOutcome>) => {
    while (Date.now() < end) if (await writer.submit(row(crypto.randomUUID()))) stored += 1;
  };
  const started = Date.now();
  await Promise.all(writers.flatMap((writer) => Array.from({ length: CLIENTS }, () => client(writer))));
  const seconds = (Date.now() - started) / 1000;
  return { perSecond: stored / seconds, stored, commits: writers.reduce((sum, writer) => sum + writer.stats.commits, 0) };
}

const rowFor = (surveyId: number, surveyVersionId: number): Row => (id) => ({
  id, surveyId, surveyVersionId, version: 1, answers: VALID_ANSWERS, answersHash: 'h', language: 'bs',
  mode: 'web', enumeratorId: null, startedAt: null, completedAt: null, paradata: null, pinned: true,
});

async function pgSurvey(db: PgDb): Promise<Row> {
  const file = shortSurvey();
  const [survey] = await db.insert(surveys).values({ slug: file.slug }).returning();
  const [version] = await db.insert(surveyVersions).values({
    surveyId: survey!.id, version: 1, definition: file.definition, meta: file.meta, contentHash: contentHash({ definition: file.definition, meta: file.meta }),
  }).returning();
  return rowFor(survey!.id, version!.id);
}

async function main(): Promise<void> {
  if (!process.env.TEST_POSTGRES_URL) throw new Error('set TEST_POSTGRES_URL (source .ci/postgres.sh && start_test_postgres)');
  console.log(`load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}; ${CLIENTS} outstanding submissions per instance, ${SECONDS} s each`);

  const folder = mkdtempSync(join(tmpdir(), 'trustlens-write-bench-'));
  const sqlite = openDatabase(join(folder, 'trustlens.db'));
  publishSurveyFiles(sqlite, [shortSurvey()]);
  const version = sqlite.$client.prepare('SELECT id, survey_id FROM survey_versions LIMIT 1').get() as { id: number; survey_id: number };
  const onSqlite = await drive([responseWriter(sqlite)], rowFor(version.survey_id, version.id));
  sqlite.$client.close();
  rmSync(folder, { recursive: true, force: true });
  console.log(`SQLite, one process:          ${onSqlite.perSecond.toFixed(0)} stored/s (${onSqlite.stored} in ${onSqlite.commits} commits)`);

  for (const instances of [1, 2]) {
    const database = await freshPostgresDatabase();
    const pools = await Promise.all(Array.from({ length: instances }, () => openPostgres(database.url)));
    const row = await pgSurvey(pools[0]!);
    const result = await drive(pools.map((pool) => pgResponseWriter(pool)), row);
    console.log(`PostgreSQL, ${instances} instance${instances > 1 ? 's' : ' '}:       ${result.perSecond.toFixed(0)} stored/s (${result.stored} in ${result.commits} commits)`);
    await Promise.all(pools.map((pool) => pool.$client.end()));
    await database.drop();
  }
  console.log(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

await main();
