import { useEffect, useMemo, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';
import { LANGUAGE_NAMES, surveyJsLocale } from '../../../surveys/languages.ts';
import type { LanguageCode, SurveyDefinition } from '../../../surveys/types.ts';
import { keepRatingScalesVisible } from '../lib/keep-rating-scales-visible.ts';
import { registerSurveyLocales } from '../lib/survey-locales.ts';
import { applyAccessibleTheme } from '../lib/survey-theme.ts';

registerSurveyLocales();

/**
 * The questionnaire as a resident sees it on a phone (360 px wide), in any declared language,
 * rendered by survey-react-ui exactly as the respondent page does. Answers given here go nowhere.
 */
export function PreviewPane({ definition, languages }: { definition: SurveyDefinition; languages: LanguageCode[] }) {
  const [language, setLanguage] = useState<LanguageCode>(languages[0] ?? 'en');
  const json = JSON.stringify(definition);
  const model = useMemo(() => {
    const created = new Model(JSON.parse(json));
    created.showCompletedPage = true;
    applyAccessibleTheme(created);
    keepRatingScalesVisible(created);
    return created;
  }, [json]);
  useEffect(() => {
    if (!languages.includes(language)) setLanguage(languages[0] ?? 'en');
  }, [languages, language]);
  useEffect(() => {
    model.locale = surveyJsLocale(language);
  }, [model, language]);

  return (
    <section className="panel preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <div className="preview-controls">
        <label>Preview language
          <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageCode)}>
            {languages.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)}
          </select>
        </label>
        <button type="button" className="small" onClick={() => model.clear(true, true)}>Start the preview again</button>
      </div>
      <div className="phone-frame" lang={language} data-testid="phone-preview">
        <Survey model={model} />
      </div>
    </section>
  );
}
