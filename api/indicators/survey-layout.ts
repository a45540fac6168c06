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

/** The variable layout of a survey over all its published versions (cached by content). */
export function surveyLayout(db: Db, surveyId: number): SurveyLayout {
  const hashes = db.select({ hash: surveyVersions.contentHash }).from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version)).all();
  const key = hashes.map((row) => row.hash).join(',');
  let found = cache.get(key);
  if (!found) {
    const rows = db.select({ version: surveyVersions.version, definition: surveyVersions.definition, meta: surveyVersions.meta, publishedAt: surveyVersions.publishedAt })
      .from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version)).all();
    const versions = rows.map((row) => ({ ...row, definition: row.definition as SurveyDefinition, meta: row.meta as SurveyMeta }));
    found = { layout: variableLayout(versions.map((row) => row.definition)), versions };
    if (cache.size > 50) cache.clear();
    cache.set(key, found);
  }
  return found;
}
