import { Route, Switch } from 'wouter';
import { SessionProvider } from './lib/session.tsx';
import { BuilderPage } from './pages/BuilderPage.tsx';
import { MonitorPage } from './pages/MonitorPage.tsx';
import { NewSurveyPage } from './pages/NewSurveyPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { InterviewsPage } from './pages/InterviewsPage.tsx';
import { RespondentPage } from './pages/RespondentPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { StudioPage } from './pages/StudioPage.tsx';
import { SurveyListPage } from './pages/SurveyListPage.tsx';
import { StaffLayout } from './staff/StaffLayout.tsx';

/**
 * Routes. /s/<slug> is a questionnaire for residents (no account, no session request);
 * the rest is for signed-in researchers, evaluators and admins.
 */
export function App() {
  return (
    <Switch>
      <Route path="/s/:slug">{(params) => <RespondentPage slug={decodeURIComponent(params.slug)} />}</Route>
      <Route>
        <SessionProvider>
          <Switch>
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/studio" component={StudioPage} />
            <Route path="/studio/new" component={NewSurveyPage} />
            <Route path="/studio/:slug/builder">{(params) => <BuilderPage slug={decodeURIComponent(params.slug)} />}</Route>
            <Route path="/studio/:slug/monitor">{(params) => <MonitorPage slug={decodeURIComponent(params.slug)} />}</Route>
            <Route path="/dashboard" component={DashboardPage} />
            <Route path="/interview" component={InterviewsPage} />
            <Route path="/interview/:slug">
              {(params) => <StaffLayout roles={['enumerator']}><RespondentPage slug={decodeURIComponent(params.slug)} interview /></StaffLayout>}
            </Route>
            <Route component={SurveyListPage} />
          </Switch>
        </SessionProvider>
      </Route>
    </Switch>
  );
}
