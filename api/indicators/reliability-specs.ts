import type { IndicatorSpec, ReliabilitySpec } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';

/**
 * The meta's reliability sets with what alpha needs from their items: missing codes, reversed
 * items and the scale range, taken from the scale indicator built on the same items (so a "Don't
 * know" 8 is never scored, and reversed items are mirrored as in the scale score).
 */
export function reliabilitySpecs(meta: SurveyMeta, by: readonly string[] = []): ReliabilitySpec[] {
  const indicators = (meta.indicators ?? []) as IndicatorSpec[];
  return (meta.reliability ?? []).map((set) => {
    const scale = indicators.find((indicator) => indicator.type === 'scale' && set.items.every((item) => indicator.items?.includes(item)));
    const mentioning = indicators.filter((indicator) => set.items.some((item) => indicator.item === item || indicator.items?.includes(item)));
    const missing = scale?.missing ?? [...new Set(mentioning.flatMap((indicator) => indicator.missing ?? []))];
    return {
      id: set.id,
      items: set.items,
      missing,
      reverse: (scale?.reverse ?? []).filter((item) => set.items.includes(item)),
      ...(scale?.rescale ? { scale: scale.rescale.from } : {}),
      ...(by.length > 0 ? { by: [...by] } : {}),
    };
  });
}
