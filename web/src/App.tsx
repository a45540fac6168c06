import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { RespondentPage } from './pages/RespondentPage.tsx';

// Residents, often on a phone, download only the questionnaire page; the builder, dashboard and
// other signed-in pages come in a separate file when one of them is opened.
const StaffRoutes = lazy(() => import('./StaffRoutes.tsx'));

/** Routes: /s/<slug> is a questionnaire for residents (no account, no session request); the rest is staff. */
export function App() {
  return (
    <Switch>
      <Route path="/s/:slug">{(params) => <RespondentPage slug={decodeURIComponent(params.slug)} />}</Route>
      <Route>
        <Suspense fallback={<main className="page"><p>Loading…</p></main>}>
          <StaffRoutes />
        </Suspense>
      </Route>
    </Switch>
  );
}
