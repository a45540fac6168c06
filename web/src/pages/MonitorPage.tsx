import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { LANGUAGE_NAMES } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { fetchSurvey } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';
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

  return (
    <div className="monitor">
      <div className="monitor-bar">
        <h1>Fieldwork: <code>{slug}</code></h1>
        {user?.role !== 'evaluator' && <Link href={`/studio/${slug}/builder`}>Edit in builder</Link>}
        <button type="button" onClick={() => void refresh()}>Refresh now</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {!progress && !error && <p>Loading the figures…</p>}
      {progress && (
        <>
          <p className="hint" aria-live="polite">
            Fieldwork {progress.status === 'open' ? `open; refreshed every ${REFRESH_MS / 1000} s` : 'closed'}
            {updatedAt && ` · last updated ${updatedAt.toLocaleTimeString()}`}
          </p>
          <dl className="headline">
            <div><dt>Responses</dt><dd data-testid="total">{progress.total}</dd></div>
            <div>
              <dt>Web completion rate</dt>
              <dd>{percent(progress.completion?.rate)}</dd>
              {progress.completion && <dd className="hint">{progress.completion.completed} completed of {progress.completion.started} started on the web</dd>}
            </div>
            <div><dt>Median duration</dt><dd>{formatDuration(progress.medianDurationSeconds)}</dd></div>
          </dl>
          <QuotaTable rows={progress.byRegion} labels={regions} />
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
