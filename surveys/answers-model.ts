import { Model, type Question } from 'survey-core';
import type { AnswerIssue } from './answer-values.ts';
import type { SurveyDefinition } from './types.ts';

/**
 * survey-core's own verdicts on an answer set, from a model built for this submission alone:
 * hidden questions must not be answered, hidden choices not chosen, and shown questions must pass
 * survey-core's required checks, validators and built-in errors. Slow (a model per call: ~1 ms for
 * a short questionnaire, tens for a long one), so the server uses it only for questionnaires whose
 * features the compiled validator does not model (answers.ts), and the tests use it as the reference.
 * Issues name top-level questions only, as survey-core reports them.
 */
export function freshModelVerdicts(definition: SurveyDefinition, answers: Record<string, unknown>): AnswerIssue[] {
  const model = new Model(definition);
  model.data = answers;
  const issues: AnswerIssue[] = [];
  for (const question of model.getAllQuestions() as Question[]) {
    const answered = answers[question.getValueName()] !== undefined;
    const computed = question.setValueExpression || (question.getType() === 'expression' ? (question as Question & { expression: string }).expression : '');
    if (computed) {
      const expected = model.runExpression(computed);
      const empty = expected === undefined || expected === null || expected === '';
      const given = answers[question.getValueName()];
      if (empty ? given !== undefined : given !== expected) issues.push({ field: question.name, issue: 'does not hold what is worked out from other answers' });
      continue;
    }
    if (!question.isVisible || !question.isParentVisible) {
      if (answered) issues.push({ field: question.name, issue: 'answered, but the questionnaire skips this question for these answers' });
      continue;
    }
    const hidden = answered ? hiddenChoices(question, answers[question.getValueName()]) : [];
    if (hidden.length > 0) {
      issues.push({ field: question.name, issue: `${hidden.map((value) => JSON.stringify(value)).join(', ')} not offered for these answers` });
      continue;
    }
    if (question.hasErrors(true)) {
      const texts = question.errors.map((error) => error.getText()).filter(Boolean);
      const required = question.isRequired && question.isEmpty();
      issues.push({ field: question.name, issue: required ? 'required' : texts.join('; ') || 'invalid answer' });
    }
  }
  return issues;
}

/** Given values that are choices of the question but hidden by its `choicesVisibleIf` or their own visibleIf. */
function hiddenChoices(question: Question, given: unknown): unknown[] {
  const choices = (question as Question & { choices?: { value: unknown; visibleIf?: string }[] }).choices;
  if (!question.getPropertyValue('choicesVisibleIf') && !choices?.some((choice) => choice.visibleIf)) return [];
  const all = new Set(choices?.map((choice) => choice.value));
  const visible = new Set(((question as Question & { visibleChoices?: { value: unknown }[] }).visibleChoices ?? []).map((choice) => choice.value));
  return (Array.isArray(given) ? given : [given]).filter((value) => all.has(value) && !visible.has(value));
}
