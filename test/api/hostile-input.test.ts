import fc from 'fast-check';
import { expect, it } from 'vitest';
import { copiedTables } from '../../api/db/copy/tables.ts';
import { OPERATIONS } from '../../api/openapi/operations.ts';
import { listQuestions } from '../../surveys/questions.ts';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectContext } from './dialects.ts';
import { SHORT, shortSurvey, skipLogicSurvey, VALID_ANSWERS } from './helpers.ts';
import { requestFor, type HostileRequest, type Targets } from './hostile/requests.ts';

/**
 * Generated hostile input (fast-check, seeded, reproducible): at least 10,000 requests per run to
 * every documented endpoint, each with hostile path parameters, query parameters, bodies (deep
 * nesting, long strings, reserved keys, wrong types, unicode, not JSON, too large), content
 * types and credentials. Every answer must be below 500, every refusal in the one error shape,
 * and a refused request must leave every table byte for byte as it was.
 *
 * Reproduce a failing run with HOSTILE_SEED=<seed printed in the failure>; HOSTILE_REQUESTS sets the count.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261202);
const REQUESTS = Number(process.env.HOSTILE_REQUESTS ?? 12_000);
const LIMIT = 256 * 1024; // room for a string past the 65,536-character limit (and its multi-byte version)
const ERROR_TYPES = new Set(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'validation', 'rate_limited', 'unavailable', 'internal']);
/** The one 5xx a request may get: the PDF report when no Chromium is installed (documented; the app here has none). */
const PDF_WITHOUT_CHROMIUM = 'GET /api/surveys/{slug}/report.pdf';

async function setUp(ctx: DialectContext) {
  const context = await ctx.testApp({
    files: [shortSurvey(), skipLogicSurvey()], bodyLimitBytes: LIMIT, chromiumPath: '/nonexistent/chromium',
    // Sign-in checks a password hash (scrypt, slow on purpose): a low limit keeps the run fast, and rate limiting is attacked too.
    limits: { signInPerAccount: 3, signInPerClient: 3, submissionsPerClient: 1_000_000 },
  });
  const { app } = context;
  await createAccount(context.store, 'admin@example.org', 'admin');
  const researcher = await createAccount(context.store, 'researcher@example.org', 'researcher');
  const enumerator = await createAccount(context.store, 'enumerator@example.org', 'enumerator');
  const admin = await signIn(app, 'admin@example.org');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, { method, headers: admin.headers(true), body: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return response.json();
  };
  await call('POST', '/api/surveys', { slug: 'field', fromTemplate: SHORT });
  await call('POST', '/api/surveys/field/publish');
  await call('POST', '/api/surveys/field/members', { email: 'researcher@example.org' });
  await call('POST', '/api/surveys/field/members', { email: 'enumerator@example.org' });
  await call('POST', '/api/surveys/field/draft');
  const responseIds: string[] = [];
  for (let index = 0; index < 40; index++) {
    const { id } = await call('POST', `/api/surveys/${index % 2 ? 'field' : SHORT}/responses`, { id: crypto.randomUUID(), language: 'en', answers: { ...VALID_ANSWERS, trust_police: index % 11 } });
    responseIds.push(id);
  }
  const targets: Targets = {
    slugs: ['field', SHORT, skipLogicSurvey().slug, 'no-such-survey'],
    responseIds,
    userIds: [researcher.id, enumerator.id],
    questionNames: listQuestions(shortSurvey().definition).map((question) => question.name),
  };
  return { database: context, app, admin, targets };
}

type Context = Awaited<ReturnType<typeof setUp>>;

/**
 * Every row of every table (all that db:copy knows, which is every table of the schema), as text,
 * rows sorted so that the order a database happens to return them in does not count. Left out:
 * rate_limits, where a refused attempt is counted on purpose (on PostgreSQL; SQLite counts in
 * memory, so the table stays empty there).
 */
async function snapshot(database: Context['database']): Promise<string> {
  const tables = copiedTables().map((table) => table.name).filter((name) => name !== 'rate_limits');
  const parts: string[] = [];
  for (const name of tables) parts.push(`${name}:${JSON.stringify((await database.rows(name)).map((row) => JSON.stringify(row)).sort())}`);
  return parts.join('\n');
}

function headersOf(request: HostileRequest, admin: Context['admin']): Record<string, string> {
  const session = { cookie: admin.cookie };
  const byCaller = {
    admin: { ...session, 'x-csrf-token': admin.csrfToken },
    'admin-no-csrf': session,
    anonymous: {},
    'bad-token': { authorization: `Bearer tl_AAAAAAAAAAAA_${'B'.repeat(43)}` },
    'bad-cookie': { cookie: 'trustlens_session=forged' },
  };
  return { ...byCaller[request.caller], ...request.headers };
}

/** What is wrong with a refusal's body, or null when it is `{ error: { type, message, details? } }`. */
function shapeProblem(status: number, contentType: string | null, text: string): string | null {
  if (!contentType?.includes('application/json')) return `content-type ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (!error || Object.keys(body as object).length !== 1) return 'not { error }';
  if (Object.keys(error).some((key) => !['type', 'message', 'details'].includes(key))) return `error has keys ${Object.keys(error)}`;
  if (typeof error.type !== 'string' || !ERROR_TYPES.has(error.type)) return `type ${String(error.type)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message';
  if (status === 422 && !(Array.isArray(error.details) && error.details.length > 0 && error.details.every((detail) =>
    typeof detail?.field === 'string' && typeof detail?.issue === 'string'))) return 'a 422 without [{ field, issue }] details';
  return null;
}

forEachDialect('generated hostile input', (ctx) => {
  it('a path with a NUL character is 404 on either database (PostgreSQL\'s text cannot hold one: it was a 500 there)', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    await createAccount(context.store, 'admin@example.org', 'admin');
    const admin = await signIn(context.app, 'admin@example.org');
    for (const path of ['/api/surveys/%00', '/api/surveys/%00abc/indicators', `/api/surveys/${SHORT}/responses/%00`, '/api/tokens/%00']) {
      const response = await context.app.request(path, { method: path.startsWith('/api/tokens') ? 'DELETE' : 'GET', headers: admin.headers(true) });
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('not_found');
    }
  });

  it(`${REQUESTS} requests (seed ${SEED}) to every endpoint: never a 5xx, refusals in the one error shape, nothing written by a refused request`, async () => {
    const context = await setUp(ctx);
    const all = fc.oneof(...OPERATIONS.map((operation) => requestFor(operation, context.targets)));
    const requests = fc.sample(all, { seed: SEED, numRuns: REQUESTS });
    const failures: string[] = [];
    const byOperation = new Map<string, number>();
    const statuses = new Map<number, number>();
    const issues = new Set<string>();
    let before = await snapshot(context.database);
    for (const [index, request] of requests.entries()) {
      // Signing out with the admin's own cookie would end the session the run uses.
      const caller = request.operation === 'POST /api/auth/sign-out' && request.caller.startsWith('admin') ? 'bad-cookie' : request.caller;
      const sent = { ...request, caller };
      const what = () => `#${index} ${sent.method} ${sent.url.slice(0, 200)} as ${caller} ${JSON.stringify(sent.headers)} body ${String(typeof sent.body === 'string' ? sent.body.slice(0, 200) : sent.body?.length ?? 'none')}`;
      byOperation.set(request.operation, (byOperation.get(request.operation) ?? 0) + 1);
      let status: number;
      let text: string;
      let contentType: string | null;
      try {
        const response = await context.app.request(sent.url, { method: sent.method, headers: headersOf(sent, context.admin), ...(sent.body === undefined ? {} : { body: sent.body as BodyInit }) });
        status = response.status;
        contentType = response.headers.get('content-type');
        text = Buffer.from(await response.arrayBuffer()).toString('utf8'); // a stream that breaks half-way fails here
      } catch (error) {
        failures.push(`${what()} → threw ${(error as Error).message}`);
        continue;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const allowed503 = status === 503 && request.operation === PDF_WITHOUT_CHROMIUM;
      if (status >= 500 && !allowed503) failures.push(`${what()} → ${status} ${text.slice(0, 300)}`);
      if (status >= 400) {
        const problem = shapeProblem(status, contentType, text);
        if (problem) failures.push(`${what()} → ${status} not in the error shape (${problem}): ${text.slice(0, 300)}`);
        if (status === 422) for (const detail of JSON.parse(text).error.details as { issue: string }[]) issues.add(detail.issue.replace(/\d+/g, 'N'));
        const after = await snapshot(context.database);
        if (after !== before) failures.push(`${what()} → ${status}, but the tables changed`);
        before = after;
      } else {
        before = await snapshot(context.database);
      }
      if (failures.length >= 25) break;
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(10_000);
    // The run reached every endpoint many times, and got past the schema to the checks behind it.
    for (const operation of OPERATIONS) expect(byOperation.get(`${operation.method.toUpperCase()} ${operation.path}`) ?? 0, operation.path).toBeGreaterThanOrEqual(100);
    for (const status of [200, 201, 204, 400, 401, 403, 404, 409, 413, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    for (const issue of ['nests objects or lists more than N levels deep', 'is longer than N characters', 'is a reserved name, never a question, field or property', 'unknown field']) {
      expect([...issues], issue).toContain(issue);
    }
    console.log(`hostile input: ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  }, 1_800_000);
});
