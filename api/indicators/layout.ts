import { listQuestions, type QuestionInfo } from '../../surveys/questions.ts';
import type { SurveyDefinition } from '../../surveys/types.ts';

/**
 * One analysed variable: a question's value, or one choice of a multiple-response question
 * (`<question>_<choice>`: 1 ticked, 0 not ticked, missing when the question was not answered).
 */
export interface Variable {
  name: string;
  /** The question it comes from (its permanent name). */
  question: string;
  /** number: stored as is; code: a text value stored as its index in `codes`; member: 0/1 of `choice`. */
  kind: 'number' | 'code' | 'member';
  position: number;
  /** Text values of a `code` variable, in order of first appearance across versions. */
  codes: string[];
  /** The choice value a `member` variable stands for. */
  choice?: string | number;
  /** Versions whose questionnaire asks it. */
  versions: number[];
}

/** Where each analysed variable sits in a response's packed values. */
export interface Layout {
  variables: Variable[];
  byName: Map<string, Variable>;
  /** Variables of each multiple-response question, in choice order. */
  members: Map<string, Variable[]>;
}

const MULTIPLE = new Set(['checkbox', 'tagbox']);

/**
 * The variable layout of a survey from the definitions of its versions, oldest first. Positions
 * and text codes are given in order of first appearance, so a later version only appends: a
 * response packed under version k reads the same under the layout of any later version.
 *
 * @example
 * variableLayout([{ pages: [{ elements: [{ type: 'rating', name: 'trust', rateMin: 0, rateMax: 10 }] }] }]).byName.get('trust');
 * // => { name: 'trust', question: 'trust', kind: 'number', position: 0, codes: [], versions: [1] }
 */
export function variableLayout(definitions: readonly SurveyDefinition[]): Layout {
  const variables: Variable[] = [];
  const byName = new Map<string, Variable>();
  const members = new Map<string, Variable[]>();
  const add = (name: string, question: string, kind: Variable['kind'], version: number, choice?: string | number): Variable => {
    let variable = byName.get(name);
    if (!variable) {
      variable = { name, question, kind, position: variables.length, codes: [], versions: [], ...(choice === undefined ? {} : { choice }) };
      variables.push(variable);
      byName.set(name, variable);
    }
    if (!variable.versions.includes(version)) variable.versions.push(version);
    return variable;
  };
  definitions.forEach((definition, index) => {
    const version = index + 1;
    for (const question of listQuestions(definition)) {
      if (!question.name) continue;
      if (MULTIPLE.has(question.type)) {
        const list = members.get(question.name) ?? [];
        for (const choice of question.values ?? []) {
          const variable = add(`${question.name}_${choice}`, question.name, 'member', version, choice);
          if (!list.includes(variable)) list.push(variable);
        }
        members.set(question.name, list);
        continue;
      }
      const kind = analysedKind(question);
      if (!kind) continue;
      const variable = add(question.name, question.name, kind, version);
      if (variable.kind === 'code') {
        for (const value of question.values ?? []) if (!variable.codes.includes(String(value))) variable.codes.push(String(value));
      }
    }
  });
  return { variables, byName, members };
}

function analysedKind(question: QuestionInfo): 'number' | 'code' | undefined {
  if (question.type === 'boolean') return 'number';
  if (question.type === 'text') return question.json.inputType === 'number' ? 'number' : undefined;
  if (question.values === undefined || question.type === 'ranking') return undefined;
  return question.values.some((value) => typeof value === 'string') ? 'code' : 'number';
}

/**
 * A response's answers packed as float64s at the layout's positions (NaN = no answer). Text
 * values outside a variable's codes are appended to its codes only in memory, never stored:
 * they cannot occur in validated answers, so they are stored as missing.
 */
export function packAnswers(layout: Layout, answers: Record<string, unknown>): Buffer {
  const values = new Float64Array(layout.variables.length).fill(NaN);
  for (const variable of layout.variables) {
    if (variable.kind === 'member') continue;
    const answer = answers[variable.name];
    if (answer === undefined || answer === null) continue;
    if (variable.kind === 'code') {
      const code = variable.codes.indexOf(String(answer));
      if (code >= 0) values[variable.position] = code;
    } else if (typeof answer === 'number' && Number.isFinite(answer)) {
      values[variable.position] = answer;
    } else if (typeof answer === 'boolean') {
      values[variable.position] = answer ? 1 : 0;
    } else if (typeof answer === 'string' && answer.trim() !== '' && Number.isFinite(Number(answer))) {
      values[variable.position] = Number(answer);
    }
  }
  for (const [question, list] of layout.members) {
    const answer = answers[question];
    if (!Array.isArray(answer)) continue;
    const ticked = new Set(answer.map(String));
    for (const variable of list) values[variable.position] = ticked.has(String(variable.choice)) ? 1 : 0;
  }
  return Buffer.from(values.buffer);
}

/** Reads the value at `position` of a packed buffer (NaN past its end: a variable added in a later version). */
export function packedValue(packed: Buffer, position: number): number {
  const offset = position * 8;
  return offset + 8 <= packed.length ? packed.readDoubleLE(offset) : NaN;
}
