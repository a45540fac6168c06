import { describe, expect, it } from 'vitest';
import { compileAnswerValidator } from '../../surveys/answers.ts';
import { freshModelVerdicts } from '../../surveys/answers-model.ts';

/**
 * Each class of wrong verdict found when thirty public SurveyJS definitions were answered 1,120
 * times, on definitions of our own: answers SurveyJS produces are accepted, answers it could never
 * produce are refused, naming the answer at fault.
 */
const validator = (...elements: Record<string, unknown>[]) => compileAnswerValidator({ pages: [{ name: 'p', elements }] });
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('valid SurveyJS answers are accepted', () => {
  it('dynamic panels: answers inside the panel array, with their own skip logic', () => {
    const check = validator({
      type: 'paneldynamic', name: 'household', templateElements: [
        { type: 'text', name: 'member_name' },
        { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120 },
        { type: 'radiogroup', name: 'in_school', choices: ['yes', 'no'], visibleIf: '{panel.age} < 19' },
      ],
    });
    expect(check({ household: [{ member_name: 'Amra', age: 41 }, { member_name: 'Edin', age: 12, in_school: 'yes' }] })).toEqual([]);
    expect(check({ household: [{ member_name: 'Amra', age: 41, in_school: 'no' }] })).toEqual([
      { field: 'household[0].in_school', issue: 'answered, but the questionnaire skips this question for these answers' },
    ]);
    expect(check({ household: [{ age: 200 }] })).toEqual([{ field: 'household[0].age', issue: 'must be at most 120' }]);
  });

  it('comment-area text, stored as <name>-Comment', () => {
    const check = validator({ type: 'rating', name: 'satisfaction', rateMax: 5, showCommentArea: true });
    expect(check({ satisfaction: 4, 'satisfaction-Comment': 'They came within ten minutes.' })).toEqual([]);
    expect(check({ 'satisfaction-Comment': 'No rating, just a remark.' })).toEqual([]);
    expect(check({ satisfaction: 4, 'satisfaction-Comment': 7 })).toEqual([{ field: 'satisfaction-Comment', issue: 'must be text' }]);
  });

  it('the legacy hasOther: true, with the other text in -Comment', () => {
    const check = validator({ type: 'radiogroup', name: 'reason', choices: ['theft', 'noise'], hasOther: true });
    expect(check({ reason: 'other', 'reason-Comment': 'A lost passport' })).toEqual([]);
    expect(check({ reason: 'theft', 'reason-Comment': 'A lost passport' })).toEqual([{ field: 'reason-Comment', issue: 'only allowed with the "other" choice' }]);
    expect(fields(check({ reason: 'other' }))).toEqual(['reason-Comment']);
  });

  it('the "value|text" choice shorthand', () => {
    const check = validator({ type: 'checkbox', name: 'channels', choices: ['station|Police station', 'phone|Phone 122'] });
    expect(check({ channels: ['station', 'phone'] })).toEqual([]);
    expect(fields(check({ channels: ['station|Police station'] }))).toEqual(['channels']);
  });
});

describe('answers SurveyJS could never produce are refused', () => {
  it('single matrix: unknown row, unknown column, a string instead of an object', () => {
    const check = validator({ type: 'matrix', name: 'grid', rows: ['fair', 'quick'], columns: [1, 2, 3] });
    expect(check({ grid: { fair: 1, quick: 3 } })).toEqual([]);
    expect(check({ grid: { fair: 1, friendly: 2 } })).toEqual([{ field: 'grid.friendly', issue: 'unknown row' }]);
    expect(fields(check({ grid: { fair: 4 } }))).toEqual(['grid.fair']);
    expect(check({ grid: 'fair' })).toEqual([{ field: 'grid', issue: 'must be an object mapping each row to its column' }]);
  });

  it('dropdown matrix: a rating cell of 987654, a choice that does not exist, unknown rows and columns, rows hidden by rowsVisibleIf', () => {
    const check = validator(
      { type: 'checkbox', name: 'used', choices: ['station', 'phone'] },
      {
        type: 'matrixdropdown', name: 'contacts', rows: ['station', 'phone'], rowsVisibleIf: '{used} contains {item}', choices: ['yes', 'no'],
        columns: [{ name: 'helped' }, { name: 'score', cellType: 'rating', rateMax: 5 }],
      },
    );
    expect(check({ used: ['station'], contacts: { station: { helped: 'yes', score: 4 } } })).toEqual([]);
    expect(fields(check({ used: ['station'], contacts: { station: { score: 987654 } } }))).toEqual(['contacts.station.score']);
    expect(fields(check({ used: ['station'], contacts: { station: { helped: 'maybe' } } }))).toEqual(['contacts.station.helped']);
    expect(check({ used: ['station'], contacts: { office: { helped: 'yes' }, station: { mood: 'good' } } })).toEqual([
      { field: 'contacts.office', issue: 'unknown row' },
      { field: 'contacts.station.mood', issue: 'unknown question' },
    ]);
    expect(check({ used: ['station'], contacts: { station: { helped: 'yes' }, phone: { helped: 'no' } } })).toEqual([
      { field: 'contacts.phone', issue: 'answered, but the questionnaire hides this row for these answers' },
    ]);
  });

  it('dynamic matrix: its shape and its columns', () => {
    const check = validator({
      type: 'matrixdynamic', name: 'incidents', rowCount: 0, maxRowCount: 3,
      columns: [{ name: 'kind', cellType: 'dropdown', choices: ['theft', 'assault'] }, { name: 'year', cellType: 'text', inputType: 'number' }],
    });
    expect(check({ incidents: [{ kind: 'theft', year: 2024 }] })).toEqual([]);
    expect(check({ incidents: { kind: 'theft' } })).toEqual([{ field: 'incidents', issue: 'must be a list of rows' }]);
    expect(check({ incidents: ['theft'] })).toEqual([{ field: 'incidents[0]', issue: 'must be an object mapping columns to answers' }]);
    expect(fields(check({ incidents: [{ kind: 'arson' }, { year: 'last year' }, { place: 'home' }] }))).toEqual(['incidents[0].kind', 'incidents[1].year', 'incidents[2].place']);
    expect(check({ incidents: [{}, {}, {}, {}] })).toEqual([{ field: 'incidents', issue: 'must have at most 3 rows' }]);
  });

  it('multiple text: only its items, each of its type', () => {
    const check = validator({ type: 'multipletext', name: 'contact', items: [{ name: 'town' }, { name: 'household_size', inputType: 'number' }] });
    expect(check({ contact: { town: 'Zenica', household_size: 4 } })).toEqual([]);
    expect(check({ contact: { town: 'Zenica', street: 'Titova' } })).toEqual([{ field: 'contact.street', issue: 'unknown question' }]);
    expect(check({ contact: { household_size: 'four' } })).toEqual([{ field: 'contact.household_size', issue: 'must be a number' }]);
    expect(check({ contact: 'Zenica' })).toEqual([{ field: 'contact', issue: 'must be an object mapping each item to its text' }]);
  });

  it('ranking: every choice once, nothing else', () => {
    const check = validator({ type: 'ranking', name: 'priorities', choices: ['drugs', 'traffic', 'corruption'] });
    expect(check({ priorities: ['traffic', 'drugs', 'corruption'] })).toEqual([]);
    expect(check({ priorities: ['traffic', 'drugs', 'weather'] })[0]!.issue).toContain('"weather" not among the choices');
    expect(check({ priorities: ['traffic', 'traffic', 'drugs'] })).toEqual([{ field: 'priorities', issue: 'ranks a choice twice' }]);
    expect(check({ priorities: ['traffic'] })).toEqual([{ field: 'priorities', issue: 'must rank all 3 choices' }]);
    expect(check({ priorities: 'traffic' })).toEqual([{ field: 'priorities', issue: 'must be a list of the choices in ranked order' }]);
  });

  it("a dynamic panel's inner question is not a top-level answer", () => {
    const check = validator({ type: 'paneldynamic', name: 'household', templateElements: [{ type: 'text', name: 'member_name' }] });
    expect(check({ member_name: 'Amra' })).toEqual([{ field: 'member_name', issue: 'unknown question' }]);
  });

  it('keys that name object prototypes are unknown questions at every depth', () => {
    const check = validator(
      { type: 'text', name: 'town' },
      { type: 'paneldynamic', name: 'household', templateElements: [{ type: 'text', name: 'member_name' }] },
    );
    const answers = JSON.parse('{"__proto__": {"town": "x"}, "constructor": "x", "household": [{"__proto__": "y", "toString": "z"}]}');
    expect(check(answers)).toEqual([
      { field: '__proto__', issue: 'unknown question' },
      { field: 'constructor', issue: 'unknown question' },
      { field: 'household[0].__proto__', issue: 'unknown question' },
      { field: 'household[0].toString', issue: 'unknown question' },
    ]);
  });
});

describe('survey-core features the compiler does not model', () => {
  it('are decided by a fresh survey-core model per submission, giving its verdict', () => {
    const definition = { pages: [{ elements: [{ type: 'text', name: 'email', inputType: 'email', isRequired: true }] }] };
    const check = compileAnswerValidator(definition);
    for (const answers of [{ email: 'not an address' }, { email: 'amra@example.ba' }, {}]) {
      expect(fields(check(answers))).toEqual(fields(freshModelVerdicts(definition, answers)));
    }
    expect(check({ email: 'amra@example.ba' })).toEqual([]);
    expect(fields(check({ email: 'not an address' }))).toEqual(['email']);
  });
});
