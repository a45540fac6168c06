import type { Model } from 'survey-core';

/**
 * On narrow screens SurveyJS shows a rating as a dropdown, which hides the scale's end labels
 * ("no trust at all" … "complete trust"). Those anchors are part of the item as validated, so
 * ratings are always shown as buttons (they wrap on a phone) unless a question says otherwise.
 * The respondent page and the builder's preview both call this, so the preview looks the same.
 */
export function keepRatingScalesVisible(model: Model): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'rating' && question.getPropertyValue('displayMode') === 'auto') {
      question.setPropertyValue('displayMode', 'buttons');
    }
  }
}
