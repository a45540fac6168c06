import { and, eq, sql, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { listQuestions } from '../../surveys/questions.ts';
import type { SurveyDefinition, SurveyMeta } from '../../surveys/types.ts';
import { recordAudit } from '../audit.ts';
import { surveyFor } from '../auth/survey-access.ts';
import { parseWith } from '../body.ts';
import type { Db } from '../db/open.ts';
import { responseRegion, responses, surveyVersions } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { filterConditions, listResponses, microdataRecord, responseFilterSchema } from '../responses/query.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { contactOutcomes, countStart, latestSubmissions, medianDurationSeconds, webCompletion } from '../surveys/fieldwork-stats.ts';
import { findVersion } from '../surveys/queries.ts';
import { syntheticCount } from '../indicators/synthetic-counts.ts';

/** Response ids are UUIDs, stored in lower case (api/responses/submission.ts): any case finds them. */
const responseId = (id: string) => id.toLowerCase();

/** Microdata for researchers (list, fetch, erase) and fieldwork counts against quotas. */
export function dataRoutes(db: Db) {
  const startLimiter = new RateLimiter(300, 60_000);
  return new Hono<AppEnv>()
    .post('/:slug/starts', (c) => {
      // Anonymous, like a submission: counted per day only, limited per client address.
      const wait = startLimiter.hit(c.get('clientKey'));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, `Too many requests from this address. Try again in ${wait} s.`);
      }
      const survey = findVersion(db, c.req.param('slug'));
      if (!survey) throw new ApiError(404, `No published survey "${c.req.param('slug')}".`);
      if (survey.status === 'closed') throw new ApiError(409, `Fieldwork for "${survey.slug}" is closed.`);
      countStart(db, survey.surveyId);
      return c.body(null, 204);
    })
    .get('/:slug/responses', (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'microdata');
      const filter = parseWith(responseFilterSchema, c.req.query(), 'The filters are not in the expected form.');
      const page = listResponses(db, survey.id, filter);
      recordAudit(db, { userId: auth!.user.id, action: 'responses.read', surveyId: survey.id, details: { ...filter, returned: page.items.length } });
      return c.json({ items: page.items.map(microdataRecord), nextCursor: page.nextCursor });
    })
    .get('/:slug/responses/:id', (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'microdata');
      const row = db.select().from(responses).where(and(eq(responses.surveyId, survey.id), eq(responses.id, responseId(c.req.param('id'))))).get();
      if (!row) throw new ApiError(404, 'No such response in this survey.');
      recordAudit(db, { userId: auth!.user.id, action: 'response.read', surveyId: survey.id, target: row.id });
      return c.json(microdataRecord(row));
    })
    .delete('/:slug/responses/:id', (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'microdata');
      const id = responseId(c.req.param('id'));
      // Right to erasure: the row goes (its analysed values with it, by cascade); the audit keeps only the id.
      const erased = db.transaction((tx) => {
        const result = tx.delete(responses).where(and(eq(responses.surveyId, survey.id), eq(responses.id, id))).run();
        if (result.changes === 1) recordAudit(tx, { userId: auth!.user.id, action: 'response.erase', surveyId: survey.id, target: id });
        return result.changes === 1;
      });
      if (!erased) throw new ApiError(404, 'No such response in this survey.');
      return c.body(null, 204);
    })
    .get('/:slug/progress', async (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'aggregates');
      const filter = parseWith(responseFilterSchema.pick({ version: true, from: true, to: true, mode: true, language: true }), c.req.query(), 'The filters are not in the expected form.');
      const where = filterConditions(survey.id, filter);
      const region = responseRegion;
      const countBy = (key: SQL<string | null>) =>
        db.select({ key, responses: sql<number>`count(*)` }).from(responses).where(where).groupBy(key).orderBy(key).all();
      const meta = findVersion(db, survey.slug)?.meta as SurveyMeta | undefined; // parsed once per version, not per poll
      const targets = (meta?.quotas as { region?: Record<string, number> } | undefined)?.region ?? {};
      const byRegion = countBy(region);
      const regions = [...new Set([...Object.keys(targets), ...byRegion.map((row) => row.key ?? '(none)')])];
      const total = byRegion.reduce((sum, row) => sum + row.responses, 0);
      return c.json({
        slug: survey.slug,
        status: survey.status,
        total,
        outcomes: contactOutcomes(db, where, total),
        // The whole survey's synthetic records: the monitor's filters do not narrow this warning.
        synthetic: await syntheticCount(db, survey.id),
        byRegion: regions.map((key) => ({ region: key, responses: byRegion.find((row) => (row.key ?? '(none)') === key)?.responses ?? 0, target: targets[key] ?? null })),
        byDay: countBy(sql<string>`substr(${responses.receivedAt}, 1, 10)`).map((row) => ({ day: row.key, responses: row.responses })),
        byLanguage: countBy(sql<string>`${responses.language}`).map((row) => ({ language: row.key, responses: row.responses })),
        byMode: countBy(sql<string>`${responses.mode}`).map((row) => ({ mode: row.key, responses: row.responses })),
        medianDurationSeconds: medianDurationSeconds(db, where),
        completion: filter.mode === 'enumerator' || filter.version !== undefined || filter.language !== undefined ? null : webCompletion(db, survey.id, filter),
        // Who may read microdata (admins, the survey's researchers) sees when, where and how the last ones came in; evaluators only counts.
        latest: auth!.role === 'evaluator' ? null : latestSubmissions(db, where),
      });
    })
    .get('/:slug/variables', (c) => {
      const survey = surveyFor(db, c.req.param('slug'), c.get('auth'), 'aggregates');
      const versions = db.select({ version: surveyVersions.version, definition: surveyVersions.definition }).from(surveyVersions)
        .where(eq(surveyVersions.surveyId, survey.id)).orderBy(surveyVersions.version).all();
      // Questions line up across versions by their permanent name; a removed one keeps its column.
      const variables = new Map<string, { name: string; type: string; versions: number[] }>();
      for (const { version, definition } of versions) {
        for (const question of listQuestions(definition as SurveyDefinition)) {
          const variable = variables.get(question.name) ?? { name: question.name, type: question.type, versions: [] };
          variable.versions.push(version);
          variables.set(question.name, variable);
        }
      }
      return c.json({ slug: survey.slug, variables: [...variables.values()] });
    });
}
