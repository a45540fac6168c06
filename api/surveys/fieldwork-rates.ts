/*
 * The monitor's rates from counts, the same whichever database counted them: the web completion
 * rate (never above 100%, "not measured" when it cannot be) and the contact outcomes of a
 * response rate.
 */

export interface Completion {
  /** Questionnaires started on the web (counted by the respondent page at the first answer). */
  started: number;
  /** Web responses (not synthetic) received on the days starts were counted. */
  completed: number;
  /** completed / started; null when not measured (see `notMeasured`). Never above 1. */
  rate: number | null;
  /** Why there is no rate: no starts recorded, or more completions than recorded starts. */
  notMeasured: string | null;
}

/** No start was ever counted in the period asked about. */
export const NO_STARTS: Completion = {
  started: 0, completed: 0, rate: null,
  notMeasured: 'no questionnaire starts were recorded (demo data, interviews and responses sent from elsewhere than the web page are not started there)',
};

/**
 * The web completion rate over the days in [from, to]: web responses received ÷ questionnaires
 * started, both counted per UTC day since the start counter exists (responses from days before the
 * first counted start are left out, so the two sides cover the same days). Enumerator interviews
 * are not "started" on the web and are not part of it.
 */
export function completionOf(started: number, completed: number): Completion {
  // More completions than starts means some were not counted when they started (sent from
  // elsewhere, or the start was not reported): a ratio above 100% would measure nothing.
  if (completed > started) return { started, completed, rate: null, notMeasured: `more web responses (${completed}) than recorded starts (${started}): some were started without the start being recorded` };
  return { started, completed, rate: started > 0 ? Math.round((completed / started) * 1000) / 1000 : null, notMeasured: started > 0 ? null : 'no questionnaire starts were recorded in this period' };
}

/**
 * Contacts by outcome, as a response rate needs them: completed interviews, refusals (declined
 * consent) and screened out as not eligible (under 18, not living in BiH).
 */
export interface Outcomes {
  contacts: number;
  interviews: number;
  declined: number;
  notEligible: number;
  /** interviews / (interviews + declined): the not eligible are out of the denominator (AAPOR); null without any. */
  responseRate: number | null;
}

export function outcomesOf(contacts: number, declined: number, notEligible: number): Outcomes {
  const interviews = contacts - declined - notEligible;
  return { contacts, interviews, declined, notEligible, responseRate: interviews + declined > 0 ? Math.round((interviews / (interviews + declined)) * 1000) / 1000 : null };
}

/** A median duration as the monitor shows it: to a tenth of a second. */
export function roundedSeconds(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
