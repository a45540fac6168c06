import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { groupLabels } from '../../../surveys/group-labels.ts';
import { Controls } from '../dashboard/Controls.tsx';
import { SyntheticBanner } from '../components/SyntheticBanner.tsx';
import { Caveats } from '../dashboard/Caveats.tsx';
import { Downloads } from '../dashboard/Downloads.tsx';
import { EstimateTable } from '../dashboard/EstimateTable.tsx';
import { ModelsPanel } from '../dashboard/ModelsPanel.tsx';
import { TargetsPanel } from '../dashboard/TargetsPanel.tsx';
import { selectionQuery, type IndicatorTable, type Selection } from '../dashboard/types.ts';
import { fetchSurvey, fetchSurveyList, RequestError, type PublishedSurvey, type SurveySummary } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';
import { staffFetch } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

/** Evaluators' indicator dashboard: pick survey, indicator, breakdown, wave → table, chart, downloads. */
export function DashboardPage() {
  return (
    <StaffLayout roles={['admin', 'researcher', 'evaluator']}>
      <Dashboard />
    </StaffLayout>
  );
}

/** The survey whose indicators are shown, and whether it has census margins to rake to. */
interface ShownSurvey {
  survey: PublishedSurvey;
  canRake: boolean;
}

function Dashboard() {
  const { user } = useSession();
  const [surveys, setSurveys] = useState<SurveySummary[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [shown, setShown] = useState<ShownSurvey | undefined>();
  const [selection, setSelection] = useState<Selection | undefined>();
  const [table, setTable] = useState<IndicatorTable | undefined>();
  // The stored waves, kept when a later table fails, so the wave list never shrinks to "All waves".
  const [waves, setWaves] = useState<number[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [computing, setComputing] = useState(false);

  useEffect(() => {
    fetchSurveyList().then((list) => {
      setSurveys(list);
      const wanted = new URLSearchParams(window.location.search).get('survey');
      const first = list.find((entry) => entry.slug === wanted) ?? list.find((entry) => entry.slug === 'bih-police-trust') ?? list[0];
      if (first) setChosen(first.slug);
    }, () => setError('The surveys could not be loaded.'));
  }, []);

  useEffect(() => {
    if (!chosen) return;
    // Only the latest survey chosen may fill the page: an earlier, slower answer is dropped. The
    // previous survey's selection goes at once, so its table cannot arrive late either.
    let current = true;
    setShown(undefined);
    setSelection(undefined);
    setTable(undefined);
    setWaves([]);
    setError(undefined);
    fetchSurvey(chosen).then((survey) => {
      if (!current) return;
      const canRake = Object.keys(survey.meta.weighting?.rake ?? {}).length > 0;
      setShown({ survey, canRake });
      const firstIndicator = survey.meta.indicators?.[0]?.id ?? '';
      setSelection({ slug: chosen, indicator: firstIndicator, by: survey.meta.dimensions?.region ? 'region' : '', wave: '', weighting: canRake ? 'raked' : 'design' });
    }, (failure: unknown) => {
      if (current) setError(failure instanceof RequestError ? `This survey could not be loaded: ${failure.message}` : 'This survey could not be loaded.');
    });
    return () => {
      current = false;
    };
  }, [chosen]);

  useEffect(() => {
    if (!selection?.indicator) {
      // Nothing to compute, and a request for a previous selection was dropped with it.
      setComputing(false);
      return;
    }
    // Only the latest choice may fill the table: an earlier, slower answer is dropped.
    let current = true;
    setError(undefined);
    setComputing(true);
    staffFetch<IndicatorTable>(`/api/surveys/${selection.slug}/indicators?${selectionQuery(selection)}`).then((loaded) => {
      if (!current) return;
      setTable(loaded);
      setWaves(loaded.waves);
    }, (failure: unknown) => {
      if (!current) return;
      setTable(undefined);
      setError(failure instanceof RequestError ? `${failure.message} ${failure.details?.map((detail) => detail.issue).join('; ') ?? ''}` : 'The indicators could not be loaded.');
    }).finally(() => {
      if (current) setComputing(false);
    });
    return () => {
      current = false;
    };
  }, [selection]);

  // The breakdown of the table shown (while a new one is computed, the previous table's).
  const by = table?.filters.by ?? [];
  return (
    <>
      <h1>Trust indicators</h1>
      <label className="survey-picker">Survey
        <select value={chosen ?? ''} onChange={(event) => setChosen(event.target.value)}>
          {surveys.map((entry) => <option key={entry.slug} value={entry.slug}>{entry.title.en ?? entry.slug}</option>)}
        </select>
      </label>
      {selection && <p><Link href={`/studio/${selection.slug}/monitor`}>Fieldwork progress of this survey</Link></p>}
      {shown && selection && (
        <Controls
          selection={selection}
          indicators={(shown.survey.meta.indicators ?? []).map((indicator) => ({ id: indicator.id, label: typeof indicator.label === 'string' ? indicator.label : (indicator.label?.default ?? indicator.id) }))}
          dimensions={Object.keys(shown.survey.meta.dimensions ?? {})}
          waves={waves}
          canRake={shown.canRake}
          onChange={setSelection}
        />
      )}
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <p className="hint" role="status">{computing ? 'Computing the estimates…' : ''}</p>
      {table && selection && (
        // While new estimates are computed the previous ones stay, greyed, and the chart waits.
        <div className="dashboard-body" aria-busy={computing}>
          <SyntheticBanner count={table.synthetic} of={table.design.n + table.screenedOut + table.notRaked} />
          <p className="hint">
            Design-based estimates from {table.design.n} responses ({table.design.strata} strata, {table.design.psus} sampling points, {table.design.degf} degrees of freedom).
            {table.suppression && ` Cells with fewer than ${table.suppression.minN} responses are suppressed; below ${table.suppression.flagBelowN} or with a relative standard error of ${Math.round(table.suppression.flagRse * 100)}% or more they are marked unreliable.`}
          </p>
          <Caveats table={table} />
          {by.length > 0 && !computing && (
            <figure className="chart">
              <img src={`/api/surveys/${selection.slug}/chart.svg?${selectionQuery(selection)}`} alt={`Chart of ${table.indicators[0]?.label ?? 'the indicator'} by ${by.join(' and ')}, with 95% intervals`} />
            </figure>
          )}
          <EstimateTable key={by.join(',')} table={table} by={by} labels={shown ? groupLabels(shown.survey.definition, shown.survey.meta, 'en') : {}} />
          <Downloads selection={selection} microdata={user?.role === 'admin' || user?.role === 'researcher'} />
        </div>
      )}
      {shown && selection && (shown.survey.meta.models ?? []).length > 0 && (
        <ModelsPanel slug={selection.slug} wave={selection.wave} weighting={selection.weighting} />
      )}
      {shown && selection && (shown.survey.meta.targets ?? []).length > 0 && (
        <TargetsPanel slug={selection.slug} weighting={selection.weighting} />
      )}
    </>
  );
}
