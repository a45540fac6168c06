import { commentBox, listQuestions } from '../../surveys/questions.ts';
import type { SurveyLayout } from '../indicators/survey-layout.ts';

/**
 * One column of the microdata export (after the fixed response columns). The one list every
 * microdata format uses: CSV, XLSX, the codebook, the SPSS and R syntax, and the native files.
 */
export interface MicrodataColumn {
  name: string;
  /** The answer key its cells come from: the question's name, or `<question>-Comment` for a comment column. */
  question: string;
  /** The question's type; `comment` for a comment column (free text). */
  type: string;
  /** member: 0/1 for one choice of a multiple-response question. */
  kind: 'value' | 'member';
  /** A comment column: the text typed into the question's "other (describe)" box, or its comment area. */
  comment?: 'other' | 'area';
  choice?: string | number;
  /** Versions whose questionnaire asks it (for a member: offers that choice). */
  versions: number[];
  /** The question's JSON in the latest version that asks it (texts, choices). */
  json: Record<string, unknown>;
}

/** Response-level columns that start every microdata row; is_synthetic second, so invented rows are never taken for fieldwork. */
export const FIXED_COLUMNS = ['id', 'is_synthetic', 'version', 'language', 'mode', 'wave', 'stratum', 'psu', 'weight', 'started_at', 'completed_at', 'received_at'] as const;

const MULTIPLE = new Set(['checkbox', 'tagbox']);
const COMMENT_SUFFIX = '-Comment';
const COMMENT_TEXT = { other: 'Other (describe)', area: 'Comment' } as const;

/**
 * Every question of every version, in order of first appearance: a question removed in a later
 * version keeps its column (empty for that version's responses), one added later is empty for
 * earlier ones. A multiple-response question becomes one 0/1 column per choice, `<question>_<choice>`.
 * A question with an "other (describe)" box or a comment area is followed by its text column,
 * `<question>-Comment`, the key SurveyJS stores that text under.
 */
export function microdataColumns(survey: SurveyLayout): MicrodataColumn[] {
  const columns = new Map<string, MicrodataColumn>();
  const add = (entry: Omit<MicrodataColumn, 'versions'>, version: number) => {
    const column = columns.get(entry.name) ?? { ...entry, versions: [] };
    column.versions.push(version);
    column.json = entry.json;
    columns.set(entry.name, column);
  };
  for (const { version, definition } of survey.versions) {
    for (const question of listQuestions(definition)) {
      if (!question.name) continue;
      const entries = MULTIPLE.has(question.type)
        ? (question.values ?? []).map((choice) => ({ name: `${question.name}_${choice}`, kind: 'member' as const, choice }))
        : [{ name: question.name, kind: 'value' as const }];
      for (const entry of entries) add({ ...entry, question: question.name, type: question.type, json: question.json }, version);
      // Inner questions of dynamic panels answer inside the panel's list, not at the top: no comment column of their own.
      const comment = question.path.includes('templateElements') ? null : commentBox(question.json, definition);
      if (comment) {
        const name = `${question.name}${COMMENT_SUFFIX}`;
        add({ name, question: name, type: 'comment', kind: 'value', comment, json: commentJson(question.json, name, comment) }, version);
      }
    }
  }
  return [...columns.values()];
}

/** A comment column described as a free-text question: "<question title> — <box text>" in each language of the title. */
function commentJson(json: Record<string, unknown>, name: string, comment: 'other' | 'area'): Record<string, unknown> {
  const box = comment === 'other' ? json.otherText : json.commentText;
  const boxText = (language: string) => textIn(box, language) ?? COMMENT_TEXT[comment];
  const title = json.title ?? json.name;
  const titled = typeof title === 'string' || !title || typeof title !== 'object'
    ? `${String(title ?? name)} — ${boxText('en')}`
    : Object.fromEntries(Object.entries(title as Record<string, string>).map(([language, text]) => [language, `${text} — ${boxText(language === 'default' ? 'en' : language)}`]));
  return { type: 'comment', name, title: titled };
}

/** Localised text of a SurveyJS string (`"text"` or `{ default, bs, … }`); `en` is SurveyJS's default. */
export function textIn(value: unknown, language: string): string | null {
  if (typeof value === 'string') return language === 'en' ? value : null;
  if (!value || typeof value !== 'object') return null;
  const texts = value as Record<string, string>;
  return (language === 'en' ? texts.default ?? texts.en : texts[language]) ?? null;
}

/** Value → label pairs of a column (choices; rating end labels), in the given language. */
export function valueLabels(column: MicrodataColumn, language = 'en'): { value: string | number; label: string }[] {
  if (column.kind === 'member') return [{ value: 0, label: 'not ticked' }, { value: 1, label: 'ticked' }];
  const json = column.json;
  if (Array.isArray(json.choices)) {
    return json.choices.map((choice: unknown) => {
      if (choice && typeof choice === 'object') {
        const { value, text } = choice as { value: string | number; text?: unknown };
        return { value, label: textIn(text, language) ?? textIn(text, 'en') ?? String(value) };
      }
      return { value: choice as string | number, label: String(choice) };
    });
  }
  if (json.type === 'rating') {
    const labels: { value: number; label: string }[] = [];
    const min = textIn(json.minRateDescription, language) ?? textIn(json.minRateDescription, 'en');
    const max = textIn(json.maxRateDescription, language) ?? textIn(json.maxRateDescription, 'en');
    if (min) labels.push({ value: Number(json.rateMin ?? 1), label: min });
    if (max) labels.push({ value: Number(json.rateMax ?? 5), label: max });
    return labels;
  }
  return [];
}
