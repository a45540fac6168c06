import { localized } from './languages.ts';
import { listQuestions } from './questions.ts';
import type { LanguageCode, SurveyDefinition, SurveyMeta } from './types.ts';

/**
 * For each dimension of the meta, the label of each of its values in one language, taken from the
 * questionnaire's own choices: a `column` dimension from the choices of that question; a `multiple`
 * dimension from the choice each group's `<question>_<choice>` column stands for. Values without a
 * choice (waves, design columns) are left out: show them as they are.
 * @example groupLabels(definition, meta, 'en').region.sarajevo // → 'Sarajevo Canton'
 */
export function groupLabels(definition: SurveyDefinition, meta: SurveyMeta, language: LanguageCode): Record<string, Record<string, string>> {
  const questions = listQuestions(definition);
  const choiceText = (questionName: string, value: string): string | undefined => {
    const question = questions.find((candidate) => candidate.name === questionName);
    const choices = Array.isArray(question?.json.choices) ? (question.json.choices as unknown[]) : [];
    const choice = choices.find((entry) => String(entry && typeof entry === 'object' ? (entry as { value: unknown }).value : entry) === value);
    return choice && typeof choice === 'object' ? localized((choice as { text?: unknown }).text, language) : undefined;
  };
  const labels: Record<string, Record<string, string>> = {};
  for (const [name, dimension] of Object.entries(meta.dimensions ?? {})) {
    const map: Record<string, string> = {};
    if ('column' in dimension) {
      const question = questions.find((candidate) => candidate.name === dimension.column);
      for (const value of question?.values ?? []) {
        const text = choiceText(dimension.column, String(value));
        if (text) map[String(value)] = text;
      }
    } else {
      for (const [group, column] of Object.entries(dimension.multiple)) {
        const checkbox = questions.find((candidate) => column.startsWith(`${candidate.name}_`) && candidate.values?.some((value) => `${candidate.name}_${value}` === column));
        const text = checkbox ? choiceText(checkbox.name, column.slice(checkbox.name.length + 1)) : undefined;
        if (text) map[group] = text;
      }
    }
    labels[name] = map;
  }
  return labels;
}
