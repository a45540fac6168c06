import { t } from '../items/scales.ts';
import type { Texts } from '../items/types.ts';

/** Questionnaire-level texts of the full BiH instrument: title, consent, page titles, end messages. */
export const TITLE = t(
  'Trust in the police in Bosnia and Herzegovina',
  'Povjerenje u policiju u Bosni i Hercegovini',
  'Povjerenje u policiju u Bosni i Hercegovini',
  'Povjerenje u policiju u Bosni i Hercegovini',
);

export const DESCRIPTION = t(
  'An anonymous survey about the police and the ways you reach them. It takes about 10 minutes.',
  'Anonimna anketa o policiji i načinima na koje s njom stupate u kontakt. Traje oko 10 minuta.',
  'Anonimna anketa o policiji i načinima na koje s njom stupate u kontakt. Traje desetak minuta.',
  'Anonimna anketa o policiji i načinima na koje sa njom stupate u kontakt. Traje oko 10 minuta.',
);

/**
 * What the consent page promises must be what the questionnaire does: every question may be left
 * out except the few marked * that decide who the survey is for and which questions follow, and
 * the sensitive one among those (contact with the police) offers "Prefer not to say".
 * docs/decisions/004-required-questions.md says why.
 */
export const CONSENT_HTML = t(
  '<p>This survey is part of research on trust in the police in Bosnia and Herzegovina. Taking part is voluntary: you may stop at any time, and you may leave out any question that is not marked with *. The few questions marked with * decide which questions follow (whether the survey is for you, where you live, your contact with the police); the one about contact with the police can be answered “Prefer not to say”. We do not record your name, IP address or device, and results are published only as statistics about groups of people.</p>',
  '<p>Ova anketa je dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Učešće je dobrovoljno: možete prekinuti u bilo kojem trenutku i preskočiti svako pitanje koje nije označeno sa *. Nekoliko pitanja označenih sa * određuje koja pitanja slijede (da li je anketa namijenjena Vama, gdje živite, Vaš kontakt s policijom); na pitanje o kontaktu s policijom možete odgovoriti „Ne želim odgovoriti“. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o grupama ljudi.</p>',
  '<p>Ova je anketa dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Sudjelovanje je dobrovoljno: možete prekinuti u bilo kojem trenutku i preskočiti svako pitanje koje nije označeno sa *. Nekoliko pitanja označenih sa * određuje koja pitanja slijede (je li anketa namijenjena Vama, gdje živite, Vaš kontakt s policijom); na pitanje o kontaktu s policijom možete odgovoriti „Ne želim odgovoriti”. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o skupinama ljudi.</p>',
  '<p>Ova anketa je dio istraživanja o povjerenju u policiju u Bosni i Hercegovini. Učešće je dobrovoljno: možete da prekinete u bilo kom trenutku i da preskočite svako pitanje koje nije označeno sa *. Nekoliko pitanja označenih sa * određuje koja pitanja slijede (da li je anketa namijenjena Vama, gdje živite, Vaš kontakt sa policijom); na pitanje o kontaktu sa policijom možete da odgovorite „Ne želim da odgovorim“. Ne bilježimo Vaše ime, IP adresu ni uređaj, a rezultati se objavljuju samo kao statistika o grupama ljudi.</p>',
);

export const PAGE_TITLES: Record<string, Texts> = {
  consent: t('About this survey', 'O ovoj anketi', 'O ovoj anketi', 'O ovoj anketi'),
  residence: t('Where you live', 'Mjesto stanovanja', 'Mjesto stanovanja', 'Mjesto stanovanja'),
  trust: t('Trust in institutions', 'Povjerenje u institucije', 'Povjerenje u institucije', 'Povjerenje u institucije'),
  effectiveness: t('How well the police work', 'Koliko dobro policija radi', 'Koliko dobro policija radi', 'Koliko dobro policija radi'),
  fairness: t('How the police treat people', 'Kako policija postupa s ljudima', 'Kako policija postupa s ljudima', 'Kako policija postupa sa ljudima'),
  integrity: t('The police and the law', 'Policija i zakon', 'Policija i zakon', 'Policija i zakon'),
  legitimacy: t('The police and you', 'Policija i Vi', 'Policija i Vi', 'Policija i Vi'),
  contact: t('Contact with the police', 'Kontakt s policijom', 'Kontakt s policijom', 'Kontakt sa policijom'),
  last_contact: t('Your most recent contact', 'Vaš posljednji kontakt s policijom', 'Vaš posljednji kontakt s policijom', 'Vaš posljednji kontakt sa policijom'),
  channels: t('The police online and ways to reach them', 'Policija na internetu i načini kontakta', 'Policija na internetu i načini kontakta', 'Policija na internetu i načini kontakta'),
  community: t('Your neighbourhood', 'Vaš kraj', 'Vaš kraj', 'Vaš kraj'),
  about_you: t('About you', 'O Vama', 'O Vama', 'O Vama'),
};

export const COMPLETED_HTML = t(
  '<h3>Thank you for taking part.</h3>',
  '<h3>Hvala Vam na učešću.</h3>',
  '<h3>Hvala Vam na sudjelovanju.</h3>',
  '<h3>Hvala Vam na učešću.</h3>',
);

export const DECLINED_HTML = t(
  '<h3>Thank you for your time.</h3><p>You chose not to take part, so no other answers were collected.</p>',
  '<h3>Hvala Vam na vremenu.</h3><p>Odlučili ste da ne učestvujete, pa drugi odgovori nisu prikupljeni.</p>',
  '<h3>Hvala Vam na vremenu.</h3><p>Odlučili ste ne sudjelovati, pa drugi odgovori nisu prikupljeni.</p>',
  '<h3>Hvala Vam na vremenu.</h3><p>Odlučili ste da ne učestvujete, pa drugi odgovori nisu prikupljeni.</p>',
);

export const INELIGIBLE_HTML = t(
  '<h3>Thank you for your interest.</h3><p>This survey is for people aged 18 or older who live in Bosnia and Herzegovina.</p>',
  '<h3>Hvala Vam na interesovanju.</h3><p>Ova anketa je namijenjena osobama koje imaju 18 ili više godina i žive u Bosni i Hercegovini.</p>',
  '<h3>Hvala Vam na interesu.</h3><p>Ova je anketa namijenjena osobama koje imaju 18 ili više godina i žive u Bosni i Hercegovini.</p>',
  '<h3>Hvala Vam na interesovanju.</h3><p>Ova anketa je namijenjena osobama koje imaju 18 ili više godina i žive u Bosni i Hercegovini.</p>',
);
