import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyTitle } from '../../surveys/copy-title.ts';

describe('the title of a copy', () => {
  it('is "Copy of …" in every language of the full questionnaire, Serbian Cyrillic generated', () => {
    const { definition, meta } = JSON.parse(readFileSync('surveys/bih-police-trust.json', 'utf8'));
    expect(copyTitle(definition.title, meta.languages)).toEqual({
      default: 'Copy of Trust in the police in Bosnia and Herzegovina',
      bs: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini',
      hr: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini',
      'sr-Latn': 'Kopija: Povjerenje u policiju u Bosni i Hercegovini',
      'sr-Cyrl': 'Копија: Повјерење у полицију у Босни и Херцеговини',
    });
  });

  it('covers only the languages of the copy, and falls back to the English title', () => {
    expect(copyTitle({ default: 'Trust', bs: 'Povjerenje' }, ['en', 'bs'])).toEqual({ default: 'Copy of Trust', bs: 'Kopija: Povjerenje' });
    expect(copyTitle('Trust', ['en', 'hr'])).toEqual({ default: 'Copy of Trust', hr: 'Kopija: Trust' });
  });
});
