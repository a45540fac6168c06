import { serve } from '@hono/node-server';
import { loadSurveyFiles, SurveyFileError } from '../surveys/load.ts';
import { createApp } from './app.ts';
import { readConfig, type Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { describePostgresUrl, openPostgres, type PgDb } from './db/pg/open.ts';
import { postgresStore, sqliteStore, type Store } from './db/store/index.ts';
import { compute, useComputeThread } from './compute/compute-thread.ts';
import type { WarmedSurvey } from './indicators/warm.ts';
import { useWriterThread } from './responses/store.ts';
import { ensureAllResponseValues } from './responses/values.ts';
import { publishSurveyFiles, type PublishResult } from './surveys/publish.ts';
import type { SurveyFile } from '../surveys/types.ts';

// The only file that reads the environment, opens the real database and listens.
function start(): void {
  const config = readConfig(process.env);
  const files = loadSurveyFiles(config.surveysDir);
  if (config.postgresUrl) {
    startOnPostgres(config, config.postgresUrl, files).catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
    return;
  }
  const db = openDatabase(config.databasePath);
  const published = publishSurveyFiles(db, files);
  // Responses stored before the analysed-values table existed get their values now, not on the first request.
  const backfilled = ensureAllResponseValues(db);
  if (backfilled > 0) console.log(`Prepared analysed values for ${backfilled} earlier responses.`);
  // Submissions are committed on a writer thread, so an fsync never holds up the requests (decision 006).
  const stopWriter = config.databasePath === ':memory:' ? async () => {} : useWriterThread(db, config.databasePath);
  // Indicator tables and reports are computed on a compute thread, so submissions are taken meanwhile (decision 010).
  const stopCompute = config.databasePath === ':memory:' ? async () => {} : useComputeThread(db, config.databasePath, { helper: config.computeHelper });
  const store = sqliteStore(db);
  const app = createApp({ store, config, limits: { submissionsPerClient: config.submissionsPerMinute } });
  listen(config, app, store, config.databasePath, published, async () => {
    await Promise.all([stopWriter(), stopCompute()]);
    db.$client.close();
  });
}

/**
 * PostgreSQL (several instances may share the database): migrated at start under an advisory lock,
 * questionnaire files published in one transaction per start, the compute thread on a pool of its
 * own. Every route group is served, through the PostgreSQL store.
 */
async function startOnPostgres(config: Config, url: string, files: SurveyFile[]): Promise<void> {
  let pg: PgDb;
  try {
    pg = await openPostgres(url);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const store = postgresStore(pg);
  const published = await store.surveys.publishFiles(files);
  const stopCompute = useComputeThread(store.indicators, url, { helper: config.computeHelper });
  const app = createApp({ store, config, limits: { submissionsPerClient: config.submissionsPerMinute } });
  listen(config, app, store, `PostgreSQL ${describePostgresUrl(url)}`, published, async () => {
    await stopCompute();
    await pg.$client.end();
  });
}

function listen(config: Config, app: ReturnType<typeof createApp>, store: Store, database: string, published: PublishResult[], close: () => Promise<void>): void {
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const base = `http://localhost:${info.port}`;
    console.log(`Trustlens is running on ${base} (database: ${database})`);
    for (const survey of published) {
      console.log(`  ${base}/s/${survey.slug}  (version ${survey.version}${survey.published ? ', just published' : ''})`);
    }
    if (config.warmIndicators) void compute(store.indicators, 'warm', undefined).then(reportWarmed, (error: unknown) => console.error(error));
  });
  const stop = () => server.close(() => {
    void close().finally(() => process.exit(0));
  });
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
