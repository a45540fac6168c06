import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import '../monitor/monitor.css';
import '../quality/quality.css';
import type { Quality } from '../quality/quality.ts';
import { QualityView } from '../quality/QualityView.tsx';
import { StaffLayout } from '../staff/StaffLayout.tsx';

/** Fieldwork quality for a survey: per enumerator and overall, with the responses behind each flag for researchers. */
export function QualityPage({ slug }: { slug: string }) {
  return (
    <StaffLayout roles={['admin', 'researcher', 'evaluator']}>
      <Checks slug={slug} />
    </StaffLayout>
  );
}

function Checks({ slug }: { slug: string }) {
  const [quality, setQuality] = useState<Quality | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = () => staffFetch<Quality>(`/api/surveys/${encodeURIComponent(slug)}/quality`).then(
    (result) => { setQuality(result); setError(undefined); },
    (failure: unknown) => setError(failure instanceof RequestError ? failure.message : 'The quality checks could not be loaded (no connection?).'),
  );
  useEffect(() => { void load(); }, [slug]);
  return (
    <div className="monitor quality">
      <div className="monitor-bar">
        <h1>Quality checks: <code>{slug}</code></h1>
        <Link href={`/studio/${slug}/monitor`}>Fieldwork monitor</Link>
        <button type="button" onClick={() => void load()}>Refresh now</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {!quality && !error && <p>Loading the checks…</p>}
      {quality && <QualityView quality={quality} />}
    </div>
  );
}
