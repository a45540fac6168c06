import { choices, MISSING_0_10, MISSING_SHORT, t, zeroToTen } from './scales.ts';
import type { Item } from './types.ts';

const NO_TRUST = t('No trust at all', 'Nimalo povjerenja', 'Nimalo povjerenja', 'Nimalo povjerenja');
const FULL_TRUST = t('Complete trust', 'Potpuno povjerenje', 'Potpuno povjerenje', 'Potpuno povjerenje');

/** Institutional trust (0-10, ESS wording family), the comparison institutions, and WVS confidence. */
export const TRUST_ITEMS: Item[] = [
  {
    name: 'trust_police',
    construct: 'institutional_trust',
    ess: 'trstplc',
    source: 'ESS trstplc, project wording',
    text: t(
      'How much do you personally trust the police?',
      'Koliko Vi lično imate povjerenja u policiju?',
      'Koliko Vi osobno imate povjerenja u policiju?',
      'Koliko Vi lično imate povjerenja u policiju?',
    ),
    scale: zeroToTen(NO_TRUST, FULL_TRUST),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'trust_courts',
    construct: 'comparison_trust',
    ess: 'trstlgl',
    source: 'ESS trstlgl asks about "the legal system"; here narrowed to the courts',
    text: t('And how much do you trust the courts?', 'A koliko imate povjerenja u sudove?', 'A koliko imate povjerenja u sudove?', 'A koliko imate povjerenja u sudove?'),
    scale: zeroToTen(NO_TRUST, FULL_TRUST),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'trust_local_gov',
    construct: 'comparison_trust',
    source: 'Trustlens, same format as ESS trust items',
    text: t(
      'And how much do you trust the local government of your municipality or city?',
      'A koliko imate povjerenja u lokalnu vlast u Vašoj općini ili gradu?',
      'A koliko imate povjerenja u lokalnu vlast u Vašoj općini ili gradu?',
      'A koliko imate povjerenja u lokalnu vlast u Vašoj opštini ili gradu?',
    ),
    scale: zeroToTen(NO_TRUST, FULL_TRUST),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'conf_police',
    construct: 'confidence',
    source: 'WVS/EVS "confidence in the police" (4-point), project wording',
    text: t(
      'How much confidence do you have in the police?',
      'U kojoj mjeri imate povjerenja u policiju?',
      'U kojoj mjeri imate povjerenja u policiju?',
      'U kojoj mjeri imate povjerenja u policiju?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3, 4], [
        t('A great deal', 'Veoma mnogo', 'Jako mnogo', 'Veoma mnogo'),
        t('Quite a lot', 'Prilično mnogo', 'Prilično mnogo', 'Prilično mnogo'),
        t('Not very much', 'Ne baš mnogo', 'Ne baš mnogo', 'Ne baš mnogo'),
        t('None at all', 'Nimalo', 'Nimalo', 'Nimalo'),
      ]),
      favourable: [1, 2],
      unfavourable: [3, 4],
    },
    missing: MISSING_SHORT,
    reverse: true,
  },
];
