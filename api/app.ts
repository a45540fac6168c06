import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { bodyLimit } from './body-limit.ts';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import { sqliteStore, type Store } from './db/store/index.ts';
import { authenticate } from './auth/middleware.ts';
import type { AppEnv } from './env.ts';
import { ApiError, handleError } from './errors.ts';
import { MemoRouter } from './memo-router.ts';
import { refuseNulInPath } from './nul-path.ts';
import { secureHeaders } from './secure-headers.ts';
import { OPERATIONS } from './openapi/operations.ts';
import { auditRoutes } from './routes/audit.ts';
import { chartRoutes } from './routes/charts.ts';
import { docsRoutes } from './routes/docs.ts';
import { interviewRoutes } from './routes/interviews.ts';
import { authRoutes } from './routes/auth.ts';
import { dataRoutes } from './routes/data.ts';
import { draftRoutes } from './routes/drafts.ts';
import { fieldworkRoutes, manageRoutes } from './routes/fieldwork.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { importRoutes } from './routes/imports.ts';
import { modelRoutes } from './routes/models.ts';
import { targetRoutes } from './routes/targets.ts';
import { exportRoutes } from './routes/exports.ts';
import { qualityRoutes } from './routes/quality.ts';
import { reportRoutes } from './routes/report.ts';
import { responseRoutes, type SubmissionChecks } from './routes/responses.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { webAppRoutes } from './web-app.ts';

const IMPORT_PATH = /^\/api\/surveys\/[^/]+\/imports\/?$/;
const SUBMISSION_PATH = /^\/api\/surveys\/[^/]+\/responses\/?$/;

export interface AppDependencies {
  /** The database behind every route, SQLite or PostgreSQL (decision 014). */
  store?: Store;
  /** A SQLite database, for short: its store is built from it (tests, the e2e harness). */
  db?: Db;
  config: Pick<Config, 'bodyLimitBytes' | 'webDist'> & Partial<Pick<Config, 'trustProxy' | 'secureCookies' | 'chromiumPath' | 'importLimitBytes'>>;
  /** Rate limits (per 15 minutes for sign-in, per minute for anonymous submissions); tests lower them. */
  limits?: { signInPerAccount?: number; signInPerClient?: number; submissionsPerClient?: number };
}

/**
 * Builds the Trustlens HTTP app around a database. No globals: tests build one on an in-memory
 * database and call `app.request()`; api/server.ts builds the real one and listens.
 */
export function createApp({ store: given, db, config, limits = {} }: AppDependencies) {
  if (!given && !db) throw new Error('createApp needs a store (or a SQLite db)');
  const store = given ?? sqliteStore(db!);
  const limit = (maxSize: number) => bodyLimit(maxSize, (c) => {
    // The rest of the body is not read: the connection cannot carry another request after this
    // reply, so say so, and the client's keep-alive pool opens a fresh one for its next request.
    c.header('Connection', 'close');
    throw new ApiError(413, `The request body is larger than ${maxSize} bytes.`);
  });
  const bodyLimits = { body: limit(config.bodyLimitBytes), imports: limit(config.importLimitBytes ?? 64 * 1024 * 1024) };
  const gzip = compress();
  const auth = authenticate(store.accounts, config.trustProxy ?? false);
  // A submission (nearly every request under fieldwork load) is matched before the middlewares
  // below and runs the same checks they make, in their order, as plain calls: Hono's middleware
  // chain costs a dispatch, a promise and a regex test per step (docs/benchmarks.md, "Ingest: the
  // HTTP path"). It is answered uncompressed, as below. Each check returns what the next returns
  // (Next is typed Promise<void> but carries the handler's Response back).
  const submissionChecks: SubmissionChecks = (c, handler) =>
    bodyLimits.body(c, () => refuseNulInPath(c, () => auth(c, handler as () => Promise<never>) as Promise<never>) as Promise<never>) as Promise<Response>;
  const api = new Hono<AppEnv>()
    .route('/surveys', responseRoutes(store, { perClientPerMinute: limits.submissionsPerClient, checks: submissionChecks }))
    // JSON (a questionnaire is ~100 KB) shrinks about tenfold; a phone on slow data feels each byte.
    // A submission's reply is a few dozen bytes (its id and version, or a 4xx): compressing it costs
    // a zlib stream per submission and saves nothing (c.json sets no Content-Length, so hono's own
    // threshold cannot tell), so submissions are answered uncompressed.
    .use((c, next) => (c.req.method === 'POST' && SUBMISSION_PATH.test(c.req.path) ? next() : gzip(c, next)))
    // A wave of microdata (POST …/imports) is far larger than a submission; everything else keeps the small limit.
    .use((c, next) => (IMPORT_PATH.test(c.req.path) ? bodyLimits.imports : bodyLimits.body)(c, next));
  api.use(refuseNulInPath);
  api.use(auth);
  // The order of the lines is the order Hono tries them in.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- groups differ in their Env types, as before
  const mount = (path: string, routes: Hono<any, any, any>) => api.route(path, routes);
  mount('/health', healthRoutes(store));
  mount('/auth', authRoutes(store, { secureCookies: config.secureCookies ?? false, perAccount: limits.signInPerAccount, perClient: limits.signInPerClient }));
  mount('/tokens', tokenRoutes(store));
  mount('/users', userRoutes(store));
  mount('/surveys', surveyRoutes(store));
  mount('/surveys', indicatorRoutes(store));
  mount('/surveys', modelRoutes(store));
  mount('/surveys', targetRoutes(store));
  mount('/surveys', exportRoutes(store));
  mount('/surveys', reportRoutes(store, { chromiumPath: config.chromiumPath }));
  mount('/surveys', chartRoutes(store));
  mount('/surveys', draftRoutes(store));
  mount('/surveys', fieldworkRoutes(store));
  mount('/surveys', dataRoutes(store));
  mount('/surveys', qualityRoutes(store));
  mount('/surveys', importRoutes(store));
  mount('/manage', manageRoutes(store));
  mount('/audit', auditRoutes(store));
  mount('/interviews', interviewRoutes(store));
  mount('/', docsRoutes(OPERATIONS));
  api.all('*', (c) => {
    throw new ApiError(404, `No API endpoint ${c.req.method} ${c.req.path}.`);
  });

  // Routes matched through a memo per method and path (api/memo-router.ts): a submission's is the same for every respondent.
  const app = new Hono({ router: new MemoRouter() });
  app.use(secureHeaders());
  app.route('/api', api);
  app.route('/', webAppRoutes(config.webDist));
  app.onError(handleError);
  return app;
}
