import type { SurveyDefinition } from '../../surveys/types.ts';
import type { Paradata } from './schema.ts';

/** Page names of a definition as survey-core names them (an unnamed page is "page1", "page2", …). */
export function pageNames(definition: SurveyDefinition): string[] {
  const pages = Array.isArray(definition.pages) ? definition.pages as { name?: unknown }[] : [];
  return pages.map((page, index) => (typeof page?.name === 'string' && page.name ? page.name : `page${index + 1}`));
}

/**
 * What the schema cannot know: that each timed page is a page of the version answered, listed
 * once. Paradata naming pages the questionnaire does not have is refused (422) rather than
 * stored, so the export's page columns always belong to the questionnaire.
 */
export function paradataIssues(definition: SurveyDefinition, paradata: Paradata | undefined): { field: string; issue: string }[] {
  if (!paradata?.pages) return [];
  const known = new Set(pageNames(definition));
  const seen = new Set<string>();
  return paradata.pages.flatMap((page, index) => {
    const field = `paradata.pages.${index}.name`;
    if (!known.has(page.name)) return [{ field, issue: `"${page.name}" is not a page of this version` }];
    if (seen.has(page.name)) return [{ field, issue: `"${page.name}" is listed twice` }];
    seen.add(page.name);
    return [];
  });
}
