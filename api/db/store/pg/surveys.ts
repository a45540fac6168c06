import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { SurveyDefinition, SurveyMeta } from '../../../../surveys/types.ts';
import { contentHash } from '../../../canonical-json.ts';
import { unchangedFile } from '../../../surveys/publish.ts';
import type { PublishedVersion } from '../../../surveys/queries.ts';
import type { PgDb } from '../../pg/open.ts';
import { surveys, surveyVersions } from '../../pg/schema.ts';
import type { SurveysStore } from '../surveys.ts';
import { recordAuditPg, type PgWriter } from './audit-entry.ts';

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

const columns = {
  surveyId: surveys.id,
  versionId: surveyVersions.id,
  slug: surveys.slug,
  status: surveys.status,
  version: surveyVersions.version,
};

type VersionRow = Omit<PublishedVersion, 'definition' | 'meta'>;

/**
 * Published versions never change: each one's definition and meta are read once per pool and the
 * same objects handed out afterwards (answer validation keeps one survey-core model per
 * definition object), as api/surveys/queries.ts does on SQLite.
 */
const contentByPool = new WeakMap<PgDb, Map<number, { definition: SurveyDefinition; meta: SurveyMeta }>>();

async function withContent(db: PgDb, rows: VersionRow[]): Promise<PublishedVersion[]> {
  let contents = contentByPool.get(db);
  if (!contents) contentByPool.set(db, (contents = new Map()));
  const missing = rows.filter((row) => !contents.has(row.versionId)).map((row) => row.versionId);
  if (missing.length > 0) {
    const read = await db.select({ id: surveyVersions.id, definition: surveyVersions.definition, meta: surveyVersions.meta }).from(surveyVersions)
      .where(inArray(surveyVersions.id, missing));
    for (const row of read) contents.set(row.id, { definition: row.definition as SurveyDefinition, meta: row.meta as SurveyMeta });
  }
  return rows.map((row) => ({ ...row, ...contents.get(row.versionId)! }));
}

/** The surveys job on PostgreSQL. */
export function postgresSurveys(db: PgDb): SurveysStore {
  const findVersion: SurveysStore['findVersion'] = async (slug, version) => {
    const rows = await db.select(columns).from(surveyVersions).innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
      .where(version === undefined ? eq(surveys.slug, slug) : and(eq(surveys.slug, slug), eq(surveyVersions.version, version)))
      .orderBy(desc(surveyVersions.version)).limit(1);
    return rows[0] ? (await withContent(db, rows))[0] : undefined;
  };
  return {
    findVersion,
    // Read fresh: several instances share the database, and the PostgreSQL write does not check again.
    findAnswerable: (slug, version) => findVersion(slug, version),
    listLatestVersions: async () => {
      const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
        .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
      const rows = await db.select(columns).from(surveyVersions)
        .innerJoin(latest, and(eq(latest.surveyId, surveyVersions.surveyId), eq(latest.version, surveyVersions.version)))
        .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
        .orderBy(surveys.slug);
      return withContent(db, rows);
    },
    versionDefinitions: async (surveyId) => (await db.select({ version: surveyVersions.version, definition: surveyVersions.definition }).from(surveyVersions)
      .where(eq(surveyVersions.surveyId, surveyId)).orderBy(surveyVersions.version)) as { version: number; definition: SurveyDefinition }[],
    publishFiles: (files) => db.transaction(async (tx) => {
      const results = [];
      for (const file of files) {
        const hash = contentHash({ definition: file.definition, meta: file.meta });
        const survey = await lockedSurvey(tx, file.slug);
        const latest = await latestVersionOf(tx, survey.id);
        if (latest && unchangedFile(survey.sourceHash, latest.contentHash, hash)) {
          if (survey.sourceHash !== hash) await tx.update(surveys).set({ sourceHash: hash }).where(eq(surveys.id, survey.id));
          results.push({ slug: file.slug, version: latest.version, published: false });
          continue;
        }
        const version = (latest?.version ?? 0) + 1;
        await tx.insert(surveyVersions).values({ surveyId: survey.id, version, definition: file.definition, meta: file.meta, contentHash: hash });
        await tx.update(surveys).set({ sourceHash: hash }).where(eq(surveys.id, survey.id));
        await recordAuditPg(tx, { userId: null, action: 'survey.publish', surveyId: survey.id, target: `version ${version}`, details: { source: 'file' } });
        results.push({ slug: file.slug, version, published: true });
      }
      return results;
    }),
  };
}

/**
 * The survey named `slug`, created if new, locked (FOR UPDATE) until the transaction ends: two
 * instances publishing the same survey at once take turns, so the second reads the first one's
 * version before numbering its own (the unique key on (survey, version) backs this up).
 */
export async function lockedSurvey(tx: Tx, slug: string) {
  await tx.insert(surveys).values({ slug }).onConflictDoNothing({ target: surveys.slug });
  return (await tx.select().from(surveys).where(eq(surveys.slug, slug)).for('update'))[0]!;
}

/** A survey's latest published version (all columns), or undefined. */
export async function latestVersionOf(db: PgWriter & Pick<PgDb, 'select'>, surveyId: number) {
  return (await db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version)).limit(1))[0];
}
