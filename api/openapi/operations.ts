import { z } from 'zod';
import { auditQuerySchema } from '../routes/audit.ts';
import { passwordChangeSchema, signInSchema } from '../routes/auth.ts';
import { draftContentSchema, surveyCreateSchema } from '../routes/drafts.ts';
import { memberAddSchema } from '../routes/fieldwork.ts';
import { tokenCreateSchema } from '../routes/tokens.ts';
import { userCreateSchema, userUpdateSchema } from '../routes/users.ts';
import { importQuerySchema } from '../routes/imports.ts';
import { responseFilterSchema } from '../responses/query.ts';
import { submissionSchema } from '../responses/submission.ts';

/** One documented endpoint. Request schemas are the very zod schemas the routes validate with. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style. */
  path: string;
  tag: string;
  summary: string;
  /** Who may call it; omitted for public endpoints. */
  roles?: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Status → description of the success answers; error answers are added from `errors`. */
  responses: Record<number, string>;
  errors?: number[];
}

const SURVEY = '/api/surveys/{slug}';
const signedIn = 'any signed-in user';

export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/api/health', tag: 'system', summary: 'Is the database reachable?', responses: { 200: 'ok' }, errors: [503] },
  { method: 'get', path: '/api/surveys', tag: 'respondents', summary: 'Published surveys with title per language and current version', responses: { 200: 'the list' } },
  { method: 'get', path: SURVEY, tag: 'respondents', summary: 'The current published version: { slug, version, status, definition (SurveyJS), meta }', responses: { 200: 'the survey' }, errors: [404] },
  { method: 'post', path: `${SURVEY}/responses`, tag: 'respondents', summary: 'Submit a completed questionnaire (an enumerator\'s interview when signed in as one)', body: submissionSchema, responses: { 201: 'stored (after the commit holding it): { id, version }', 200: 'a retry of a stored submission: the stored record' }, errors: [400, 403, 404, 409, 413, 422, 429, 503] },
  { method: 'post', path: `${SURVEY}/starts`, tag: 'respondents', summary: 'Count one questionnaire started on the web today (no body, no identifier kept; for the completion rate)', responses: { 204: 'counted' }, errors: [404, 409, 429] },

  { method: 'post', path: '/api/auth/sign-in', tag: 'accounts', summary: 'Sign in; sets the session cookie, returns the CSRF token for writes', body: signInSchema, responses: { 200: '{ user, csrfToken }' }, errors: [400, 401, 422, 429] },
  { method: 'post', path: '/api/auth/sign-out', tag: 'accounts', summary: 'Sign out', responses: { 204: 'signed out' } },
  { method: 'get', path: '/api/auth/me', tag: 'accounts', summary: 'Who is signed in (and the CSRF token of the session)', roles: signedIn, responses: { 200: '{ user, role, via, csrfToken? }' }, errors: [401] },
  { method: 'post', path: '/api/auth/password', tag: 'accounts', summary: 'Change your password; ends your other sessions', roles: signedIn, body: passwordChangeSchema, responses: { 200: 'changed' }, errors: [400, 401, 403, 422] },
  { method: 'get', path: '/api/tokens', tag: 'accounts', summary: 'Your API tokens (never their secrets)', roles: signedIn, responses: { 200: '{ tokens }' }, errors: [401] },
  { method: 'post', path: '/api/tokens', tag: 'accounts', summary: 'Create an API token, shown once; its role is no wider than yours', roles: signedIn, body: tokenCreateSchema, responses: { 201: 'the token, with its secret' }, errors: [400, 401, 403, 422] },
  { method: 'delete', path: '/api/tokens/{id}', tag: 'accounts', summary: 'Revoke an API token', roles: signedIn, responses: { 204: 'revoked' }, errors: [401, 403, 404] },
  { method: 'get', path: '/api/users', tag: 'accounts', summary: 'All accounts', roles: 'admin', responses: { 200: '{ users }' }, errors: [401, 403] },
  { method: 'post', path: '/api/users', tag: 'accounts', summary: 'Create an account (a generated password is returned once unless one is given)', roles: 'admin', body: userCreateSchema, responses: { 201: '{ user, password? }' }, errors: [400, 401, 403, 409, 422] },
  { method: 'patch', path: '/api/users/{id}', tag: 'accounts', summary: 'Change an account\'s role, or disable it', roles: 'admin', body: userUpdateSchema, responses: { 200: '{ user }' }, errors: [400, 401, 403, 404, 422] },
  { method: 'post', path: '/api/users/{id}/password', tag: 'accounts', summary: 'Reset an account\'s password to a generated one', roles: 'admin', responses: { 200: '{ password }' }, errors: [401, 403, 404] },
  { method: 'get', path: '/api/audit', tag: 'accounts', summary: 'The audit log, newest first', roles: 'admin', query: auditQuerySchema, responses: { 200: '{ entries, nextBefore }' }, errors: [401, 403, 422] },

  { method: 'get', path: '/api/manage/surveys', tag: 'questionnaires', summary: 'Surveys you manage, with status, version, draft and counts, and the templates (questionnaires published from surveys/) to start from', roles: 'admin, researcher', responses: { 200: '{ surveys, templates }' }, errors: [401, 403] },
  { method: 'post', path: '/api/surveys', tag: 'questionnaires', summary: 'Create a survey with a draft: blank, from SurveyJS JSON + meta, from another survey, or from item-bank items; or, as multipart/form-data with slug, fromXlsform (an XLSForm .xlsx) and an optional title, from an XLSForm (the answer lists the rows not carried over in xlsform.unmapped)', roles: 'admin, researcher', body: surveyCreateSchema, responses: { 201: '{ slug, draft, renames?, xlsform? }' }, errors: [400, 401, 403, 409, 422] },
  { method: 'post', path: '/api/surveys/check', tag: 'questionnaires', summary: 'Check a definition + meta without saving it: { problems: [{ field, issue }], warnings: [{ field, issue }] } (warnings do not stop publishing)', roles: 'admin, researcher', body: draftContentSchema, responses: { 200: '{ problems, warnings }' }, errors: [400, 401, 403, 422] },
  { method: 'get', path: `${SURVEY}/draft`, tag: 'questionnaires', summary: 'The draft of the next version, with the checker\'s problems and warnings', roles: 'admin, researchers of the survey', responses: { 200: 'the draft' }, errors: [401, 403, 404] },
  { method: 'post', path: `${SURVEY}/draft`, tag: 'questionnaires', summary: 'Start a draft from the latest published version', roles: 'admin, researchers of the survey', responses: { 201: 'new draft', 200: 'the existing draft' }, errors: [401, 403, 404, 409] },
  { method: 'put', path: `${SURVEY}/draft`, tag: 'questionnaires', summary: 'Save the draft', roles: 'admin, researchers of the survey', body: draftContentSchema, responses: { 200: 'the draft, with problems and warnings' }, errors: [400, 401, 403, 404, 413, 422] },
  { method: 'post', path: `${SURVEY}/publish`, tag: 'questionnaires', summary: 'Publish the draft as version N+1 (refused while the checker finds problems)', roles: 'admin, researchers of the survey', responses: { 201: '{ slug, version, warnings }' }, errors: [401, 403, 404, 409, 422] },
  { method: 'get', path: `${SURVEY}/versions`, tag: 'questionnaires', summary: 'Published versions with their response counts', roles: 'admin, researchers of the survey, evaluators', responses: { 200: '{ versions }' }, errors: [401, 403, 404] },
  { method: 'get', path: `${SURVEY}/variables`, tag: 'questionnaires', summary: 'Questions across versions, lined up by permanent name, with the versions each appears in', roles: 'admin, researchers of the survey, evaluators', responses: { 200: '{ variables }' }, errors: [401, 403, 404] },

  { method: 'get', path: '/api/interviews', tag: 'fieldwork', summary: 'Published surveys the enumerator is assigned to', roles: 'enumerator', responses: { 200: '{ surveys }' }, errors: [401, 403] },
  { method: 'post', path: `${SURVEY}/close`, tag: 'fieldwork', summary: 'Close fieldwork: new submissions are refused', roles: 'admin, researchers of the survey', responses: { 200: '{ status }' }, errors: [401, 403, 404] },
  { method: 'post', path: `${SURVEY}/open`, tag: 'fieldwork', summary: 'Reopen fieldwork', roles: 'admin, researchers of the survey', responses: { 200: '{ status }' }, errors: [401, 403, 404] },
  { method: 'get', path: `${SURVEY}/members`, tag: 'fieldwork', summary: 'Researchers and enumerators of the survey', roles: 'admin, researchers of the survey', responses: { 200: '{ members }' }, errors: [401, 403, 404] },
  { method: 'post', path: `${SURVEY}/members`, tag: 'fieldwork', summary: 'Add a researcher or assign an enumerator', roles: 'admin, researchers of the survey', body: memberAddSchema, responses: { 201: 'the member' }, errors: [400, 401, 403, 404, 422] },
  { method: 'get', path: `${SURVEY}/members/candidates`, tag: 'fieldwork', summary: 'Enabled researcher and enumerator accounts that are not yet members: { accounts: [{ id, email, role }] }', roles: 'admin, researchers of the survey', responses: { 200: '{ accounts }' }, errors: [401, 403, 404] },
  { method: 'delete', path: `${SURVEY}/members/{userId}`, tag: 'fieldwork', summary: 'Remove a member', roles: 'admin, researchers of the survey', responses: { 204: 'removed' }, errors: [401, 403, 404, 422] },
  { method: 'get', path: `${SURVEY}/progress`, tag: 'fieldwork', summary: 'Responses by region against quota targets, by day, language and mode; median duration; web completion rate (null when filtered by version, language or enumerator mode); the latest submissions\' time, region, language and mode (null for evaluators)', roles: 'admin, researchers of the survey, evaluators', query: responseFilterSchema.pick({ version: true, from: true, to: true, mode: true, language: true }), responses: { 200: 'counts' }, errors: [401, 403, 404, 422] },

  {
    method: 'get', path: `${SURVEY}/indicators`, tag: 'indicators',
    summary: 'Design-based estimates for the survey\'s indicators (rows as in INDICATORS.md, suppression applied), reliability, and comparisons',
    roles: 'admin, researchers of the survey, evaluators',
    // Parsed by api/indicators/query.ts against the survey's own dimensions and waves; described here.
    query: z.object({
      by: z.string().optional().describe('dimensions to break down by, e.g. region,channel'),
      wave: z.string().optional().describe('one survey wave'),
      weighting: z.enum(['raked', 'design', 'none']).optional(),
      indicators: z.string().optional().describe('indicator ids, comma-separated (default: all)'),
      compare: z.string().optional().describe('dimension:a,b — e.g. wave:2025,2024'),
    }),
    responses: { 200: '{ design, estimates, reliability, comparisons }' }, errors: [401, 403, 404, 422],
  },
  {
    method: 'get', path: `${SURVEY}/models`, tag: 'indicators',
    summary: 'The meta\'s design-based models (R svyglm, gaussian or binomial): per model n, residual df, small-cell flag and coefficients with labels, SE, t, p and 95% interval; and its did contrasts (programme effects) with their four cell means',
    roles: 'admin, researchers of the survey, evaluators',
    // Parsed by api/indicators/model-query.ts against the survey's meta and waves.
    query: z.object({
      wave: z.string().optional().describe('survey waves, comma-separated (default: every wave, pooled)'),
      weighting: z.enum(['raked', 'design', 'none']).optional(),
      models: z.string().optional().describe('model ids, comma-separated (default: all)'),
    }),
    responses: { 200: '{ models, contrasts, notes, synthetic, suppression }' }, errors: [401, 403, 404, 422],
  },
  {
    method: 'get', path: `${SURVEY}/targets`, tag: 'indicators',
    summary: 'The meta\'s programme targets as a logframe: per target the baseline and latest wave estimates with 95% intervals, the target and its year, the change since baseline (the wave comparison: difference, interval, p) and the status: reached with confidence, reached by the point estimate only, or not reached',
    roles: 'admin, researchers of the survey, evaluators',
    query: z.object({ weighting: z.enum(['raked', 'design', 'none']).optional() }),
    responses: { 200: '{ latestWave, targets, notes }' }, errors: [401, 403, 404, 422],
  },
  {
    method: 'get', path: `${SURVEY}/models.svg`, tag: 'indicators',
    summary: 'One model as an SVG dot-and-whisker chart: each coefficient (but the intercept) with its 95% interval, labelled in words, a line at 0',
    roles: 'admin, researchers of the survey, evaluators',
    query: z.object({ models: z.string().describe('one model id'), wave: z.string().optional(), weighting: z.enum(['raked', 'design', 'none']).optional() }),
    responses: { 200: 'image/svg+xml' }, errors: [401, 403, 404, 422],
  },
  {
    method: 'get', path: `${SURVEY}/chart.svg`, tag: 'indicators',
    summary: 'One indicator as an SVG chart: estimates with CI whiskers by one dimension, or the region × channel heat map',
    roles: 'admin, researchers of the survey, evaluators',
    query: z.object({
      indicators: z.string().describe('one indicator id'),
      by: z.string().describe('one dimension, or region,channel'),
      wave: z.string().optional(),
      weighting: z.enum(['raked', 'design', 'none']).optional(),
    }),
    responses: { 200: 'image/svg+xml' }, errors: [401, 403, 404, 422],
  },
  ...(['csv', 'xlsx'] as const).map((format): Operation => ({
    method: 'get', path: `${SURVEY}/exports/indicators.${format}`, tag: 'exports',
    summary: format === 'csv' ? 'The indicator table as CSV (one line per indicator and group)' : 'The indicator table as XLSX: estimates, definitions, reliability, comparisons, notes on method and suppression',
    roles: 'admin, researchers of the survey, evaluators',
    query: z.object({ by: z.string().optional(), wave: z.string().optional(), weighting: z.enum(['raked', 'design', 'none']).optional(), indicators: z.string().optional(), compare: z.string().optional() }),
    responses: { 200: format === 'csv' ? 'text/csv' : 'XLSX workbook' }, errors: [401, 403, 404, 422],
  })),
  ...(['csv', 'xlsx'] as const).map((format): Operation => ({
    method: 'get', path: `${SURVEY}/exports/microdata.${format}`, tag: 'exports',
    summary: `Every response as ${format.toUpperCase()} (streamed): codes or labels, a 0/1 column per choice of a multiple-response question, version, language, mode, design and timestamps; questions of every version${format === 'xlsx' ? '; split into further sheets beyond Excel\'s row limit' : ''}`,
    roles: 'admin, researchers of the survey',
    query: z.object({ values: z.enum(['codes', 'labels']).optional(), wave: z.string().optional(), names: z.enum(['own', 'ess']).optional(), ...(format === 'csv' ? { bom: z.enum(['0', '1']).optional() } : {}) }),
    responses: { 200: format === 'csv' ? 'text/csv' : 'XLSX workbook' }, errors: [401, 403, 404, 422],
  })),
  {
    method: 'get', path: `${SURVEY}/exports/paradata.csv`, tag: 'exports',
    summary: 'Paradata of every response (streamed): id, version, mode, enumerator, start and end, duration, app version, seconds offline and queued, language switches, seconds on each page; the same rows as the "paradata" sheet of microdata.xlsx',
    roles: 'admin, researchers of the survey', query: z.object({ wave: z.string().optional() }),
    responses: { 200: 'text/csv' }, errors: [401, 403, 404, 422],
  },
  ...(['sav', 'dta'] as const).map((format): Operation => ({
    method: 'get', path: `${SURVEY}/exports/microdata.${format}`, tag: 'exports',
    summary: format === 'sav'
      ? 'Every response as an SPSS system file (streamed, bytecode-compressed, UTF-8): the CSV\'s columns, variable and value labels in `lang`, text-valued choices as numeric codes (see the codebook), user-missing values from the item bank, long names and long texts'
      : 'Every response as a Stata 118 file: the CSV\'s columns, variable and value labels in `lang`, text-valued choices as numeric codes (see the codebook), missing codes as extended missing values .a, .b, …',
    roles: 'admin, researchers of the survey',
    query: z.object({ lang: z.string().optional(), wave: z.string().optional(), names: z.enum(['own', 'ess']).optional() }),
    responses: { 200: format === 'sav' ? 'application/x-spss-sav' : 'application/x-stata-dta' }, errors: [401, 403, 404, 422],
  })),
  {
    method: 'get', path: `${SURVEY}/quality`, tag: 'fieldwork',
    summary: 'Fieldwork quality per enumerator and overall: interviews per day, median duration, interviews much shorter than the median, straight-lining on multi-item constructs, a "don\'t know" share far from the other enumerators\', identical answer patterns within one enumerator (docs/methods.md); response ids behind each flag for researchers, counts for evaluators',
    roles: 'admin, researchers of the survey, evaluators (counts only)', responses: { 200: 'application/json' }, errors: [401, 403, 404],
  },
  { method: 'get', path: `${SURVEY}/exports/microdata.sps`, tag: 'exports', summary: 'SPSS/PSPP syntax that reads microdata.csv (codes) with variable and value labels and missing values', roles: 'admin, researchers of the survey', responses: { 200: 'text/plain' }, errors: [401, 403, 404, 422] },
  { method: 'get', path: `${SURVEY}/exports/microdata.R`, tag: 'exports', summary: 'R script that reads microdata.csv (codes) into a data frame with factors, labels and missing codes as NA', roles: 'admin, researchers of the survey', responses: { 200: 'text/plain' }, errors: [401, 403, 404, 422] },
  ...(['csv', 'json'] as const).map((format): Operation => ({
    method: 'get', path: `${SURVEY}/exports/codebook.${format}`, tag: 'exports',
    summary: 'Codebook: variable, question text per language, values and labels, construct, ESS variable, missing codes, versions',
    roles: 'admin, researchers of the survey', responses: { 200: format === 'csv' ? 'text/csv' : 'application/json' }, errors: [401, 403, 404, 422],
  })),
  ...(['html', 'pdf'] as const).map((format): Operation => ({
    method: 'get', path: `${SURVEY}/report.${format}`, tag: 'indicators',
    summary: format === 'html' ? 'Self-contained printable HTML report of a wave (design, headline indicators, tables and charts by region and channel, reliability, change, definitions)' : 'The report printed to PDF by headless Chromium (503 when Chromium is not installed)',
    roles: 'admin, researchers of the survey, evaluators',
    query: z.object({ wave: z.string().optional(), weighting: z.enum(['raked', 'design', 'none']).optional() }),
    responses: { 200: format === 'html' ? 'text/html' : 'application/pdf' }, errors: format === 'html' ? [401, 403, 404, 422] : [401, 403, 404, 422, 503],
  })),
  { method: 'get', path: `${SURVEY}/responses`, tag: 'microdata', summary: 'Responses, oldest first, with filters and cursor paging', roles: 'admin, researchers of the survey', query: responseFilterSchema, responses: { 200: '{ items, nextCursor }' }, errors: [401, 403, 404, 422] },
  { method: 'get', path: `${SURVEY}/responses/{id}`, tag: 'microdata', summary: 'One response', roles: 'admin, researchers of the survey', responses: { 200: 'the response' }, errors: [401, 403, 404] },
  { method: 'post', path: `${SURVEY}/imports`, tag: 'microdata', summary: 'Import an earlier wave: a microdata CSV (our export, or KoBoToolbox\'s CSV export) as the body (text/csv) or the `file` field of a multipart form, stored as responses of `version` (mode import), every row validated like a submission; all or nothing unless skipInvalid=1; the same file twice adds nothing. 422 details: { row, column, field, issue }', roles: 'admin, researchers of the survey', query: importQuerySchema, responses: { 201: 'the report: { imported, skipped, alreadyStored, ignoredColumns, file, message }', 200: 'nothing added (this file was imported before, or every row was): the report says so' }, errors: [400, 401, 403, 404, 409, 413, 422] },
  { method: 'delete', path: `${SURVEY}/responses/{id}`, tag: 'microdata', summary: 'Erase a response (right to erasure): gone from every later export and indicator; audited', roles: 'admin, researchers of the survey', responses: { 204: 'erased' }, errors: [401, 403, 404] },
];
