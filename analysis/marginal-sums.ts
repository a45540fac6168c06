import type { DomainSums } from './domain-sums.ts';
import type { ResolvedDimension } from './domains.ts';

/**
 * True when a dimension partitions every row (one column, no missing value), so that summing a
 * crossing over its groups gives the breakdown without it.
 *
 * @example
 * isCompletePartition(region); // => true when every row has a region
 */
export function isCompletePartition(dimension: ResolvedDimension): boolean {
  return dimension.layers.length === 1 && (dimension.layers[0] as Int32Array).indexOf(-1) < 0;
}

/**
 * Domain sums of the breakdown without its first dimension, from those of the crossing, when the
 * first dimension is a complete partition: cell (rest, psu) = Σ over first-dimension groups.
 *
 * Why: "by channel" is then read off "by region × channel" instead of another pass over a
 * million rows; the sums (and so every estimate) are the same up to rounding.
 *
 * @example
 * const byChannel = marginalSums(byRegionAndChannel, regionCount);
 */
export function marginalSums(crossed: DomainSums, firstGroups: number): DomainSums {
  const restCount = crossed.domainCount / firstGroups;
  const { psuCount } = crossed;
  const fold = (source: Float64Array, width: number): Float64Array => {
    const target = new Float64Array(restCount * width);
    for (let first = 0; first < firstGroups; first++) {
      const base = first * restCount * width;
      for (let index = 0; index < restCount * width; index++) target[index] = (target[index] as number) + (source[base + index] as number);
    }
    return target;
  };
  return {
    domainCount: restCount,
    psuCount,
    weightedValue: fold(crossed.weightedValue, psuCount),
    weight: fold(crossed.weight, psuCount),
    rows: fold(crossed.rows, psuCount),
    weightedSquare: fold(crossed.weightedSquare, 1),
    stepValue: crossed.stepValue.map((values) => fold(values, values.length / crossed.domainCount)),
    stepWeight: crossed.stepWeight.map((values) => fold(values, values.length / crossed.domainCount)),
  };
}
