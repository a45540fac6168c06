import { CHANNELS } from './channel-list.ts';
import { choices, MISSING_SHORT_EXPORT, NO_MISSING, REFUSAL_OFFERED, SATISFIED_5, t, YES_NO } from './scales.ts';
import type { Item } from './types.ts';

/** The filter of every question about contacts: asked only of someone who had contact with the police. */
export const HAD_CONTACT = '{contact_any} = 1';

/** Contact with the police in the last 12 months and the most recent contact. */
export const CONTACT_ITEMS: Item[] = [
  {
    name: 'contact_any',
    construct: 'contact',
    source: 'Trustlens',
    required: true,
    text: t(
      'In the last 12 months, have you been in contact with the police in any way? For example, you contacted them, they stopped or approached you, or you met them at a meeting.',
      'Jeste li u posljednjih 12 mjeseci na bilo koji način bili u kontaktu s policijom? Na primjer, Vi ste se obratili policiji, policija je Vas zaustavila ili Vam se obratila, ili ste policajce sreli na nekom sastanku.',
      'Jeste li u posljednjih 12 mjeseci na bilo koji način bili u kontaktu s policijom? Primjerice, Vi ste se obratili policiji, policija je Vas zaustavila ili Vam se obratila, ili ste policajce susreli na nekom sastanku.',
      'Da li ste u posljednjih 12 mjeseci na bilo koji način bili u kontaktu sa policijom? Na primjer, Vi ste se obratili policiji, policija je Vas zaustavila ili Vam se obratila, ili ste policajce sreli na nekom sastanku.',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO },
    // Required (it decides which questions follow) and sensitive, so it can be declined.
    missing: REFUSAL_OFFERED,
    reverse: false,
  },
  {
    name: 'contact_initiated',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT },
    source: 'Trustlens',
    text: t('Who started these contacts?', 'Ko je započeo te kontakte?', 'Tko je započeo te kontakte?', 'Ko je započeo te kontakte?'),
    scale: {
      type: 'radiogroup',
      ordered: false,
      choices: choices(['self', 'police', 'both'], [
        t('I (or someone in my household) contacted the police', 'Ja (ili neko iz mog domaćinstva) sam se obratio/la policiji', 'Ja (ili netko iz mog kućanstva) sam se obratio/la policiji', 'Ja (ili neko iz mog domaćinstva) sam se obratio/la policiji'),
        t('The police contacted me', 'Policija se obratila meni', 'Policija se obratila meni', 'Policija se obratila meni'),
        t('Both', 'I jedno i drugo', 'I jedno i drugo', 'I jedno i drugo'),
      ]),
    },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'channels_used',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT, requiredWhenShown: true },
    source: 'Trustlens; channel list from DOMAIN.md',
    text: t(
      'In the last 12 months, in which of these ways were you in contact with the police? Select all that apply.',
      'Na koje ste od ovih načina u posljednjih 12 mjeseci bili u kontaktu s policijom? Označite sve što se odnosi na Vas.',
      'Na koje ste od ovih načina u posljednjih 12 mjeseci bili u kontaktu s policijom? Označite sve što se odnosi na Vas.',
      'Na koje ste od ovih načina u posljednjih 12 mjeseci bili u kontaktu sa policijom? Označite sve što se odnosi na Vas.',
    ),
    scale: { type: 'checkbox', choices: CHANNELS },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'last_channel',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT, choicesVisibleIf: '{channels_used} contains {item}' },
    source: 'Trustlens',
    text: t(
      'Think of your most recent contact with the police. How did it take place?',
      'Sjetite se svog posljednjeg kontakta s policijom. Na koji način se odvio?',
      'Sjetite se svog posljednjeg kontakta s policijom. Na koji se način odvio?',
      'Sjetite se svog posljednjeg kontakta sa policijom. Na koji način se odvio?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: CHANNELS },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'last_reason',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT },
    source: 'Trustlens',
    text: t('What was the main reason for that contact?', 'Šta je bio glavni razlog tog kontakta?', 'Što je bio glavni razlog tog kontakta?', 'Šta je bio glavni razlog tog kontakta?'),
    scale: {
      type: 'radiogroup',
      ordered: false,
      choices: choices(['report_crime', 'report_other', 'stopped', 'documents', 'information', 'witness', 'community', 'other'], [
        t('To report a crime against me or my household', 'Prijava krivičnog djela protiv mene ili mog domaćinstva', 'Prijava kaznenog djela protiv mene ili mog kućanstva', 'Prijava krivičnog djela protiv mene ili mog domaćinstva'),
        t('To report an accident, a disturbance or something suspicious', 'Prijava nesreće, remećenja javnog reda ili nečeg sumnjivog', 'Prijava nesreće, narušavanja javnog reda ili nečeg sumnjivog', 'Prijava nesreće, narušavanja javnog reda i mira ili nečeg sumnjivog'),
        t('I was stopped or checked by the police (traffic, identity check)', 'Policija me zaustavila ili provjerila (saobraćaj, provjera identiteta)', 'Policija me zaustavila ili provjerila (promet, provjera identiteta)', 'Policija me zaustavila ili provjerila (saobraćaj, provjera identiteta)'),
        t('Documents, permits or certificates', 'Dokumenti, dozvole ili uvjerenja', 'Dokumenti, dozvole ili potvrde', 'Dokumenti, dozvole ili uvjerenja'),
        t('To ask for advice or information', 'Traženje savjeta ili informacija', 'Traženje savjeta ili informacija', 'Traženje savjeta ili informacija'),
        t('As a witness or in an investigation', 'Kao svjedok ili u vezi s istragom', 'Kao svjedok ili u vezi s istragom', 'Kao svjedok ili u vezi sa istragom'),
        t('A community or safety meeting, a school or neighbourhood event', 'Sastanak u zajednici ili o sigurnosti, događaj u školi ili naselju', 'Sastanak u zajednici ili o sigurnosti, događaj u školi ili naselju', 'Sastanak u zajednici ili o bezbjednosti, događaj u školi ili naselju'),
        t('Something else', 'Nešto drugo', 'Nešto drugo', 'Nešto drugo'),
      ]),
    },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'last_satisfaction',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT },
    source: 'Trustlens',
    text: t(
      'Overall, how satisfied were you with the way the police handled that contact?',
      'Sve u svemu, koliko ste bili zadovoljni načinom na koji je policija postupila tom prilikom?',
      'Sve u svemu, koliko ste bili zadovoljni načinom na koji je policija postupila tom prilikom?',
      'Sve u svemu, koliko ste bili zadovoljni načinom na koji je policija postupila tom prilikom?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: SATISFIED_5, favourable: [4, 5], unfavourable: [1, 2] },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'last_respect',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT },
    source: 'Trustlens',
    text: t(
      'Did the police treat you with respect during that contact?',
      'Da li je policija tom prilikom prema Vama postupala s poštovanjem?',
      'Je li policija tom prilikom prema Vama postupala s poštovanjem?',
      'Da li je policija tom prilikom prema Vama postupala sa poštovanjem?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3, 4], [
        t('Not at all', 'Nimalo', 'Nimalo', 'Nimalo'),
        t('Mostly not', 'Uglavnom ne', 'Uglavnom ne', 'Uglavnom ne'),
        t('Mostly yes', 'Uglavnom da', 'Uglavnom da', 'Uglavnom da'),
        t('Yes, completely', 'Da, u potpunosti', 'Da, u potpunosti', 'Da, u potpunosti'),
      ]),
      favourable: [3, 4],
      unfavourable: [1, 2],
    },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'last_solved',
    construct: 'contact',
    askedIf: { visibleIf: HAD_CONTACT },
    source: 'Trustlens',
    text: t(
      'Was the matter resolved, or did you get what you needed?',
      'Da li je stvar riješena, odnosno da li ste dobili ono što Vam je trebalo?',
      'Je li stvar riješena, odnosno jeste li dobili ono što Vam je trebalo?',
      'Da li je stvar riješena, odnosno da li ste dobili ono što Vam je bilo potrebno?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3], [
        t('Yes, completely', 'Da, u potpunosti', 'Da, u potpunosti', 'Da, u potpunosti'),
        t('Partly', 'Djelimično', 'Djelomično', 'Djelimično'),
        t('No', 'Ne', 'Ne', 'Ne'),
      ]),
      favourable: [1],
      unfavourable: [3],
    },
    missing: [
      { value: 5, meaning: 'not_applicable', offered: true, text: t('It is still going on', 'Još je u toku', 'Još je u tijeku', 'Još je u toku') },
      ...MISSING_SHORT_EXPORT,
    ],
    reverse: true,
  },
];
