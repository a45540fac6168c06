import { useEffect, useMemo, useRef, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
// The fontless stylesheet: the default one fetches web fonts from a third-party host, which would
// reveal respondents' IP addresses to it.
import 'survey-core/survey-core.fontless.min.css';
import { surveyJsLocale } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { DeliveryNotice } from '../components/DeliveryNotice.tsx';
import { EarlierSubmissionsNotice } from '../components/EarlierSubmissionsNotice.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { fetchSurvey, RequestError, type PublishedSurvey } from '../lib/api.ts';
import { chooseLanguage } from '../lib/choose-language.ts';
import { deliver, type DeliveryState } from '../lib/deliver.ts';
import { conditionalEndMessage } from '../lib/end-message.ts';
import { followPageChanges, surveyDocumentTitle } from '../lib/follow-page-changes.ts';
import { pageMessages } from '../lib/messages.ts';
import { recordParadata } from '../lib/paradata.ts';
import { completeDraft } from '../offline/drafts.ts';
import { keepDraft } from '../offline/keep-draft.ts';
import type { Submission } from '../offline/outbox.ts';
import { QueueLine } from '../offline/QueueLine.tsx';
import { useResumableDraft } from '../offline/use-resumable-draft.ts';
import { rememberedUser } from '../lib/remembered-user.ts';
import { registerSurveyLocales } from '../lib/survey-locales.ts';
import { applySurveyTheme } from '../lib/survey-theme.ts';
import { useEarlierSubmissions } from '../lib/use-earlier-submissions.ts';
import { useInterviewAssignment } from '../lib/use-interview-assignment.ts';
import { newResponseId } from '../lib/uuid.ts';
import { countStartOnFirstAnswer } from '../monitor/count-start.ts';
import { keepForOffline } from '../offline/keep-for-offline.ts';
import { setQuestionnaireInProgress } from '../offline/questionnaire-in-progress.ts';

registerSurveyLocales();

type Loading =
  | { kind: 'loading' }
  | { kind: 'failed'; notFound: boolean }
  | { kind: 'ready'; survey: PublishedSurvey; firstLanguage: string };

/** A completed questionnaire on screen: what was submitted, and the questionnaire's end message if one applies. */
interface Completion {
  submission: Submission;
  endMessageHtml?: string;
}

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

  useEffect(() => {
    fetchSurvey(slug).then(
      (survey) => {
        const firstLanguage = chooseLanguage(survey.meta.languages, window.location.search, navigator.languages);
        setLanguage(firstLanguage);
        setLoading({ kind: 'ready', survey, firstLanguage });
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
  const model = useMemo(() => {
    if (choice.kind !== 'decided' || !survey) return undefined;
    const created = new Model(survey.definition);
    // Created in the first language so that every string (progress text included) starts in it.
    created.locale = surveyJsLocale((resumed?.language ?? ready?.firstLanguage ?? 'en') as LanguageCode);
    created.showCompletedPage = false;
    applySurveyTheme(created);
    followPageChanges(created, setAnnouncement);
    // Residents' starts are counted (anonymously) for the fieldwork monitor's completion rate.
    if (!interview && !resumed) countStartOnFirstAnswer(created, slug);
    const startedAt = resumed?.startedAt ?? new Date().toISOString();
    if (resumed) {
      created.data = resumed.answers;
      created.currentPageNo = resumed.pageNo;
    }
    keepDraft(created, { slug, interview, survey, startedAt, languageOf });
    // Time per page, language switches and time offline, sent beside the answers (nothing identifying).
    // A continued draft counts from where it was continued.
    const paradata = recordParadata(created);
    created.onComplete.add((sender) => {
      const enumeratorId = interview ? rememberedUser()?.id : undefined;
      const submission: Submission = {
        id: newResponseId(),
        version: survey.version,
        language: languageOf(sender.locale),
        answers: sender.data as Record<string, unknown>,
        startedAt,
        completedAt: new Date().toISOString(),
        paradata: paradata.finish(),
        ...(enumeratorId === undefined ? {} : { enumeratorId }),
      };
      setCompletion({ submission, endMessageHtml: conditionalEndMessage(sender) });
      // Moved from draft to outbox (on the device) before the first try, so nothing is lost if the
      // page closes mid-send; a completed questionnaire never stays a draft.
      void completeDraft({ slug, submission, interview }).then(() => sendRef.current(submission, round));
    });
    return created;
    // `round` is in the dependencies so that the next interview starts from an empty form.
  }, [choice, survey, resumed, ready, slug, interview, round]);

  useEffect(() => {
    if (resumed) setLanguage(resumed.language);
  }, [resumed]);

  const startNextInterview = () => {
    shownRound.current = round + 1;
    setCompletion(undefined);
    setDelivery(undefined);
    setRound(round + 1);
  };

  useEffect(() => {
    if (model) model.locale = surveyJsLocale(language as LanguageCode);
    document.documentElement.lang = language;
    document.title = surveyDocumentTitle(model);
  }, [model, language]);
  useEffect(() => () => {
    document.title = 'Trustlens';
  }, []);

  // The form disappears on completion; focus goes to what replaces it rather than to <body>.
  useEffect(() => {
    if (completion) completionArea.current?.focus();
  }, [completion]);

  const refused = interview && assignment === 'not-assigned';
  const showForm = model && !completion && survey?.status !== 'closed' && !refused && assignment !== 'checking';
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
          <LanguagePicker label={messages.language} languages={survey.meta.languages} value={language} onChange={setLanguage} />
        )}
      </header>
      <EarlierSubmissionsNotice earlier={earlier} messages={messages} />
      {interview && <QueueLine messages={messages} language={language} />}
      {(loading.kind === 'loading' || assignment === 'checking' || choice.kind === 'checking') && !offer && <p>{messages.loading}</p>}
      {loading.kind === 'failed' && !offer && !resumed && <p className="notice notice-error">{loading.notFound ? messages.notFound : messages.loadFailed}</p>}
      {offer && (
        <section className="notice notice-info resume-offer" aria-labelledby="resume-title">
          <h1 id="resume-title">{messages.resumeTitle}</h1>
          <p>{messages.resumeDetail(new Date(offer.savedAt).toLocaleString(language))}</p>
          <button type="button" onClick={continueDraft}>{messages.resumeContinue}</button>{' '}
          <button type="button" onClick={startOver}>{messages.resumeStartOver}</button>
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
      {showForm && <Survey model={model} />}
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </main>
  );
}

/** SurveyJS calls the default language ''; we call it 'en'. */
function languageOf(locale: string): string {
  return locale === '' ? 'en' : locale;
}
