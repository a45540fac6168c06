import type { Design } from './design.ts';
import { combinedStrata, stratumCentre, stratumContribution } from './variance.ts';

/**
 * Influence totals of the PSUs an estimate reaches: entry i is PSU psus[i] with total totals[i]
 * (PSUs are distinct); every other PSU of the design has total zero, unless `untouched` says
 * otherwise for its stratum.
 */
export interface SparseTotals {
  psus: Int32Array;
  totals: Float64Array;
  /** Rows of the domain by entry (to drop strata the domain does not reach); null for the full design. */
  presence: Float64Array | null;
}

/**
 * Per stratum, Σ and Σ² of the totals of the PSUs not listed in a `SparseTotals` (a calibrated
 * design's residuals are not zero outside the domain).
 */
export interface UntouchedMoments {
  sum: Float64Array;
  squares: Float64Array;
}

/**
 * `stratifiedVariance` (see variance.ts) from the PSUs with a nonzero total only: the stratum
 * mean takes the unlisted PSUs into account through their count (or their moments), and their
 * squared deviations (0 − mean)² are added in closed form, n_unlisted · mean², so the work is
 * proportional to the listed PSUs plus the strata, whatever the number of PSUs in the design.
 *
 * Why: a domain of a large sample (a region × channel cell) reaches a few thousand of 125,000
 * PSUs; summing zeros for the rest dominated the time of a full table. The centred two-pass form
 * keeps the rounding of the dense sum (no Σz² − (Σz)²/n cancellation).
 *
 * Reference: R `survey:::onestrat` (with `survey.lonely.psu` and `survey.adjust.domain.lonely`);
 * Wolter (2007) §6.11.
 *
 * @example
 * // stratum of four PSUs, two reached with totals 1 and −1: mean 0, variance 4/3 · 2
 * sparseStratifiedVariance(design, { psus, totals, presence: null }, null);
 */
export function sparseStratifiedVariance(design: Design, sparse: SparseTotals, untouched: UntouchedMoments | null): number {
  const { stratumOfPsu } = design;
  const { psus, totals, presence } = sparse;
  const strata = new Int32Array(psus.length);
  const accumulated = stratumAccumulators(design.stratumCount);
  for (let i = 0; i < psus.length; i++) {
    const stratum = stratumOfPsu[psus[i] as number] as number;
    strata[i] = stratum;
    accumulated.sum[stratum] = (accumulated.sum[stratum] as number) + (totals[i] as number);
    accumulated.listed[stratum] = (accumulated.listed[stratum] as number) + 1;
    if (presence !== null && (presence[i] as number) > 0) accumulated.reached[stratum] = (accumulated.reached[stratum] as number) + 1;
  }
  return combineStrata(design, totals, strata, psus.length, accumulated, presence !== null, untouched);
}

/** Per stratum: Σ of the listed totals, how many are listed, and how many of them the domain reaches. */
export interface StratumAccumulators {
  sum: Float64Array;
  listed: Int32Array;
  reached: Int32Array;
}

/** Zeroed accumulators for `combineStrata`. */
export function stratumAccumulators(stratumCount: number): StratumAccumulators {
  return { sum: new Float64Array(stratumCount), listed: new Int32Array(stratumCount), reached: new Int32Array(stratumCount) };
}

/**
 * The second half of `sparseStratifiedVariance`, for callers that listed the totals themselves:
 * `totals[i]` in stratum `strata[i]` for i < count, with the per-stratum accumulators filled;
 * `usePresence` drops strata the domain does not reach (`reached` zero).
 *
 * @example
 * combineStrata(design, totals, strata, count, accumulated, true, null);
 */
export function combineStrata(
  design: Design,
  totals: Float64Array,
  strata: Int32Array,
  count: number,
  accumulated: StratumAccumulators,
  usePresence: boolean,
  untouched: UntouchedMoments | null,
): number {
  const centres = new Float64Array(design.stratumCount);
  stratumCentres(design, accumulated, usePresence, untouched, centres);
  const squares = new Float64Array(design.stratumCount);
  for (let i = 0; i < count; i++) {
    const stratum = strata[i] as number;
    const deviation = (totals[i] as number) - (centres[stratum] as number);
    squares[stratum] = (squares[stratum] as number) + deviation * deviation;
  }
  return strataVariance(design, centres, squares, accumulated, usePresence, untouched);
}

/**
 * The centre of each stratum for `combineStrata`: the mean of all its PSU totals (listed and
 * not), or 0 where R's lonely-PSU "adjust" centres on the grand mean of zero.
 *
 * @example
 * stratumCentres(design, accumulated, true, null, centres);
 */
export function stratumCentres(
  design: Design,
  accumulated: StratumAccumulators,
  usePresence: boolean,
  untouched: UntouchedMoments | null,
  centres: Float64Array,
): void {
  const { psusInStratum, stratumCount } = design;
  const { sum: sums, reached } = accumulated;
  for (let stratum = 0; stratum < stratumCount; stratum++) {
    const psus = psusInStratum[stratum] as number;
    const present = usePresence ? (reached[stratum] as number) : psus;
    const total = (sums[stratum] as number) + (untouched === null ? 0 : (untouched.sum[stratum] as number));
    centres[stratum] = stratumCentre(design, total, psus, present);
  }
}

/**
 * The last step of `combineStrata`: from each stratum's squared deviations of its listed totals
 * (about `centres`), adds the unlisted PSUs in closed form and combines the strata with R's
 * lonely-PSU rules.
 *
 * @example
 * strataVariance(design, centres, squares, accumulated, true, null);
 */
export function strataVariance(
  design: Design,
  centres: Float64Array,
  squares: Float64Array,
  accumulated: StratumAccumulators,
  usePresence: boolean,
  untouched: UntouchedMoments | null,
): number {
  const { psusInStratum, stratumCount } = design;
  const { listed, reached } = accumulated;
  let sum = 0;
  let strataPresent = 0;
  let strataCounted = 0;
  for (let stratum = 0; stratum < stratumCount; stratum++) {
    const psus = psusInStratum[stratum] as number;
    const present = usePresence ? (reached[stratum] as number) : psus;
    if (usePresence && present === 0) continue;
    strataPresent++;
    const centre = centres[stratum] as number;
    const unlisted = psus - (listed[stratum] as number);
    let stratumSquares = (squares[stratum] as number) + unlisted * centre * centre;
    if (untouched !== null) {
      stratumSquares += (untouched.squares[stratum] as number) - 2 * centre * (untouched.sum[stratum] as number);
    }
    const contribution = stratumContribution(design, stratum, stratumSquares, psus, present);
    if (contribution === null) continue;
    sum += contribution;
    strataCounted++;
  }
  return combinedStrata(sum, strataPresent, strataCounted);
}
