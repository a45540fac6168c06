import type { Item, Value } from '../../surveys/items/types.ts';
import { normalCdf, type Random } from './prng.ts';

export interface NonResponse {
  /** Chance the item is left unanswered. */
  skip: number;
  /** Chance of "Don't know" (8) where the item offers it. */
  dontKnow: number;
  /** Chance of another offered non-answer (5: "no one ever asks", "still going on"). */
  other: number;
}

export const USUAL_NON_RESPONSE: NonResponse = { skip: 0.025, dontKnow: 0.04, other: 0.06 };

/**
 * An answer to one item from a latent attitude (standard-normal scale, higher = more favourable),
 * mapped onto the item's own scale: 0-10 ratings around 5, ordered choices by normal quantiles
 * (mirrored for reverse-scored items), nominal ones as favourable or not. Returns undefined for
 * an unanswered item and an offered missing code for "Don't know" and similar.
 */
export function answerItem(item: Item, latent: number, random: Random, nonResponse: NonResponse = USUAL_NON_RESPONSE): Value | undefined {
  if (!item.required && random.chance(nonResponse.skip)) return undefined;
  const offered = item.missing.filter((code) => code.offered);
  const dontKnow = offered.find((code) => code.meaning === 'dont_know');
  if (dontKnow && random.chance(nonResponse.dontKnow)) return dontKnow.value;
  const other = offered.find((code) => code.meaning !== 'dont_know');
  if (other && random.chance(nonResponse.other)) return other.value;
  const scale = item.scale;
  if (scale.type === 'rating') {
    const middle = (scale.min + scale.max) / 2;
    const spread = (scale.max - scale.min) / 4.5;
    return Math.min(scale.max, Math.max(scale.min, Math.round(middle + spread * latent)));
  }
  if (scale.type === 'checkbox') throw new Error(`answerItem cannot answer the multiple-response item ${item.name}`);
  const values = scale.choices.map((choice) => choice.value);
  if (scale.ordered && values.every((value) => typeof value === 'number')) {
    const index = Math.min(values.length - 1, Math.floor(normalCdf(latent) * values.length));
    return values[item.reverse ? values.length - 1 - index : index]!;
  }
  const favourable = scale.favourable ?? [];
  if (favourable.length > 0 && random.chance(normalCdf(latent))) return favourable[random.integer(0, favourable.length - 1)]!;
  const others = values.filter((value) => !favourable.includes(value));
  return others[random.integer(0, others.length - 1)]!;
}
