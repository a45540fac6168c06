import { useCallback, useEffect, useState } from 'react';
import { discardDraft, loadDraft, type SavedDraft } from './drafts.ts';

/**
 * Whether this device holds unfinished answers to a survey, and the respondent's choice about them:
 * - `checking`: not known yet;
 * - `offer`: a draft exists; the page asks "continue" or "start over" before showing questions;
 * - `decided`: go ahead, with the draft to continue (if chosen) or from an empty form.
 * `round` starts a new check for each interview on an enumerator's tablet.
 */
export type DraftChoice =
  | { kind: 'checking' }
  | { kind: 'offer'; draft: SavedDraft }
  | { kind: 'decided'; draft?: SavedDraft };

export function useResumableDraft(slug: string, interview: boolean, round: number) {
  const [choice, setChoice] = useState<DraftChoice>({ kind: 'checking' });
  useEffect(() => {
    let current = true;
    setChoice({ kind: 'checking' });
    loadDraft(slug, interview).then(
      (draft) => current && setChoice(draft ? { kind: 'offer', draft } : { kind: 'decided' }),
      // No device storage (private mode, storage switched off): nothing to resume.
      () => current && setChoice({ kind: 'decided' }),
    );
    return () => {
      current = false;
    };
  }, [slug, interview, round]);

  const continueDraft = useCallback(() => setChoice((now) => (now.kind === 'offer' ? { kind: 'decided', draft: now.draft } : now)), []);
  const startOver = useCallback(() => {
    void discardDraft(slug, interview).catch(() => undefined);
    setChoice({ kind: 'decided' });
  }, [slug, interview]);
  return { choice, continueDraft, startOver };
}
