import { useCallback, useEffect, useState } from 'react';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import type { Draft } from './draft-model.ts';
import type { FieldProblem } from './problems.ts';

interface DraftResponse extends Draft {
  basedOnVersion: number | null;
  updatedAt: string;
  problems: FieldProblem[];
}

export type Notice = { kind: 'error' | 'success' | 'info'; text: string; details?: FieldProblem[] };

function message(failure: unknown, fallback: string): Notice {
  return failure instanceof RequestError
    ? { kind: 'error', text: failure.message, ...(failure.details ? { details: failure.details } : {}) }
    : { kind: 'error', text: fallback };
}

/**
 * Loads a survey's draft (opening one from the latest version when there is none), keeps the
 * working copy, and saves and publishes it through the API. A published survey opens at once as
 * the draft of the next version.
 */
export function useDraft(slug: string) {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [saved, setSaved] = useState<string>('');
  const [basedOn, setBasedOn] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState(false);

  const take = useCallback((response: DraftResponse) => {
    const content = { definition: response.definition, meta: response.meta };
    setDraft(content);
    setSaved(JSON.stringify(content));
    setBasedOn(response.basedOnVersion);
  }, []);

  const open = useCallback(async () => {
    try {
      take(await staffFetch<DraftResponse>(`/api/surveys/${slug}/draft`));
    } catch (failure) {
      if (failure instanceof RequestError && failure.status === 404) {
        try {
          take(await staffFetch<DraftResponse>(`/api/surveys/${slug}/draft`, { method: 'POST' }));
        } catch (again) {
          setNotice(message(again, 'The draft could not be opened.'));
        }
      } else setNotice(message(failure, 'The draft could not be loaded.'));
    }
  }, [slug, take]);
  useEffect(() => { void open(); }, [open]);

  const save = useCallback(async (content: Draft): Promise<boolean> => {
    setBusy(true);
    try {
      take(await staffFetch<DraftResponse>(`/api/surveys/${slug}/draft`, { method: 'PUT', body: content }));
      setNotice({ kind: 'success', text: 'Draft saved.' });
      return true;
    } catch (failure) {
      setNotice(message(failure, 'The draft was not saved (no connection?). Your changes are still here; try again.'));
      return false;
    } finally {
      setBusy(false);
    }
  }, [slug, take]);

  const publish = useCallback(async (content: Draft) => {
    if (!(await save(content))) return;
    setBusy(true);
    try {
      const { version } = await staffFetch<{ version: number }>(`/api/surveys/${slug}/publish`, { method: 'POST' });
      take(await staffFetch<DraftResponse>(`/api/surveys/${slug}/draft`, { method: 'POST' }));
      setNotice({ kind: 'success', text: `Published version ${version}. Residents now get it at /s/${slug}; this page goes on as the draft of version ${version + 1}.` });
    } catch (failure) {
      const refused = message(failure, 'Publishing failed (no connection?). Try again.');
      setNotice(failure instanceof RequestError && failure.status === 422 ? { ...refused, text: `Not published. ${refused.text}` } : refused);
    } finally {
      setBusy(false);
    }
  }, [save, slug, take]);

  return { draft, setDraft, dirty: draft !== undefined && JSON.stringify(draft) !== saved, basedOn, notice, busy, save, publish };
}
