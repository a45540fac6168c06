import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import type { StratumAccumulators, UntouchedMoments } from './sparse-variance.ts';
import { calibrationCorrections, calibrationProducts } from './weighting/calibration-residuals.ts';
import { psuCorrection, untouchedMoments } from './weighting/residual-variance.ts';
import { stratumCentres, strataVariance } from './sparse-variance.ts';

/** Reusable per-design buffers, by position among the domain's cells (totals: [k · cells + position]). */
interface Scratch {
  totals: Float64Array;
  strata: Int32Array;
  /** The PSU's one calibration group (−1: several, see psuCorrection) and its weight after calibration. */
  groups: Int32Array;
  groupWeights: Float64Array;
}

const scratchCache = new WeakMap<Design, Scratch>();

function scratchFor(design: Design, indicatorCount: number): Scratch {
  let scratch = scratchCache.get(design);
  if (scratch === undefined || scratch.totals.length < design.psuCount * indicatorCount) {
    const size = design.psuCount;
    scratch = {
      totals: new Float64Array(size * indicatorCount), strata: new Int32Array(size),
      groups: new Int32Array(size), groupWeights: new Float64Array(size),
    };
    scratchCache.set(design, scratch);
  }
  return scratch;
}

/**
 * The variance of a domain's ratio mean for several indicators summed together (sharing one
 * `cellSums` and cells) in one domain: the domain's cells are read once for their PSU, stratum
 * and calibration group, then each indicator's totals are made in one tight loop over the cells.
 *
 * Why: the variance of a full table visits about two million (domain, PSU) cells per indicator;
 * a loop over the indicators inside the loop over the cells re-read the per-indicator arrays and
 * objects at every cell (≈ 40 ns per cell and indicator at 250,000 rows). Each per-stratum sum
 * still adds the cells in the same order, so every result is the same to the last bit.
 *
 * Reference: R `survey:::svyrecvar` and `onestrat`; `degf()` of the subset design.
 *
 * @example
 * const [fav, mean] = cellVariances(design, null, [favSums, meanSums], domain, estimates, sumWeights, [[], []]);
 */
export function cellVariances(
  design: Design,
  calibration: Calibration | null,
  sumsList: readonly DomainSums[],
  domain: number,
  estimates: Float64Array,
  sumWeights: Float64Array,
  stepSumsList: readonly (readonly Float64Array[])[],
): { variance: number; df: number }[] {
  const first = sumsList[0];
  if (first === undefined) return [];
  const indicatorCount = sumsList.length;
  const { stratumCount, stratumOfPsu } = design;
  const start = first.cells.domainStart[domain] as number;
  const end = first.cells.domainEnd[domain] as number;
  const count = end - start;
  const { cellSums, stride } = first;
  const cellPsu = first.cells.cellPsu;
  const { totals, strata, groups, groupWeights } = scratchFor(design, indicatorCount);
  const listed = new Int32Array(stratumCount);
  const products = calibration === null ? null : calibrationProducts(calibration, design);
  // Once per cell for every indicator: its stratum and (calibrated) its PSU's one group, if one.
  for (let position = 0; position < count; position++) {
    const psu = cellPsu[start + position] as number;
    const stratum = stratumOfPsu[psu] as number;
    strata[position] = stratum;
    listed[stratum] = (listed[stratum] as number) + 1;
    if (products !== null) {
      // One group per PSU (PSUs nested in the margins, as with strata wave × region): no loop.
      const groupStart = products.psuStart[psu] as number;
      const single = (products.psuStart[psu + 1] as number) - groupStart === 1;
      groups[position] = single ? (products.psuGroup[groupStart] as number) : -1;
      groupWeights[position] = single ? (products.psuGroupWeight[groupStart] as number) : 0;
    }
  }
  // By [k · strata + stratum].
  const sum = new Float64Array(stratumCount * indicatorCount);
  const reached = new Int32Array(stratumCount * indicatorCount);
  const centres = new Float64Array(stratumCount * indicatorCount);
  const squares = new Float64Array(stratumCount * indicatorCount);
  const results: { variance: number; df: number }[] = [];
  for (let k = 0; k < indicatorCount; k++) {
    const offset = (sumsList[k] as DomainSums).offset;
    const estimate = estimates[k] as number;
    const sumWeight = sumWeights[k] as number;
    const base = k * count;
    const strataBase = k * stratumCount;
    let reachedPsus = 0;
    let untouched: UntouchedMoments | null = null;
    if (products === null || calibration === null) {
      for (let position = 0; position < count; position++) {
        const at = (start + position) * stride + offset;
        const weight = cellSums[at + 1] as number;
        const total = ((cellSums[at] as number) - estimate * weight) / sumWeight;
        totals[base + position] = total;
        const s = strataBase + (strata[position] as number);
        sum[s] = (sum[s] as number) + total;
        if (weight > 0) {
          reached[s] = (reached[s] as number) + 1;
          reachedPsus++;
        }
      }
    } else {
      const own = calibrationCorrections(calibration, products, stepSumsList[k] as readonly Float64Array[]);
      const listedCorrection = new Float64Array(stratumCount);
      const listedSquare = new Float64Array(stratumCount);
      for (let position = 0; position < count; position++) {
        const at = (start + position) * stride + offset;
        const weight = cellSums[at + 1] as number;
        const group = groups[position] as number;
        const correction = group >= 0
          ? (groupWeights[position] as number) * (own[group] as number)
          : psuCorrection(products, own, cellPsu[start + position] as number);
        const total = ((cellSums[at] as number) - estimate * weight) / sumWeight - correction;
        totals[base + position] = total;
        const stratum = strata[position] as number;
        listedCorrection[stratum] = (listedCorrection[stratum] as number) + correction;
        listedSquare[stratum] = (listedSquare[stratum] as number) + correction * correction;
        const s = strataBase + stratum;
        sum[s] = (sum[s] as number) + total;
        if (weight > 0) {
          reached[s] = (reached[s] as number) + 1;
          reachedPsus++;
        }
      }
      untouched = untouchedMoments(design, products, own, listed, listedCorrection, listedSquare);
    }
    const accumulated: StratumAccumulators = {
      sum: sum.subarray(strataBase, strataBase + stratumCount), listed, reached: reached.subarray(strataBase, strataBase + stratumCount),
    };
    const ownCentres = centres.subarray(strataBase, strataBase + stratumCount);
    const usePresence = calibration === null;
    stratumCentres(design, accumulated, usePresence, untouched, ownCentres);
    // Second pass: squared deviations from the stratum centres.
    for (let position = 0; position < count; position++) {
      const s = strataBase + (strata[position] as number);
      const deviation = (totals[base + position] as number) - (centres[s] as number);
      squares[s] = (squares[s] as number) + deviation * deviation;
    }
    let reachedStrata = 0;
    for (let stratum = 0; stratum < stratumCount; stratum++) if ((reached[strataBase + stratum] as number) > 0) reachedStrata++;
    const variance = strataVariance(design, ownCentres, squares.subarray(strataBase, strataBase + stratumCount), accumulated, usePresence, untouched);
    results.push({ variance, df: reachedPsus - reachedStrata });
  }
  return results;
}
