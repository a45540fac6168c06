import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { LANGUAGE_NAMES } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { fetchSurvey } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';
import { SyntheticBanner } from '../components/SyntheticBanner.tsx';
import { CountTable } from '../monitor/CountTable.tsx';
import { LatestTable } from '../monitor/LatestTable.tsx';
import '../monitor/monitor.css';
import { choiceLabels, formatDuration, percent } from '../monitor/progress.ts';
import { QuotaTable } from '../monitor/QuotaTable.tsx';
import { REFRESH_MS, useProgress } from '../monitor/use-progress.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

/** The fieldwork monitor: responses against quotas, by day, language and mode, completion, duration, latest. */
export function MonitorPage({ slug }: { slug: string }) {
  return (
    <StaffLayout roles={['admin', 'researcher', 'evaluator']}>
      <Monitor slug={slug} />
    </StaffLayout>
  );
}

function Monitor({ slug }: { slug: string }) {
  const { progress, error, updatedAt, refresh } = useProgress(slug);
  const { user } = useSession();
  const [regions, setRegions] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    fetchSurvey(slug).then((survey) => setRegions(choiceLabels(survey.definition, 'region')), () => setRegions(new Map()));
  }, [slug]);
  const language = (code: string) => LANGUAGE_NAMES[code as LanguageCode] ?? code;
  // Screened-out contacts answer nothing after the screening questions, so they have no region.
  const regionLabels = new Map([...regions, ['(none)', 'No region (screened-out contacts)']]);

  return (
    <div className="monitor">
      <div className="monitor-bar">
        <h1>Fieldwork: <code>{slug}</code></h1>
        {user?.role !== 'evaluator' && <Link href={`/studio/${slug}/builder`}>Edit in builder</Link>}
        <Link href={`/studio/${slug}/quality`}>Quality checks</Link>
        <button type="button" onClick={() => void refresh()}>Refresh now</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {!progress && !error && <p>Loading the figures…</p>}
      {progress && (
        <>
          <SyntheticBanner count={progress.synthetic} of={progress.total} />
          <p className="hint" aria-live="polite">
            Fieldwork {progress.status === 'open' ? `open; refreshed every ${REFRESH_MS / 1000} s` : 'closed'}
            {updatedAt && ` · last updated ${updatedAt.toLocaleTimeString()}`}
          </p>
          <dl className="headline">
            <div><dt>Records received</dt><dd data-testid="total">{progress.total}</dd></div>
            <div>
              <dt>Completed interviews</dt>
              <dd data-testid="interviews">{progress.outcomes.interviews}</dd>
              <dd className="hint">screened out: {progress.outcomes.declined} declined, {progress.outcomes.notEligible} not eligible (under 18 or not living in BiH)</dd>
            </div>
            <div>
              <dt>Response rate</dt>
              <dd data-testid="response-rate">{percent(progress.outcomes.responseRate)}</dd>
              <dd className="hint">interviews ÷ (interviews + declined); the not eligible are left out</dd>
            </div>
            <div>
              <dt>Web completion rate</dt>
              <dd data-testid="completion-rate">{progress.completion && progress.completion.rate !== null ? percent(progress.completion.rate) : 'not measured'}</dd>
              {progress.completion && (
                <dd className="hint">
                  {progress.completion.rate !== null
                    ? `${progress.completion.completed} completed of ${progress.completion.started} started on the web`
                    : progress.completion.notMeasured}
                </dd>
              )}
              {!progress.completion && <dd className="hint">only for all web responses (no mode, version or language filter)</dd>}
            </div>
            <div><dt>Median duration</dt><dd>{formatDuration(progress.medianDurationSeconds)}</dd></div>
          </dl>
          <QuotaTable rows={progress.byRegion} labels={regionLabels} />
          <div className="monitor-grid">
            <CountTable caption="By day (UTC)" label="Day" rows={progress.byDay.map((row) => ({ key: row.day, responses: row.responses }))} />
            <CountTable caption="By language" label="Language" rows={progress.byLanguage.map((row) => ({ key: language(row.language), responses: row.responses }))} />
            <CountTable caption="By mode" label="Mode" rows={progress.byMode.map((row) => ({ key: row.mode === 'enumerator' ? 'enumerator interview' : 'web', responses: row.responses }))} />
          </div>
          {progress.latest
            ? <LatestTable rows={progress.latest} labels={regions} />
            : <p className="hint">Individual submissions are shown only to the survey's researchers; evaluators see the counts.</p>}
        </>
      )}
    </div>
  );
}
