import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { fetchSurveyList, type SurveySummary } from '../lib/api.ts';
import { homeFor, useSession } from '../lib/session.tsx';

/** The front page: every published questionnaire, with a link for residents, and the way in for staff. */
export function SurveyListPage() {
  const [surveys, setSurveys] = useState<SurveySummary[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchSurveyList().then(setSurveys, () => setFailed(true));
  }, []);
  const { user, loading } = useSession();
  return (
    <main className="page">
      <div className="banner">
        <h1>Trustlens</h1>
        {!loading && (user
          ? <Link href={homeFor(user.role)}>Go to your start page ({user.email})</Link>
          : <Link href="/sign-in">Sign in (researchers, evaluators, enumerators)</Link>)}
      </div>
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
