import { listQuestions, type QuestionInfo } from './questions.ts';
import { SUPPORTED_LANGUAGES, type LanguageCode, type Problem, type SurveyFile } from './types.ts';
import { localized } from './languages.ts';
import { checkMeta } from './check-meta.ts';
import { checkExpressions } from './check-expressions.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const QUESTION_NAME = /^[a-z][a-z0-9_]*$/;
/** SurveyJS properties holding text a respondent reads, which must exist in every declared language. */
const TEXT_KEYS = [
  'title', 'description', 'text', 'minRateDescription', 'maxRateDescription', 'noneText', 'otherText',
  'placeholder', 'html', 'completedHtml', 'requiredErrorText', 'labelTrue', 'labelFalse',
] as const;

/**
 * Checks a questionnaire file and returns one problem per fault, each with its JSON path.
 * An empty list means the file can be published and answered.
 * @example checkSurveyFile({ slug: 'x', definition: { pages: [] }, meta: { languages: ['en'] } })
 *   // → [{ path: 'definition.pages', message: 'a questionnaire needs at least one page' }]
 */
export function checkSurveyFile(input: unknown): Problem[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return [{ path: '', message: 'a questionnaire file must be a JSON object with slug, definition and meta' }];
  }
  const file = input as Partial<SurveyFile>;
  const problems: Problem[] = [];
  if (typeof file.slug !== 'string' || !SLUG.test(file.slug)) {
    problems.push({ path: 'slug', message: 'slug must be lower-case letters, digits and single hyphens' });
  }
  if (!file.definition || typeof file.definition !== 'object') {
    problems.push({ path: 'definition', message: 'definition must be a SurveyJS JSON object' });
    return problems;
  }
  const languages = checkLanguages(file.meta, problems);
  const pages = file.definition.pages;
  if (!Array.isArray(pages) || pages.length === 0) {
    problems.push({ path: 'definition.pages', message: 'a questionnaire needs at least one page' });
    return problems;
  }
  const questions = listQuestions(file.definition);
  checkQuestions(questions, problems);
  checkExpressions(file.definition, questions, problems);
  if (languages) checkTexts(file.definition, 'definition', languages, problems);
  if (file.meta && typeof file.meta === 'object') checkMeta(file.meta, questions, problems);
  return problems;
}

function checkLanguages(meta: unknown, problems: Problem[]): LanguageCode[] | undefined {
  const languages = (meta as { languages?: unknown } | undefined)?.languages;
  if (!Array.isArray(languages) || languages.length === 0) {
    problems.push({ path: 'meta.languages', message: 'meta.languages must list at least one language' });
    return undefined;
  }
  const known = new Set<string>(SUPPORTED_LANGUAGES);
  const bad = languages.filter((language) => !known.has(language));
  if (bad.length > 0) {
    problems.push({ path: 'meta.languages', message: `unknown language(s) ${bad.join(', ')}; use ${SUPPORTED_LANGUAGES.join(', ')}` });
    return undefined;
  }
  return languages as LanguageCode[];
}

function checkQuestions(questions: QuestionInfo[], problems: Problem[]): void {
  const seen = new Map<string, string>();
  if (questions.length === 0) problems.push({ path: 'definition.pages', message: 'the questionnaire has no questions' });
  for (const question of questions) {
    if (!QUESTION_NAME.test(question.name)) {
      problems.push({ path: `${question.path}.name`, message: `question name "${question.name}" must be lower-case letters, digits and underscores, starting with a letter` });
    }
    const earlier = seen.get(question.name);
    if (earlier) problems.push({ path: `${question.path}.name`, message: `question name "${question.name}" is also used at ${earlier}` });
    seen.set(question.name, question.path);
    if (question.values) {
      if (question.values.length === 0) problems.push({ path: `${question.path}.choices`, message: 'a choice question needs at least one choice' });
      const unique = new Set(question.values.map(String));
      if (unique.size !== question.values.length) problems.push({ path: `${question.path}.choices`, message: 'two choices share a value' });
    }
  }
}

/** Walks the definition and reports every respondent-visible text missing in a declared language. */
function checkTexts(node: unknown, path: string, languages: LanguageCode[], problems: Problem[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => checkTexts(child, `${path}[${index}]`, languages, problems));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((TEXT_KEYS as readonly string[]).includes(key) && (typeof value === 'string' || (value && typeof value === 'object' && !Array.isArray(value)))) {
      const missing = languages.filter((language) => !localized(value, language)?.trim());
      if (missing.length > 0) problems.push({ path: `${path}.${key}`, message: `text missing in ${missing.join(', ')}` });
    } else if (typeof value === 'object') {
      checkTexts(value, `${path}.${key}`, languages, problems);
    }
  }
}
