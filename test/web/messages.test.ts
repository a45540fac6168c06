import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../web/src/lib/choose-language.ts';
import { pageMessages } from '../../web/src/lib/messages.ts';

describe('respondent page texts', () => {
  it('has its own texts in every offered language, Serbian Cyrillic generated from Serbian Latin', () => {
    expect(pageMessages('bs').thanks).toBe('Hvala Vam!');
    expect(pageMessages('hr').tryNow).toBe('Pokušaj ponovno sada');
    expect(pageMessages('sr-Latn').thanksDetail).toBe('Vaši odgovori su sačuvani.');
    expect(pageMessages('sr-Cyrl').thanksDetail).toBe('Ваши одговори су сачувани.');
    expect(pageMessages('sr-Cyrl').waiting(4)).toContain('за 4 с');
  });

  it('falls back to English for a language without texts', () => {
    expect(pageMessages('de').thanks).toBe('Thank you!');
  });
});

describe('choosing the first language of a questionnaire', () => {
  const offered = ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'];
  it('takes ?lang= when the survey offers it', () => {
    expect(chooseLanguage(offered, '?lang=sr-Cyrl', ['en-US'])).toBe('sr-Cyrl');
  });
  it('otherwise takes the first browser language offered, matching regional variants', () => {
    expect(chooseLanguage(offered, '?lang=fr', ['de-DE', 'bs-BA', 'en'])).toBe('bs');
    expect(chooseLanguage(offered, '', ['sr-Cyrl-BA'])).toBe('sr-Cyrl');
  });
  it('otherwise the survey\'s first language', () => {
    expect(chooseLanguage(['bs', 'en'], '', ['fr-FR'])).toBe('bs');
  });
});
