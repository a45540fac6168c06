import { settings, type ITheme, type SurveyModel } from 'survey-core';
import './survey-theme.css';
import { keepRatingScalesVisible } from './keep-rating-scales-visible.ts';

/**
 * SurveyJS's default theme with colours that pass WCAG 2.1 AA contrast (4.5:1 for text). The
 * default's green (#19b394: titles, buttons, selected choices) is 2.65:1 on white, and its light
 * text (#909090: descriptions, progress, scale labels) 3.19:1; axe-core flags both.
 * Here: the green darkened to #0b6e5a (6.2:1 on white, 5.6:1 on SurveyJS's #f3f3f3 page
 * background, white on it 6.2:1), light text #595959 (7.0:1 and 6.3:1), the error red #c4082f
 * (6.1:1), and the edges of inputs, choice circles and scale buttons #8c8c8c (3.4:1, WCAG 1.4.11).
 * One place for every page that renders a questionnaire (the respondent and interview pages, the
 * builder's preview), so they look alike and pass alike. Layout rules that do not fit in CSS
 * variables (0-10 scales on phones, long dropdown values, edges) are in survey-theme.css.
 */
export const ACCESSIBLE_THEME: ITheme = {
  cssVariables: {
    '--sjs-primary-backcolor': 'rgba(11, 110, 90, 1)',
    '--sjs-primary-backcolor-dark': 'rgba(8, 88, 72, 1)',
    '--sjs-primary-backcolor-light': 'rgba(11, 110, 90, 0.1)',
    '--sjs-primary-forecolor': 'rgba(255, 255, 255, 1)',
    '--sjs-general-forecolor-light': 'rgba(89, 89, 89, 1)',
    '--sjs-general-dim-forecolor-light': 'rgba(89, 89, 89, 1)',
    '--sjs-special-red': 'rgba(196, 8, 47, 1)',
    '--sjs-special-red-light': 'rgba(196, 8, 47, 0.08)',
    '--sjs-special-green': 'rgba(11, 110, 90, 1)',
    '--sjs-border-default': 'rgba(0, 0, 0, 0.45)',
  },
};

/**
 * Gives a survey-core model the accessible look every questionnaire has in Trustlens: the theme
 * above; titles as real headings (SurveyJS draws them as plain <div>s, so a screen reader finds
 * no heading to jump to): the survey's at `headingLevel`, each page's one below, each question's
 * and panel's one below that; rating scales always as buttons (laid out by survey-theme.css: one
 * row when there is room, two even rows on a phone); short dropdowns that show the whole choice;
 * no animations for someone whose system asks for reduced motion.
 * The respondent page calls this with level 1; the builder's preview, inside a page that has its
 * own headings, can pass a deeper level, and looks the same.
 */
export function applySurveyTheme(model: SurveyModel, { headingLevel = 1 }: { headingLevel?: number } = {}): void {
  model.applyTheme(ACCESSIBLE_THEME);
  // Questions that appear or vanish slide and fade; not for someone who asked for less motion.
  if (typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) settings.animationEnabled = false;
  const depth: Record<string, number> = { survey: 0, page: 1, panel: 2, question: 2 };
  model.onGetTitleTagName.add((_, options) => {
    const type = options.element.getType();
    const level = headingLevel + (depth[type] ?? depth.question!);
    options.tagName = `h${Math.min(level, 6)}`;
  });
  keepRatingScalesVisible(model);
  showWholeChoiceInShortDropdowns(model);
  model.onAfterRenderQuestion.add((_, { question, htmlElement }) => {
    if (question.getType() !== 'rating') return;
    const root = htmlElement.querySelector<HTMLElement>('.sd-rating');
    const count = (question as unknown as { renderedRateItems?: unknown[] }).renderedRateItems?.length ?? 0;
    if (!root || count === 0) return;
    const layout = ratingLayout(count);
    root.style.setProperty('--tl-rating-count', String(count));
    root.style.setProperty('--tl-rating-narrow-columns', String(layout.columns));
    root.style.setProperty('--tl-rating-narrow-last-row', String(layout.lastRow));
  });
}

/**
 * The same, for a questionnaire shown inside a page that has its own h1 and h2 (the builder's
 * preview): its titles start at h3.
 */
export function applyAccessibleTheme(model: SurveyModel): void {
  applySurveyTheme(model, { headingLevel: 3 });
}

/** Dropdowns with this many choices or more can be searched; shorter ones are picked from the list. */
const SEARCH_FROM_CHOICES = 16;

/**
 * While a searchable SurveyJS dropdown has focus (as it still has right after a choice is made),
 * it shows the choice in a one-line text input, which cuts off a long name ("Bosansko-podrinjski
 * kanton Goražde" at 360 px). A list of a dozen regions needs no search box, and without one the
 * choice is shown as text that wraps (survey-theme.css), focused or not.
 */
function showWholeChoiceInShortDropdowns(model: SurveyModel): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() !== 'dropdown') continue;
    const choices = (question as unknown as { choices?: unknown[] }).choices ?? [];
    if (choices.length < SEARCH_FROM_CHOICES) question.setPropertyValue('searchEnabled', false);
  }
}

/**
 * How a rating scale of `count` points is laid out on a narrow screen: up to six points in one
 * row, more in two rows of equal buttons (0–5 above 6–10 for a 0–10 scale), so that every
 * button keeps a touch target of about 44 px at 360 px wide. `lastRow` is how many buttons the
 * last row has, so the end label can sit under the last one.
 * @example ratingLayout(11) // → { columns: 6, lastRow: 5 }
 */
export function ratingLayout(count: number): { columns: number; lastRow: number } {
  if (count <= 6) return { columns: count, lastRow: count };
  const columns = Math.ceil(count / 2);
  return { columns, lastRow: count - columns };
}
