import { Model, type Question } from 'survey-core';
import { listQuestions, type QuestionInfo } from './questions.ts';
import type { SurveyDefinition } from './types.ts';

/** One reason an answer set is refused, named by the question it concerns. */
export interface AnswerIssue {
  field: string;
  issue: string;
}

const SINGLE_CHOICE = new Set(['radiogroup', 'dropdown', 'imagepicker']);
const MULTIPLE_CHOICE = new Set(['checkbox', 'tagbox']);
const MAX_TEXT_LENGTH = 10_000;

/**
 * Checks a respondent's answers against one exact questionnaire definition, as the server must
 * before storing them: every key is a question, every value has the question's type and lies among
 * its choices or rating values (survey-core does not check that), required questions that are shown
 * are answered and their validators pass (survey-core does that), and skipped questions are not answered.
 * Returns an empty list when the answers can be stored.
 */
export function validateAnswers(definition: SurveyDefinition, answers: unknown): AnswerIssue[] {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    return [{ field: 'answers', issue: 'must be an object mapping question names to answers' }];
  }
  const questions = new Map(listQuestions(definition).map((question) => [question.name, question]));
  const issues: AnswerIssue[] = [];
  for (const [name, value] of Object.entries(answers)) {
    const question = questions.get(name) ?? questions.get(name.replace(/-Comment$/, ''));
    if (!question) {
      issues.push({ field: name, issue: 'unknown question' });
      continue;
    }
    const issue = name.endsWith('-Comment') ? checkComment(question, name, answers as Record<string, unknown>) : checkValue(question, value);
    if (issue) issues.push({ field: name, issue });
  }
  if (issues.length > 0) return issues;
  return checkWithSurveyCore(definition, answers as Record<string, unknown>);
}

function checkValue(question: QuestionInfo, value: unknown): string | undefined {
  const { type, json } = question;
  if (value === null || value === undefined) return 'must not be null; leave an unanswered question out';
  const allowed = allowedValues(question);
  if (SINGLE_CHOICE.has(type) || type === 'rating' || type === 'boolean') {
    if (Array.isArray(value) || typeof value === 'object') return 'must be a single value';
    if (allowed && !allowed.some((option) => option === value)) return `${JSON.stringify(value)} is not one of the allowed values (${allowed.join(', ')})`;
    return undefined;
  }
  if (MULTIPLE_CHOICE.has(type)) {
    if (!Array.isArray(value)) return 'must be a list of choice values';
    const outside = value.filter((item) => !allowed?.some((option) => option === item));
    if (outside.length > 0) return `${outside.map((item) => JSON.stringify(item)).join(', ')} not among the allowed values (${allowed?.join(', ')})`;
    if (new Set(value).size !== value.length) return 'lists a choice twice';
    if (question.noneValue && value.includes(question.noneValue) && value.length > 1) return `"${question.noneValue}" cannot be combined with other choices`;
    return undefined;
  }
  if (type === 'text' && ['number', 'range'].includes(String(json.inputType))) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if (typeof json.min === 'number' && value < json.min) return `must be at least ${json.min}`;
    if (typeof json.max === 'number' && value > json.max) return `must be at most ${json.max}`;
    return undefined;
  }
  if (type === 'text' || type === 'comment') {
    if (typeof value !== 'string') return 'must be text';
    if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
  }
  return undefined;
}

/** Values a choice or rating question accepts, including the special items it shows. */
function allowedValues(question: QuestionInfo): (string | number | boolean)[] | undefined {
  if (question.type === 'boolean') return question.values ?? [true, false];
  if (!question.values) return undefined;
  const extra: string[] = [];
  if (question.noneValue) extra.push(question.noneValue);
  if (question.json.showOtherItem === true) extra.push('other');
  if (question.json.showRefuseItem === true) extra.push('refused');
  if (question.json.showDontKnowItem === true) extra.push('dontknow');
  return [...question.values, ...extra];
}

/** "Other (describe)" text is stored as `<name>-Comment` and is allowed only beside the "other" choice. */
function checkComment(question: QuestionInfo, name: string, answers: Record<string, unknown>): string | undefined {
  const value = answers[name];
  if (typeof value !== 'string') return 'must be text';
  if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
  const chosen = answers[question.name];
  const choseOther = chosen === 'other' || (Array.isArray(chosen) && chosen.includes('other'));
  if (question.json.showOtherItem !== true || !choseOther) return 'only allowed with the "other" choice';
  return undefined;
}

/**
 * A hidden question filled in by `setValueExpression` (such as `region` from entity and canton)
 * must hold exactly what survey-core works out from the other answers, or be absent when that is empty.
 */
function checkComputed(expected: unknown, given: unknown): string | undefined {
  const empty = expected === undefined || expected === null || expected === '';
  if (empty) return given === undefined ? undefined : 'must be left out: it is worked out from other answers, which give nothing here';
  if (given === undefined) return `missing: expected ${JSON.stringify(expected)}, worked out from other answers`;
  return given === expected ? undefined : `must be ${JSON.stringify(expected)}, worked out from other answers`;
}

/** Given values that are choices of the question but hidden by its `choicesVisibleIf` for these answers. */
function hiddenChoices(question: Question, given: unknown): unknown[] {
  if (!question.getPropertyValue('choicesVisibleIf')) return [];
  const visible = new Set(((question as Question & { visibleChoices?: { value: unknown }[] }).visibleChoices ?? []).map((choice) => choice.value));
  return (Array.isArray(given) ? given : [given]).filter((value) => !visible.has(value));
}

/** Required answers, validators and skip logic, evaluated by survey-core itself on the given answers. */
function checkWithSurveyCore(definition: SurveyDefinition, answers: Record<string, unknown>): AnswerIssue[] {
  const model = modelFor(definition);
  model.data = answers;
  const issues: AnswerIssue[] = [];
  for (const question of model.getAllQuestions()) {
    const answered = answers[question.name] !== undefined;
    const computed = question.setValueExpression;
    if (computed) {
      const issue = checkComputed(model.runExpression(computed), answers[question.name]);
      if (issue) issues.push({ field: question.name, issue });
      continue;
    }
    if (!question.isVisible || !question.isParentVisible) {
      if (answered) issues.push({ field: question.name, issue: 'answered, but the questionnaire skips this question for these answers' });
      continue;
    }
    const hidden = answered ? hiddenChoices(question, answers[question.name]) : [];
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
  model.clear(true, true);
  return issues;
}

/**
 * Building a survey-core model of a long questionnaire takes tens of milliseconds, checking
 * answers on it a few; so one model per definition object is kept and its data replaced on each
 * call (validation is synchronous, so calls never overlap). Definitions are immutable once published.
 */
const models = new WeakMap<SurveyDefinition, Model>();

function modelFor(definition: SurveyDefinition): Model {
  let model = models.get(definition);
  if (!model) {
    model = new Model(definition);
    models.set(definition, model);
  }
  return model;
}
