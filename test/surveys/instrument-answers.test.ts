import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../surveys/answers.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { COMPLETE_INTERVIEW as complete } from './complete-interview.ts';

const instrument = JSON.parse(readFileSync(new URL('../../surveys/bih-police-trust.json', import.meta.url), 'utf8')) as SurveyFile;
const validate = (answers: Record<string, unknown>) => validateAnswers(instrument.definition, answers);


describe('server-side validation of the full instrument', () => {
  it('accepts a complete interview, one that skips optional items, and a refusal to take part', () => {
    expect(validate(complete)).toEqual([]);
    const { trust_courts: _courts, eff_arrive: _arrive, sm_info_trust: _trust, ...partial } = complete;
    expect(validate(partial)).toEqual([]);
    expect(validate({ consent: 2 })).toEqual([]);
    expect(validate({ consent: 1, age_18_plus: 2 })).toEqual([]);
  });

  it('rejects answers from someone who declined, and answers without consent', () => {
    expect(validate({ consent: 2, trust_police: 5 })).toEqual([{ field: 'trust_police', issue: 'answered, but the questionnaire skips this question for these answers' }]);
    const { consent: _consent, ...withoutConsent } = complete;
    expect(validate(withoutConsent)).toEqual([
      { field: 'consent', issue: 'required' },
      { field: 'age_18_plus', issue: 'answered, but the questionnaire skips this question for these answers' },
      { field: 'lives_in_bih', issue: 'answered, but the questionnaire skips this question for these answers' },
    ]);
  });

  it('rejects an answer outside an item\'s scale', () => {
    expect(validate({ ...complete, trust_police: 11 })).toEqual([{ field: 'trust_police', issue: expect.stringContaining('11 is not one of the allowed values') }]);
    expect(validate({ ...complete, pf_respect: 6 })).toEqual([{ field: 'pf_respect', issue: expect.stringContaining('6 is not one of the allowed values') }]);
    expect(validate({ ...complete, channels_used: ['phone_122', 'pigeon'] })).toEqual([{ field: 'channels_used', issue: expect.stringContaining('"pigeon"') }]);
  });

  it('rejects contact questions from someone who had no contact', () => {
    const { contact_initiated: _a, channels_used: _b, last_channel: _c, last_reason: _d, last_respect: _e, last_solved: _f, ...rest } = complete;
    expect(validate({ ...rest, contact_any: 2 })).toEqual([
      { field: 'last_satisfaction', issue: 'answered, but the questionnaire skips this question for these answers' },
    ]);
  });

  it('accepts "Prefer not to say" (ESS refusal 7) on contact with the police, which then skips every contact question', () => {
    const { contact_initiated: _a, channels_used: _b, last_channel: _c, last_reason: _d, last_satisfaction: _e, last_respect: _f, last_solved: _g, ...rest } = complete;
    expect(validate({ ...rest, contact_any: 7 })).toEqual([]);
    expect(validate({ ...rest, contact_any: 7, channels_used: ['phone_122'] })).toEqual([
      { field: 'channels_used', issue: 'answered, but the questionnaire skips this question for these answers' },
    ]);
    // Only whether the respondent had contact may be declined this way, not the other yes/no items.
    expect(validate({ ...complete, cp_meeting: 7 })).toEqual([{ field: 'cp_meeting', issue: expect.stringContaining('7 is not one of the allowed values') }]);
  });

  it('requires nothing but the questions that decide who the survey is for and what follows, as the consent text says', () => {
    const definition = instrument.definition as { pages: { elements: { name: string; isRequired?: boolean }[] }[] };
    const required = definition.pages.flatMap((page) => page.elements.filter((element) => element.isRequired).map((element) => element.name));
    expect(required).toEqual(['consent', 'age_18_plus', 'lives_in_bih', 'entity', 'canton', 'contact_any', 'channels_used']);
    expect(JSON.stringify(definition.pages[0])).toContain('you may leave out any question that is not marked with *');
  });

  it('rejects a most recent contact by a channel the respondent did not say they used', () => {
    expect(validate({ ...complete, last_channel: 'email' })).toEqual([{ field: 'last_channel', issue: '"email" not offered for these answers' }]);
  });

  it('requires where the respondent lives, and a region that agrees with entity and canton', () => {
    const { canton: _canton, region: _region, ...noCanton } = complete;
    expect(validate({ ...noCanton, region: 'sarajevo' })).toContainEqual({ field: 'canton', issue: 'required' });
    expect(validate({ ...complete, region: 'tuzla' })).toEqual([{ field: 'region', issue: 'must be "sarajevo", worked out from other answers' }]);
    const { region: _r, ...noRegion } = complete;
    expect(validate(noRegion)).toEqual([{ field: 'region', issue: 'missing: expected "sarajevo", worked out from other answers' }]);
    const { canton: _c, ...withoutCanton } = complete;
    const republikaSrpska = { ...withoutCanton, entity: 'republika_srpska', region: 'republika_srpska' };
    expect(validate(republikaSrpska)).toEqual([]);
    expect(validate({ ...republikaSrpska, canton: 'sarajevo' })).toEqual([{ field: 'canton', issue: 'answered, but the questionnaire skips this question for these answers' }]);
  });
});
