import { choices, MISSING_SHORT_EXPORT, NO_MISSING, t } from './scales.ts';
import type { Item } from './types.ts';

/** Who answered: sex, age group, education, settlement type, internet use. */
export const DEMOGRAPHIC_ITEMS: Item[] = [
  {
    name: 'sex',
    construct: 'demographics',
    ess: 'gndr',
    source: 'ESS gndr coding (1 male, 2 female)',
    text: t('What is your sex?', 'Koji je Vaš spol?', 'Koji je Vaš spol?', 'Koji je Vaš pol?'),
    scale: { type: 'radiogroup', ordered: false, choices: choices([1, 2], [t('Male', 'Muški', 'Muški', 'Muški'), t('Female', 'Ženski', 'Ženski', 'Ženski')]) },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
  {
    name: 'age_group',
    construct: 'demographics',
    source: 'Trustlens age bands for weighting',
    text: t('How old are you?', 'Koliko imate godina?', 'Koliko imate godina?', 'Koliko imate godina?'),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices(['18_29', '30_44', '45_59', '60_plus'], [
        t('18 to 29', '18 do 29', '18 do 29', '18 do 29'),
        t('30 to 44', '30 do 44', '30 do 44', '30 do 44'),
        t('45 to 59', '45 do 59', '45 do 59', '45 do 59'),
        t('60 or older', '60 ili više', '60 ili više', '60 ili više'),
      ]),
    },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'education',
    construct: 'demographics',
    source: 'Trustlens, three ISCED-like levels',
    text: t(
      'What is the highest level of education you have completed?',
      'Koji je najviši stepen obrazovanja koji ste završili?',
      'Koji je najviši stupanj obrazovanja koji ste završili?',
      'Koji je najviši stepen obrazovanja koji ste završili?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices(['primary', 'secondary', 'higher'], [
        t('Primary school or less', 'Osnovna škola ili manje', 'Osnovna škola ili manje', 'Osnovna škola ili manje'),
        t('Secondary school', 'Srednja škola', 'Srednja škola', 'Srednja škola'),
        t('College or university', 'Viša škola ili fakultet', 'Viša škola ili fakultet', 'Viša škola ili fakultet'),
      ]),
    },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'settlement',
    construct: 'demographics',
    source: 'Trustlens',
    text: t(
      'Which best describes the place where you live?',
      'Šta najbolje opisuje mjesto u kojem živite?',
      'Što najbolje opisuje mjesto u kojem živite?',
      'Šta najbolje opisuje mjesto u kojem živite?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: false,
      choices: choices(['city', 'town', 'village'], [
        t('A city', 'Veliki grad', 'Veliki grad', 'Veliki grad'),
        t('A small town', 'Manji grad', 'Manji grad', 'Manji grad'),
        t('A village or the countryside', 'Selo ili seosko područje', 'Selo ili seosko područje', 'Selo ili seosko područje'),
      ]),
    },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'internet_use',
    construct: 'demographics',
    ess: 'netusoft',
    source: 'ESS netusoft, project wording',
    text: t(
      'How often do you use the internet, on any device, for work or personal use?',
      'Koliko često koristite internet, na bilo kojem uređaju, poslovno ili privatno?',
      'Koliko često koristite internet, na bilo kojem uređaju, poslovno ili privatno?',
      'Koliko često koristite internet, na bilo kom uređaju, poslovno ili privatno?',
    ),
    scale: {
      type: 'radiogroup',
      ordered: true,
      choices: choices([1, 2, 3, 4, 5], [
        t('Never', 'Nikada', 'Nikada', 'Nikada'),
        t('Only occasionally', 'Samo povremeno', 'Samo povremeno', 'Samo povremeno'),
        t('A few times a week', 'Nekoliko puta sedmično', 'Nekoliko puta tjedno', 'Nekoliko puta nedjeljno'),
        t('Most days', 'Većinu dana', 'Većinu dana', 'Većinu dana'),
        t('Every day', 'Svaki dan', 'Svaki dan', 'Svaki dan'),
      ]),
      favourable: [4, 5],
    },
    missing: MISSING_SHORT_EXPORT,
    reverse: false,
  },
];
