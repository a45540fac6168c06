import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../surveys/answer-rules.ts';
import { compileAnswerValidator } from '../../surveys/answers.ts';
import { freshModelVerdicts } from '../../surveys/answers-model.ts';

/**
 * The compiled validator against the reference: a fresh survey-core model built for each answer
 * set (survey-core's verdicts: hidden questions, required, "other" text, matrix rows, cells and
 * panels, and which nested answers it hides: rows, cells, panel questions; answers-model.ts). Random definitions use every feature the compiler models, random answers are
 * well formed (values among each question's choices, of its type), so the verdicts left to compare
 * are the ones survey-core makes. Compared per top-level question.
 */

type Json = Record<string, unknown>;
const CHOICES = [1, 2, 3];
const NAMES = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5'];

/** A condition on an earlier question (or, inside a panel or row, on a sibling through {panel.…}/{row.…}). */
const condition = (earlier: string[], prefix = '') => fc.oneof(
  ...earlier.map((name) => fc.constantFrom(`{${prefix}${name}} = 2`, `{${prefix}${name}} notempty`, `{${prefix}${name}} empty`, `{${prefix}${name}} contains 2`, `{${prefix}${name}} > 1`)),
);

const logic = (earlier: string[], prefix = '') => earlier.length === 0
  ? fc.record({ isRequired: fc.boolean() }, { requiredKeys: [] })
  : fc.record({
    isRequired: fc.boolean(),
    visibleIf: condition(earlier, prefix),
    enableIf: condition(earlier, prefix),
    requiredIf: condition(earlier, prefix),
    visible: fc.constant(false),
  }, { requiredKeys: [] });

const simpleQuestion = (name: string, earlier: string[], prefix = '') => fc.tuple(fc.oneof(
  fc.constant({ type: 'text' }),
  fc.constant({ type: 'text', inputType: 'number', min: 0, max: 10 }),
  fc.constant({ type: 'comment' }),
  fc.record({ type: fc.constantFrom('radiogroup', 'dropdown'), choices: fc.constant(CHOICES), showOtherItem: fc.boolean(), showCommentArea: fc.boolean() }, { requiredKeys: ['type', 'choices'] }),
  fc.record({ type: fc.constant('checkbox'), choices: fc.constant(CHOICES), showNoneItem: fc.boolean(), hasOther: fc.boolean() }, { requiredKeys: ['type', 'choices'] }),
  fc.record({ type: fc.constant('radiogroup'), choices: fc.constant(['1|One', '2|Two', '3|Three']) }),
  fc.oneof(
    fc.constant({ type: 'rating', rateMin: 1, rateMax: 3 }),
    fc.constant({ type: 'rating', rateValues: CHOICES }),
    fc.constant({ type: 'rating', rateCount: 3 }),
  ),
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'ranking', choices: CHOICES }),
), logic(earlier, prefix)).map(([shape, rules]) => ({ name, ...shape, ...rules }) as Json);

const column = (name: string, earlier: string[]) => simpleQuestion(name, [], '').chain((cell) =>
  (earlier.length > 0 ? fc.record({ visibleIf: condition(earlier, 'row.'), isRequired: fc.boolean() }, { requiredKeys: [] }) : fc.record({ isRequired: fc.boolean() }, { requiredKeys: [] })).map((rules) => {
    const { type, name: _name, visibleIf: _v, enableIf: _e, requiredIf: _r, visible: _h, isRequired: _i, ...rest } = cell;
    return { name, cellType: type === 'comment' ? 'text' : type, ...rest, ...rules } as Json;
  }));

const containerQuestion = (name: string, earlier: string[]) => fc.tuple(fc.oneof(
  fc.record({ type: fc.constant('matrix'), rows: fc.constant(['r1', 'r2']), columns: fc.constant(CHOICES), eachRowRequired: fc.boolean(), rowsVisibleIf: earlier.length ? fc.constant(`{item} != 'r2' or {${earlier[0]}} = 2`) : fc.constant(undefined) }, { requiredKeys: ['type', 'rows', 'columns'] }),
  fc.tuple(column('c1', []), column('c2', ['c1'])).map(([c1, c2]) => ({ type: 'matrixdropdown', rows: ['r1', 'r2'], choices: CHOICES, columns: [c1, c2] })),
  fc.tuple(column('c1', []), column('c2', ['c1']), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([c1, c2, rowCount, minRowCount]) => ({ type: 'matrixdynamic', rowCount, minRowCount, choices: CHOICES, columns: [c1, c2] })),
  fc.tuple(simpleQuestion('i1', []), simpleQuestion('i2', ['i1'], 'panel.'), fc.integer({ min: 0, max: 2 })).map(([i1, i2, panelCount]) => ({ type: 'paneldynamic', panelCount, templateElements: [i1, i2] })),
  fc.tuple(fc.boolean(), fc.boolean()).map(([first, second]) => ({ type: 'multipletext', items: [{ name: 'm1', isRequired: first }, { name: 'm2', inputType: 'number', isRequired: second }] })),
), logic(earlier)).map(([shape, rules]) => ({ name, ...shape, ...rules }) as Json);

const definitionArbitrary = fc.integer({ min: 2, max: NAMES.length }).chain((count) => fc.tuple(
  ...NAMES.slice(0, count).map((name, index) => (index > 0 && index % 3 === 0 ? containerQuestion(name, NAMES.slice(0, index)) : simpleQuestion(name, NAMES.slice(0, index)))),
  fc.option(condition(['q0']), { nil: undefined }),
)).map((parts) => {
  const panelCondition = parts.at(-1) as string | undefined;
  const questions = parts.slice(0, -1) as Json[];
  // The last two questions sit in a panel, shown or hidden as a whole.
  const inPanel = questions.slice(-2);
  questions.splice(-2);
  return { pages: [{ name: 'page1', elements: [...questions, { type: 'panel', name: 'group', visibleIf: panelCondition, elements: inPanel }] }] };
});

/** A well-formed answer for a question of the generated kinds (a value survey-core would store). */
function answerFor(question: Json, random: () => number): unknown {
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;
  const choices = (question.choices as unknown[] | undefined)?.map((choice) => (typeof choice === 'string' ? choice.split('|')[0] : choice));
  switch (question.type ?? question.cellType) {
    case 'text': return question.inputType === 'number' ? pick([0, 3, 10]) : pick(['yes', ' ', 'a longer answer']);
    case 'comment': return pick(['remark', '']);
    case 'radiogroup': case 'dropdown': return pick([...choices!, ...(question.showOtherItem ? ['other'] : [])]);
    case 'checkbox': return question.showNoneItem && random() < 0.3 ? ['none'] : choices!.filter(() => random() < 0.5).concat(question.hasOther && random() < 0.3 ? ['other'] : []);
    case 'rating': return pick([1, 2, 3]);
    case 'boolean': return random() < 0.5;
    case 'ranking': return [...choices!].sort(() => random() - 0.5);
    case 'matrix': return Object.fromEntries((question.rows as string[]).filter(() => random() < 0.7).map((row) => [row, pick(CHOICES)]));
    case 'matrixdropdown': return Object.fromEntries((question.rows as string[]).filter(() => random() < 0.7).map((row) => [row, cellsFor(question.columns as Json[], random)]));
    case 'matrixdynamic': return Array.from({ length: Math.floor(random() * 3) }, () => cellsFor(question.columns as Json[], random));
    case 'paneldynamic': return Array.from({ length: Math.floor(random() * 3) }, () => answersFor(question.templateElements as Json[], random));
    case 'multipletext': return Object.fromEntries([['m1', 'Sarajevo'], ['m2', 4]].filter(() => random() < 0.6));
    default: throw new Error(`no answer for ${String(question.type)}`);
  }
}

function cellsFor(columns: Json[], random: () => number): Json {
  return Object.fromEntries(columns.filter(() => random() < 0.6).map((column) => [column.name, answerFor({ ...column, choices: column.choices ?? CHOICES }, random)]));
}

function answersFor(questions: Json[], random: () => number): Json {
  const answers: Json = {};
  for (const question of questions) {
    if (random() < 0.35) continue;
    const value = answerFor(question, random);
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    answers[question.name as string] = value;
    const choseOther = value === 'other' || (Array.isArray(value) && value.includes('other'));
    if ((question.showCommentArea || choseOther) && random() < 0.7) answers[`${question.name as string}-Comment`] = 'described';
  }
  return answers;
}

const allQuestions = (definition: Json) => (definition.pages as { elements: Json[] }[])[0]!.elements.flatMap((element) => (element.type === 'panel' ? element.elements as Json[] : [element]));

const root = (field: string) => field.split(/[.[]/)[0]!.replace(/-Comment$/, '');
const roots = (issues: { field: string }[]) => [...new Set(issues.map((issue) => root(issue.field)))].sort();

describe('compiled validator against a fresh survey-core model', () => {
  it('gives the same verdicts, question by question, on random definitions and answers', () => {
    let compiled = 0;
    let runs = 0;
    fc.assert(
      fc.property(definitionArbitrary, fc.integer(), (definition, seed) => {
        runs++;
        // Conditions on a ranking go to the fresh model (survey-core compares rankings strictly).
        if (compileRules(definition).modelOnly.length === 0) compiled++;
        let state = seed >>> 0 || 1;
        const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        const validate = compileAnswerValidator(definition);
        for (let attempt = 0; attempt < 5; attempt++) {
          const answers = answersFor(allQuestions(definition), random);
          const expected = roots(freshModelVerdicts(definition, answers));
          expect({ answers, verdict: roots(validate(answers)) }).toEqual({ answers, verdict: expected });
        }
      }),
      { seed: 20261202, numRuns: 120 },
    );
    expect(compiled / runs).toBeGreaterThan(0.6);
  }, 600_000);
});
