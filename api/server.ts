import { serve } from '@hono/node-server';
import { loadSurveyFiles, SurveyFileError } from '../surveys/load.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { describePostgresUrl, openPostgres } from './db/pg/open.ts';
import { postgresStore } from './db/store/index.ts';
import { compute, useComputeThread } from './compute/compute-thread.ts';
import type { WarmedSurvey } from './indicators/warm.ts';
import { useWriterThread } from './responses/store.ts';
import { ensureAllResponseValues } from './responses/values.ts';
import { publishSurveyFiles } from './surveys/publish.ts';

// The only file that reads the environment, opens the real database and listens.
function start(): void {
  const config = readConfig(process.env);
  const files = loadSurveyFiles(config.surveysDir);
  if (config.postgresUrl) return void startOnPostgres(config, config.postgresUrl, files);
  const db = openDatabase(config.databasePath);
  const published = publishSurveyFiles(db, files);
  // Responses stored before the analysed-values table existed get their values now, not on the first request.
  const backfilled = ensureAllResponseValues(db);
  if (backfilled > 0) console.log(`Prepared analysed values for ${backfilled} earlier responses.`);
  // Submissions are committed on a writer thread, so an fsync never holds up the requests (decision 006).
  const stopWriter = config.databasePath === ':memory:' ? async () => {} : useWriterThread(db, config.databasePath);
  // Indicator tables and reports are computed on a compute thread, so submissions are taken meanwhile (decision 010).
  const stopCompute = config.databasePath === ':memory:' ? async () => {} : useComputeThread(db, config.databasePath);
  const app = createApp({ db, config, limits: { submissionsPerClient: config.submissionsPerMinute } });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const base = `http://localhost:${info.port}`;
    console.log(`Trustlens is running on ${base} (database: ${config.databasePath})`);
    for (const survey of published) {
      console.log(`  ${base}/s/${survey.slug}  (version ${survey.version}${survey.published ? ', just published' : ''})`);
    }
    if (config.warmIndicators) void compute(db, 'warm', undefined).then(reportWarmed, (error: unknown) => console.error(error));
  });
  const stop = () => server.close(() => {
    void Promise.all([stopWriter(), stopCompute()]).finally(() => {
      db.$client.close();
      process.exit(0);
    });
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * On PostgreSQL (issue #15): migrates the database (under an advisory lock, so instances starting
 * together take turns), publishes the questionnaire files and serves the route groups converted to
 * the store so far; the others answer 501 (api/app.ts). Several instances may serve one database.
 */
async function startOnPostgres(config: ReturnType<typeof readConfig>, url: string, files: ReturnType<typeof loadSurveyFiles>): Promise<void> {
  let pg: Awaited<ReturnType<typeof openPostgres>>;
  let published: Awaited<ReturnType<ReturnType<typeof postgresStore>['surveys']['publishFiles']>>;
  let store: ReturnType<typeof postgresStore>;
  try {
    pg = await openPostgres(url);
    store = postgresStore(pg);
    published = await store.surveys.publishFiles(files);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const app = createApp({ store, config, limits: { submissionsPerClient: config.submissionsPerMinute } });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const base = `http://localhost:${info.port}`;
    console.log(`Trustlens is running on ${base} (database: PostgreSQL ${describePostgresUrl(url)})`);
    for (const survey of published) {
      console.log(`  ${base}/s/${survey.slug}  (version ${survey.version}${survey.published ? ', just published' : ''})`);
    }
  });
  // Submissions in flight are answered (after their COMMIT) before the pool closes.
  const stop = () => server.close(() => void pg.$client.end().finally(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function reportWarmed(warmed: WarmedSurvey[]): void {
  for (const survey of warmed) {
    const what = `${survey.responses.toLocaleString('en')} responses of ${survey.slug}`;
    console.log(survey.error ? `Indicator tables for ${survey.slug} not prepared: ${survey.error}` : `Indicator tables ready for ${what} (${survey.seconds.toFixed(1)} s)`);
  }
}

try {
  start();
} catch (error) {
  // Configuration and questionnaire errors are the user's to fix: say what, without a stack trace.
  if (error instanceof SurveyFileError || (error instanceof Error && error.message.startsWith('Invalid configuration'))) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
