import { and, eq, max } from 'drizzle-orm';
import { Hono } from 'hono';
import { localized } from '../../surveys/languages.ts';
import type { SurveyDefinition } from '../../surveys/types.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Db } from '../db/open.ts';
import { surveyMembers, surveys, surveyVersions } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';

/** GET /api/interviews — the published surveys an enumerator is assigned to interview for. */
export function interviewRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', requireRole('enumerator'), (c) => {
    const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
      .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
    const rows = db.select({ slug: surveys.slug, status: surveys.status, version: surveyVersions.version, definition: surveyVersions.definition })
      .from(surveyMembers)
      .innerJoin(surveys, eq(surveys.id, surveyMembers.surveyId))
      .innerJoin(latest, eq(latest.surveyId, surveys.id))
      .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, latest.surveyId), eq(surveyVersions.version, latest.version)))
      .where(eq(surveyMembers.userId, c.get('auth')!.user.id)).orderBy(surveys.slug).all();
    return c.json({
      surveys: rows.map((row) => ({
        slug: row.slug, status: row.status, version: row.version,
        title: localized((row.definition as SurveyDefinition).title, 'en') ?? row.slug,
      })),
    });
  });
}
