import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseWith } from '../body.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { importResponses } from '../imports/import-responses.ts';

const flag = z.enum(['1', '0', 'true', 'false'], { message: 'must be 1 or 0' }).transform((value) => value === '1' || value === 'true');

/** The options of an import, in the query string (the body is the file). */
export const importQuerySchema = z.strictObject({
  version: z.coerce.number({ message: 'must be a published version number' }).int().positive().optional(),
  skipInvalid: flag.optional(),
  language: z.string().max(20).optional(),
  wave: z.coerce.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).optional(),
  fileName: z.string().max(200).optional(),
});

const CSV_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream|application\/vnd\.ms-excel)\b/;

/**
 * POST /api/surveys/:slug/imports — an earlier wave's microdata (our CSV export, or
 * KoBoToolbox's CSV export) as stored responses of a published version (api/imports). The file
 * is the body (`text/csv`) or the `file` field of a multipart form.
 */
export function importRoutes(store: Store) {
  return new Hono<AppEnv>().post('/:slug/imports', async (c) => {
    const auth = c.get('auth');
    const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'microdata');
    const query = parseWith(importQuerySchema, Object.fromEntries(new URL(c.req.url).searchParams), 'The import options are not in the expected form.');
    const { bytes, name } = await uploadedFile(c);
    const version = await store.surveys.findVersion(survey.slug, query.version);
    if (!version) {
      if (query.version !== undefined) throw new ApiError(422, 'The import options are not in the expected form.', [{ field: 'version', issue: `survey "${survey.slug}" has no version ${query.version}` }]);
      throw new ApiError(409, `Survey "${survey.slug}" has no published version to import into; publish one first.`);
    }
    const report = await importResponses(store.imports, version, bytes, {
      fileName: query.fileName ?? name, skipInvalid: query.skipInvalid ?? false, userId: auth!.user.id, via: 'api',
      ...(query.language === undefined ? {} : { language: query.language }), ...(query.wave === undefined ? {} : { wave: query.wave }),
    });
    return c.json(report, report.imported > 0 ? 201 : 200);
  });
}

/** The file: a multipart form's `file` field, or the whole body when it is sent as CSV. */
async function uploadedFile(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'The multipart form could not be read.');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(422, 'The form has no file.', [{ field: 'file', issue: 'must be the CSV file to import' }]);
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'upload.csv' };
  }
  if (!CSV_TYPES.test(type)) throw new ApiError(422, 'Send the file as text/csv, or as the "file" field of a multipart/form-data form.', [{ field: 'content-type', issue: 'must be text/csv or multipart/form-data' }]);
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name: 'upload.csv' };
}
