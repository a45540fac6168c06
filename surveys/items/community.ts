import { choices, MISSING_SHORT, MISSING_SHORT_EXPORT, t, YES_NO } from './scales.ts';
import type { Item } from './types.ts';

/** Community policing and the feeling of safety after dark. */
export const COMMUNITY_ITEMS: Item[] = [
  {
    name: 'cp_knows_officer',
    construct: 'community_policing',
    source: 'Trustlens',
    text: t(
      'Do you know who the community police officer for your area is?',
      'Da li znate ko je policajac za rad u zajednici za Vaše područje?',
      'Znate li tko je kontakt-policajac za Vaše područje?',
      'Da li znate ko je policajac za rad u zajednici za Vaše područje?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO, favourable: [1], unfavourable: [2] },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'cp_meeting',
    construct: 'community_policing',
    source: 'Trustlens',
    text: t(
      'In the last 12 months, have you attended a meeting about safety in your local community, for example of a local safety council or forum?',
      'Da li ste u posljednjih 12 mjeseci prisustvovali sastanku o sigurnosti u Vašoj lokalnoj zajednici, npr. sastanku savjeta ili foruma za sigurnost?',
      'Jeste li u posljednjih 12 mjeseci sudjelovali na sastanku o sigurnosti u Vašoj lokalnoj zajednici, npr. sastanku vijeća ili foruma za sigurnost?',
      'Da li ste u posljednjih 12 mjeseci prisustvovali sastanku o bezbjednosti u Vašoj lokalnoj zajednici, npr. sastanku savjeta ili foruma za bezbjednost?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO, favourable: [1], unfavourable: [2] },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'safe_dark',
    construct: 'safety',
    ess: 'aesfdrk',
    source: 'ESS aesfdrk, project wording',
    text: t(
      'How safe do you feel, or would you feel, walking alone in your area after dark?',
      'Koliko se sigurno osjećate, ili biste se osjećali, kada sami hodate po svom kraju nakon što padne mrak?',
      'Koliko se sigurno osjećate, ili biste se osjećali, kad sami hodate po svom kraju nakon što padne mrak?',
      'Koliko se bezbjedno osjećate, ili biste se osjećali, kada sami hodate po svom kraju nakon što padne mrak?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3, 4], [
        t('Very safe', 'Veoma sigurno', 'Vrlo sigurno', 'Veoma bezbjedno'),
        t('Safe', 'Sigurno', 'Sigurno', 'Bezbjedno'),
        t('Unsafe', 'Nesigurno', 'Nesigurno', 'Nebezbjedno'),
        t('Very unsafe', 'Veoma nesigurno', 'Vrlo nesigurno', 'Veoma nebezbjedno'),
      ]),
      favourable: [1, 2],
      unfavourable: [3, 4],
    },
    missing: MISSING_SHORT,
    reverse: true,
  },
];
