import { Model, type Question } from 'survey-core';
import type { AnswerIssue } from './answer-values.ts';
import type { SurveyDefinition } from './types.ts';

/**
 * survey-core's own verdicts on an answer set, from a model built for this submission alone:
 * hidden questions must not be answered, hidden choices not chosen, and shown questions must pass
 * survey-core's required checks, validators and built-in errors. Slow (a model per call: ~1 ms for
 * a short questionnaire, tens for a long one), so the server uses it only for questionnaires whose
 * features the compiled validator does not model (answers.ts), and the tests use it as the reference.
 * survey-core's errors name top-level questions, as survey-core reports them; answers it hides
 * inside matrices and dynamic panels are named where they are (`grid.row`, `members[0].age`).
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
    if (answered) hiddenInside(question as Question & Record<string, any>, answers[question.getValueName()], issues);
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

type Json = Record<string, unknown>;
const HIDDEN_INSIDE = 'answered, but the questionnaire hides this for these answers';

/** Rows of matrices, cells of hidden columns and questions of dynamic panels that the model hides but the answers fill. */
function hiddenInside(question: Question & Record<string, any>, value: unknown, issues: AnswerIssue[]): void {
  const type = question.getType();
  if (!value || typeof value !== 'object') return;
  if (type === 'matrix' || type === 'matrixdropdown') {
    const shown = new Set((question.visibleRows as { rowName?: unknown; name?: unknown }[]).map((row) => String(row.rowName ?? row.name)));
    for (const row of Object.keys(value)) if (!shown.has(row)) issues.push({ field: `${question.name}.${row}`, issue: HIDDEN_INSIDE });
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    (question.visibleRows as { rowName: unknown; cells: { question: Question }[] }[]).forEach((row, index) => {
      // The answer as given (a blank cell is an answer too), not the model's copy of it.
      const key = type === 'matrixdynamic' ? `[${index}]` : `.${String(row.rowName)}`;
      const cells = (type === 'matrixdynamic' ? (value as Json[])[index] : (value as Json)[String(row.rowName)]) as Json | undefined;
      for (const cell of row.cells) {
        if (!cell.question.isVisible && cells?.[cell.question.name] !== undefined) issues.push({ field: `${question.name}${key}.${cell.question.name}`, issue: HIDDEN_INSIDE });
      }
    });
  }
  if (type === 'paneldynamic') {
    (question.panels as { questions: Question[] }[]).forEach((panel, index) => {
      const inner = (value as Json[])[index];
      for (const q of panel.questions) {
        if (!q.isVisible && inner?.[q.name] !== undefined) issues.push({ field: `${question.name}[${index}].${q.name}`, issue: HIDDEN_INSIDE });
      }
    });
  }
}
