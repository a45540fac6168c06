import type { ExportStore } from '../db/store/exports.ts';
import type { Cell } from '../exports/csv-stream.ts';
import type { SurveyLayout } from '../indicators/survey-layout.ts';
import { pageNames } from './check.ts';
import type { Paradata } from './schema.ts';
import type { StoredParadataRow } from './stored.ts';

/** Response columns that start every paradata row, so the file joins the microdata by `id`. */
export const PARADATA_FIXED = ['id', 'version', 'mode', 'enumerator_id', 'started_at', 'completed_at'] as const;

/** Columns computed from the stored paradata (before the per-page columns). */
export const PARADATA_MEASURES = [
  'para_duration_seconds', 'para_app_version', 'para_offline_seconds', 'para_queued_seconds', 'para_language_switches', 'para_languages',
] as const;

/** The column of the seconds spent on one page. */
export const pageColumn = (page: string) => `para_page_${page}_seconds`;

/** Every page of every version, in order of first appearance: one seconds column each. */
export function paradataPages(survey: SurveyLayout): { page: string; versions: number[] }[] {
  const pages = new Map<string, number[]>();
  for (const { version, definition } of survey.versions) {
    for (const page of pageNames(definition)) pages.set(page, [...(pages.get(page) ?? []), version]);
  }
  return [...pages].map(([page, versions]) => ({ page, versions }));
}

export function paradataHeader(pages: { page: string }[]): string[] {
  return [...PARADATA_FIXED, ...PARADATA_MEASURES, ...pages.map(({ page }) => pageColumn(page))];
}

/**
 * The paradata of a survey's responses as pages of cells, one row per response in the order of
 * the microdata export (version, then storage order), read from the store one page at a time
 * (stored.ts on SQLite, store/pg/exports.ts on PostgreSQL), so memory stays one page.
 */
export async function* paradataRows(store: ExportStore, request: { surveyId: number; survey: SurveyLayout; waves?: number[]; pageSize?: number }): AsyncGenerator<Cell[][]> {
  const pages = paradataPages(request.survey).map(({ page }) => page);
  const { surveyId, waves, pageSize } = request;
  const versions = request.survey.versions.map(({ version }) => version);
  for await (const rows of store.paradataPages({ surveyId, versions, ...(waves ? { waves } : {}), ...(pageSize ? { pageSize } : {}) })) {
    yield rows.map((row) => paradataCells(row, pages));
  }
}

function paradataCells([, id, version, mode, enumeratorId, startedAt, completedAt, language, json]: StoredParadataRow, pages: string[]): Cell[] {
  const paradata = (json === null ? {} : JSON.parse(json)) as Paradata;
  const duration = startedAt && completedAt ? (Date.parse(completedAt) - Date.parse(startedAt)) / 1000 : null;
  const switches = paradata.languageSwitches;
  const seconds = new Map((paradata.pages ?? []).map((page) => [page.name, page.seconds]));
  return [
    id, version, mode, enumeratorId, startedAt, completedAt,
    duration, paradata.appVersion ?? null, paradata.offlineSeconds ?? null, paradata.queuedSeconds ?? null,
    switches ? switches.length : null,
    // The languages in the order used: the first one, then each switched to (the last is `language`).
    switches && switches.length > 0 ? [switches[0]!.from, ...switches.map((entry) => entry.to)].join(' ') : (switches ? language : null),
    ...pages.map((page) => seconds.get(page) ?? null),
  ];
}
