/**
 * Does this error mean the database is not answering (as opposed to a bug in a query)? Such
 * failures are answered 503 with Retry-After (api/errors.ts): a tablet keeps the interview and
 * sends it again, instead of showing a server error for something nobody did wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (isUnavailableItself(cause)) return true;
  }
  return false;
}

function isUnavailableItself(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || PG_CONNECTION_CLASS.test(code))) return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

const UNAVAILABLE_CODES = new Set([
  // The network or the server's socket (node-postgres passes Node's codes through).
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE',
  // PostgreSQL: shutting down, starting up, crashed, too many connections, database dropped.
  '57P01', '57P02', '57P03', '53300', '3D000',
  // SQLite: the file is locked by another process for longer than busy_timeout.
  'SQLITE_BUSY',
]);

/** SQLSTATE class 08: connection exceptions. */
const PG_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;

const UNAVAILABLE_MESSAGES = [
  /^The database connection is not open$/, // better-sqlite3, after close()
  /^Connection terminated/, // node-postgres: the server went away mid-query
  /^Cannot use a pool after calling end on the pool$/, // node-postgres: the pool is closed
  /^timeout exceeded when trying to connect$/, // node-postgres: no connection within the pool's limit
];
