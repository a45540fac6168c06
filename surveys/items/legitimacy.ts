import { AGREE_5, MISSING_0_10, MISSING_SHORT, t, zeroToTen } from './scales.ts';
import type { Item } from './types.ts';

const NOT_DUTY = t('Not at all my duty', 'Uopće nije moja dužnost', 'Uopće nije moja dužnost', 'Uopšte nije moja dužnost');
const FULL_DUTY = t('Completely my duty', 'U potpunosti je moja dužnost', 'U potpunosti je moja dužnost', 'U potpunosti je moja dužnost');
const AGREE_QUESTION = t('Do you agree or disagree?', 'Da li se slažete ili ne slažete?', 'Slažete li se ili ne slažete?', 'Da li se slažete ili ne slažete?');

/** Legitimacy: felt obligation to obey (ESS5 D18-D20, 0-10) and moral alignment (D21-D23, agree 1-5, reversed to score). */
export const LEGITIMACY_ITEMS: Item[] = [
  {
    name: 'leg_back_decisions',
    construct: 'legitimacy_obligation',
    ess: 'bplcdc',
    source: 'ESS5 D18 bplcdc, project wording',
    text: t(
      'To what extent is it your duty to back the decisions the police make, even when you disagree with them?',
      'U kojoj mjeri je Vaša dužnost da podržite odluke policije, čak i kada se s njima ne slažete?',
      'U kojoj je mjeri Vaša dužnost podržati odluke policije, čak i kad se s njima ne slažete?',
      'U kojoj mjeri je Vaša dužnost da podržite odluke policije, čak i kada se sa njima ne slažete?',
    ),
    scale: zeroToTen(NOT_DUTY, FULL_DUTY),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'leg_do_as_told',
    construct: 'legitimacy_obligation',
    ess: 'doplcsy',
    source: 'ESS5 D19 doplcsy, project wording',
    text: t(
      'To what extent is it your duty to do what the police tell you, even if you do not understand or agree with the reasons?',
      'U kojoj mjeri je Vaša dužnost da učinite ono što Vam policija kaže, čak i ako ne razumijete razloge ili se s njima ne slažete?',
      'U kojoj je mjeri Vaša dužnost učiniti ono što Vam policija kaže, čak i ako ne razumijete razloge ili se s njima ne slažete?',
      'U kojoj mjeri je Vaša dužnost da uradite ono što Vam policija kaže, čak i ako ne razumijete razloge ili se sa njima ne slažete?',
    ),
    scale: zeroToTen(NOT_DUTY, FULL_DUTY),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'leg_despite_treatment',
    construct: 'legitimacy_obligation',
    ess: 'dpcstrb',
    source: 'ESS5 D20 dpcstrb, project wording',
    text: t(
      'To what extent is it your duty to do what the police tell you, even if you do not like how they treat you?',
      'U kojoj mjeri je Vaša dužnost da učinite ono što Vam policija kaže, čak i ako Vam se ne sviđa kako se prema Vama odnose?',
      'U kojoj je mjeri Vaša dužnost učiniti ono što Vam policija kaže, čak i ako Vam se ne sviđa kako se prema Vama odnose?',
      'U kojoj mjeri je Vaša dužnost da uradite ono što Vam policija kaže, čak i ako Vam se ne dopada kako se prema Vama odnose?',
    ),
    scale: zeroToTen(NOT_DUTY, FULL_DUTY),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'leg_right_wrong',
    construct: 'legitimacy_moral_alignment',
    ess: 'plcrgwr',
    source: 'ESS5 D21 plcrgwr, project wording',
    text: t(
      'The police generally have the same sense of right and wrong as I do.',
      'Policija uglavnom ima isti osjećaj za to šta je ispravno, a šta pogrešno kao i ja.',
      'Policija uglavnom ima isti osjećaj za to što je ispravno, a što pogrešno kao i ja.',
      'Policija uglavnom ima isti osjećaj za to šta je ispravno, a šta pogrešno kao i ja.',
    ),
    description: AGREE_QUESTION,
    scale: { type: 'radiogroup', ordered: true, choices: AGREE_5, favourable: [1, 2], unfavourable: [4, 5] },
    missing: MISSING_SHORT,
    reverse: true,
  },
  {
    name: 'leg_values',
    construct: 'legitimacy_moral_alignment',
    ess: 'plcipvl',
    source: 'ESS5 D22 plcipvl, project wording',
    text: t(
      'The police stand up for values that are important to people like me.',
      'Policija se zalaže za vrijednosti koje su važne ljudima poput mene.',
      'Policija se zalaže za vrijednosti koje su važne ljudima poput mene.',
      'Policija se zalaže za vrijednosti koje su važne ljudima poput mene.',
    ),
    description: AGREE_QUESTION,
    scale: { type: 'radiogroup', ordered: true, choices: AGREE_5, favourable: [1, 2], unfavourable: [4, 5] },
    missing: MISSING_SHORT,
    reverse: true,
  },
  {
    name: 'leg_support',
    construct: 'legitimacy_moral_alignment',
    ess: 'gsupplc',
    source: 'ESS5 D23 gsupplc, project wording',
    text: t(
      'I generally support how the police usually act.',
      'Općenito podržavam način na koji policija obično postupa.',
      'Općenito podržavam način na koji policija obično postupa.',
      'Uopšteno gledano, podržavam način na koji policija obično postupa.',
    ),
    description: AGREE_QUESTION,
    scale: { type: 'radiogroup', ordered: true, choices: AGREE_5, favourable: [1, 2], unfavourable: [4, 5] },
    missing: MISSING_SHORT,
    reverse: true,
  },
];
