import { latinToCyrillic } from '../../../surveys/transliterate.ts';

/** Texts of the respondent page itself (not of the questionnaire), in every language we offer. */
export interface PageMessages {
  language: string;
  loading: string;
  notFound: string;
  loadFailed: string;
  sending: string;
  waiting: (seconds: number) => string;
  tryNow: string;
  thanks: string;
  thanksDetail: string;
  rejected: string;
  earlierPending: (count: number) => string;
  earlierSent: string;
  closed: string;
  nextInterview: string;
}

const en: PageMessages = {
  language: 'Language',
  loading: 'Loading the questionnaire…',
  notFound: 'This survey does not exist or is not open.',
  loadFailed: 'The questionnaire could not be loaded. Check your connection and reload the page.',
  sending: 'Sending your answers…',
  waiting: (seconds) => `Your answers could not be sent: there is no connection to the server. They are kept safely on this device and we will try again in ${seconds} s.`,
  tryNow: 'Try again now',
  thanks: 'Thank you!',
  thanksDetail: 'Your answers have been saved.',
  rejected: 'The server did not accept your answers. They are kept on this device. Please tell the survey team:',
  earlierPending: (count) => `${count} earlier questionnaire(s) from this device are waiting to be sent; we keep trying.`,
  earlierSent: 'Answers saved on this device earlier have now been sent.',
  closed: 'This survey has closed and no longer accepts answers. Thank you for your interest.',
  nextInterview: 'Start the next interview',
};

const bs: PageMessages = {
  language: 'Jezik',
  loading: 'Učitavanje upitnika…',
  notFound: 'Ova anketa ne postoji ili nije otvorena.',
  loadFailed: 'Upitnik se nije mogao učitati. Provjerite vezu i ponovo učitajte stranicu.',
  sending: 'Slanje Vaših odgovora…',
  waiting: (seconds) => `Vaši odgovori nisu poslani: nema veze sa serverom. Sigurno su sačuvani na ovom uređaju i pokušat ćemo ponovo za ${seconds} s.`,
  tryNow: 'Pokušaj ponovo sada',
  thanks: 'Hvala Vam!',
  thanksDetail: 'Vaši odgovori su sačuvani.',
  rejected: 'Server nije prihvatio Vaše odgovore. Sačuvani su na ovom uređaju. Molimo obavijestite istraživački tim:',
  earlierPending: (count) => `Ranije popunjeni upitnici s ovog uređaja (${count}) čekaju na slanje; nastavljamo pokušavati.`,
  earlierSent: 'Odgovori ranije sačuvani na ovom uređaju sada su poslani.',
  closed: 'Ova anketa je završena i više ne prima odgovore. Hvala na interesu.',
  nextInterview: 'Započni sljedeći intervju',
};

const hr: PageMessages = {
  ...bs,
  loading: 'Učitavanje upitnika…',
  notFound: 'Ova anketa ne postoji ili nije otvorena.',
  loadFailed: 'Upitnik se nije mogao učitati. Provjerite vezu i ponovno učitajte stranicu.',
  sending: 'Slanje vaših odgovora…',
  waiting: (seconds) => `Vaši odgovori nisu poslani: nema veze s poslužiteljem. Sigurno su spremljeni na ovom uređaju i pokušat ćemo ponovno za ${seconds} s.`,
  tryNow: 'Pokušaj ponovno sada',
  thanks: 'Hvala vam!',
  thanksDetail: 'Vaši su odgovori spremljeni.',
  rejected: 'Poslužitelj nije prihvatio vaše odgovore. Spremljeni su na ovom uređaju. Molimo obavijestite istraživački tim:',
  earlierPending: (count) => `Ranije ispunjeni upitnici s ovog uređaja (${count}) čekaju na slanje; nastavljamo pokušavati.`,
  earlierSent: 'Odgovori ranije spremljeni na ovom uređaju sada su poslani.',
  closed: 'Ova je anketa završena i više ne prima odgovore. Hvala na interesu.',
  nextInterview: 'Započni sljedeći intervju',
};

const srLatn: PageMessages = {
  ...bs,
  language: 'Jezik',
  loading: 'Učitavanje upitnika…',
  notFound: 'Ova anketa ne postoji ili nije otvorena.',
  loadFailed: 'Upitnik nije mogao da se učita. Provjerite vezu i ponovo učitajte stranicu.',
  sending: 'Slanje Vaših odgovora…',
  waiting: (seconds) => `Vaši odgovori nisu poslati: nema veze sa serverom. Bezbjedno su sačuvani na ovom uređaju i pokušaćemo ponovo za ${seconds} s.`,
  tryNow: 'Pokušaj ponovo sada',
  thanks: 'Hvala Vam!',
  thanksDetail: 'Vaši odgovori su sačuvani.',
  rejected: 'Server nije prihvatio Vaše odgovore. Sačuvani su na ovom uređaju. Molimo obavijestite istraživački tim:',
  earlierPending: (count) => `Ranije popunjeni upitnici sa ovog uređaja (${count}) čekaju na slanje; nastavljamo da pokušavamo.`,
  earlierSent: 'Odgovori ranije sačuvani na ovom uređaju sada su poslati.',
  closed: 'Ova anketa je završena i više ne prima odgovore. Hvala na interesovanju.',
  nextInterview: 'Započni sljedeći intervju',
};

/** Serbian Cyrillic is generated from Serbian Latin, never typed twice. */
function toCyrillic(messages: PageMessages): PageMessages {
  return {
    ...(Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, typeof text === 'string' ? latinToCyrillic(text) : text])) as PageMessages),
    waiting: (seconds) => latinToCyrillic(messages.waiting(seconds)),
    earlierPending: (count) => latinToCyrillic(messages.earlierPending(count)),
  };
}

const byLanguage: Record<string, PageMessages> = { en, bs, hr, 'sr-Latn': srLatn, 'sr-Cyrl': toCyrillic(srLatn) };

/** The page texts for a language, falling back to English for one we have no texts for. */
export function pageMessages(language: string): PageMessages {
  return byLanguage[language] ?? en;
}
