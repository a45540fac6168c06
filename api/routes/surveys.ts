import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { localized } from '../../surveys/languages.ts';
import type { LanguageCode } from '../../surveys/types.ts';
import type { Store } from '../db/store/index.ts';
import { ApiError } from '../errors.ts';

/** Public questionnaire reading: what a respondent's browser needs to show a survey. */
export function surveyRoutes(store: Store) {
  return new Hono()
    // A questionnaire changes only when a new version is published or fieldwork closes: browsers
    // (and the service worker) keep their copy and ask each time; an unchanged one costs a 304.
    .use('/', revalidate, etag())
    .use('/:slug', revalidate, etag())
    .get('/', async (c) => {
      const list = (await store.surveys.listLatestVersions()).map((survey) => ({
        slug: survey.slug,
        version: survey.version,
        languages: survey.meta.languages,
        title: Object.fromEntries(survey.meta.languages.map((language: LanguageCode) => [language, localized(survey.definition.title, language) ?? survey.slug])),
      }));
      return c.json({ surveys: list });
    })
    .get('/:slug', async (c) => {
      const survey = await store.surveys.findVersion(c.req.param('slug'));
      if (!survey) throw new ApiError(404, `No published survey "${c.req.param('slug')}".`);
      return c.json({ slug: survey.slug, version: survey.version, status: survey.status, definition: survey.definition, meta: survey.meta });
    });
}

/** Cache-Control for the public questionnaire reads, on the answer and on a 304. */
const revalidate: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok || c.res.status === 304) c.res.headers.set('Cache-Control', 'no-cache');
};
