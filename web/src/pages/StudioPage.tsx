import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

interface ManagedSurvey {
  slug: string;
  title: string;
  status: 'open' | 'closed';
  version: number | null;
  draftUpdatedAt: string | null;
  responses: number;
}

/** A researcher's surveys: version, draft, fieldwork status and responses, with open/close. */
export function StudioPage() {
  const [surveys, setSurveys] = useState<ManagedSurvey[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    staffFetch<{ surveys: ManagedSurvey[] }>('/api/manage/surveys').then(
      (result) => setSurveys(result.surveys),
      (failure: unknown) => setError(failure instanceof RequestError ? failure.message : 'The surveys could not be loaded.'),
    );
  }, []);
  useEffect(load, [load]);

  const setFieldwork = async (slug: string, action: 'open' | 'close') => {
    try {
      await staffFetch(`/api/surveys/${slug}/${action}`, { method: 'POST' });
      load();
    } catch (failure) {
      setError(failure instanceof RequestError ? failure.message : 'The change was not saved.');
    }
  };

  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <h1>Questionnaires</h1>
      <p><Link href="/studio/new">New questionnaire</Link></p>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {surveys && surveys.length === 0 && <p>You do not run any survey yet.</p>}
      {surveys && surveys.length > 0 && (
        <table className="data-table">
          <thead>
            <tr><th scope="col">Survey</th><th scope="col">Version</th><th scope="col">Draft</th><th scope="col">Fieldwork</th><th scope="col">Responses</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {surveys.map((survey) => (
              <tr key={survey.slug}>
                <td><strong>{survey.title}</strong><br /><code>{survey.slug}</code></td>
                <td>{survey.version ?? 'not published'}</td>
                <td>{survey.draftUpdatedAt ? `edited ${survey.draftUpdatedAt.slice(0, 16).replace('T', ' ')}` : '—'}</td>
                <td>{survey.status}</td>
                <td>{survey.responses}</td>
                <td className="actions">
                  <Link href={`/studio/${survey.slug}/builder`}>Edit in builder<span className="visually-hidden"> {survey.slug}</span></Link>
                  <Link href={`/studio/${survey.slug}/monitor`}>Fieldwork monitor<span className="visually-hidden"> {survey.slug}</span></Link>
                  {survey.version !== null && <a href={`/s/${survey.slug}`}>Open as resident</a>}
                  {survey.status === 'open'
                    ? <button type="button" onClick={() => setFieldwork(survey.slug, 'close')}>Close fieldwork</button>
                    : <button type="button" onClick={() => setFieldwork(survey.slug, 'open')}>Reopen fieldwork</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
