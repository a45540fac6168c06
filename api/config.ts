import { z } from 'zod';

/** Everything the server takes from its environment. Only api/server.ts calls `readConfig`. */
export interface Config {
  port: number;
  /** SQLite file path, or ':memory:'; '' when DATABASE_URL names a PostgreSQL database. */
  databasePath: string;
  /** postgres://user:pass@host:port/db when DATABASE_URL names one, else null (SQLite). */
  postgresUrl: string | null;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Largest microdata file accepted by POST /api/surveys/:slug/imports, in bytes (a wave is far larger than a submission). */
  importLimitBytes: number;
  /** Folder of questionnaire files published at start. */
  surveysDir: string;
  /** Built web app (vite build output); served when it exists. */
  webDist: string;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run), for rate limits. */
  trustProxy: boolean;
  /** Mark the session cookie Secure (serve over HTTPS, directly or behind a proxy). */
  secureCookies: boolean;
  /** Chromium used to print reports to PDF; without it report.pdf answers 503. */
  chromiumPath: string;
  /** Make the first indicator tables of every survey right after start-up (see api/indicators/warm.ts). */
  warmIndicators: boolean;
  /** A helper thread for half of a table's estimates on the other core (off by default, decision 018). */
  computeHelper: boolean;
  /** Anonymous submissions accepted per client address per minute (many residents may share one address). */
  submissionsPerMinute: number;
}

const flag = z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1');
const flagOn = z.enum(['true', 'false', '1', '0']).default('true').transform((value) => value === 'true' || value === '1');

const environment = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: z.string().min(1).default('data/trustlens.db'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(512 * 1024),
  IMPORT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  SURVEYS_DIR: z.string().min(1).default('surveys'),
  WEB_DIST: z.string().min(1).default('web/dist'),
  TRUST_PROXY: flag,
  SECURE_COOKIES: flag,
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  WARM_INDICATORS: flagOn,
  COMPUTE_HELPER: flag,
  SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
});

/**
 * Reads the configuration from environment variables and fails fast with a message naming the
 * variable at fault. DATABASE_URL accepts a file path, `file:path`, `sqlite:path` or `:memory:` (SQLite),
 * or `postgres://…` / `postgresql://…` (PostgreSQL).
 */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    databasePath: isPostgresUrl(values.DATABASE_URL) ? '' : sqlitePath(values.DATABASE_URL),
    postgresUrl: isPostgresUrl(values.DATABASE_URL) ? values.DATABASE_URL : null,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    importLimitBytes: values.IMPORT_LIMIT_BYTES,
    surveysDir: values.SURVEYS_DIR,
    webDist: values.WEB_DIST,
    trustProxy: values.TRUST_PROXY,
    secureCookies: values.SECURE_COOKIES,
    chromiumPath: values.CHROMIUM_PATH,
    warmIndicators: values.WARM_INDICATORS,
    computeHelper: values.COMPUTE_HELPER,
    submissionsPerMinute: values.SUBMISSIONS_PER_MINUTE,
  };
}

function sqlitePath(url: string): string {
  return url.replace(/^(file|sqlite):(\/\/)?/, '');
}

/** Whether a DATABASE_URL names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
