import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { DeliveryNotice } from '../components/DeliveryNotice.tsx';
import { EarlierSubmissionsNotice } from '../components/EarlierSubmissionsNotice.tsx';
import { FirstPagePreview } from '../components/FirstPagePreview.tsx';
import { LoadBoundary } from '../components/LoadBoundary.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { fetchSurvey, RequestError, type PublishedSurvey } from '../lib/api.ts';
import { chooseLanguage } from '../lib/choose-language.ts';
import { deliver, type DeliveryState } from '../lib/deliver.ts';
import { pageMessages } from '../lib/messages.ts';
import { noteEarlyLanguageSwitch, shownNow, type ShownSince } from '../lib/paradata.ts';
import { completeDraft } from '../offline/drafts.ts';
import type { Submission } from '../offline/outbox.ts';
import { QueueLine } from '../offline/QueueLine.tsx';
import { useResumableDraft } from '../offline/use-resumable-draft.ts';
import { useEarlierSubmissions } from '../lib/use-earlier-submissions.ts';
import { useInterviewAssignment } from '../lib/use-interview-assignment.ts';
import { keepForOffline } from '../offline/keep-for-offline.ts';
import { applyUpdate, isUpdateReady } from '../offline/app-update.ts';
import { setQuestionnaireInProgress } from '../offline/questionnaire-in-progress.ts';
import { useUpdateNoticeTexts } from '../offline/UpdateNotice.tsx';
import type { Completed } from './SurveyForm.tsx';

// SurveyJS is most of the page's JavaScript; it comes in a file of its own, asked for as soon as
// the page opens, while the first questions are already on screen (FirstPagePreview).
// A dropped connection gets two more tries, a few seconds apart, before the page says it failed.
const loadSurveyForm = () => retried(() => import('./SurveyForm.tsx'), [2000, 5000]);
const SurveyForm = lazy(loadSurveyForm);

type Loading =
  | { kind: 'loading' }
  | { kind: 'failed'; notFound: boolean }
  | { kind: 'ready'; survey: PublishedSurvey };

/** A completed questionnaire on screen: what was submitted, and the questionnaire's end message if one applies. */
type Completion = Completed;

interface Props {
  slug: string;
  /** An enumerator's face-to-face interview: stored with the enumerator's id; one after another. */
  interview?: boolean;
}

/** A questionnaire for a resident: pick a language, answer, complete, and see the answers safely stored. */
export function RespondentPage({ slug, interview = false }: Props) {
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [language, setLanguage] = useState('en');
  const [completion, setCompletion] = useState<Completion | undefined>();
  const [delivery, setDelivery] = useState<DeliveryState | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [round, setRound] = useState(0);
  // Answers given on the early first page, before SurveyJS arrived; handed to it when it does.
  const [earlyAnswers, setEarlyAnswers] = useState<Record<string, unknown>>({});
  const shown = useRef<{ round: number; since: ShownSince } | undefined>(undefined);
  // The round on screen. A submission's delivery reports to the page only while its round is shown:
  // once the enumerator has moved on, an earlier interview is still sent (it stays in the outbox
  // until stored) but must not replace the next interview's form with its notices.
  const shownRound = useRef(0);
  const retryNow = useRef<() => void>(() => {});
  const completionArea = useRef<HTMLDivElement>(null);
  const assignment = useInterviewAssignment(slug, interview);
  const earlier = useEarlierSubmissions(slug, completion?.submission.id);
  const { choice, continueDraft, startOver } = useResumableDraft(slug, interview, round);
  const resumed = choice.kind === 'decided' ? choice.draft : undefined;
  const messages = pageMessages(language);
  useUpdateNoticeTexts(language, messages.updateReady, messages.updateNow);

  useEffect(() => {
    void loadSurveyForm();
  }, []);

  useEffect(() => {
    fetchSurvey(slug).then(
      (survey) => {
        setLanguage(chooseLanguage(survey.meta.languages, window.location.search, navigator.languages));
        setLoading({ kind: 'ready', survey });
        // Kept by the service worker, so this questionnaire opens again with no signal.
        void keepForOffline([`/api/surveys/${encodeURIComponent(slug)}`]);
      },
      (error: unknown) => setLoading({ kind: 'failed', notFound: error instanceof RequestError && error.status === 404 }),
    );
  }, [slug]);

  /** Sends a submission and shows how it goes while its round is on screen. */
  const send = (submission: Submission, ofRound: number) => {
    const report = (state: DeliveryState) => {
      if (shownRound.current === ofRound) setDelivery(state);
      // An interview of an earlier round refused by the server is listed with the earlier ones.
      else if (state.kind === 'attention') earlier.refresh();
    };
    retryNow.current = deliver(slug, submission, report, interview).retryNow;
  };
  const sendRef = useRef(send);
  sendRef.current = send;

  const ready = loading.kind === 'ready' ? loading : undefined;
  // A continued draft keeps the version it was started on, even if a newer one is published since.
  const survey = resumed?.survey ?? ready?.survey;

  /** The questionnaire is completed: on the device (draft to outbox in one step), then sent. */
  const complete = (completed: Completed) => {
    setCompletion(completed);
    // Moved from draft to outbox before the first try, so nothing is lost if the page closes
    // mid-send; a completed questionnaire never stays a draft. If the device's storage refuses the
    // move, the answers (still in memory) are sent all the same, and the page says how that goes.
    void completeDraft({ slug, submission: completed.submission, interview }).catch(() => undefined)
      .then(() => sendRef.current(completed.submission, round));
  };

  useEffect(() => {
    if (resumed) setLanguage(resumed.language);
  }, [resumed]);

  const startNextInterview = () => {
    // A new app version waiting: the next interview opens in it (the page reloads between two
    // interviews; the one just completed is in the outbox). docs/decisions/009-offline-app-updates.md
    if (isUpdateReady()) {
      void applyUpdate();
      return;
    }
    shownRound.current = round + 1;
    setCompletion(undefined);
    setDelivery(undefined);
    setEarlyAnswers({});
    setRound(round + 1);
  };

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const changeLanguage = (next: string) => {
    // Kept for the paradata of a model made later (the early page); a model made already, whose
    // recorder copied the earlier ones, records this one itself.
    if (shown.current) noteEarlyLanguageSwitch(shown.current.since, language, next);
    setLanguage(next);
  };
  useEffect(() => () => {
    document.title = 'Trustlens';
  }, []);

  // The form disappears on completion; focus goes to what replaces it rather than to <body>.
  useEffect(() => {
    if (completion) completionArea.current?.focus();
  }, [completion]);

  const refused = interview && assignment === 'not-assigned';
  const showForm = choice.kind === 'decided' && survey && !completion && survey.status !== 'closed' && !refused && assignment !== 'checking' ? survey : undefined;
  // The first page's time counts from when it appeared, early page included.
  if (showForm && shown.current?.round !== round) shown.current = { round, since: shownNow() };
  const offer = choice.kind === 'offer' && !completion && !refused ? choice.draft : undefined;
  // A new app version waits while a questionnaire is being answered (docs/decisions/009-offline-app-updates.md).
  useEffect(() => {
    setQuestionnaireInProgress(Boolean(showForm));
    return () => setQuestionnaireInProgress(false);
  }, [showForm]);
  return (
    <main className="page respondent">
      <header className="banner">
        <a className="brand" href="/">Trustlens</a>
        {survey && !completion && !refused && (
          <LanguagePicker label={messages.language} languages={survey.meta.languages} value={language} onChange={changeLanguage} />
        )}
      </header>
      <EarlierSubmissionsNotice earlier={earlier} messages={messages} />
      {interview && <QueueLine messages={messages} language={language} />}
      {(loading.kind === 'loading' || assignment === 'checking' || choice.kind === 'checking') && !offer && <p>{messages.loading}</p>}
      {loading.kind === 'failed' && !offer && !resumed && <p className="notice notice-error">{loading.notFound ? messages.notFound : messages.loadFailed}</p>}
      {offer && (
        // Asked in the language the answers were being given in, whatever the browser's.
        <section className="notice notice-info resume-offer" aria-labelledby="resume-title" lang={offer.language}>
          <h1 id="resume-title">{pageMessages(offer.language).resumeTitle}</h1>
          <p>{pageMessages(offer.language).resumeDetail(new Date(offer.savedAt).toLocaleString(offer.language))}</p>
          <button type="button" onClick={continueDraft}>{pageMessages(offer.language).resumeContinue}</button>{' '}
          {/* An empty form, in the language they were answering in, unless the link names one (?lang=). */}
          <button type="button" onClick={() => { if (!new URLSearchParams(window.location.search).has('lang')) setLanguage(offer.language); startOver(); }}>{pageMessages(offer.language).resumeStartOver}</button>
        </section>
      )}
      {refused && (
        <div className="notice notice-error" role="alert">
          <p>{messages.notAssigned}</p>
          <p><a href="/interview">{messages.backToInterviews}</a></p>
        </div>
      )}
      {completion && (
        <div className="completion" ref={completionArea} tabIndex={-1}>
          {completion.endMessageHtml && (
            // The questionnaire's own text, as survey-react-ui would show it on its completed page.
            <div className="notice notice-info end-message" dangerouslySetInnerHTML={{ __html: completion.endMessageHtml }} />
          )}
          {delivery && (
            <DeliveryNotice
              state={delivery}
              messages={messages}
              interview={interview}
              endMessageHtml={completion.endMessageHtml}
              onRetryNow={() => retryNow.current()}
              onSendAgain={() => send(completion.submission, round)}
            />
          )}
          {interview && (
            <button type="button" className="next-interview" onClick={startNextInterview}>
              {messages.nextInterview}
            </button>
          )}
        </div>
      )}
      {survey?.status === 'closed' && !completion && <p className="notice notice-info">{messages.closed}</p>}
      {showForm && (
        <LoadBoundary failed={<p className="notice notice-error" role="alert">{messages.loadFailed}</p>}>
          <Suspense fallback={resumed
            ? <p>{messages.loading}</p>
            : <FirstPagePreview definition={showForm.definition} language={language} answers={earlyAnswers} waiting={messages.loading}
                onAnswer={(name, value) => setEarlyAnswers((now) => ({ ...now, [name]: value }))} />}>
            <SurveyForm key={round} slug={slug} interview={interview} survey={showForm} resumed={resumed} language={language}
              earlyAnswers={earlyAnswers} shownSince={shown.current!.since} onAnnounce={setAnnouncement} onComplete={complete} />
          </Suspense>
        </LoadBoundary>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </main>
  );
}

/** `load()`, tried again after each of `waits` (milliseconds) while it fails. */
async function retried<T>(load: () => Promise<T>, waits: number[]): Promise<T> {
  for (const wait of waits) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return load();
}
