import type { Context } from 'hono';
import type { Rename } from '../../surveys/import-surveyjs.ts';
import { convertXlsform, XlsformError } from '../../surveys/xlsform/convert.ts';
import type { Unmapped } from '../../surveys/xlsform/sheets.ts';
import { ApiError } from '../errors.ts';
import type { DraftContent } from './drafts.ts';
import { readXlsformFile } from './xlsform-file.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FIELDS = new Set(['slug', 'fromXlsform', 'title']);

export interface XlsformUpload {
  slug: string;
  content: DraftContent;
  renames: Rename[];
  xlsform: { file: string; unmapped: Unmapped[]; formId?: string; formVersion?: string };
}

/**
 * `POST /api/surveys` as multipart/form-data: `slug`, the XLSForm in `fromXlsform`, optionally
 * `title` (plain text, for every language of the form). Every refusal is a 4xx naming the field.
 */
export async function readXlsformUpload(c: Context): Promise<XlsformUpload> {
  const form = await c.req.parseBody({ all: true }).catch(() => {
    throw new ApiError(400, 'The request body is not readable multipart/form-data.');
  });
  const unknown = Object.keys(form).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) throw new ApiError(422, 'The upload is not in the expected form.', unknown.map((field) => ({ field, issue: 'unknown field' })));
  const slug = single(form.slug, 'slug');
  if (typeof slug !== 'string' || !SLUG.test(slug) || slug.length > 80) {
    throw new ApiError(422, 'The upload is not in the expected form.', [{ field: 'slug', issue: 'must be lower-case letters, digits and single hyphens (at most 80)' }]);
  }
  const file = single(form.fromXlsform, 'fromXlsform');
  if (!(file instanceof File)) throw new ApiError(422, 'The upload is not in the expected form.', [{ field: 'fromXlsform', issue: 'upload the XLSForm as a file (.xlsx)' }]);
  const title = single(form.title, 'title');
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) throw new ApiError(422, 'The upload is not in the expected form.', [{ field: 'title', issue: 'must be non-empty text' }]);
  const workbook = await readXlsformFile(new Uint8Array(await file.arrayBuffer()));
  try {
    const converted = convertXlsform(workbook);
    const definition = title ? { ...converted.definition, title: titleIn(title.trim(), converted.meta.languages) } : converted.definition;
    return {
      slug,
      content: { definition, meta: converted.meta },
      renames: converted.renames,
      xlsform: { file: file.name, unmapped: converted.unmapped, ...(converted.formId ? { formId: converted.formId } : {}), ...(converted.formVersion ? { formVersion: converted.formVersion } : {}) },
    };
  } catch (error) {
    if (error instanceof XlsformError) throw new ApiError(422, error.message, [{ field: 'fromXlsform', issue: error.issue }]);
    throw error;
  }
}

function single(value: unknown, field: string): unknown {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new ApiError(422, 'The upload is not in the expected form.', [{ field, issue: 'give this field once' }]);
    return value[0];
  }
  return value;
}

function titleIn(title: string, languages: readonly string[]): string | Record<string, string> {
  return languages.length === 1 && languages[0] === 'en' ? title : Object.fromEntries(languages.map((language) => [language === 'en' ? 'default' : language, title]));
}
