import { localized } from './languages.ts';
import { listQuestions } from './questions.ts';
import type { LanguageCode, ModelSpec, SurveyDefinition, SurveyMeta } from './types.ts';

/** English (or `language`) text of a label that is a string or `{ default, en, bs, … }`. */
export function labelText(label: unknown, fallback: string, language: LanguageCode = 'en'): string {
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') return localized(label, language) ?? (label as Record<string, string>).default ?? fallback;
  return fallback;
}

/** Response columns a model may use as categories, in words. */
const FIELD_LABELS: Record<string, string> = { wave: 'Wave', language: 'Language of the interview', mode: 'Mode of the interview' };

/**
 * A reader's label for a name a model or contrast uses: the indicator's label, else the
 * question's title, else the name itself.
 * @example variableLabel(definition, meta, 'pf_score') // → 'Procedural fairness, 0-100'
 */
export function variableLabel(definition: SurveyDefinition, meta: SurveyMeta, name: string, language: LanguageCode = 'en'): string {
  const indicator = (meta.indicators ?? []).find((entry) => entry.id === name);
  if (indicator) return labelText(indicator.label, name, language);
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const question = listQuestions(definition).find((entry) => entry.name === name);
  const title = question ? localized(question.json.title, language) : undefined;
  return title?.trim() ? title : name;
}

/** The text of one value of a question (its choice's text), or the value itself. */
export function valueLabel(definition: SurveyDefinition, question: string, value: string, language: LanguageCode = 'en'): string {
  const found = listQuestions(definition).find((entry) => entry.name === question);
  const choices = Array.isArray(found?.json.choices) ? (found.json.choices as unknown[]) : [];
  const choice = choices.find((entry) => String(entry && typeof entry === 'object' ? (entry as { value: unknown }).value : entry) === value);
  const text = choice && typeof choice === 'object' ? localized((choice as { text?: unknown }).text, language) : undefined;
  return text ?? value;
}

/** A coefficient in words: in full, and without the reference category (stated once, in `references`). */
export interface TermLabel {
  label: string;
  short: string;
}

/**
 * Labels of a model's coefficients as R names them: `(Intercept)`, a numeric predictor's name, or
 * a categorical predictor's name followed by its level (`sex2`, `age_group30_44`), read as
 * "Sex: Female (against Male)" (short: "Sex: Female"); `references` lists each categorical
 * predictor's reference category once ("Sex: Male"). Terms not found keep their R name.
 * @example termLabels(definition, meta, model, ['(Intercept)', 'pf_score', 'sex2']).terms.sex2
 *   // → { label: 'Sex: Female (against Male)', short: 'Sex: Female' }
 */
export function termLabels(definition: SurveyDefinition, meta: SurveyMeta, model: ModelSpec, terms: readonly string[], language: LanguageCode = 'en'): { terms: Record<string, TermLabel>; references: string[] } {
  const categorical = new Set(model.categorical ?? []);
  const labels: Record<string, TermLabel> = { '(Intercept)': { label: 'Intercept', short: 'Intercept' } };
  for (const name of model.predictors.filter((predictor) => !categorical.has(predictor))) {
    // What one unit is: a share's 0/1 is yes against no; any other number moves by one point.
    const share = (meta.indicators ?? []).some((indicator) => indicator.id === name && indicator.type === 'share');
    const text = `${variableLabel(definition, meta, name, language)} (${share ? 'yes against no' : 'per point'})`;
    labels[name] = { label: text, short: text };
  }
  // Longest names first, so `age_group` is not taken for `age`.
  const categories = [...categorical].sort((a, b) => b.length - a.length);
  const levels = new Map<string, string[]>();
  for (const term of terms) {
    if (term in labels) continue;
    const name = categories.find((candidate) => term.startsWith(candidate));
    if (name) levels.set(name, [...(levels.get(name) ?? []), term.slice(name.length)]);
  }
  const references: string[] = [];
  for (const [name, values] of levels) {
    const reference = referenceLevel(definition, name, values);
    const against = reference === undefined ? undefined : valueLabel(definition, name, reference, language);
    // A dimension's name ("age_group": "Age group") reads better than its question ("How old are you?").
    const heading = meta.dimensions?.[name] || FIELD_LABELS[name] ? (FIELD_LABELS[name] ?? humanized(name)) : variableLabel(definition, meta, name, language);
    if (against !== undefined) references.push(`${heading}: ${against}`);
    for (const value of values) {
      const short = `${heading}: ${valueLabel(definition, name, value, language)}`;
      labels[`${name}${value}`] = { label: against === undefined ? short : `${short} (against ${against})`, short };
    }
  }
  return { terms: Object.fromEntries(terms.map((term) => [term, labels[term] ?? { label: term, short: term }])), references };
}

/** `age_group` → `Age group`. */
function humanized(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The reference category a categorical predictor's terms are measured against: the first of the
 * question's values, in R's `factor()` order (numbers as numbers, text by code point), that has no
 * term of its own. Undefined when the question lists no values (a wave, say).
 */
function referenceLevel(definition: SurveyDefinition, name: string, withTerms: string[]): string | undefined {
  const values = listQuestions(definition).find((entry) => entry.name === name)?.values;
  if (!values) return undefined;
  const sorted = [...values].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return sorted.map(String).find((value) => !withTerms.includes(value));
}
