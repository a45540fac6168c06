import { Hono, type Context } from 'hono';
import type { IndicatorSpec } from '../../analysis/index.ts';
import type { SurveyPurpose } from '../auth/survey-access.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { codebook, codebookRows, essNames, withEssNames } from '../exports/codebook.ts';
import { csvStream, onePage, type Cell } from '../exports/csv-stream.ts';
import { comparisonSheet, definitionSheet, estimateSheet, methodNotes, reliabilitySheet } from '../exports/indicator-rows.ts';
import { microdataColumns } from '../exports/microdata-columns.ts';
import { parseMicrodataQuery } from '../exports/microdata-query.ts';
import { microdataHeader, storedMicrodataPages } from '../exports/microdata-rows.ts';
import { xlsxStream } from '../exports/xlsx-stream.ts';
import { paradataCodebook } from '../paradata/codebook.ts';
import { paradataHeader, paradataPages, paradataRows } from '../paradata/export.ts';
import { byteStream } from '../exports/native/byte-stream.ts';
import { nativeSource } from '../exports/native/native-export.ts';
import { dtaFile } from '../exports/native/dta-file.ts';
import { savFile } from '../exports/native/sav-file.ts';
import { rScript } from '../exports/r-script.ts';
import { spssSyntax } from '../exports/spss-syntax.ts';
import { parseIndicatorQuery } from '../indicators/query.ts';
import { compute } from '../compute/compute-thread.ts';
import { indicatorLabel, surveyContext, type SurveyContext } from '../indicators/table.ts';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  sav: 'application/x-spss-sav',
  dta: 'application/x-stata-dta',
} as const;

/** The audit entry of each export request, written only once the export is about to be sent: a refused one writes nothing. */
const pendingAudits = new WeakMap<Context, () => Promise<void>>();

async function download(c: Context, body: ReadableStream<Uint8Array> | string, filename: string, type: keyof typeof TYPES) {
  await pendingAudits.get(c)?.();
  return c.body(body, 200, { 'content-type': TYPES[type], 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
}

/**
 * Exports, streamed: indicator tables (CSV, XLSX; aggregates) and microdata (CSV, XLSX) with its
 * codebook (CSV, JSON), paradata (CSV, and a sheet of the XLSX) and native files (.sav, .dta) for
 * researchers of the survey. Every export is written to the audit log. On either database, through
 * `store` only.
 */
export function exportRoutes(store: Store) {
  /** The survey if the caller may use it for `purpose`, its context and parsed query; audits the export. */
  const open = async <T>(c: Context<AppEnv>, purpose: SurveyPurpose, what: string, parse: (url: URL, context: SurveyContext) => T) => {
    const auth = c.get('auth');
    const survey = await store.access.surveyFor(c.req.param('slug') ?? '', auth, purpose);
    const context = await surveyContext(store.indicators, survey);
    const url = new URL(c.req.url);
    const parsed = parse(url, context);
    pendingAudits.set(c, () => store.audit.record({ userId: auth!.user.id, action: `export.${what}`, surveyId: survey.id, details: Object.fromEntries(url.searchParams) }));
    return { survey, context, parsed };
  };

  const routes = new Hono<AppEnv>()
    .get('/:slug/exports/indicators.csv', (c) => indicatorExport(c, 'csv'))
    .get('/:slug/exports/indicators.xlsx', (c) => indicatorExport(c, 'xlsx'))
    .get('/:slug/exports/microdata.csv', (c) => microdataExport(c, 'csv'))
    .get('/:slug/exports/microdata.xlsx', (c) => microdataExport(c, 'xlsx'))
    .get('/:slug/exports/paradata.csv', (c) => paradataExport(c))
    .get('/:slug/exports/microdata.sav', (c) => nativeExport(c, 'sav'))
    .get('/:slug/exports/microdata.dta', (c) => nativeExport(c, 'dta'))
    .get('/:slug/exports/microdata.sps', (c) => syntaxExport(c, 'sps'))
    .get('/:slug/exports/microdata.R', (c) => syntaxExport(c, 'R'))
    .get('/:slug/exports/codebook.csv', (c) => codebookExport(c, 'csv'))
    .get('/:slug/exports/codebook.json', (c) => codebookExport(c, 'json'));
  return routes;

  async function indicatorExport(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
      const { survey, parsed } = await open(c, 'aggregates', `indicators.${format}`, (url, context) => parseIndicatorQuery(url, context.meta, context.waves));
      const table = await compute(store.indicators, 'table', { surveyId: survey.id, query: parsed });
      const estimates = estimateSheet(table);
      const name = `${survey.slug}-indicators.${format}`;
      if (format === 'csv') return download(c, csvStream(estimates.header, onePage(estimates.rows)), name, 'csv');
      const definitions = definitionSheet(parsed.indicators as IndicatorSpec[], indicatorLabel);
      const sheets = [estimates, definitions, reliabilitySheet(table), ...(table.comparisons.length > 0 ? [comparisonSheet(table)] : [])];
      return download(c, xlsxStream([
        ...sheets.map((sheet) => ({ name: sheet.name, header: sheet.header, pages: onePage(sheet.rows) })),
        { name: 'notes', header: ['note'], pages: onePage(methodNotes(table).map((note) => [note] as Cell[])) },
      ]), name, 'xlsx');
  }

  async function microdataExport(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
      const { survey, context, parsed } = await open(c, 'microdata', `microdata.${format}`, (url, context) => parseMicrodataQuery(url, context.waves, format));
      const columns = microdataColumns(context);
      const pages = storedMicrodataPages(store.exports, { surveyId: survey.id, columns, values: parsed.values, ...(parsed.waves ? { waves: parsed.waves } : {}) });
      const header = parsed.names === 'ess' ? essNames(microdataHeader(columns), codebook(context)) : microdataHeader(columns);
      const name = `${survey.slug}-microdata${parsed.values === 'labels' ? '-labels' : ''}.${format}`;
      return format === 'csv'
        ? download(c, csvStream(header, pages, { bom: parsed.bom }), name, 'csv')
        : download(c, xlsxStream([{ name: 'microdata', header, pages }, paradataSheet(context, survey.id, parsed.waves)]), name, 'xlsx');
  }

  /** Paradata (how each response was filled in), one row per response, joined to the microdata by id. */
  function paradataSheet(context: SurveyContext, surveyId: number, waves: number[] | undefined) {
    return { name: 'paradata', header: paradataHeader(paradataPages(context)), pages: paradataRows(store.exports, { surveyId, survey: context, ...(waves ? { waves } : {}) }) };
  }

  async function paradataExport(c: Context<AppEnv>) {
      const { survey, context, parsed } = await open(c, 'microdata', 'paradata.csv', (url, context) => {
        const other = [...new Set(url.searchParams.keys())].filter((key) => key !== 'wave');
        if (other.length > 0) throw new ApiError(422, 'The query does not fit this export.', other.map((field) => ({ field, issue: 'unknown parameter; use wave' })));
        return parseMicrodataQuery(url, context.waves);
      });
      const sheet = paradataSheet(context, survey.id, parsed.waves);
      return download(c, csvStream(sheet.header, sheet.pages), `${survey.slug}-paradata.csv`, 'csv');
  }

  async function nativeExport(c: Context<AppEnv>, format: 'sav' | 'dta') {
    const { survey, context, parsed } = await open(c, 'microdata', `microdata.${format}`, (url, context) => parseMicrodataQuery(url, context.waves, 'native', context.meta.languages));
    const source = await nativeSource(store.exports, survey.id, context, parsed);
    const label = `Trustlens ${survey.slug}`;
    return download(c, byteStream(format === 'sav' ? savFile(source, label) : dtaFile(source, label)), `${survey.slug}-microdata.${format}`, format);
  }

  async function syntaxExport(c: Context<AppEnv>, format: 'sps' | 'R') {
      const { survey, context, parsed } = await open(c, 'microdata', `microdata.${format}`, (url, context) => parseMicrodataQuery(url, context.waves, 'syntax'));
      const csvFile = `${survey.slug}-microdata.csv`;
      // names=ess: the syntax reads the CSV exported with names=ess, so its variables have the same ESS names.
      const entries = parsed.names === 'ess' ? withEssNames(codebook(context)) : codebook(context);
      const text = format === 'sps' ? spssSyntax(entries, csvFile, survey.slug) : rScript(entries, csvFile, survey.slug);
      await pendingAudits.get(c)?.();
      return c.body(text, 200, { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="${survey.slug}-microdata.${format}"` });
  }

  async function codebookExport(c: Context<AppEnv>, format: 'csv' | 'json') {
      const { survey, context } = await open(c, 'microdata', `codebook.${format}`, noParameters);
      const entries = codebook(context);
      const paradata = paradataCodebook(context);
      if (format === 'json') return download(c, JSON.stringify({ survey: survey.slug, versions: context.versions.map((v) => v.version), variables: entries, paradata }, null, 2), `${survey.slug}-codebook.json`, 'json');
      // The paradata file's own columns follow the microdata's, marked by their construct "paradata".
      const { header, rows } = codebookRows([...entries, ...paradata], context.meta.languages);
      return download(c, csvStream(header, onePage(rows)), `${survey.slug}-codebook.csv`, 'csv');
  }
}

function noParameters(url: URL): void {
  const keys = [...new Set(url.searchParams.keys())];
  if (keys.length > 0) throw new ApiError(422, 'This export takes no parameters.', keys.map((field) => ({ field, issue: 'unknown parameter' })));
}
