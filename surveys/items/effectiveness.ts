import { MISSING_0_10, t, zeroToTen } from './scales.ts';
import type { Item } from './types.ts';

const UNSUCCESSFUL = t('Extremely unsuccessful', 'Potpuno neuspješna', 'Potpuno neuspješna', 'Potpuno neuspješna');
const SUCCESSFUL = t('Extremely successful', 'Izuzetno uspješna', 'Iznimno uspješna', 'Izuzetno uspješna');

/** Effectiveness, ESS Round 5 D12-D14 in the project's own words, 0-10. */
export const EFFECTIVENESS_ITEMS: Item[] = [
  {
    name: 'eff_prevent',
    construct: 'effectiveness',
    ess: 'plcpvcr',
    source: 'ESS5 D12 plcpvcr, project wording',
    text: t(
      'From what you have heard or experienced yourself, how successful are the police in Bosnia and Herzegovina at preventing violent crime?',
      'Na osnovu onoga što ste čuli ili lično doživjeli, koliko je policija u Bosni i Hercegovini uspješna u sprječavanju nasilnih krivičnih djela?',
      'Na temelju onoga što ste čuli ili osobno doživjeli, koliko je policija u Bosni i Hercegovini uspješna u sprječavanju nasilnih kaznenih djela?',
      'Na osnovu onoga što ste čuli ili lično doživjeli, koliko je policija u Bosni i Hercegovini uspješna u sprečavanju nasilnih krivičnih djela?',
    ),
    scale: zeroToTen(UNSUCCESSFUL, SUCCESSFUL),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'eff_burglars',
    construct: 'effectiveness',
    ess: 'plccbrg',
    source: 'ESS5 D13 plccbrg, project wording',
    text: t(
      'And how successful are the police at catching people who break into homes?',
      'A koliko je policija uspješna u hvatanju počinilaca provala u stanove i kuće?',
      'A koliko je policija uspješna u hvatanju počinitelja provala u stanove i kuće?',
      'A koliko je policija uspješna u hvatanju počinilaca provala u stanove i kuće?',
    ),
    scale: zeroToTen(UNSUCCESSFUL, SUCCESSFUL),
    missing: MISSING_0_10,
    reverse: false,
  },
  {
    name: 'eff_arrive',
    construct: 'effectiveness',
    ess: 'plcarcr',
    source: 'ESS5 D14 plcarcr, project wording; "never happens here" is left unanswered',
    text: t(
      'If a violent crime happened near where you live and the police were called, how slowly or quickly do you think they would arrive?',
      'Kada bi se u blizini mjesta gdje živite dogodilo nasilno krivično djelo i kada bi neko pozvao policiju, šta mislite, koliko sporo ili brzo bi policija stigla?',
      'Kad bi se u blizini mjesta gdje živite dogodilo nasilno kazneno djelo i kad bi netko pozvao policiju, što mislite, koliko sporo ili brzo bi policija stigla?',
      'Kada bi se u blizini mjesta gdje živite dogodilo nasilno krivično djelo i kada bi neko pozvao policiju, šta mislite, koliko sporo ili brzo bi policija stigla?',
    ),
    description: t(
      'If violent crime never happens near where you live, leave this question out.',
      'Ako se u blizini mjesta gdje živite nasilna krivična djela nikada ne događaju, preskočite ovo pitanje.',
      'Ako se u blizini mjesta gdje živite nasilna kaznena djela nikada ne događaju, preskočite ovo pitanje.',
      'Ako se u blizini mjesta gdje živite nasilna krivična djela nikada ne dešavaju, preskočite ovo pitanje.',
    ),
    scale: zeroToTen(
      t('Extremely slowly', 'Izuzetno sporo', 'Iznimno sporo', 'Izuzetno sporo'),
      t('Extremely quickly', 'Izuzetno brzo', 'Iznimno brzo', 'Izuzetno brzo'),
    ),
    missing: MISSING_0_10,
    reverse: false,
  },
];
