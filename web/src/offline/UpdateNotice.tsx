import { useEffect, useState } from 'react';
import { applyUpdate, isUpdateReady, onUpdateReady } from './app-update.ts';
import { isQuestionnaireInProgress, onQuestionnaireInProgress } from './questionnaire-in-progress.ts';

/** The notice's words and their language: English on staff pages, the language on screen on a questionnaire's page. */
export interface UpdateNoticeTexts {
  lang: string;
  updateReady: string;
  updateNow: string;
}

const ENGLISH: UpdateNoticeTexts = {
  lang: 'en',
  updateReady: 'A new version of Trustlens is ready. Answers waiting to be sent are kept.',
  updateNow: 'Update now',
};

let texts = ENGLISH;
const textListeners = new Set<(next: UpdateNoticeTexts) => void>();
function setTexts(next: UpdateNoticeTexts): void {
  texts = next;
  textListeners.forEach((listener) => listener(next));
}

/** A page in another language (the respondent and interview pages) has the notice speak it while it is shown. */
export function useUpdateNoticeTexts(lang: string, updateReady: string, updateNow: string): void {
  useEffect(() => {
    setTexts({ lang, updateReady, updateNow });
    return () => setTexts(ENGLISH);
  }, [lang, updateReady, updateNow]);
}

/**
 * "A new version is ready": shown once a new app version has been downloaded, except while a
 * questionnaire is being answered, so that an update never interrupts an interview. Until the
 * person chooses to update, the version on screen keeps working (also offline).
 */
export function UpdateNotice() {
  const [ready, setReady] = useState(isUpdateReady);
  const [busy, setBusy] = useState(isQuestionnaireInProgress);
  const [shownTexts, setShownTexts] = useState(texts);
  const [applying, setApplying] = useState(false);
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  useEffect(() => onQuestionnaireInProgress(setBusy), []);
  useEffect(() => {
    textListeners.add(setShownTexts);
    setShownTexts(texts);
    return () => { textListeners.delete(setShownTexts); };
  }, []);
  if (!ready || busy) return null;
  return (
    <div className="update-notice" role="status" lang={shownTexts.lang}>
      <span>{shownTexts.updateReady}</span>
      <button type="button" disabled={applying} onClick={() => { setApplying(true); void applyUpdate(); }}>
        {shownTexts.updateNow}
      </button>
    </div>
  );
}
