import type { ITheme, SurveyModel } from 'survey-core';

/**
 * SurveyJS's default theme with colours that pass WCAG 2.1 AA contrast (4.5:1 for text). The
 * default's green (#19b394: titles, buttons, selected choices) is 2.65:1 on white, and its light
 * text (#909090: descriptions, progress, scale labels) 3.19:1; axe-core flags both.
 * Here: the green darkened to #0b6e5a (6.2:1 on white, 5.6:1 on SurveyJS's #f3f3f3 page
 * background, white on it 6.2:1), light text #595959 (7.0:1 and 6.3:1), the error red #c4082f
 * (6.1:1). One place for every page that renders a questionnaire (the builder's preview; the
 * respondent pages should use it too), so they look alike and pass alike.
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
    '--sjs-special-green': 'rgba(11, 110, 90, 1)',
  },
};

/** Applies the accessible theme to a questionnaire model (call before it is rendered). */
export function applyAccessibleTheme(model: SurveyModel): void {
  model.applyTheme(ACCESSIBLE_THEME);
}
