import type { Model } from 'survey-core';

/**
 * The questionnaire's own end message when one of its `completedHtmlOnCondition` conditions holds
 * for the answers given (a declined consent, an under-18 or non-resident screen-out), in the
 * language on screen; undefined for an ordinary completion. Read at completion, since the page
 * then replaces the form with its own notices.
 * @example conditionalEndMessage(model) // → '<h3>Thank you for your time.</h3><p>You chose not to take part…</p>'
 */
export function conditionalEndMessage(model: Model): string | undefined {
  const matched = model.completedHtmlOnCondition.some((item) => Boolean(item.html) && model.runExpression(item.expression) === true);
  return matched ? model.processedCompletedHtml : undefined;
}
