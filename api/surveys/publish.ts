import { desc, eq } from 'drizzle-orm';
import type { SurveyFile } from '../../surveys/types.ts';
import { contentHash } from '../canonical-json.ts';
import type { Db } from '../db/open.ts';
import { surveys, surveyVersions } from '../db/schema.ts';
import { recordAudit } from '../audit.ts';

export interface PublishResult {
  slug: string;
  version: number;
  /** True when this call published a new version (a new survey or changed content). */
  published: boolean;
}

/**
 * Publishes questionnaire files from surveys/: a new survey gets version 1; a file that changed
 * since it was last loaded gets the next version (unless it equals the latest version already);
 * an unchanged file changes nothing, so versions published in the app since are never overridden
 * by a restart. Earlier versions and their responses are never touched.
 */
export function publishSurveyFiles(db: Db, files: SurveyFile[]): PublishResult[] {
  return db.transaction((tx) =>
    files.map((file) => {
      const hash = contentHash({ definition: file.definition, meta: file.meta });
      let survey = tx.select().from(surveys).where(eq(surveys.slug, file.slug)).get();
      survey ??= tx.insert(surveys).values({ slug: file.slug }).returning().get();
      const latest = tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, survey.id))
        .orderBy(desc(surveyVersions.version)).limit(1).get();
      if (latest && unchangedFile(survey.sourceHash, latest.contentHash, hash)) {
        if (survey.sourceHash !== hash) tx.update(surveys).set({ sourceHash: hash }).where(eq(surveys.id, survey.id)).run();
        return { slug: file.slug, version: latest.version, published: false };
      }
      const version = (latest?.version ?? 0) + 1;
      tx.insert(surveyVersions).values({ surveyId: survey.id, version, definition: file.definition, meta: file.meta, contentHash: hash }).run();
      tx.update(surveys).set({ sourceHash: hash }).where(eq(surveys.id, survey.id)).run();
      recordAudit(tx, { userId: null, action: 'survey.publish', surveyId: survey.id, target: `version ${version}`, details: { source: 'file' } });
      return { slug: file.slug, version, published: true };
    }),
  );
}

/**
 * A file leaves its survey as it is when it equals what was last loaded from it (`sourceHash`;
 * versions published in the app since are kept) or the latest version itself. The same rule on
 * both databases (api/db/store/pg/surveys.ts).
 */
export function unchangedFile(sourceHash: string | null, latestHash: string, fileHash: string): boolean {
  return sourceHash === fileHash || latestHash === fileHash;
}
