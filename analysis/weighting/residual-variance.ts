import type { Design } from '../design.ts';
import type { SparseTotals, UntouchedMoments } from '../sparse-variance.ts';
import { sparseStratifiedVariance } from '../sparse-variance.ts';
import type { Calibration } from './calibration.ts';
import type { CalibrationProducts } from './calibration-residuals.ts';
import { calibrationCorrections } from './calibration-residuals.ts';

/** A reusable per-design buffer for the residual totals (every PSU at most once). */
interface Scratch {
  totals: Float64Array;
}

const scratchCache = new WeakMap<Design, Scratch>();

function scratchFor(design: Design): Scratch {
  let scratch = scratchCache.get(design);
  if (scratch === undefined) {
    const size = design.psuCount;
    scratch = { totals: new Float64Array(size) };
    scratchCache.set(design, scratch);
  }
  return scratch;
}

/** Σ over a PSU's groups of its weight after the step times the group's correction. */
export function psuCorrection(products: CalibrationProducts, corrections: Float64Array, psu: number): number {
  let total = 0;
  for (let k = products.psuStart[psu] as number; k < (products.psuStart[psu + 1] as number); k++) {
    total += (products.psuGroupWeight[k] as number) * (corrections[products.psuGroup[k] as number] as number);
  }
  return total;
}

/**
 * Linearised variance of a calibrated (post-stratified or raked) estimate from the influence
 * totals of the PSUs it reaches and its calibration group sums: the stratified variance of the
 * PSU totals of the residuals x − w_after · m[group] (R's `svyrecvar`).
 *
 * Why: outside the domain x is zero but its residual −Σ w_after · m is not, so every PSU of the
 * design counts. For each stratum, the residuals of PSUs the domain does not reach are summed in
 * closed form from per-stratum sums of the PSU weights by group (Σ W_p·m and Σ (W_p·m)² =
 * mᵀ(Σ W_p W_pᵀ)m, less the PSUs it reaches), so the cost does not grow with the PSUs of the
 * design.
 *
 * Reference: R `survey:::svyrecvar` (postStrata branch); Deville & Särndal (1992); Lumley (2010) §7.4.
 *
 * @example
 * calibratedVariance(design, calibration, products, { psus, totals, presence: null }, stepSums);
 */
export function calibratedVariance(
  design: Design,
  calibration: Calibration,
  products: CalibrationProducts,
  sparse: SparseTotals,
  stepSums: readonly Float64Array[],
): number {
  const corrections = calibrationCorrections(calibration, products, stepSums);
  const { stratumCount, stratumOfPsu } = design;
  const { psus, totals } = sparse;
  const listed = new Int32Array(stratumCount);
  const listedCorrection = new Float64Array(stratumCount);
  const listedSquare = new Float64Array(stratumCount);
  const scratch = scratchFor(design);
  const entryTotal = scratch.totals;
  for (let i = 0; i < psus.length; i++) {
    const psu = psus[i] as number;
    const stratum = stratumOfPsu[psu] as number;
    const correction = psuCorrection(products, corrections, psu);
    entryTotal[i] = (totals[i] as number) - correction;
    listed[stratum] = (listed[stratum] as number) + 1;
    listedCorrection[stratum] = (listedCorrection[stratum] as number) + correction;
    listedSquare[stratum] = (listedSquare[stratum] as number) + correction * correction;
  }
  const untouched = untouchedMoments(design, products, corrections, listed, listedCorrection, listedSquare);
  const all: SparseTotals = { psus, totals: entryTotal.subarray(0, psus.length), presence: null };
  return sparseStratifiedVariance(design, all, untouched);
}

/**
 * Per stratum, Σ and Σ² of the residuals −W_p·m of the PSUs not listed, from the stratum's group
 * weight sums and products less the listed PSUs' corrections (Σ W_p·m and Σ (W_p·m)² over them).
 *
 * @example
 * untouchedMoments(design, products, corrections, listed, listedCorrection, listedSquare);
 */
export function untouchedMoments(
  design: Design,
  products: CalibrationProducts,
  corrections: Float64Array,
  listed: Int32Array,
  listedCorrection: Float64Array,
  listedSquare: Float64Array,
): UntouchedMoments {
  const { stratumCount, psusInStratum } = design;
  const untouched: UntouchedMoments = { sum: new Float64Array(stratumCount), squares: new Float64Array(stratumCount) };
  const { groupTotal, stratumGroupWeight, stratumPairStart, pairFirst, pairSecond, pairValue } = products;
  for (let stratum = 0; stratum < stratumCount; stratum++) {
    if ((psusInStratum[stratum] as number) === (listed[stratum] as number)) continue;
    let sum = 0;
    for (let g = 0; g < groupTotal; g++) sum += (stratumGroupWeight[stratum * groupTotal + g] as number) * (corrections[g] as number);
    let squares = 0;
    for (let k = stratumPairStart[stratum] as number; k < (stratumPairStart[stratum + 1] as number); k++) {
      squares += (pairValue[k] as number) * (corrections[pairFirst[k] as number] as number) * (corrections[pairSecond[k] as number] as number);
    }
    untouched.sum[stratum] = -(sum - (listedCorrection[stratum] as number));
    untouched.squares[stratum] = Math.max(squares - (listedSquare[stratum] as number), 0);
  }
  return untouched;
}
