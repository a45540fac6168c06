import { importDefinition, type Rename } from '../../../surveys/import-surveyjs.ts';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../../../surveys/types.ts';
import type { Draft } from './draft-model.ts';

/** The file a researcher downloads: the Trustlens questionnaire shape `{ slug, definition, meta }`. */
export function exportDraft(slug: string, draft: Draft): string {
  return `${JSON.stringify({ slug, definition: draft.definition, meta: draft.meta }, null, 2)}\n`;
}

/** Languages used anywhere in a SurveyJS definition's localizable texts, English first. */
export function languagesUsed(definition: unknown): LanguageCode[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && (key === 'default' || (SUPPORTED_LANGUAGES as readonly string[]).includes(key))) found.add(key === 'default' ? 'en' : key);
        else visit(value);
      }
    }
  };
  visit(definition);
  return SUPPORTED_LANGUAGES.filter((language) => found.has(language) || language === 'en');
}

/**
 * Reads an uploaded file: a Trustlens questionnaire (`{ definition, meta }`, optionally with a
 * slug), or plain SurveyJS JSON (`{ pages: […] }`, or questions in top-level `elements`) from
 * another SurveyJS tool, whose meta starts with the languages its texts use. Names SPSS, Stata or
 * R cannot use are renamed (surveys/import-surveyjs.ts) and listed in `renames`. Says what is
 * wrong when it is neither.
 */
export function importDraft(text: string): { draft: Draft; renames: Rename[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not JSON: ${(error as Error).message}` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'The file must hold a JSON object.' };
  const object = parsed as Record<string, unknown>;
  if (object.definition && typeof object.definition === 'object' && !Array.isArray(object.definition)) {
    const meta = object.meta && typeof object.meta === 'object' ? (object.meta as Draft['meta']) : { languages: languagesUsed(object.definition) };
    if (!Array.isArray(meta.languages)) return { error: 'meta.languages must list the questionnaire\'s languages.' };
    const { definition, meta: renamedMeta, renames } = importDefinition(object.definition as Draft['definition'], meta);
    return { draft: { definition, meta: renamedMeta }, renames };
  }
  if (Array.isArray(object.pages) || Array.isArray(object.elements) || Array.isArray(object.questions)) {
    const { definition, meta, renames } = importDefinition(object, { languages: languagesUsed(object) });
    return { draft: { definition, meta }, renames };
  }
  return { error: 'This is neither a Trustlens questionnaire ({ definition, meta }) nor SurveyJS JSON ({ pages: [...] } or { elements: [...] }).' };
}
