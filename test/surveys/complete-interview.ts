/** A complete answer to the full instrument (surveys/bih-police-trust.json): a Sarajevo resident who phoned 122 and used Facebook. */
export const COMPLETE_INTERVIEW: Record<string, unknown> = {
  consent: 1, age_18_plus: 1, lives_in_bih: 1,
  entity: 'fbih', canton: 'sarajevo', region: 'sarajevo',
  trust_police: 7, trust_courts: 4, trust_local_gov: 5, conf_police: 2,
  eff_prevent: 6, eff_burglars: 4, eff_arrive: 7,
  pf_respect: 3, pf_fair: 3, pf_explain: 5, df_rich_poor: 1, df_ethnic: 8,
  int_bribes: 3, int_force: 2, int_law: 3,
  leg_back_decisions: 8, leg_do_as_told: 6, leg_despite_treatment: 5, leg_right_wrong: 2, leg_values: 3, leg_support: 2,
  contact_any: 1, contact_initiated: 'self', channels_used: ['phone_122', 'facebook'],
  last_channel: 'phone_122', last_reason: 'report_crime', last_satisfaction: 4, last_respect: 4, last_solved: 5,
  sm_aware: 1, sm_follows: 1, report_online: 2, pref_channel_report: 'app', pref_channel_info: 'facebook', sm_info_trust: 6,
  cp_knows_officer: 2, cp_meeting: 2, safe_dark: 2,
  sex: 2, age_group: '30_44', education: 'higher', settlement: 'city', internet_use: 5,
};
