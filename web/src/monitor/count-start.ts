import type { Model } from 'survey-core';

/**
 * Tells the API, once, that a resident started this questionnaire: at their first answer, not at
 * page load (a bot or a curious click is not a start). The request carries nothing but the survey's
 * address; the server adds one to today's counter. Failure is ignored: it only affects a rate.
 */
export function countStartOnFirstAnswer(model: Model, slug: string): void {
  let counted = false;
  model.onValueChanged.add(() => {
    if (counted) return;
    counted = true;
    countStart(slug);
  });
}

/** Counts one start now (an answer was given before the model existed, on the early first page). */
export function countStart(slug: string): void {
  fetch(`/api/surveys/${encodeURIComponent(slug)}/starts`, { method: 'POST', keepalive: true }).catch(() => undefined);
}
