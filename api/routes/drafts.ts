import { Hono } from 'hono';
import { z } from 'zod';
import { composeFromItems } from '../../surveys/compose.ts';
import { copyTitle } from '../../surveys/copy-title.ts';
import { importDefinition, type Rename } from '../../surveys/import-surveyjs.ts';
import { findItem, ITEM_BANK } from '../../surveys/items/index.ts';
import { SUPPORTED_LANGUAGES, type SurveyDefinition, type SurveyMeta } from '../../surveys/types.ts';
import { requireRole } from '../auth/middleware.ts';
import { readJsonBody } from '../body.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { readXlsformUpload } from '../surveys/xlsform-upload.ts';
import { draftCheck, type DraftContent } from '../surveys/drafts.ts';

const jsonObject = z.record(z.string(), z.unknown(), { message: 'must be a JSON object' });
const texts = z.strictObject({ en: z.string().min(1), bs: z.string().min(1), hr: z.string().min(1), 'sr-Latn': z.string().min(1) });

export const draftContentSchema = z.strictObject({
  definition: jsonObject,
  meta: jsonObject.refine((meta) => Array.isArray(meta.languages), 'must list its languages in "languages"'),
});

export const surveyCreateSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens').max(80),
  /** Start from SurveyJS JSON + meta (e.g. imported from another SurveyJS tool). */
  content: draftContentSchema.optional(),
  /** Start from a copy of another survey's latest version. */
  fromSurvey: z.string().optional(),
  /**
   * Start from a template: a questionnaire published from a file in surveys/ (e.g. bih-police-trust),
   * its latest version. Templates are public questionnaires, so no membership is needed.
   */
  fromTemplate: z.string().optional(),
  /** Start from item-bank items; the indicators follow from the items. */
  fromItems: z.strictObject({
    items: z.array(z.string()).min(1, 'name at least one item'),
    title: texts,
    languages: z.array(z.enum(SUPPORTED_LANGUAGES)).min(1).default([...SUPPORTED_LANGUAGES]),
  }).optional(),
  /**
   * The new questionnaire's title, as SurveyJS writes one (`{ default, bs, … }` or a string).
   * A copy (fromSurvey, fromTemplate) without one is titled "Copy of <original title>" in each of
   * its languages, so it is never mistaken for the original.
   */
  title: z.union([z.string().trim().min(1), z.record(z.string(), z.string().trim().min(1, 'must not be empty'))]).optional(),
}).refine((body) => [body.content, body.fromSurvey, body.fromTemplate, body.fromItems].filter(Boolean).length <= 1, {
  message: 'give at most one of content, fromSurvey, fromTemplate and fromItems', path: ['content'],
}).refine((body) => !(body.title && body.fromItems), { message: 'fromItems has its own title', path: ['title'] });

const BLANK: DraftContent = { definition: { pages: [{ name: 'page1', elements: [] }] }, meta: { languages: ['en'] } };

/** A copy of a questionnaire with its own title: the one chosen, or "Copy of <original title>". */
function copied(definition: SurveyDefinition, meta: SurveyMeta, title: string | Record<string, string> | undefined): DraftContent {
  return { definition: { ...definition, title: title ?? copyTitle(definition.title, meta.languages) }, meta };
}

/** Creating questionnaires and working on their next version: draft, check, publish. */
export function draftRoutes(store: Store) {
  const startingContent = async (body: z.infer<typeof surveyCreateSchema>, auth: AppEnv['Variables']['auth']): Promise<DraftContent & { renames?: Rename[] }> => {
    if (body.content) {
      // SurveyJS JSON from another tool: on one page if it has none, with names SPSS/Stata/R can use.
      const content = importDefinition(body.content.definition, body.content.meta as SurveyMeta);
      return body.title ? { ...content, definition: { ...content.definition, title: body.title } } : content;
    }
    if (body.fromItems) {
      const items = body.fromItems.items.map((name) => {
        try {
          return findItem(ITEM_BANK, name);
        } catch {
          throw new ApiError(422, 'Unknown item.', [{ field: 'fromItems.items', issue: `no item named "${name}" in the item bank` }]);
        }
      });
      return composeFromItems(items, body.fromItems.title, body.fromItems.languages, ITEM_BANK);
    }
    if (body.fromSurvey) {
      const source = await store.access.surveyFor(body.fromSurvey, auth, 'manage');
      const latest = await store.drafts.latestVersion(source.id);
      if (!latest) throw new ApiError(422, 'Nothing to copy.', [{ field: 'fromSurvey', issue: `survey "${body.fromSurvey}" has no published version` }]);
      return copied(latest.definition as SurveyDefinition, latest.meta as SurveyMeta, body.title);
    }
    if (body.fromTemplate) {
      const latest = await store.drafts.templateVersion(body.fromTemplate);
      if (!latest) throw new ApiError(422, 'No such template.', [{ field: 'fromTemplate', issue: `"${body.fromTemplate}" is not a questionnaire published from the surveys folder` }]);
      return copied(latest.definition as SurveyDefinition, latest.meta as SurveyMeta, body.title);
    }
    return body.title ? { definition: { ...BLANK.definition, title: body.title }, meta: BLANK.meta } : BLANK;
  };

  return new Hono<AppEnv>()
    .post('/', requireRole('admin', 'researcher'), async (c) => {
      const auth = c.get('auth')!;
      // An XLSForm comes as a file (multipart); everything else as JSON.
      const upload = /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '') ? await readXlsformUpload(c) : undefined;
      const body = upload ? undefined : await readJsonBody(c, surveyCreateSchema);
      const slug = upload?.slug ?? body!.slug;
      if (await store.drafts.slugTaken(slug)) {
        throw new ApiError(409, `A survey "${slug}" already exists.`);
      }
      const { renames, ...content } = upload ? { ...upload.content, renames: upload.renames } : await startingContent(body!, auth);
      // Checked before anything is written, and written in one transaction: a failure stores nothing.
      const check = draftCheck(slug, content);
      const { survey, draft } = await store.drafts.create({ slug, userId: auth.user.id, asMember: auth.role === 'researcher' }, content);
      return c.json({ slug: survey.slug, draft: { ...draft, ...check }, ...(renames ? { renames } : {}), ...(upload ? { xlsform: upload.xlsform } : {}) }, 201);
    })
    .post('/check', requireRole('admin', 'researcher'), async (c) => {
      const content = await readJsonBody(c, draftContentSchema.extend({ slug: z.string().default('draft') }));
      return c.json(draftCheck(content.slug, content as unknown as DraftContent));
    })
    .get('/:slug/draft', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'manage');
      const draft = await store.drafts.find(survey.id);
      if (!draft) throw new ApiError(404, `Survey "${survey.slug}" has no draft; POST to this address to start one from the latest version.`);
      return c.json({ ...draft, ...draftCheck(survey.slug, draft as DraftContent) });
    })
    .post('/:slug/draft', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'manage');
      const { draft, created } = await store.drafts.fromLatest(survey, auth!.user.id);
      return c.json({ ...draft, ...draftCheck(survey.slug, draft as DraftContent) }, created ? 201 : 200);
    })
    .put('/:slug/draft', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'manage');
      const content = (await readJsonBody(c, draftContentSchema)) as unknown as DraftContent;
      const check = draftCheck(survey.slug, content); // before the write: a draft the checker cannot read is never stored
      const draft = await store.drafts.save(survey, content, auth!.user.id);
      return c.json({ ...draft, ...check });
    })
    .post('/:slug/publish', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'manage');
      return c.json({ slug: survey.slug, ...(await store.drafts.publish(survey, auth!.user.id)) }, 201);
    });
}
