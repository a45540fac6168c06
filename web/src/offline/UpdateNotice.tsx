import { useEffect, useState } from 'react';
import { applyUpdate, isUpdateReady, onUpdateReady } from './app-update.ts';
import { isQuestionnaireInProgress, onQuestionnaireInProgress } from './questionnaire-in-progress.ts';

/**
 * "A new version is ready": shown once a new app version has been downloaded, except while a
 * questionnaire is being answered, so that an update never interrupts an interview. Until the
 * person chooses to update, the version on screen keeps working (also offline).
 */
export function UpdateNotice() {
  const [ready, setReady] = useState(isUpdateReady);
  const [busy, setBusy] = useState(isQuestionnaireInProgress);
  const [applying, setApplying] = useState(false);
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  useEffect(() => onQuestionnaireInProgress(setBusy), []);
  if (!ready || busy) return null;
  return (
    <div className="update-notice" role="status">
      <span>A new version of Trustlens is ready. Interviews waiting to be sent are kept.</span>
      <button type="button" disabled={applying} onClick={() => { setApplying(true); void applyUpdate(); }}>
        Update now
      </button>
    </div>
  );
}
