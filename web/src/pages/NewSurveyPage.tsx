import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { SUPPORTED_LANGUAGES } from '../../../surveys/types.ts';
import '../builder/builder.css';
import { TextsEditor } from '../builder/TextsEditor.tsx';
import { missingLanguages, type LocalText } from '../builder/translations.ts';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

/** The file-published questionnaire that new surveys may start from. */
export const BIH_TEMPLATE = 'bih-police-trust';
type Start = 'template' | 'survey' | 'blank';

/** Starting a questionnaire: from the BiH template, a copy of one of your surveys, or blank (then items from the bank). */
export function NewSurveyPage() {
  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <NewSurveyForm />
    </StaffLayout>
  );
}

function NewSurveyForm() {
  const [, navigate] = useLocation();
  const [slug, setSlug] = useState('');
  const [start, setStart] = useState<Start>('template');
  const [source, setSource] = useState('');
  const [title, setTitle] = useState<LocalText>({});
  const [mine, setMine] = useState<{ slug: string; title: string; version: number | null }[]>([]);
  const [error, setError] = useState<{ text: string; details?: { field: string; issue: string }[] } | undefined>();

  useEffect(() => {
    staffFetch<{ surveys: { slug: string; title: string; version: number | null }[] }>('/api/manage/surveys').then(
      (result) => setMine(result.surveys.filter((survey) => survey.version !== null)),
      () => setMine([]),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = start === 'template' ? { slug, fromTemplate: BIH_TEMPLATE }
      : start === 'survey' ? { slug, fromSurvey: source }
        : { slug, content: { definition: { title, showQuestionNumbers: 'off', pages: [{ name: 'page1', elements: [] }] }, meta: { languages: [...SUPPORTED_LANGUAGES] } } };
    try {
      await staffFetch('/api/surveys', { method: 'POST', body });
      navigate(`/studio/${slug}/builder`);
    } catch (failure) {
      setError(failure instanceof RequestError ? { text: failure.message, ...(failure.details ? { details: failure.details } : {}) } : { text: 'The survey was not created (no connection?). Try again.' });
    }
  };
  const blankIncomplete = start === 'blank' && missingLanguages(title, [...SUPPORTED_LANGUAGES]).length > 0;

  return (
    <form className="panel form narrow-wide" onSubmit={submit}>
      <h1>New questionnaire</h1>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.text}</p>
          {error.details && <ul>{error.details.map((detail) => <li key={detail.field}>{detail.field}: {detail.issue}</li>)}</ul>}
        </div>
      )}
      <label>Address (slug): residents will answer at /s/<em>{slug || '…'}</em>
        <input type="text" required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={slug} onChange={(event) => setSlug(event.target.value.trim())} aria-describedby="slug-hint" />
      </label>
      <p className="hint" id="slug-hint">Lower-case letters, digits and single hyphens, e.g. trust-sarajevo-2026.</p>
      <fieldset className="start-options">
        <legend>Start from</legend>
        <label><input type="radio" name="start" checked={start === 'template'} onChange={() => setStart('template')} />
          <span>The BiH template: the full police-trust and contact-channel questionnaire (<code>{BIH_TEMPLATE}</code>), five languages</span></label>
        <label><input type="radio" name="start" checked={start === 'survey'} onChange={() => setStart('survey')} disabled={mine.length === 0} />
          <span>A copy of another of your surveys{mine.length === 0 ? ' (you have none published yet)' : ''}</span></label>
        {start === 'survey' && (
          <label>Survey to copy
            <select required value={source} onChange={(event) => setSource(event.target.value)}>
              <option value="">choose…</option>
              {mine.map((survey) => <option key={survey.slug} value={survey.slug}>{survey.title} ({survey.slug}, version {survey.version})</option>)}
            </select>
          </label>
        )}
        <label><input type="radio" name="start" checked={start === 'blank'} onChange={() => setStart('blank')} />
          <span>Blank, in five languages: then add items from the item bank and your own questions</span></label>
      </fieldset>
      {start === 'blank' && <TextsEditor label="Title" value={title} languages={[...SUPPORTED_LANGUAGES]} onChange={setTitle} />}
      <button type="submit" className="primary" disabled={!slug || blankIncomplete || (start === 'survey' && !source)}>Create and open the builder</button>
    </form>
  );
}
