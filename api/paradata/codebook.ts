import type { CodebookEntry } from '../exports/codebook.ts';
import type { SurveyLayout } from '../indicators/survey-layout.ts';
import { PARADATA_MEASURES, pageColumn, paradataPages } from './export.ts';

const TEXT: Record<(typeof PARADATA_MEASURES)[number] | 'enumerator_id', [string, string]> = {
  enumerator_id: ['integer', 'Account number of the enumerator who conducted the interview (empty for self-completion)'],
  para_duration_seconds: ['number', 'Seconds from the questionnaire shown to completed, by the device clock (completed_at - started_at)'],
  para_app_version: ['string', 'Version of the Trustlens app that collected the answers'],
  para_offline_seconds: ['number', 'Seconds the open page saw the device offline between showing the questionnaire and the send that was stored (time with the page closed is not seen)'],
  para_queued_seconds: ['number', 'Seconds between completion and the send that was stored: how long the response waited on the device'],
  para_language_switches: ['integer', 'Times the language was changed while answering'],
  para_languages: ['string', 'Languages in the order used, space-separated (the first shown, then each one switched to)'],
};

/**
 * Codebook entries of the paradata file (exports/paradata.csv, the "paradata" sheet of
 * microdata.xlsx): the columns it adds to the microdata's id, version, mode, started_at and
 * completed_at. Empty cells: the client sent no paradata (an older app), or never showed the page.
 */
export function paradataCodebook(survey: SurveyLayout): CodebookEntry[] {
  const languages = survey.versions.at(-1)?.meta.languages ?? ['en'];
  const allVersions = survey.versions.map((version) => version.version);
  const entry = (variable: string, type: string, text: string, versions: number[]): CodebookEntry => ({
    variable, question: null, type, construct: 'paradata', essVariable: null, values: [], missing: [], nativeCodes: [], versions, originalName: null,
    text: Object.fromEntries(languages.map((language) => [language, language === 'en' ? text : null])),
  });
  return [
    ...(['enumerator_id', ...PARADATA_MEASURES] as const).map((name) => entry(name, TEXT[name][0], TEXT[name][1], allVersions)),
    ...paradataPages(survey).map(({ page, versions }) => entry(pageColumn(page), 'number', `Seconds on page "${page}", summed over visits`, versions)),
  ];
}
