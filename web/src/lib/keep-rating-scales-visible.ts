import type { Model } from 'survey-core';

/**
 * On narrow screens SurveyJS shows a rating as a dropdown, which hides the scale's end labels
 * ("no trust at all" … "complete trust"). Those anchors are part of the item as validated, so
 * ratings are always shown as buttons (two even rows on a phone: survey-theme.css) unless a
 * question says otherwise. applySurveyTheme calls this; so does the builder's preview.
 */
export function keepRatingScalesVisible(model: Model): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'rating' && question.getPropertyValue('displayMode') === 'auto') {
      question.setPropertyValue('displayMode', 'buttons');
    }
  }
}
