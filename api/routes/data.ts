import { Hono } from 'hono';
import { listQuestions } from '../../surveys/questions.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { parseWith } from '../body.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { syntheticCount } from '../indicators/synthetic-counts.ts';
import { decodeCursor, microdataRecord, progressFilterSchema, responseFilterSchema } from '../responses/query.ts';

/** Response ids are UUIDs, stored in lower case (api/responses/submission.ts): any case finds them. */
const responseId = (id: string) => id.toLowerCase();

/** Microdata for researchers (list, fetch, erase) and fieldwork counts against quotas. */
export function dataRoutes(store: Store) {
  // Per instance, like the other in-memory limits (README, "PostgreSQL"): a start is only a count.
  const startLimiter = new RateLimiter(300, 60_000);
  return new Hono<AppEnv>()
    .post('/:slug/starts', async (c) => {
      // Anonymous, like a submission: counted per day only, limited per client address.
      const wait = startLimiter.hit(c.get('clientKey'));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, `Too many requests from this address. Try again in ${wait} s.`);
      }
      const survey = await store.surveys.findVersion(c.req.param('slug'));
      if (!survey) throw new ApiError(404, `No published survey "${c.req.param('slug')}".`);
      if (survey.status === 'closed') throw new ApiError(409, `Fieldwork for "${survey.slug}" is closed.`);
      await store.data.countStart(survey.surveyId, new Date().toISOString().slice(0, 10));
      return c.body(null, 204);
    })
    .get('/:slug/responses', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'microdata');
      const filter = parseWith(responseFilterSchema, c.req.query(), 'The filters are not in the expected form.');
      const page = await store.data.listResponses(survey.id, filter, filter.cursor ? decodeCursor(filter.cursor) : undefined);
      await store.audit.record({ userId: auth!.user.id, action: 'responses.read', surveyId: survey.id, details: { ...filter, returned: page.items.length } });
      return c.json({ items: page.items.map(microdataRecord), nextCursor: page.nextCursor });
    })
    .get('/:slug/responses/:id', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'microdata');
      const row = await store.data.response(survey.id, responseId(c.req.param('id')));
      if (!row) throw new ApiError(404, 'No such response in this survey.');
      await store.audit.record({ userId: auth!.user.id, action: 'response.read', surveyId: survey.id, target: row.id });
      return c.json(microdataRecord(row));
    })
    .delete('/:slug/responses/:id', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'microdata');
      const id = responseId(c.req.param('id'));
      // Right to erasure: the row goes (its analysed values with it, by cascade); the audit keeps only the id.
      const erased = await store.data.erase(survey.id, id, { userId: auth!.user.id, action: 'response.erase', surveyId: survey.id, target: id });
      if (!erased) throw new ApiError(404, 'No such response in this survey.');
      return c.body(null, 204);
    })
    .get('/:slug/progress', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'aggregates');
      const filter = parseWith(progressFilterSchema, c.req.query(), 'The filters are not in the expected form.');
      const meta = (await store.surveys.findVersion(survey.slug))?.meta as SurveyMeta | undefined; // parsed once per version, not per poll
      const targets = (meta?.quotas as { region?: Record<string, number> } | undefined)?.region ?? {};
      const progress = await store.data.progress(survey.id, filter);
      const regions = [...new Set([...Object.keys(targets), ...progress.byRegion.map((row) => row.key ?? '(none)')])];
      return c.json({
        slug: survey.slug,
        status: survey.status,
        total: progress.outcomes.contacts,
        outcomes: progress.outcomes,
        // The whole survey's synthetic records: the monitor's filters do not narrow this warning.
        synthetic: await syntheticCount(store.indicators, survey.id),
        byRegion: regions.map((key) => ({ region: key, responses: progress.byRegion.find((row) => (row.key ?? '(none)') === key)?.responses ?? 0, target: targets[key] ?? null })),
        byDay: progress.byDay.map((row) => ({ day: row.key, responses: row.responses })),
        byLanguage: progress.byLanguage.map((row) => ({ language: row.key, responses: row.responses })),
        byMode: progress.byMode.map((row) => ({ mode: row.key, responses: row.responses })),
        medianDurationSeconds: progress.medianDurationSeconds,
        completion: filter.mode === 'enumerator' || filter.version !== undefined || filter.language !== undefined ? null : await store.data.webCompletion(survey.id, filter),
        // Who may read microdata (admins, the survey's researchers) sees when, where and how the last ones came in; evaluators only counts.
        latest: auth!.role === 'evaluator' ? null : progress.latest,
      });
    })
    .get('/:slug/variables', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
      // Questions line up across versions by their permanent name; a removed one keeps its column.
      const variables = new Map<string, { name: string; type: string; versions: number[] }>();
      for (const { version, definition } of await store.surveys.versionDefinitions(survey.id)) {
        for (const question of listQuestions(definition)) {
          const variable = variables.get(question.name) ?? { name: question.name, type: question.type, versions: [] };
          variable.versions.push(version);
          variables.set(question.name, variable);
        }
      }
      return c.json({ slug: survey.slug, variables: [...variables.values()] });
    });
}
