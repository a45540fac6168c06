/**
 * The language to open a questionnaire in: `?lang=` when the link names one the survey offers,
 * else the first of the browser's languages it offers (matching "sr-Cyrl-BA" to "sr-Cyrl",
 * "bs-BA" to "bs"), else the survey's first language.
 */
export function chooseLanguage(offered: string[], search: string, browserLanguages: readonly string[]): string {
  const requested = new URLSearchParams(search).get('lang');
  if (requested && offered.includes(requested)) return requested;
  for (const browser of browserLanguages) {
    const match = offered.find((language) => browser === language || browser.startsWith(`${language}-`));
    if (match) return match;
  }
  return offered[0] ?? 'en';
}
