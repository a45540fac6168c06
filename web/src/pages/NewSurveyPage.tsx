import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { copyTitle } from '../../../surveys/copy-title.ts';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../../../surveys/types.ts';
import '../builder/builder.css';
import { TextsEditor } from '../builder/TextsEditor.tsx';
import { missingLanguages, type LocalText } from '../builder/translations.ts';
import { fetchSurvey, RequestError } from '../lib/api.ts';
import { staffFetch, staffUpload } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';
import type { ManagedSurvey, Template } from './StudioPage.tsx';
import { XlsformReport, type XlsformResult } from './XlsformReport.tsx';

/** The template offered first: the full BiH questionnaire. */
export const BIH_TEMPLATE = 'bih-police-trust';
type Start = 'template' | 'survey' | 'blank' | 'xlsform';

/** Starting a questionnaire: from a template, a copy of one of your surveys, an XLSForm, or blank (then items from the bank). */
export function NewSurveyPage() {
  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <NewSurveyForm />
    </StaffLayout>
  );
}

/** A slug for the copy that none of the known surveys has: bih-police-trust-copy, …-copy-2, … */
function freeSlug(base: string, taken: Set<string>): string {
  let candidate = `${base}-copy`;
  for (let number = 2; taken.has(candidate); number += 1) candidate = `${base}-copy-${number}`;
  return candidate;
}

function NewSurveyForm() {
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [start, setStart] = useState<Start>('template');
  const [template, setTemplate] = useState(params.get('from') ?? BIH_TEMPLATE);
  const [source, setSource] = useState('');
  const [title, setTitle] = useState<LocalText>({});
  const [languages, setLanguages] = useState<LanguageCode[]>([...SUPPORTED_LANGUAGES]);
  const [known, setKnown] = useState<{ mine: ManagedSurvey[]; templates: Template[] }>({ mine: [], templates: [] });
  const [error, setError] = useState<{ text: string; details?: { field: string; issue: string }[] } | undefined>();
  const [xlsform, setXlsform] = useState<File | undefined>();
  const [imported, setImported] = useState<XlsformResult | undefined>();

  useEffect(() => {
    staffFetch<{ surveys: ManagedSurvey[]; templates: Template[] }>('/api/manage/surveys').then(
      (result) => setKnown({ mine: result.surveys.filter((survey) => survey.version !== null), templates: result.templates }),
      () => setKnown({ mine: [], templates: [] }),
    );
  }, []);

  // A copy starts titled "Copy of <original>" in the original's languages, and with a slug of its own; both can be changed.
  const copying = start === 'template' ? template : start === 'survey' ? source : '';
  useEffect(() => {
    if (!copying) {
      setLanguages([...SUPPORTED_LANGUAGES]);
      setTitle({});
      return;
    }
    let current = true;
    fetchSurvey(copying).then((original) => {
      if (!current) return;
      setLanguages(original.meta.languages);
      setTitle(copyTitle(original.definition.title, original.meta.languages));
    }, () => undefined);
    return () => { current = false; };
  }, [copying]);
  useEffect(() => {
    if (copying && !slugEdited) setSlug(freeSlug(copying, new Set([...known.mine, ...known.templates].map((survey) => survey.slug))));
  }, [copying, known, slugEdited]);

  const chooseXlsform = (file: File | undefined) => {
    setXlsform(file);
    // The file's name is a fair first address: "Kontakt s policijom.xlsx" → kontakt-s-policijom.
    if (file && !slugEdited) setSlug(file.name.replace(/\.[^.]*$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (start === 'xlsform') {
      if (!xlsform) return;
      const form = new FormData();
      form.set('slug', slug);
      form.set('fromXlsform', xlsform);
      try {
        const result = await staffUpload<XlsformResult>('/api/surveys', form);
        setError(undefined);
        // Straight to the builder when there is nothing to tell; otherwise say first what was left out.
        if (result.xlsform.unmapped.length === 0 && !result.renames?.length) navigate(`/studio/${slug}/builder`);
        else setImported(result);
      } catch (failure) {
        setError(failure instanceof RequestError ? { text: failure.message, ...(failure.details ? { details: failure.details } : {}) } : { text: 'The XLSForm was not uploaded (no connection?). Try again.' });
      }
      return;
    }
    const body = start === 'template' ? { slug, fromTemplate: template, title }
      : start === 'survey' ? { slug, fromSurvey: source, title }
        : { slug, content: { definition: { title, showQuestionNumbers: 'off', pages: [{ name: 'page1', elements: [] }] }, meta: { languages: [...SUPPORTED_LANGUAGES] } } };
    try {
      await staffFetch('/api/surveys', { method: 'POST', body });
      navigate(`/studio/${slug}/builder`);
    } catch (failure) {
      setError(failure instanceof RequestError ? { text: failure.message, ...(failure.details ? { details: failure.details } : {}) } : { text: 'The survey was not created (no connection?). Try again.' });
    }
  };
  const titleIncomplete = missingLanguages(title, languages).length > 0;
  const templates = known.templates.length > 0 ? known.templates : [{ slug: BIH_TEMPLATE, title: 'Trust in the police in Bosnia and Herzegovina', version: 0, languages: [] }];

  if (imported) return <XlsformReport result={imported} onOpen={() => navigate(`/studio/${imported.slug}/builder`)} />;

  return (
    <form className="panel form narrow-wide" onSubmit={submit}>
      <h1>New questionnaire</h1>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.text}</p>
          {error.details && <ul>{error.details.map((detail) => <li key={detail.field}>{detail.field}: {detail.issue}</li>)}</ul>}
        </div>
      )}
      <fieldset className="start-options">
        <legend>Start from</legend>
        <label><input type="radio" name="start" checked={start === 'template'} onChange={() => setStart('template')} />
          <span>A template published with Trustlens (the BiH police-trust and contact-channel questionnaires)</span></label>
        {start === 'template' && (
          <label>Template
            <select value={template} onChange={(event) => setTemplate(event.target.value)}>
              {templates.map((entry) => <option key={entry.slug} value={entry.slug}>{entry.title} ({entry.slug}{entry.languages.length ? `, ${entry.languages.join(', ')}` : ''})</option>)}
            </select>
          </label>
        )}
        <label><input type="radio" name="start" checked={start === 'survey'} onChange={() => setStart('survey')} disabled={known.mine.length === 0} />
          <span>A copy of another of your surveys{known.mine.length === 0 ? ' (you have none published yet)' : ''}</span></label>
        {start === 'survey' && (
          <label>Survey to copy
            <select required value={source} onChange={(event) => setSource(event.target.value)}>
              <option value="">choose…</option>
              {known.mine.map((survey) => <option key={survey.slug} value={survey.slug}>{survey.title} ({survey.slug}, version {survey.version})</option>)}
            </select>
          </label>
        )}
        <label><input type="radio" name="start" checked={start === 'xlsform'} onChange={() => setStart('xlsform')} />
          <span>An XLSForm (.xlsx) from KoBoToolbox or ODK: its questions, choices, groups, repeats, skip logic, checks and languages</span></label>
        {start === 'xlsform' && (
          <label>XLSForm file
            <input type="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => chooseXlsform(event.target.files?.[0])} />
          </label>
        )}
        <label><input type="radio" name="start" checked={start === 'blank'} onChange={() => setStart('blank')} />
          <span>Blank, in five languages: then add items from the item bank and your own questions</span></label>
      </fieldset>
      <label>Address (slug): residents will answer at /s/<em>{slug || '…'}</em>
        <input type="text" required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={slug} onChange={(event) => { setSlug(event.target.value.trim()); setSlugEdited(true); }} aria-describedby="slug-hint" />
      </label>
      <p className="hint" id="slug-hint">Lower-case letters, digits and single hyphens, e.g. trust-sarajevo-2026. A copy needs an address of its own.</p>
      {start === 'xlsform'
        ? <p className="hint">The title and languages come from the XLSForm (its settings sheet and label::language columns); change them in the builder.</p>
        : <TextsEditor label="Title" value={title} languages={languages} onChange={setTitle} />}
      <button type="submit" className="primary" disabled={!slug || (start !== 'xlsform' && titleIncomplete) || (start === 'survey' && !source) || (start === 'xlsform' && !xlsform)}>{start === 'xlsform' ? 'Import and create' : 'Create and open the builder'}</button>
    </form>
  );
}
