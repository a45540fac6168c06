import { useEffect, useMemo, useRef } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
// The fontless stylesheet: the default one fetches web fonts from a third-party host, which would
// reveal respondents' IP addresses to it.
import 'survey-core/survey-core.fontless.min.css';
import { surveyJsLocale } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import type { PublishedSurvey } from '../lib/api.ts';
import { conditionalEndMessage } from '../lib/end-message.ts';
import { followPageChanges, surveyDocumentTitle } from '../lib/follow-page-changes.ts';
import { recordParadata, type ShownSince } from '../lib/paradata.ts';
import { rememberedUser } from '../lib/remembered-user.ts';
import { registerSurveyLocales } from '../lib/survey-locales.ts';
import { applySurveyTheme } from '../lib/survey-theme.ts';
import { newResponseId } from '../lib/uuid.ts';
import { countStart, countStartOnFirstAnswer } from '../monitor/count-start.ts';
import type { SavedDraft } from '../offline/drafts.ts';
import { keepDraft } from '../offline/keep-draft.ts';
import type { Submission } from '../offline/outbox.ts';

registerSurveyLocales();

export interface Completed {
  submission: Submission;
  endMessageHtml?: string;
}

interface Props {
  slug: string;
  interview: boolean;
  survey: PublishedSurvey;
  /** A continued draft: its answers, page and language (its `survey` is the one passed above). */
  resumed?: SavedDraft;
  /** The language on screen; the model starts in it and follows it. */
  language: string;
  /** Answers given on the early first page (FirstPagePreview) before this file arrived. */
  earlyAnswers: Record<string, unknown>;
  /** When the first page appeared on screen, early or not: its time counts in the paradata. */
  shownSince: ShownSince;
  onAnnounce: (text: string) => void;
  onComplete: (completed: Completed) => void;
}

/**
 * The full questionnaire renderer (survey-core + survey-react-ui): loaded after the respondent
 * page's first paint, in a file of its own, since it is most of the page's JavaScript. One model
 * per interview; the page gives a new `key` for the next one.
 */
export default function SurveyForm({ slug, interview, survey, resumed, language, earlyAnswers, shownSince, onAnnounce, onComplete }: Props) {
  // Read once, when the model is made: later renders must not rebuild it.
  const start = useRef({ language, earlyAnswers, shownSince, onAnnounce, onComplete });
  start.current.onComplete = onComplete;
  const model = useMemo(() => {
    const created = new Model(survey.definition);
    // Created in the language on screen so that every string (progress text included) starts in it.
    created.locale = surveyJsLocale((resumed?.language ?? start.current.language) as LanguageCode);
    created.showCompletedPage = false;
    applySurveyTheme(created);
    followPageChanges(created, (text) => start.current.onAnnounce(text));
    const early = start.current.earlyAnswers;
    // Residents' starts are counted (anonymously) for the fieldwork monitor's completion rate; an
    // answer already given on the early page is a start.
    if (!interview && !resumed) {
      if (Object.keys(early).length > 0) countStart(slug);
      else countStartOnFirstAnswer(created, slug);
    }
    const startedAt = resumed?.startedAt ?? new Date(start.current.shownSince.epoch).toISOString();
    if (resumed) {
      created.data = resumed.answers;
      created.currentPageNo = resumed.pageNo;
    } else if (Object.keys(early).length > 0) {
      created.data = early;
    }
    keepDraft(created, { slug, interview, survey, startedAt, languageOf });
    // Time per page, language switches and time offline, sent beside the answers (nothing identifying).
    // A continued draft counts from where it was continued.
    const paradata = recordParadata(created, undefined, resumed ? undefined : start.current.shownSince);
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
      start.current.onComplete({ submission, endMessageHtml: conditionalEndMessage(sender) });
    });
    return created;
  }, [survey, resumed, slug, interview]);

  useEffect(() => {
    model.locale = surveyJsLocale(language as LanguageCode);
    document.title = surveyDocumentTitle(model);
  }, [model, language]);

  return <Survey model={model} />;
}

/** SurveyJS calls the default language ''; we call it 'en'. */
function languageOf(locale: string): string {
  return locale === '' ? 'en' : locale;
}
