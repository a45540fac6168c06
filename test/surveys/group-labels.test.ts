import { describe, expect, it } from 'vitest';
import { groupLabels } from '../../surveys/group-labels.ts';
import { loadSurveyFile } from '../../surveys/load.ts';

describe('labels of dimension values', () => {
  const survey = loadSurveyFile('surveys/bih-police-trust-short.json');

  it('come from the region question\'s choices, in the language asked for', () => {
    expect(groupLabels(survey.definition, survey.meta, 'en').region!.sarajevo).toBe('Sarajevo Canton');
    expect(groupLabels(survey.definition, survey.meta, 'bs').region!.sarajevo).toBe('Kanton Sarajevo');
  });

  it('come from the channel checkbox for a multiple-response dimension', () => {
    const channel = groupLabels(survey.definition, survey.meta, 'en').channel!;
    expect(channel.facebook).toBe("The police's Facebook page");
    expect(channel.phone_122).toBe('By phone, the emergency number 122');
    expect(Object.keys(channel)).toHaveLength(13);
  });
});
