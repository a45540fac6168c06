import { useEffect, useMemo, useRef, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
// The fontless stylesheet: the default one fetches web fonts from a third-party host, which would
// reveal respondents' IP addresses to it.
import 'survey-core/survey-core.fontless.min.css';
import { surveyJsLocale } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { DeliveryNotice } from '../components/DeliveryNotice.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { fetchSurvey, RequestError, type PublishedSurvey } from '../lib/api.ts';
import { chooseLanguage } from '../lib/choose-language.ts';
import { deliver, type DeliveryState } from '../lib/deliver.ts';
import { keepRatingScalesVisible } from '../lib/keep-rating-scales-visible.ts';
import { pageMessages } from '../lib/messages.ts';
import { addToOutbox, type Submission } from '../lib/outbox.ts';
import { countStartOnFirstAnswer } from '../monitor/count-start.ts';
import { registerSurveyLocales } from '../lib/survey-locales.ts';
import { useEarlierSubmissions } from '../lib/use-earlier-submissions.ts';
import { newResponseId } from '../lib/uuid.ts';

registerSurveyLocales();

type Loading =
  | { kind: 'loading' }
  | { kind: 'failed'; notFound: boolean }
  | { kind: 'ready'; survey: PublishedSurvey; firstLanguage: string };

interface Props {
  slug: string;
  /** An enumerator's face-to-face interview: stored with the enumerator's id; one after another. */
  interview?: boolean;
}

/** A questionnaire for a resident: pick a language, answer, complete, and see the answers safely stored. */
export function RespondentPage({ slug, interview = false }: Props) {
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [language, setLanguage] = useState('en');
  const [delivery, setDelivery] = useState<DeliveryState | undefined>();
  const [round, setRound] = useState(0);
  // The round on screen. A submission's delivery reports to the page only while its round is shown:
  // once the enumerator has moved on, an earlier interview is still sent (it stays in the outbox
  // until stored) but must not replace the next interview's form with its notices.
  const shownRound = useRef(0);
  const retryNow = useRef<() => void>(() => {});
  const earlier = useEarlierSubmissions(slug);
  const messages = pageMessages(language);

  useEffect(() => {
    fetchSurvey(slug).then(
      (survey) => {
        const firstLanguage = chooseLanguage(survey.meta.languages, window.location.search, navigator.languages);
        setLanguage(firstLanguage);
        setLoading({ kind: 'ready', survey, firstLanguage });
      },
      (error: unknown) => setLoading({ kind: 'failed', notFound: error instanceof RequestError && error.status === 404 }),
    );
  }, [slug]);

  const ready = loading.kind === 'ready' ? loading : undefined;
  const survey = ready?.survey;
  const model = useMemo(() => {
    if (!ready) return undefined;
    const { survey } = ready;
    const created = new Model(survey.definition);
    // Created in the first language so that every string (progress text included) starts in it.
    created.locale = surveyJsLocale(ready.firstLanguage as LanguageCode);
    created.showCompletedPage = false;
    keepRatingScalesVisible(created);
    // Residents' starts are counted (anonymously) for the fieldwork monitor's completion rate.
    if (!interview) countStartOnFirstAnswer(created, slug);
    const startedAt = new Date().toISOString();
    created.onComplete.add((sender) => {
      const submission: Submission = {
        id: newResponseId(),
        version: survey.version,
        language: languageOf(sender.locale),
        answers: sender.data as Record<string, unknown>,
        startedAt,
        completedAt: new Date().toISOString(),
      };
      // Kept on the device before the first try, so nothing is lost if the page closes mid-send.
      addToOutbox({ slug, submission, interview });
      const report = (state: DeliveryState) => {
        if (shownRound.current === round) setDelivery(state);
      };
      retryNow.current = deliver(slug, submission, report, interview).retryNow;
    });
    return created;
    // `round` is in the dependencies so that the next interview starts from an empty form.
  }, [ready, slug, interview, round]);

  const startNextInterview = () => {
    shownRound.current = round + 1;
    setDelivery(undefined);
    setRound(round + 1);
  };

  useEffect(() => {
    if (model) model.locale = surveyJsLocale(language as LanguageCode);
    document.documentElement.lang = language;
  }, [model, language]);

  return (
    <main className="page">
      <header className="banner">
        <a className="brand" href="/">Trustlens</a>
        {survey && !delivery && (
          <LanguagePicker label={messages.language} languages={survey.meta.languages} value={language} onChange={setLanguage} />
        )}
      </header>
      {earlier.waiting > 0 && <p className="notice notice-info">{messages.earlierPending(earlier.waiting)}</p>}
      {earlier.sent && earlier.waiting === 0 && <p className="notice notice-success">{messages.earlierSent}</p>}
      {loading.kind === 'loading' && <p>{messages.loading}</p>}
      {loading.kind === 'failed' && <p className="notice notice-error">{loading.notFound ? messages.notFound : messages.loadFailed}</p>}
      {delivery && <DeliveryNotice state={delivery} messages={messages} onRetryNow={() => retryNow.current()} />}
      {interview && delivery && (
        <button type="button" className="next-interview" onClick={startNextInterview}>
          {messages.nextInterview}
        </button>
      )}
      {survey?.status === 'closed' && !delivery && <p className="notice notice-info">{messages.closed}</p>}
      {model && !delivery && survey?.status !== 'closed' && <Survey model={model} />}
    </main>
  );
}

/** SurveyJS calls the default language ''; we call it 'en'. */
function languageOf(locale: string): string {
  return locale === '' ? 'en' : locale;
}
