import { CHANNELS, findItem, type Item, type RegionRow } from '../items/index.ts';
import type { IndicatorSpec, SurveyMeta } from '../types.ts';
import { SUPPORTED_LANGUAGES } from '../types.ts';

/** Where the regions' populations come from, as the regions table states it. */
export interface PopulationSource {
  source: string;
  note?: string;
}

/**
 * The meta block of the full instrument: the demo/fieldwork design columns, the dimensions
 * (region, entity, channel as multiple response, most recent contact's channel, wave, language),
 * one or more indicators per construct, reliability sets for multi-item constructs, raking
 * margins from the 2013 census (region only: no sourced sex × age table yet) and suppression.
 */
export function buildMeta(items: Item[], regions: RegionRow[], population: PopulationSource): SurveyMeta {
  const item = (name: string) => findItem(items, name);
  const missingOf = (...names: string[]) => [...new Set(names.flatMap((name) => item(name).missing.map((code) => code.value)))].sort((a, b) => a - b);
  const favourable = (name: string, key: 'favourable' | 'unfavourable' = 'favourable') => {
    const scale = item(name).scale;
    const values = scale.type === 'checkbox' ? undefined : scale[key];
    if (!values) throw new Error(`item ${name} has no ${key} values`);
    return values.map(Number);
  };
  const share = (id: string, label: string, name: string): IndicatorSpec => ({ id, label, type: 'share', item: name, favourable: favourable(name), missing: missingOf(name), ci: 'logit' });
  const mean = (id: string, label: string, name: string): IndicatorSpec => ({ id, label, type: 'mean', item: name, missing: missingOf(name), ci: 't' });
  const scale = (id: string, label: string, names: string[], minValid: number): IndicatorSpec => {
    const first = item(names[0]!).scale;
    const from: [number, number] = first.type === 'rating' ? [first.min, first.max] : [Number(first.choices[0]!.value), Number(first.choices.at(-1)!.value)];
    return {
      id, label, type: 'scale', items: names, reverse: names.filter((name) => item(name).reverse), minValid,
      missing: missingOf(...names), rescale: { from, to: [0, 100] }, ci: 't',
    };
  };
  const indicators: IndicatorSpec[] = [
    share('trust_fav', 'Trusts the police (6-10 on 0-10)', 'trust_police'),
    mean('trust_mean', 'Trust in the police, mean 0-10', 'trust_police'),
    { id: 'trust_net', label: 'Trust in the police, net (6-10 minus 0-4)', type: 'net', item: 'trust_police', favourable: favourable('trust_police'), unfavourable: favourable('trust_police', 'unfavourable'), missing: missingOf('trust_police') },
    share('courts_fav', 'Trusts the courts (6-10)', 'trust_courts'),
    share('local_gov_fav', 'Trusts local government (6-10)', 'trust_local_gov'),
    share('confidence_fav', 'Confidence in the police (a great deal or quite a lot)', 'conf_police'),
    scale('eff_score', 'Police effectiveness, 0-100', ['eff_prevent', 'eff_burglars', 'eff_arrive'], 2),
    scale('pf_score', 'Procedural fairness, 0-100', ['pf_respect', 'pf_fair', 'pf_explain'], 2),
    share('df_rich_poor_equal', 'Rich and poor victims treated equally', 'df_rich_poor'),
    share('df_ethnic_equal', 'Victims treated equally whatever their ethnicity', 'df_ethnic'),
    scale('integrity_score', 'Police integrity and lawfulness, 0-100', ['int_bribes', 'int_force', 'int_law'], 2),
    scale('obligation_score', 'Felt obligation to obey the police, 0-100', ['leg_back_decisions', 'leg_do_as_told', 'leg_despite_treatment'], 2),
    scale('moral_alignment_score', 'Moral alignment with the police, 0-100', ['leg_right_wrong', 'leg_values', 'leg_support'], 2),
    { id: 'contact_any', label: 'In contact with the police in the last 12 months', type: 'share', item: 'contact_any', favourable: [1], missing: missingOf('contact_any'), ci: 'logit' },
    share('contact_satisfied', 'Satisfied with the most recent contact', 'last_satisfaction'),
    mean('contact_satisfaction_mean', 'Satisfaction with the most recent contact, mean 1-5', 'last_satisfaction'),
    share('contact_respected', 'Treated with respect in the most recent contact', 'last_respect'),
    share('contact_solved', 'Matter fully resolved in the most recent contact', 'last_solved'),
    share('sm_aware', 'Knows the police have social-media accounts', 'sm_aware'),
    share('sm_follows', 'Follows a police social-media account (of those aware)', 'sm_follows'),
    share('report_online', 'Would report a non-urgent problem online', 'report_online'),
    mean('sm_info_trust', 'Trust in police information on social media, mean 0-10', 'sm_info_trust'),
    share('cp_knows_officer', 'Knows the local community police officer', 'cp_knows_officer'),
    share('cp_meeting', 'Attended a local safety meeting in the last 12 months', 'cp_meeting'),
    share('safe_dark', 'Feels safe walking alone after dark', 'safe_dark'),
  ];
  return {
    languages: [...SUPPORTED_LANGUAGES],
    design: { weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' },
    dimensions: {
      region: { column: 'region' },
      entity: { column: 'entity' },
      channel: { multiple: Object.fromEntries(CHANNELS.map((channel) => [String(channel.value), `channels_used_${channel.value}`])) },
      last_channel: { column: 'last_channel' },
      wave: { column: 'wave' },
      language: { column: 'language' },
      sex: { column: 'sex' },
      age_group: { column: 'age_group' },
    },
    indicators,
    reliability: [
      { id: 'effectiveness', items: ['eff_prevent', 'eff_burglars', 'eff_arrive'] },
      { id: 'procedural_fairness', items: ['pf_respect', 'pf_fair', 'pf_explain'] },
      { id: 'integrity', items: ['int_bribes', 'int_force', 'int_law'] },
      { id: 'legitimacy_obligation', items: ['leg_back_decisions', 'leg_do_as_told', 'leg_despite_treatment'] },
      { id: 'legitimacy_moral_alignment', items: ['leg_right_wrong', 'leg_values', 'leg_support'] },
    ],
    weighting: { rake: { region: Object.fromEntries(regions.map((region) => [region.id, region.population])) } },
    weightingSource: population,
    suppression: { minN: 30, flagBelowN: 60, flagRse: 0.3 },
    // What drives trust (Sunshine & Tyler 2003; Jackson et al. 2012): procedural fairness against
    // effectiveness, controlling for region, age group and sex.
    models: [
      {
        id: 'trust_drivers', label: 'Trust in the police (mean 0-10): what drives it', family: 'gaussian', outcome: 'trust_mean',
        predictors: ['pf_score', 'eff_score', 'region', 'age_group', 'sex'], categorical: ['region', 'age_group', 'sex'],
      },
      {
        id: 'trust_fav_drivers', label: 'Trusting the police (6-10): log-odds by fairness, effectiveness and contact', family: 'binomial', outcome: 'trust_fav',
        predictors: ['pf_score', 'eff_score', 'contact_any', 'age_group', 'sex'], categorical: ['age_group', 'sex'],
      },
    ],
    // An example of a programme evaluation: replace the groups with the programme's and the
    // comparison areas (a dimension with a column) and the waves before and after it started.
    contrasts: [
      {
        id: 'trust_fav_did', label: 'Example: change in trust in the Federation against Republika Srpska, 2024 to 2025', type: 'did', indicator: 'trust_fav',
        group: { dimension: 'entity', treated: 'fbih', control: 'republika_srpska' }, time: { dimension: 'wave', before: '2024', after: '2025' },
      },
    ],
    // An example of a programme target (a logframe row): replace with the programme's own.
    targets: [{ indicator: 'trust_fav', baseline: '2024', target: 0.55, year: 2027 }],
  };
}
