import { RespondentPage } from './pages/RespondentPage.tsx';
import { SurveyListPage } from './pages/SurveyListPage.tsx';

/** Routes by path: /s/<slug> is a questionnaire for residents, anything else the list of surveys. */
export function App() {
  const match = /^\/s\/([^/]+)\/?$/.exec(window.location.pathname);
  if (match) return <RespondentPage slug={decodeURIComponent(match[1]!)} />;
  return <SurveyListPage />;
}
