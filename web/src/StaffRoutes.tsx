import { Route, Switch } from 'wouter';
import { SessionProvider } from './lib/session.tsx';
import { BuilderPage } from './pages/BuilderPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { InterviewsPage } from './pages/InterviewsPage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { MonitorPage } from './pages/MonitorPage.tsx';
import { NewSurveyPage } from './pages/NewSurveyPage.tsx';
import { QualityPage } from './pages/QualityPage.tsx';
import { RespondentPage } from './pages/RespondentPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { StudioPage } from './pages/StudioPage.tsx';
import { SurveyListPage } from './pages/SurveyListPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { StaffLayout } from './staff/StaffLayout.tsx';

/** Every page but the resident's questionnaire: loaded only when one of them is opened. */
export default function StaffRoutes() {
  return (
    <SessionProvider>
      <Switch>
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/studio" component={StudioPage} />
        <Route path="/studio/new" component={NewSurveyPage} />
        <Route path="/studio/:slug/builder">{(params) => <BuilderPage slug={decodeURIComponent(params.slug)} />}</Route>
        <Route path="/studio/:slug/monitor">{(params) => <MonitorPage slug={decodeURIComponent(params.slug)} />}</Route>
        <Route path="/studio/:slug/quality">{(params) => <QualityPage slug={decodeURIComponent(params.slug)} />}</Route>
        <Route path="/studio/:slug/members">{(params) => <MembersPage slug={decodeURIComponent(params.slug)} />}</Route>
        <Route path="/admin/users" component={UsersPage} />
        <Route path="/dashboard" component={DashboardPage} />
        <Route path="/interview" component={InterviewsPage} />
        <Route path="/interview/:slug">
          {(params) => <StaffLayout roles={['enumerator']}><RespondentPage slug={decodeURIComponent(params.slug)} interview /></StaffLayout>}
        </Route>
        <Route component={SurveyListPage} />
      </Switch>
    </SessionProvider>
  );
}
