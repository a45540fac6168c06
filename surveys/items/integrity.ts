import { MISSING_SHORT, OFTEN_4, t } from './scales.ts';
import type { Item } from './types.ts';

/**
 * Integrity and lawfulness: whether the police keep to the law themselves. Trustlens items in the
 * ESS frequency format; bribes and excessive force are reverse-scored (often = unfavourable).
 */
export const INTEGRITY_ITEMS: Item[] = [
  {
    name: 'int_bribes',
    construct: 'integrity',
    source: 'Trustlens, after the ESS5 police-corruption question',
    text: t(
      'How often do you think police officers in Bosnia and Herzegovina take bribes?',
      'Šta mislite, koliko često policijski službenici u Bosni i Hercegovini primaju mito?',
      'Što mislite, koliko često policijski službenici u Bosni i Hercegovini primaju mito?',
      'Šta mislite, koliko često policijski službenici u Bosni i Hercegovini primaju mito?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [1, 2], unfavourable: [3, 4] },
    missing: MISSING_SHORT,
    reverse: true,
  },
  {
    name: 'int_force',
    construct: 'integrity',
    source: 'Trustlens',
    text: t(
      'How often do the police use more force than is necessary?',
      'Koliko često policija upotrebljava više sile nego što je potrebno?',
      'Koliko često policija upotrebljava više sile nego što je potrebno?',
      'Koliko često policija upotrebljava više sile nego što je potrebno?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [1, 2], unfavourable: [3, 4] },
    missing: MISSING_SHORT,
    reverse: true,
  },
  {
    name: 'int_law',
    construct: 'integrity',
    source: 'Trustlens',
    text: t(
      'How often do the police themselves keep to the law when they do their work?',
      'Koliko često se policija i sama pridržava zakona dok obavlja svoj posao?',
      'Koliko se često policija i sama pridržava zakona dok obavlja svoj posao?',
      'Koliko često se policija i sama pridržava zakona dok obavlja svoj posao?',
    ),
    scale: { type: 'radiogroup', ordered: true, choices: OFTEN_4, favourable: [3, 4], unfavourable: [1, 2] },
    missing: MISSING_SHORT,
    reverse: false,
  },
];
