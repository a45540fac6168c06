import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { guardNavigation } from './lib/leave-guard.ts';
import { UpdateNotice } from './offline/UpdateNotice.tsx';
import { RespondentPage } from './pages/RespondentPage.tsx';

// Residents, often on a phone, download only the questionnaire page; the builder, dashboard and
// other signed-in pages come in a separate file when one of them is opened.
const StaffRoutes = lazy(() => import('./StaffRoutes.tsx'));

/**
 * Routes: /s/<slug> is a questionnaire for residents (no account, no session request); the rest is
 * staff. Every in-app navigation passes the leave guard (unsaved changes in the builder).
 */
export function App() {
  return (
    <Router aroundNav={guardNavigation}>
      <UpdateNotice />
      <Switch>
        <Route path="/s/:slug">{(params) => <RespondentPage slug={decodeURIComponent(params.slug)} />}</Route>
        <Route>
          <Suspense fallback={<main className="page"><p>Loading…</p></main>}>
            <StaffRoutes />
          </Suspense>
        </Route>
      </Switch>
    </Router>
  );
}
