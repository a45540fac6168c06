import { and, eq, max, sql } from 'drizzle-orm';
import type { SurveyDefinition, SurveyMeta } from '../../surveys/types.ts';
import type { Db } from '../db/open.ts';
import { surveys, surveyVersions } from '../db/schema.ts';

export interface PublishedVersion {
  surveyId: number;
  versionId: number;
  slug: string;
  /** 'closed' once fieldwork has ended: no new responses. */
  status: 'open' | 'closed';
  version: number;
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

const columns = {
  surveyId: surveys.id,
  versionId: surveyVersions.id,
  slug: surveys.slug,
  status: surveys.status,
  version: surveyVersions.version,
};

type VersionRow = Omit<PublishedVersion, 'definition' | 'meta'>;

/**
 * Published versions never change, so each one's definition and meta are parsed once per database
 * and the same objects handed out afterwards. Besides saving the parse, that lets answer validation
 * keep one survey-core model per version (surveys/answers.ts caches by definition object).
 */
const contentByDatabase = new WeakMap<Db, Map<number, { definition: SurveyDefinition; meta: SurveyMeta }>>();

function withContent(db: Db, row: VersionRow): PublishedVersion {
  let contents = contentByDatabase.get(db);
  if (!contents) contentByDatabase.set(db, (contents = new Map()));
  let content = contents.get(row.versionId);
  if (!content) {
    content = db.select({ definition: surveyVersions.definition, meta: surveyVersions.meta }).from(surveyVersions)
      .where(eq(surveyVersions.id, row.versionId)).get() as { definition: SurveyDefinition; meta: SurveyMeta };
    contents.set(row.versionId, content);
  }
  return { ...row, ...content };
}

/**
 * The two version lookups of every submission, prepared once per database (drizzle builds the SQL
 * once). Each finds at most one row through the unique (survey, version) index, so neither needs
 * ORDER BY or LIMIT: with a bound `LIMIT ?` SQLite took ≈ 5× as long for the same plan (≈ 50 µs
 * instead of ≈ 12 µs, the largest single item of a submission's time; docs/benchmarks.md, "Ingest:
 * profile"). Read fresh for every submission, so a version published or fieldwork closed by any
 * connection, process or instance counts from the next submission on; only the immutable
 * content is cached (withContent).
 */
function versionQueries(db: Db) {
  const slug = sql.placeholder('slug');
  const base = () => db.select(columns).from(surveyVersions).innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId));
  const latestNumber = db.select({ version: max(surveyVersions.version) }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveys.id));
  return {
    latest: base().where(and(eq(surveys.slug, slug), eq(surveyVersions.version, latestNumber))).prepare(),
    exact: base().where(and(eq(surveys.slug, slug), eq(surveyVersions.version, sql.placeholder('version')))).prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof versionQueries>>();

/** The given version of a survey, or its latest published version when `version` is omitted. */
export function findVersion(db: Db, slug: string, version?: number): PublishedVersion | undefined {
  let queries = prepared.get(db);
  if (!queries) prepared.set(db, (queries = versionQueries(db)));
  const row = version === undefined ? queries.latest.get({ slug }) : queries.exact.get({ slug, version });
  return row ? withContent(db, row) : undefined;
}

/** The latest published version of every survey, by slug. */
export function listLatestVersions(db: Db): PublishedVersion[] {
  const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
    .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
  return db.select(columns).from(surveyVersions)
    .innerJoin(latest, and(eq(latest.surveyId, surveyVersions.surveyId), eq(latest.version, surveyVersions.version)))
    .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
    .orderBy(surveys.slug).all().map((row) => withContent(db, row));
}
