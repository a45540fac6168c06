import { compileRules } from './answer-rules.ts';
import { checkLogic } from './answer-logic.ts';
import { byKey, checkLevel, isObject, type AnswerIssue } from './answer-values.ts';
import { freshModelVerdicts } from './answers-model.ts';
import type { SurveyDefinition } from './types.ts';

export type { AnswerIssue } from './answer-values.ts';

/** Checks one answer set; returns an empty list when it can be stored. Keeps nothing between calls. */
export type AnswerValidator = (answers: unknown) => AnswerIssue[];

/**
 * Builds the validator of one questionnaire definition, once per published version. It checks, at
 * every depth (top level, matrix rows and cells, multiple-text items, dynamic panels):
 * - every key is a question of that level, or its `-Comment` (comment area, or "other" text);
 * - every value has the question's type and lies among its choices, rating values, rows, columns
 *   or numeric range (survey-core itself does not check that);
 * - questions, rows, columns and choices hidden by the skip logic are not answered;
 * - shown, answerable questions that are required are answered, "other" with its text, matrices
 *   row by row, dynamic matrices and panels panel by panel.
 * Conditions and computed values run through survey-core's expression engine, compiled here once.
 * Where the definition uses what this compiler does not model (validators, survey variables, …),
 * survey-core's verdicts come from a fresh model per submission instead (answers-model.ts); the
 * value checks above still apply. Nothing survives from one call to the next.
 */
export function compileAnswerValidator(definition: SurveyDefinition): AnswerValidator {
  const { rules, modelOnly } = compileRules(definition);
  const top = byKey(rules);
  return (answers) => {
    if (!isObject(answers)) return [{ field: 'answers', issue: 'must be an object mapping question names to answers' }];
    const issues: AnswerIssue[] = [];
    checkLevel(top, answers, '', issues);
    if (issues.length > 0) return issues;
    if (modelOnly.length > 0) return freshModelVerdicts(definition, answers);
    checkLogic(rules, answers, { root: answers, answerable: true, memo: new Map() }, '', issues);
    return issues;
  };
}

/** Published definitions are immutable, so each definition object's validator is compiled once. */
const validators = new WeakMap<SurveyDefinition, AnswerValidator>();

/**
 * Checks a respondent's answers against one exact questionnaire definition, as the server must
 * before storing them (see compileAnswerValidator). Returns an empty list when they can be stored.
 */
export function validateAnswers(definition: SurveyDefinition, answers: unknown): AnswerIssue[] {
  let validator = validators.get(definition);
  if (!validator) validators.set(definition, (validator = compileAnswerValidator(definition)));
  return validator(answers);
}
