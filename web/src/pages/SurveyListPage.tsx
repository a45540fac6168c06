import { useEffect, useState } from 'react';
import { fetchSurveyList, type SurveySummary } from '../lib/api.ts';

/** The front page: every published questionnaire, with a link for residents. */
export function SurveyListPage() {
  const [surveys, setSurveys] = useState<SurveySummary[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchSurveyList().then(setSurveys, () => setFailed(true));
  }, []);
  return (
    <main className="page">
      <h1>Trustlens</h1>
      <p>Surveys of trust in the police and of how residents contact them.</p>
      {failed && <p className="notice notice-error">The list of surveys could not be loaded.</p>}
      {!surveys && !failed && <p>Loading…</p>}
      <ul className="survey-list">
        {surveys?.map((survey) => (
          <li key={survey.slug}>
            <a href={`/s/${survey.slug}`}>{survey.title.en ?? Object.values(survey.title)[0] ?? survey.slug}</a>{' '}
            <small>(version {survey.version}; {survey.languages.join(', ')})</small>
          </li>
        ))}
      </ul>
    </main>
  );
}
