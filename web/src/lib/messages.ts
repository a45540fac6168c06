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
  interviewSaved: string;
  attention: string;
  serverSaid: string;
  adviceSignIn: string;
  adviceNotAssigned: string;
  adviceConflict: string;
  adviceGone: string;
  adviceInvalid: string;
  adviceOther: string;
  sendAgain: string;
  earlierPending: (count: number) => string;
  earlierSent: string;
  earlierAttention: (count: number) => string;
  closed: string;
  nextInterview: string;
  notAssigned: string;
  backToInterviews: string;
  resumeTitle: string;
  resumeDetail: (savedAt: string) => string;
  resumeContinue: string;
  resumeStartOver: string;
  queueLine: (waiting: number, lastConfirmed?: string) => string;
  waitingForSignIn: string;
  signInAgain: string;
  updateReady: string;
  updateNow: string;
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
  interviewSaved: 'The interview has been saved.',
  attention: 'Needs attention: the server did not accept these answers. They are kept on this device and will not be sent again by themselves.',
  serverSaid: 'The server said:',
  adviceSignIn: 'Your session has ended. Sign in again, then press “Send again”.',
  adviceNotAssigned: 'You are not assigned to this survey. Ask the survey’s researcher to assign you, then press “Send again”.',
  adviceConflict: 'Fieldwork may have closed, or these answers clash with answers already stored. Tell the survey team, quoting the message above, and press “Send again” once they say so.',
  adviceGone: 'This survey is no longer on the server. Tell the survey team.',
  adviceInvalid: 'The answers do not fit the questionnaire on the server (it may have changed). Tell the survey team, quoting the message above.',
  adviceOther: 'Tell the survey team, quoting the message above.',
  sendAgain: 'Send again',
  earlierPending: (count) => `${count} earlier questionnaire(s) from this device are waiting to be sent; we keep trying.`,
  earlierSent: 'Answers saved on this device earlier have now been sent.',
  earlierAttention: (count) => `${count} questionnaire(s) completed earlier on this device were not accepted by the server and need attention.`,
  closed: 'This survey has closed and no longer accepts answers. Thank you for your interest.',
  nextInterview: 'Start the next interview',
  notAssigned: 'You are not assigned to this survey, so interviews for it would not be accepted. Ask the survey’s researcher to assign you, then open it again from your list of interviews.',
  backToInterviews: 'Back to your interviews',
  resumeTitle: 'Unfinished answers on this device',
  resumeDetail: (savedAt) => `Answers to this questionnaire were last saved on this device at ${savedAt}. Continue where they stopped, or start over with an empty form?`,
  resumeContinue: 'Continue',
  resumeStartOver: 'Start over',
  queueLine: (waiting, lastConfirmed) => `${waiting} interview(s) on this device waiting to be sent. ${lastConfirmed ? `Last confirmed by the server: ${lastConfirmed}.` : 'None confirmed by the server yet.'}`,
  waitingForSignIn: 'Your session has ended. The interview is kept on this device and will be sent as soon as you sign in again.',
  signInAgain: 'Sign in again',
  updateReady: 'A new version of Trustlens is ready. Answers waiting to be sent are kept.',
  updateNow: 'Update now',
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
  interviewSaved: 'Intervju je sačuvan.',
  attention: 'Potrebna je Vaša pažnja: server nije prihvatio ove odgovore. Sačuvani su na ovom uređaju i neće se sami ponovo slati.',
  serverSaid: 'Poruka servera:',
  adviceSignIn: 'Vaša sesija je istekla. Ponovo se prijavite, a zatim pritisnite „Pošalji ponovo“.',
  adviceNotAssigned: 'Niste raspoređeni na ovu anketu. Zamolite istraživača ankete da Vas rasporedi, a zatim pritisnite „Pošalji ponovo“.',
  adviceConflict: 'Anketiranje je možda završeno ili se ovi odgovori razlikuju od već sačuvanih. Obavijestite istraživački tim i navedite gornju poruku, a „Pošalji ponovo“ pritisnite kada Vam to kažu.',
  adviceGone: 'Ova anketa više ne postoji na serveru. Obavijestite istraživački tim.',
  adviceInvalid: 'Odgovori ne odgovaraju upitniku na serveru (možda je izmijenjen). Obavijestite istraživački tim i navedite gornju poruku.',
  adviceOther: 'Obavijestite istraživački tim i navedite gornju poruku.',
  sendAgain: 'Pošalji ponovo',
  earlierPending: (count) => `Ranije popunjeni upitnici s ovog uređaja (${count}) čekaju na slanje; nastavljamo pokušavati.`,
  earlierSent: 'Odgovori ranije sačuvani na ovom uređaju sada su poslani.',
  earlierAttention: (count) => `Server nije prihvatio ranije popunjene upitnike s ovog uređaja (${count}); potrebna je Vaša pažnja.`,
  closed: 'Ova anketa je završena i više ne prima odgovore. Hvala na interesu.',
  nextInterview: 'Započni sljedeći intervju',
  notAssigned: 'Niste raspoređeni na ovu anketu, pa intervjui za nju ne bi bili prihvaćeni. Zamolite istraživača ankete da Vas rasporedi, a zatim je ponovo otvorite sa svog spiska intervjua.',
  backToInterviews: 'Nazad na Vaše intervjue',
  resumeTitle: 'Nedovršeni odgovori na ovom uređaju',
  resumeDetail: (savedAt) => `Odgovori na ovaj upitnik posljednji put su sačuvani na ovom uređaju ${savedAt}. Nastaviti gdje ste stali ili početi ispočetka s praznim obrascem?`,
  resumeContinue: 'Nastavi',
  resumeStartOver: 'Počni ispočetka',
  queueLine: (waiting, lastConfirmed) => `Intervjui na ovom uređaju koji čekaju na slanje: ${waiting}. ${lastConfirmed ? `Server je posljednji put potvrdio prijem: ${lastConfirmed}.` : 'Server još nije potvrdio nijedan.'}`,
  waitingForSignIn: 'Vaša sesija je istekla. Intervju je sačuvan na ovom uređaju i bit će poslan čim se ponovo prijavite.',
  signInAgain: 'Prijavite se ponovo',
  updateReady: 'Nova verzija Trustlensa je spremna. Odgovori koji čekaju na slanje ostaju sačuvani.',
  updateNow: 'Ažuriraj sada',
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
  interviewSaved: 'Intervju je spremljen.',
  attention: 'Potrebna je vaša pozornost: poslužitelj nije prihvatio ove odgovore. Spremljeni su na ovom uređaju i neće se sami ponovno slati.',
  serverSaid: 'Poruka poslužitelja:',
  adviceSignIn: 'Vaša je sesija istekla. Ponovno se prijavite, a zatim pritisnite „Pošalji ponovno”.',
  adviceNotAssigned: 'Niste raspoređeni na ovu anketu. Zamolite istraživača ankete da vas rasporedi, a zatim pritisnite „Pošalji ponovno”.',
  adviceConflict: 'Anketiranje je možda završeno ili se ovi odgovori razlikuju od već spremljenih. Obavijestite istraživački tim i navedite gornju poruku, a „Pošalji ponovno” pritisnite kada vam to kažu.',
  adviceGone: 'Ova anketa više ne postoji na poslužitelju. Obavijestite istraživački tim.',
  adviceInvalid: 'Odgovori ne odgovaraju upitniku na poslužitelju (možda je izmijenjen). Obavijestite istraživački tim i navedite gornju poruku.',
  adviceOther: 'Obavijestite istraživački tim i navedite gornju poruku.',
  sendAgain: 'Pošalji ponovno',
  earlierPending: (count) => `Ranije ispunjeni upitnici s ovog uređaja (${count}) čekaju na slanje; nastavljamo pokušavati.`,
  earlierSent: 'Odgovori ranije spremljeni na ovom uređaju sada su poslani.',
  earlierAttention: (count) => `Poslužitelj nije prihvatio ranije ispunjene upitnike s ovog uređaja (${count}); potrebna je vaša pozornost.`,
  closed: 'Ova je anketa završena i više ne prima odgovore. Hvala na interesu.',
  nextInterview: 'Započni sljedeći intervju',
  notAssigned: 'Niste raspoređeni na ovu anketu pa intervjui za nju ne bi bili prihvaćeni. Zamolite istraživača ankete da vas rasporedi, a zatim je ponovno otvorite sa svog popisa intervjua.',
  backToInterviews: 'Natrag na vaše intervjue',
  resumeTitle: 'Nedovršeni odgovori na ovom uređaju',
  resumeDetail: (savedAt) => `Odgovori na ovaj upitnik posljednji su put spremljeni na ovom uređaju ${savedAt}. Nastaviti gdje ste stali ili početi ispočetka s praznim obrascem?`,
  resumeContinue: 'Nastavi',
  resumeStartOver: 'Počni ispočetka',
  queueLine: (waiting, lastConfirmed) => `Intervjui na ovom uređaju koji čekaju na slanje: ${waiting}. ${lastConfirmed ? `Poslužitelj je posljednji put potvrdio primitak: ${lastConfirmed}.` : 'Poslužitelj još nije potvrdio nijedan.'}`,
  waitingForSignIn: 'Vaša je sesija istekla. Intervju je spremljen na ovom uređaju i bit će poslan čim se ponovno prijavite.',
  signInAgain: 'Ponovno se prijavite',
  updateReady: 'Nova inačica Trustlensa je spremna. Odgovori koji čekaju na slanje ostaju sačuvani.',
  updateNow: 'Ažuriraj sada',
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
  earlierPending: (count) => `Ranije popunjeni upitnici sa ovog uređaja (${count}) čekaju na slanje; nastavljamo da pokušavamo.`,
  earlierSent: 'Odgovori ranije sačuvani na ovom uređaju sada su poslati.',
  earlierAttention: (count) => `Server nije prihvatio ranije popunjene upitnike sa ovog uređaja (${count}); potrebna je Vaša pažnja.`,
  notAssigned: 'Niste raspoređeni na ovu anketu, pa intervjui za nju ne bi bili prihvaćeni. Zamolite istraživača ankete da Vas rasporedi, a zatim je ponovo otvorite sa svog spiska intervjua.',
  closed: 'Ova anketa je završena i više ne prima odgovore. Hvala na interesovanju.',
  nextInterview: 'Započni sljedeći intervju',
  resumeTitle: 'Nedovršeni odgovori na ovom uređaju',
  resumeDetail: (savedAt) => `Odgovori na ovaj upitnik posljednji put su sačuvani na ovom uređaju ${savedAt}. Nastaviti gdje ste stali ili početi iz početka sa praznim obrascem?`,
  resumeContinue: 'Nastavi',
  resumeStartOver: 'Počni iz početka',
  queueLine: (waiting, lastConfirmed) => `Intervjui na ovom uređaju koji čekaju na slanje: ${waiting}. ${lastConfirmed ? `Server je posljednji put potvrdio prijem: ${lastConfirmed}.` : 'Server još nije potvrdio nijedan.'}`,
  waitingForSignIn: 'Vaša sesija je istekla. Intervju je sačuvan na ovom uređaju i biće poslat čim se ponovo prijavite.',
  signInAgain: 'Prijavite se ponovo',
  updateReady: 'Nova verzija Trustlensa je spremna. Odgovori koji čekaju na slanje ostaju sačuvani.',
  updateNow: 'Ažuriraj sada',
};

/** Serbian Cyrillic is generated from Serbian Latin, never typed twice. */
function toCyrillic(messages: PageMessages): PageMessages {
  return {
    ...(Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, typeof text === 'string' ? latinToCyrillic(text) : text])) as PageMessages),
    waiting: (seconds) => latinToCyrillic(messages.waiting(seconds)),
    earlierPending: (count) => latinToCyrillic(messages.earlierPending(count)),
    earlierAttention: (count) => latinToCyrillic(messages.earlierAttention(count)),
    resumeDetail: (savedAt) => latinToCyrillic(messages.resumeDetail(savedAt)),
    queueLine: (waiting, lastConfirmed) => latinToCyrillic(messages.queueLine(waiting, lastConfirmed)),
  };
}

const byLanguage: Record<string, PageMessages> = { en, bs, hr, 'sr-Latn': srLatn, 'sr-Cyrl': toCyrillic(srLatn) };

/** What a person can do about a refused submission, by the server's status. */
export function adviceFor(messages: PageMessages, status: number, interview: boolean): string {
  if (status === 401) return messages.adviceSignIn;
  if (status === 403) return interview ? messages.adviceNotAssigned : messages.adviceOther;
  if (status === 409) return messages.adviceConflict;
  if (status === 404 || status === 410) return messages.adviceGone;
  if (status === 400 || status === 413 || status === 422) return messages.adviceInvalid;
  return messages.adviceOther;
}

/** The page texts for a language, falling back to English for one we have no texts for. */
export function pageMessages(language: string): PageMessages {
  return byLanguage[language] ?? en;
}
