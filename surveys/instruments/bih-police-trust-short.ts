import { CHANNELS, findItem, ITEM_BANK, itemToQuestion, localize, type Item, type RegionRow } from '../items/index.ts';
import { NO_MISSING, t } from '../items/scales.ts';
import type { IndicatorSpec, SurveyFile } from '../types.ts';
import { SUPPORTED_LANGUAGES } from '../types.ts';
import { ELIGIBLE, screeningEndMessages, screeningPage } from './bih-police-trust-pages.ts';
import { COMPLETED_HTML, PAGE_TITLES } from './bih-police-trust-texts.ts';

export const SHORT_SLUG = 'bih-police-trust-short';

const TITLE = t(
  'Trust in the police in Bosnia and Herzegovina (short form)',
  'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
  'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
  'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
);

const DESCRIPTION = t(
  'The survey is anonymous: we do not record your name, IP address or device. It takes about two minutes.',
  'Anketa je anonimna: ne bilježimo Vaše ime, IP adresu ni uređaj. Traje oko dvije minute.',
  'Anketa je anonimna: ne bilježimo Vaše ime, IP adresu ni uređaj. Traje oko dvije minute.',
  'Anketa je anonimna: ne bilježimo Vaše ime, IP adresu ni uređaj. Traje oko dva minuta.',
);

/** Here only the screening questions and where the respondent lives must be answered; the text says so. */
const CONSENT_HTML = t(
  '<p>This short survey is part of research on trust in the police in Bosnia and Herzegovina. Taking part is voluntary: you may stop at any time, and you may leave out any question that is not marked with *. The questions marked with * tell us whether the survey is for you and where you live. We do not record your name, IP address or device, and results are published only as statistics about groups of people.</p>',
  '<p>Ova kratka anketa je dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Učešće je dobrovoljno: možete prekinuti u bilo kojem trenutku i preskočiti svako pitanje koje nije označeno sa *. Pitanja označena sa * govore nam da li je anketa namijenjena Vama i gdje živite. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o grupama ljudi.</p>',
  '<p>Ova je kratka anketa dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Sudjelovanje je dobrovoljno: možete prekinuti u bilo kojem trenutku i preskočiti svako pitanje koje nije označeno sa *. Pitanja označena sa * govore nam je li anketa namijenjena Vama i gdje živite. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o skupinama ljudi.</p>',
  '<p>Ova kratka anketa je dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Učešće je dobrovoljno: možete da prekinete u bilo kom trenutku i da preskočite svako pitanje koje nije označeno sa *. Pitanja označena sa * govore nam da li je anketa namijenjena Vama i gdje živite. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o grupama ljudi.</p>',
);

/** One question for the region (the short form asks it directly, not as entity then canton). */
function regionItem(regions: RegionRow[]): Item {
  return {
    name: 'region',
    construct: 'residence',
    source: 'Trustlens',
    required: true,
    text: t(
      'In which canton, entity or district do you live?',
      'U kojem kantonu, entitetu ili distriktu živite?',
      'U kojoj županiji (kantonu), entitetu ili distriktu živite?',
      'U kom kantonu, entitetu ili distriktu živite?',
    ),
    scale: { type: 'dropdown', ordered: false, choices: regions.map((region) => ({ value: region.id, text: region.name })) },
    missing: NO_MISSING,
    reverse: false,
  };
}

/** The short form's second page asks about the police only, not the other institutions. */
const TRUST_PAGE_TITLE = t('Trust in the police', 'Povjerenje u policiju', 'Povjerenje u policiju', 'Povjerenje u policiju');

const NO_CONTACT = t('I have had no contact with the police', 'Nisam imao/la kontakt s policijom', 'Nisam imao/la kontakt s policijom', 'Nisam imao/la kontakt sa policijom');

/**
 * The two-minute questionnaire (slug bih-police-trust-short): the same information, consent and
 * eligibility page as the full instrument, the region, trust in the police, two procedural-fairness
 * items and the contact channels, all from the item bank, in all five languages.
 * data/build-instrument.ts writes it to surveys/bih-police-trust-short.json; a test keeps the two equal.
 */
export function buildBihPoliceTrustShort(regions: RegionRow[]): SurveyFile {
  const item = (name: string) => findItem(ITEM_BANK, name);
  const missingOf = (...names: string[]) => [...new Set(names.flatMap((name) => item(name).missing.map((code) => code.value)))].sort((a, b) => a - b);
  const page = (name: string, elements: Record<string, unknown>[]) => ({ name, title: localize(name === 'trust' ? TRUST_PAGE_TITLE : PAGE_TITLES[name]!), visibleIf: ELIGIBLE, elements });
  const indicators: IndicatorSpec[] = [
    { id: 'trust_fav', label: { default: 'Trusts the police (6-10)', bs: 'Vjeruje policiji (6-10)' }, type: 'share', item: 'trust_police', favourable: [6, 7, 8, 9, 10], missing: missingOf('trust_police'), ci: 'logit' },
    { id: 'trust_mean', label: { default: 'Trust in the police, mean 0-10', bs: 'Povjerenje u policiju, prosjek 0-10' }, type: 'mean', item: 'trust_police', missing: missingOf('trust_police'), ci: 't' },
    {
      id: 'pf_score', label: { default: 'Procedural fairness, 0-100', bs: 'Proceduralna pravednost, 0-100' }, type: 'scale', items: ['pf_respect', 'pf_fair'], reverse: [], minValid: 2,
      missing: missingOf('pf_respect', 'pf_fair'), rescale: { from: [1, 4], to: [0, 100] },
    },
  ];
  return {
    slug: SHORT_SLUG,
    definition: {
      title: localize(TITLE),
      description: localize(DESCRIPTION),
      showQuestionNumbers: 'off',
      showProgressBar: 'top',
      completedHtml: localize(COMPLETED_HTML),
      completedHtmlOnCondition: screeningEndMessages(),
      pages: [
        screeningPage(ITEM_BANK, CONSENT_HTML),
        page('residence', [itemToQuestion(regionItem(regions))]),
        page('trust', [itemToQuestion(item('trust_police')), itemToQuestion(item('pf_respect')), itemToQuestion(item('pf_fair'))]),
        // Asked of everyone, not only after a "yes" to contact_any (not asked here): the "none"
        // answer is its own filter, and the question is optional like every other one here.
        page('contact', [itemToQuestion({ ...item('channels_used'), askedIf: undefined }, { showNoneItem: true, noneText: localize(NO_CONTACT) })]),
      ],
    },
    meta: {
      languages: [...SUPPORTED_LANGUAGES],
      design: {},
      dimensions: {
        region: { column: 'region' },
        channel: { multiple: Object.fromEntries(CHANNELS.map((channel) => [String(channel.value), `channels_used_${channel.value}`])) },
      },
      indicators,
      reliability: [{ id: 'pf', items: ['pf_respect', 'pf_fair'] }],
      suppression: { minN: 30, flagBelowN: 60, flagRse: 0.3 },
    },
  };
}
