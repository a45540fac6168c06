import { asc, eq } from 'drizzle-orm';
import type { SurveyDefinition, SurveyMeta } from '../../surveys/types.ts';
import type { Db } from '../db/open.ts';
import { surveyVersions } from '../db/schema.ts';
import { variableLayout, type Layout } from './layout.ts';

export interface SurveyLayout {
  layout: Layout;
  /** Definitions and meta of every published version, oldest first. */
  versions: { version: number; definition: SurveyDefinition; meta: SurveyMeta; publishedAt: string }[];
}

// Keyed by the content hashes of the versions, so two databases (tests) never share an entry and a
// new version makes a new one. Versions are immutable, so an entry never goes stale.
const cache = new Map<string, SurveyLayout>();

// The versions' hashes, with a statement prepared once per database: building and preparing the
// drizzle query on every call cost 36–115 µs against 2.5 (the writer thread asks once a batch;
// docs/benchmarks.md, "Ingest: the writer thread").
const hashQueries = new WeakMap<Db, { all(surveyId: number): string[] }>();

function versionHashes(db: Db, surveyId: number): string[] {
  let query = hashQueries.get(db);
  if (!query) {
    const statement = db.$client.prepare<[number], string>('SELECT content_hash FROM survey_versions WHERE survey_id = ? ORDER BY version').pluck();
    hashQueries.set(db, (query = { all: (id) => statement.all(id) }));
  }
  return query.all(surveyId);
}

/** The variable layout of a survey over all its published versions (cached by content). */
export function surveyLayout(db: Db, surveyId: number): SurveyLayout {
  const hashes = versionHashes(db, surveyId);
  return cachedLayout(hashes) ?? rememberLayout(hashes,
    db.select({ version: surveyVersions.version, definition: surveyVersions.definition, meta: surveyVersions.meta, publishedAt: surveyVersions.publishedAt })
      .from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version)).all());
}

/** The layout of the versions with these content hashes (oldest first), if made already; for any database. */
export function cachedLayout(hashes: readonly string[]): SurveyLayout | undefined {
  return cache.get(hashes.join(','));
}

/** Makes and keeps the layout of these versions (oldest first), read from any database. */
export function rememberLayout(hashes: readonly string[], rows: { version: number; definition: unknown; meta: unknown; publishedAt: string }[]): SurveyLayout {
  const versions = rows.map((row) => ({ ...row, definition: row.definition as SurveyDefinition, meta: row.meta as SurveyMeta }));
  const found = { layout: variableLayout(versions.map((row) => row.definition)), versions };
  if (cache.size > 50) cache.clear();
  cache.set(hashes.join(','), found);
  return found;
}
