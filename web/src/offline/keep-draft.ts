import type { Model } from 'survey-core';
import type { PublishedSurvey } from '../lib/api.ts';
import { saveDraft } from './drafts.ts';

/**
 * Saves the answers on this device whenever the respondent moves to another page or changes the
 * language, so a reload, a crash or a closed browser loses at most the page on screen. Saving
 * failures (storage full, private mode) are ignored here: the questionnaire still works, and the
 * completed answers go to the outbox as before.
 */
export function keepDraft(model: Model, options: { slug: string; interview: boolean; survey: PublishedSurvey; startedAt: string; languageOf: (locale: string) => string }): void {
  const save = () => {
    if (model.state !== 'running') return;
    void saveDraft(options.slug, options.interview, {
      survey: options.survey,
      answers: model.data as Record<string, unknown>,
      pageNo: model.currentPageNo,
      language: options.languageOf(model.locale),
      startedAt: options.startedAt,
    }).catch(() => undefined);
  };
  model.onCurrentPageChanged.add(save);
  model.onLocaleChangedEvent.add(save);
}
