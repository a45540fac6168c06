import { findItem, type Item } from '../../surveys/items/index.ts';
import type { Value } from '../../surveys/items/types.ts';
import { answerItem, USUAL_NON_RESPONSE } from './answer-item.ts';
import type { Random } from './prng.ts';

/**
 * Construct blocks answered by everyone eligible. Each construct has a latent score that mixes a
 * general attitude to the police (shared by all constructs) with its own part; each item is that
 * score plus item noise, so items correlate within a construct more than across constructs.
 * `shift` moves the construct's average (legitimacy-as-obligation is high, integrity low).
 */
const CONSTRUCTS: { items: string[]; general: number; shift: number }[] = [
  { items: ['trust_police', 'conf_police'], general: 0.85, shift: -0.1 },
  { items: ['trust_courts', 'trust_local_gov'], general: 0.5, shift: -0.4 },
  { items: ['eff_prevent', 'eff_burglars', 'eff_arrive'], general: 0.7, shift: -0.2 },
  { items: ['pf_respect', 'pf_fair', 'pf_explain'], general: 0.75, shift: 0 },
  { items: ['df_rich_poor', 'df_ethnic'], general: 0.5, shift: -0.4 },
  { items: ['int_bribes', 'int_force', 'int_law'], general: 0.6, shift: -0.35 },
  { items: ['leg_back_decisions', 'leg_do_as_told', 'leg_despite_treatment'], general: 0.45, shift: 0.5 },
  { items: ['leg_right_wrong', 'leg_values', 'leg_support'], general: 0.7, shift: 0.1 },
];

const ITEM_LOADING = 0.8;
const ITEM_NOISE = 0.6;

/** Answers to the trust, effectiveness, fairness, integrity and legitimacy blocks. */
export function answerConstructs(items: Item[], general: number, random: Random): Record<string, Value> {
  const answers: Record<string, Value> = {};
  for (const construct of CONSTRUCTS) {
    const own = Math.sqrt(1 - construct.general ** 2);
    const latent = construct.shift + construct.general * general + own * random.normal();
    for (const name of construct.items) {
      const nonResponse = name === 'eff_arrive' ? { ...USUAL_NON_RESPONSE, skip: 0.08 } : USUAL_NON_RESPONSE;
      const value = answerItem(findItem(items, name), ITEM_LOADING * latent + ITEM_NOISE * random.normal(), random, nonResponse);
      if (value !== undefined) answers[name] = value;
    }
  }
  return answers;
}
