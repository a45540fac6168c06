import { choices, MISSING_SHORT, OFTEN_4, t } from './scales.ts';
import type { Item } from './types.ts';

const FROM_EXPERIENCE = {
  en: 'From what you have heard or experienced yourself, ',
  bs: 'Na osnovu onoga što ste čuli ili lično doživjeli, ',
  hr: 'Na temelju onoga što ste čuli ili osobno doživjeli, ',
  sr: 'Na osnovu onoga što ste čuli ili lično doživjeli, ',
};

/** Procedural fairness (ESS5 D15-D17) and distributive fairness (ESS5 module), project wording. */
export const FAIRNESS_ITEMS: Item[] = [
  {
    name: 'pf_respect',
    construct: 'procedural_fairness',
    ess: 'plcrspc',
    source: 'ESS5 D15 plcrspc, project wording',
    text: t(
      `${FROM_EXPERIENCE.en}how often do the police in Bosnia and Herzegovina treat people with respect?`,
      `${FROM_EXPERIENCE.bs}koliko često policija u Bosni i Hercegovini postupa prema ljudima s poštovanjem?`,
      `${FROM_EXPERIENCE.hr}koliko često policija u Bosni i Hercegovini postupa prema ljudima s poštovanjem?`,
      `${FROM_EXPERIENCE.sr}koliko često policija u Bosni i Hercegovini postupa prema ljudima sa poštovanjem?`,
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [3, 4], unfavourable: [1, 2] },
    missing: MISSING_SHORT,
    reverse: false,
  },
  {
    name: 'pf_fair',
    construct: 'procedural_fairness',
    ess: 'plcfrdc',
    source: 'ESS5 D16 plcfrdc, project wording',
    text: t(
      'How often do the police make fair, impartial decisions in the cases they deal with?',
      'Koliko često policija donosi pravedne i nepristrasne odluke u slučajevima kojima se bavi?',
      'Koliko često policija donosi pravedne i nepristrane odluke u slučajevima kojima se bavi?',
      'Koliko često policija donosi pravične i nepristrasne odluke u slučajevima kojima se bavi?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [3, 4], unfavourable: [1, 2] },
    missing: MISSING_SHORT,
    reverse: false,
  },
  {
    name: 'pf_explain',
    construct: 'procedural_fairness',
    ess: 'plcexdc',
    source: 'ESS5 D17 plcexdc, project wording; "no one ever asks" is offered and is not an answer on the scale',
    text: t(
      'How often do the police explain their decisions and actions when someone asks them to?',
      'Koliko često policija, kada to neko zatraži, objašnjava svoje odluke i postupke?',
      'Koliko često policija, kad to netko zatraži, objašnjava svoje odluke i postupke?',
      'Koliko često policija, kada to neko zatraži, objašnjava svoje odluke i postupke?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [3, 4], unfavourable: [1, 2] },
    missing: [
      { value: 5, meaning: 'not_applicable', offered: true, text: t('No one ever asks them to', 'Niko to nikada ne traži', 'Nitko to nikada ne traži', 'Niko to nikada ne traži') },
      ...MISSING_SHORT,
    ],
    reverse: false,
  },
  {
    name: 'df_rich_poor',
    construct: 'distributive_fairness',
    source: 'ESS5 trust-in-justice module (rich and poor victims), project wording',
    text: t(
      'When people report a crime, do the police treat rich and poor victims alike?',
      'Kada ljudi prijave krivično djelo, da li policija jednako postupa prema bogatim i siromašnim žrtvama?',
      'Kad ljudi prijave kazneno djelo, postupa li policija jednako prema bogatim i siromašnim žrtvama?',
      'Kada ljudi prijave krivično djelo, da li policija jednako postupa prema bogatim i siromašnim žrtvama?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: false,
      choices: choices([1, 2, 3], [
        t('Poor people are treated worse', 'Prema siromašnima se postupa lošije', 'Prema siromašnima se postupa lošije', 'Prema siromašnima se postupa lošije'),
        t('Rich people are treated worse', 'Prema bogatima se postupa lošije', 'Prema bogatima se postupa lošije', 'Prema bogatima se postupa lošije'),
        t('Rich and poor are treated equally', 'Prema bogatima i siromašnima se postupa jednako', 'Prema bogatima i siromašnima postupa se jednako', 'Prema bogatima i siromašnima se postupa jednako'),
      ]),
      favourable: [3],
      unfavourable: [1, 2],
    },
    missing: MISSING_SHORT,
    reverse: false,
  },
  {
    name: 'df_ethnic',
    construct: 'distributive_fairness',
    source: 'Trustlens, after the ESS5 distributive-fairness items',
    text: t(
      'And do the police treat victims alike whatever their ethnic or national background?',
      'A da li policija jednako postupa prema žrtvama bez obzira na njihovu etničku ili nacionalnu pripadnost?',
      'A postupa li policija jednako prema žrtvama bez obzira na njihovu etničku ili nacionalnu pripadnost?',
      'A da li policija jednako postupa prema žrtvama bez obzira na njihovu etničku ili nacionalnu pripadnost?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: false,
      choices: choices([1, 2], [
        t('Some ethnic or national groups are treated worse', 'Prema pripadnicima nekih naroda ili etničkih grupa se postupa lošije', 'Prema pripadnicima nekih naroda ili etničkih skupina postupa se lošije', 'Prema pripadnicima nekih naroda ili etničkih grupa se postupa lošije'),
        t('Everyone is treated equally', 'Prema svima se postupa jednako', 'Prema svima se postupa jednako', 'Prema svima se postupa jednako'),
      ]),
      favourable: [2],
      unfavourable: [1],
    },
    missing: MISSING_SHORT,
    reverse: false,
  },
];

