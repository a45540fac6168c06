import { describe, expect, it } from 'vitest';
import { fillCyrillic, isCyrillicOverridden, missingLanguages, resetCyrillic, setText } from '../../web/src/builder/translations.ts';
import { parseExpression, toExpression } from '../../web/src/builder/conditions.ts';

describe('texts in every language', () => {
  it('fills Serbian Cyrillic from Serbian Latin as it is typed', () => {
    let text = setText({}, 'en', 'People');
    text = setText(text, 'sr-Latn', 'Ljudi');
    expect(text).toEqual({ default: 'People', 'sr-Latn': 'Ljudi', 'sr-Cyrl': 'Људи' });
    text = setText(text, 'sr-Latn', 'Ljudi u džamiji');
    expect(text['sr-Cyrl']).toBe('Људи у џамији');
  });

  it('keeps a Cyrillic text written by hand when the Latin changes, until it is reset', () => {
    let text = setText(setText({}, 'sr-Latn', 'Policija'), 'sr-Cyrl', 'Полиција (ручно)');
    expect(isCyrillicOverridden(text)).toBe(true);
    text = setText(text, 'sr-Latn', 'Policija danas');
    expect(text['sr-Cyrl']).toBe('Полиција (ручно)');
    expect(resetCyrillic(text)['sr-Cyrl']).toBe('Полиција данас');
  });

  it('says which languages are missing, and fills missing Cyrillic throughout a definition', () => {
    expect(missingLanguages({ default: 'A', bs: ' ' }, ['en', 'bs', 'hr'])).toEqual(['bs', 'hr']);
    expect(missingLanguages('Only English', ['en'])).toEqual([]);
    expect(fillCyrillic({ pages: [{ title: { 'sr-Latn': 'Njegoš' } }] })).toEqual({ pages: [{ title: { 'sr-Latn': 'Njegoš', 'sr-Cyrl': 'Његош' } }] });
  });
});

describe('skip-logic conditions', () => {
  it('become SurveyJS expressions, strings quoted, numbers not', () => {
    expect(toExpression({ join: 'and', conditions: [{ question: 'contact_any', operator: '=', value: 1 }] })).toBe('{contact_any} = 1');
    expect(toExpression({ join: 'or', conditions: [
      { question: 'entity', operator: '=', value: 'fbih' }, { question: 'channels_used', operator: 'contains', value: "it's" }, { question: 'age', operator: 'notempty' },
    ] })).toBe("{entity} = 'fbih' or {channels_used} contains 'it\\'s' or {age} notempty");
    expect(toExpression({ join: 'and', conditions: [] })).toBe('');
  });

  it('are read back from the expressions the editor writes, and richer ones are left as text', () => {
    for (const expression of ['{contact_any} = 1', "{entity} = 'fbih' and {canton} <> 'sarajevo'", '{age} notempty or {x} < 3.5', "{a} contains 'it\\'s'"]) {
      expect(toExpression(parseExpression(expression)!)).toBe(expression);
    }
    expect(parseExpression('')).toEqual({ join: 'and', conditions: [] });
    expect(parseExpression('({a} = 1 or {b} = 2) and {c} = 3')).toBeUndefined();
    expect(parseExpression('{a} = 1 and {b} = 2 or {c} = 3')).toBeUndefined();
    expect(parseExpression('iif({a} > 1, 1, 2)')).toBeUndefined();
  });
});
