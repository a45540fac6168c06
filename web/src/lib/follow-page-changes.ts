import type { Model } from 'survey-core';

/**
 * Keeps what surrounds the questions in step with them, for keyboard and screen-reader users:
 * - after Next or Previous, focus moves to the new page's heading (instead of falling to
 *   `<body>` or staying on a button that now means something else), and `announce` is given
 *   the progress ("Page 3 of 11") for a live region;
 * - "Page x of y" is worked out again after every answer and language switch: survey-core
 *   leaves it stale when a screen-out answer hides the remaining pages, or the language changes.
 */
export function followPageChanges(model: Model, announce: (text: string) => void): void {
  let pageChanged = false;
  model.onCurrentPageChanged.add(() => {
    pageChanged = true;
  });
  model.onAfterRenderPage.add((sender, { htmlElement }) => {
    if (!pageChanged) return;
    pageChanged = false;
    const heading = htmlElement.querySelector<HTMLElement>('.sd-page__title') ?? htmlElement.querySelector<HTMLElement>('.sd-question__title');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    announce(sender.progressText);
  });
  const refreshProgress = (sender: Model) => sender.updateProgressText();
  model.onValueChanged.add(refreshProgress);
  model.onLocaleChangedEvent.add(refreshProgress);
}

/** The browser tab's title: the questionnaire's title in the language on screen, then Trustlens. */
export function surveyDocumentTitle(model: Model | undefined): string {
  const title = model?.title?.trim();
  return title ? `${title} – Trustlens` : 'Trustlens';
}
