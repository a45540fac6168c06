import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';
import { staffFetch } from '../lib/staff-api.ts';
import { SyntheticBanner } from '../components/SyntheticBanner.tsx';
import { StaffLayout } from '../staff/StaffLayout.tsx';

export interface ManagedSurvey {
  slug: string;
  title: string;
  status: 'open' | 'closed';
  version: number | null;
  draftUpdatedAt: string | null;
  responses: number;
  /** How many of those the demo generator invented (is_synthetic). */
  synthetic: number;
}

export interface Template {
  slug: string;
  title: string;
  version: number;
  languages: string[];
}

/** A researcher's surveys (an admin's: all): version, draft, fieldwork status and responses, with open/close and members. */
export function StudioPage() {
  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <Studio />
    </StaffLayout>
  );
}

function Studio() {
  const { user } = useSession();
  const [list, setList] = useState<{ surveys: ManagedSurvey[]; templates: Template[] } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    staffFetch<{ surveys: ManagedSurvey[]; templates: Template[] }>('/api/manage/surveys').then(
      setList,
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

  const surveys = list?.surveys;
  const synthetic = surveys?.reduce((sum, survey) => sum + survey.synthetic, 0) ?? 0;
  return (
    <>
      <h1>Questionnaires</h1>
      <SyntheticBanner count={synthetic} of={surveys?.reduce((sum, survey) => sum + survey.responses, 0)} />
      <p className="actions"><Link href="/studio/new">New questionnaire</Link>{user?.role === 'admin' && <Link href="/admin/users">Users and roles</Link>}</p>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {surveys && surveys.length === 0 && <NoSurveys templates={list.templates} />}
      {surveys && surveys.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{user?.role === 'admin' ? 'Every survey' : 'The surveys you run'}</caption>
          <thead>
            <tr><th scope="col">Survey</th><th scope="col">Version</th><th scope="col">Draft</th><th scope="col">Fieldwork</th><th scope="col">Responses</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {surveys.map((survey) => (
              <tr key={survey.slug}>
                <td><strong>{survey.title}</strong><br /><code>{survey.slug}</code>{list.templates.some((template) => template.slug === survey.slug) && <> <span className="tag">template</span></>}</td>
                <td>{survey.version ?? 'not published'}</td>
                <td>{survey.draftUpdatedAt ? `edited ${survey.draftUpdatedAt.slice(0, 16).replace('T', ' ')}` : '—'}</td>
                {/* Fieldwork starts with the first published version: before that there is nothing to open or close. */}
                <td>{survey.version === null ? 'not published' : survey.status}</td>
                <td>{survey.responses}{survey.synthetic > 0 && <> <span className="tag tag-synthetic">{survey.synthetic === survey.responses ? 'all' : survey.synthetic} synthetic</span></>}</td>
                <td className="actions">
                  <Link href={`/studio/${survey.slug}/builder`}>Edit in builder<span className="visually-hidden"> {survey.slug}</span></Link>
                  <Link href={`/studio/${survey.slug}/monitor`}>Fieldwork monitor<span className="visually-hidden"> {survey.slug}</span></Link>
                  <Link href={`/studio/${survey.slug}/members`}>Members<span className="visually-hidden"> of {survey.slug}</span></Link>
                  {survey.version !== null && <a href={`/s/${survey.slug}`}>Open as resident<span className="visually-hidden"> {survey.slug}</span></a>}
                  {survey.version !== null && (survey.status === 'open'
                    ? <button type="button" onClick={() => setFieldwork(survey.slug, 'close')}>Close fieldwork<span className="visually-hidden"> of {survey.slug}</span></button>
                    : <button type="button" onClick={() => setFieldwork(survey.slug, 'open')}>Reopen fieldwork<span className="visually-hidden"> of {survey.slug}</span></button>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A researcher who runs no survey yet: how to get one (an admin adds them, or they start their own from a template). */
function NoSurveys({ templates }: { templates: Template[] }) {
  return (
    <div className="panel">
      <h2>You do not run any survey yet</h2>
      <p>An admin can add you to a survey on its Members page. Or start your own questionnaire from one of the templates, a copy you can change and publish:</p>
      <ul>
        {templates.map((template) => (
          <li key={template.slug}>
            <strong>{template.title}</strong> (<code>{template.slug}</code>, version {template.version}, {template.languages.join(', ')}) —{' '}
            <Link href={`/studio/new?from=${encodeURIComponent(template.slug)}`}>start from it<span className="visually-hidden"> ({template.slug})</span></Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
