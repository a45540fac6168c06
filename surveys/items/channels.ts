import { INFORMATION_CHANNELS, REPORTING_CHANNELS } from './channel-list.ts';
import { choices, MISSING_0_10, MISSING_SHORT, MISSING_SHORT_EXPORT, t, YES_NO, zeroToTen } from './scales.ts';
import type { Item } from './types.ts';

/** Awareness of police social media and preferred channels. */
export const CHANNEL_ITEMS: Item[] = [
  {
    name: 'sm_aware',
    construct: 'channels',
    source: 'Trustlens',
    text: t(
      'Did you know that the police in your area have accounts on social media, such as Facebook?',
      'Da li ste znali da policija u Vašem kraju ima profile na društvenim mrežama, npr. na Facebooku?',
      'Jeste li znali da policija u Vašem kraju ima profile na društvenim mrežama, npr. na Facebooku?',
      'Da li ste znali da policija u Vašem kraju ima profile na društvenim mrežama, npr. na Facebooku?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO, favourable: [1], unfavourable: [2] },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'sm_follows',
    construct: 'channels',
    askedIf: { visibleIf: '{sm_aware} = 1' },
    source: 'Trustlens',
    text: t(
      'Do you follow any police account on social media?',
      'Da li pratite neki od profila policije na društvenim mrežama?',
      'Pratite li neki od profila policije na društvenim mrežama?',
      'Da li pratite neki od profila policije na društvenim mrežama?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO, favourable: [1], unfavourable: [2] },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'report_online',
    construct: 'channels',
    source: 'Trustlens',
    text: t(
      'Would you report a non-urgent problem to the police online, for example a stolen bicycle or damaged property?',
      'Da li biste policiji putem interneta prijavili problem koji nije hitan, npr. ukradeni bicikl ili oštećenu imovinu?',
      'Biste li policiji putem interneta prijavili problem koji nije hitan, npr. ukradeni bicikl ili oštećenu imovinu?',
      'Da li biste policiji putem interneta prijavili problem koji nije hitan, npr. ukradeni bicikl ili oštećenu imovinu?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3, 4], [
        t('Definitely yes', 'Sigurno da', 'Sigurno da', 'Sigurno da'),
        t('Probably yes', 'Vjerovatno da', 'Vjerojatno da', 'Vjerovatno da'),
        t('Probably not', 'Vjerovatno ne', 'Vjerojatno ne', 'Vjerovatno ne'),
        t('Definitely not', 'Sigurno ne', 'Sigurno ne', 'Sigurno ne'),
      ]),
      favourable: [1, 2],
      unfavourable: [3, 4],
    },
    missing: MISSING_SHORT,
    reverse: true,
  },
  {
    name: 'pref_channel_report',
    construct: 'channels',
    source: 'Trustlens',
    text: t(
      'If you had to report a non-urgent problem to the police, how would you most like to do it?',
      'Kada biste policiji morali prijaviti problem koji nije hitan, na koji način biste to najradije učinili?',
      'Kad biste policiji morali prijaviti problem koji nije hitan, na koji biste način to najradije učinili?',
      'Kada biste policiji morali prijaviti problem koji nije hitan, na koji način biste to najradije uradili?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: REPORTING_CHANNELS },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'pref_channel_info',
    construct: 'channels',
    source: 'Trustlens',
    text: t(
      'How would you most like to receive information from the police, such as warnings, news and advice?',
      'Na koji način biste najradije dobijali informacije od policije, npr. upozorenja, vijesti i savjete?',
      'Na koji biste način najradije primali informacije od policije, npr. upozorenja, vijesti i savjete?',
      'Na koji način biste najradije dobijali informacije od policije, npr. upozorenja, vijesti i savjete?',
    ),
    scale: { type: 'radiogroup', ordered: false, choices: INFORMATION_CHANNELS },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'sm_info_trust',
    construct: 'channels',
    source: 'Trustlens, same format as ESS trust items',
    text: t(
      'How much do you trust the information the police publish on social media?',
      'Koliko imate povjerenja u informacije koje policija objavljuje na društvenim mrežama?',
      'Koliko imate povjerenja u informacije koje policija objavljuje na društvenim mrežama?',
      'Koliko imate povjerenja u informacije koje policija objavljuje na društvenim mrežama?',
    ),
    scale: zeroToTen(
      t('No trust at all', 'Nimalo povjerenja', 'Nimalo povjerenja', 'Nimalo povjerenja'),
      t('Complete trust', 'Potpuno povjerenje', 'Potpuno povjerenje', 'Potpuno povjerenje'),
    ),
    missing: MISSING_0_10,
    reverse: false,
  },
];
