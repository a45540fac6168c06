import { LANGUAGE_NAMES } from '../../../surveys/languages.ts';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../../../surveys/types.ts';
import { ChoiceListEditor } from './ChoiceListEditor.tsx';
import { findQuestion } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import { fillCyrillic } from './translations.ts';

/** The questionnaire's title, its languages, and the region and contact-channel lists. */
export function SurveySettings({ editing }: { editing: Editing }) {
  const { draft, change, languages, problems } = editing;
  const setLanguages = (next: LanguageCode[]) => change((current) => ({
    definition: next.includes('sr-Cyrl') ? (fillCyrillic(current.definition) as typeof current.definition) : current.definition,
    meta: { ...current.meta, languages: SUPPORTED_LANGUAGES.filter((language) => next.includes(language)) },
  }));
  const regionQuestion = findQuestion(draft, 'region');
  const channelQuestion = findQuestion(draft, 'channels_used');

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Questionnaire settings</h2>
      <ProblemNote problems={problems.get('survey')} />
      <TextsEditor label="Questionnaire title" value={draft.definition.title} languages={languages}
        onChange={(title) => change((current) => ({ ...current, definition: { ...current.definition, title } }))} />
      <fieldset>
        <legend>Languages offered to residents</legend>
        {SUPPORTED_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" checked={languages.includes(language)} disabled={language === 'en'}
              onChange={(event) => setLanguages(event.target.checked ? [...languages, language] : languages.filter((entry) => entry !== language))} />
            {LANGUAGE_NAMES[language]}
          </label>
        ))}
        <ProblemNote problems={problems.get('meta:languages')} />
      </fieldset>
      {regionQuestion
        ? <ChoiceListEditor editing={editing} question="region" label="Region list (question “region”)" />
        : <p className="hint">No “region” question: add one (or start from the BiH template) to see fieldwork by region.</p>}
      {channelQuestion && <ChoiceListEditor editing={editing} question="channels_used" label="Contact channel list (question “channels_used”)" />}
      <ProblemNote problems={problems.get('meta:dimensions')} />
      <ProblemNote problems={problems.get('meta:weighting')} />
    </section>
  );
}
