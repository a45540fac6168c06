import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import { authenticate } from './auth/middleware.ts';
import type { AppEnv } from './env.ts';
import { ApiError, handleError } from './errors.ts';
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
import { responseRoutes } from './routes/responses.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { webAppRoutes } from './web-app.ts';

const IMPORT_PATH = /^\/api\/surveys\/[^/]+\/imports\/?$/;

export interface AppDependencies {
  db: Db;
  config: Pick<Config, 'bodyLimitBytes' | 'webDist'> & Partial<Pick<Config, 'trustProxy' | 'secureCookies' | 'chromiumPath' | 'importLimitBytes'>>;
  /** Rate limits (per 15 minutes for sign-in, per minute for anonymous submissions); tests lower them. */
  limits?: { signInPerAccount?: number; signInPerClient?: number; submissionsPerClient?: number };
}

/**
 * Builds the Trustlens HTTP app around a database. No globals: tests build one on an in-memory
 * database and call `app.request()`; api/server.ts builds the real one and listens.
 */
export function createApp({ db, config, limits = {} }: AppDependencies) {
  const limit = (maxSize: number) => bodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is not read: the connection cannot carry another request after this
      // reply, so say so, and the client's keep-alive pool opens a fresh one for its next request.
      c.header('Connection', 'close');
      throw new ApiError(413, `The request body is larger than ${maxSize} bytes.`);
    },
  });
  const bodyLimits = { body: limit(config.bodyLimitBytes), imports: limit(config.importLimitBytes ?? 64 * 1024 * 1024) };
  const api = new Hono<AppEnv>()
    // JSON (a questionnaire is ~100 KB) shrinks about tenfold; a phone on slow data feels each byte.
    .use(compress())
    // A wave of microdata (POST …/imports) is far larger than a submission; everything else keeps the small limit.
    .use((c, next) => (IMPORT_PATH.test(c.req.path) ? bodyLimits.imports : bodyLimits.body)(c, next))
    .use(authenticate(db, config.trustProxy ?? false))
    .route('/health', healthRoutes(db))
    .route('/auth', authRoutes(db, { secureCookies: config.secureCookies ?? false, perAccount: limits.signInPerAccount, perClient: limits.signInPerClient }))
    .route('/tokens', tokenRoutes(db))
    .route('/users', userRoutes(db))
    .route('/surveys', surveyRoutes(db))
    .route('/surveys', responseRoutes(db, { perClientPerMinute: limits.submissionsPerClient }))
    .route('/surveys', indicatorRoutes(db))
    .route('/surveys', modelRoutes(db))
    .route('/surveys', targetRoutes(db))
    .route('/surveys', exportRoutes(db))
    .route('/surveys', reportRoutes(db, { chromiumPath: config.chromiumPath }))
    .route('/surveys', chartRoutes(db))
    .route('/surveys', draftRoutes(db))
    .route('/surveys', fieldworkRoutes(db))
    .route('/surveys', dataRoutes(db))
    .route('/surveys', qualityRoutes(db))
    .route('/surveys', importRoutes(db))
    .route('/manage', manageRoutes(db))
    .route('/audit', auditRoutes(db))
    .route('/interviews', interviewRoutes(db))
    .route('/', docsRoutes(OPERATIONS))
    .all('*', (c) => {
      throw new ApiError(404, `No API endpoint ${c.req.method} ${c.req.path}.`);
    });

  const app = new Hono();
  app.use(secureHeaders());
  app.route('/api', api);
  app.route('/', webAppRoutes(config.webDist));
  app.onError(handleError);
  return app;
}
