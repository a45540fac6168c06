import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import type { UntouchedMoments } from './sparse-variance.ts';
import { calibrationCorrections, calibrationProducts } from './weighting/calibration-residuals.ts';
import { psuCorrection, untouchedMoments } from './weighting/residual-variance.ts';
import { stratumAccumulators, stratumCentres, strataVariance } from './sparse-variance.ts';

/** Reusable per-design buffers: totals by [position · K + k] and the strata of the positions. */
const scratchCache = new WeakMap<Design, { totals: Float64Array; strata: Int32Array }>();

function scratchFor(design: Design, indicatorCount: number): { totals: Float64Array; strata: Int32Array } {
  let scratch = scratchCache.get(design);
  if (scratch === undefined || scratch.totals.length < design.psuCount * indicatorCount) {
    scratch = { totals: new Float64Array(design.psuCount * indicatorCount), strata: new Int32Array(design.psuCount) };
    scratchCache.set(design, scratch);
  }
  return scratch;
}

/**
 * The variance of a domain's ratio mean for several indicators summed together (sharing one
 * `cellSums` and cells) in one domain: the domain's cells are visited once for all of them, so a
 * cell's PSU, stratum and calibration weights are looked up once, not once per indicator.
 *
 * Why: the variance of a full table visits about two million (domain, PSU) cells per indicator.
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
  const { cellSums, stride } = first;
  const offsets = Int32Array.from(sumsList.map((sums) => sums.offset));
  const cellPsu = first.cells.cellPsu;
  const { totals, strata } = scratchFor(design, indicatorCount);
  const accumulated = sumsList.map(() => stratumAccumulators(stratumCount));
  const listed = new Int32Array(stratumCount);
  const products = calibration === null ? null : calibrationProducts(calibration, design);
  const corrections = products === null || calibration === null
    ? []
    : stepSumsList.map((stepSums) => calibrationCorrections(calibration, products, stepSums));
  const listedCorrection = new Float64Array(stratumCount * indicatorCount);
  const listedSquare = new Float64Array(stratumCount * indicatorCount);
  const reachedPsus = new Int32Array(indicatorCount);
  let count = 0;
  for (let cell = start; cell < end; cell++) {
    const psu = cellPsu[cell] as number;
    const stratum = stratumOfPsu[psu] as number;
    strata[count] = stratum;
    listed[stratum] = (listed[stratum] as number) + 1;
    // One group per PSU (PSUs nested in the margins, as with strata wave × region): no loop.
    const groupStart = products === null ? 0 : (products.psuStart[psu] as number);
    const single = products !== null && (products.psuStart[psu + 1] as number) - groupStart === 1;
    const groupWeight = single ? (products.psuGroupWeight[groupStart] as number) : 0;
    const group = single ? (products.psuGroup[groupStart] as number) : 0;
    for (let k = 0; k < indicatorCount; k++) {
      const at = cell * stride + (offsets[k] as number);
      const weight = cellSums[at + 1] as number;
      let total = ((cellSums[at] as number) - (estimates[k] as number) * weight) / (sumWeights[k] as number);
      if (products !== null) {
        const own = corrections[k] as Float64Array;
        const correction = single ? groupWeight * (own[group] as number) : psuCorrection(products, own, psu);
        total -= correction;
        const s = stratum * indicatorCount + k;
        listedCorrection[s] = (listedCorrection[s] as number) + correction;
        listedSquare[s] = (listedSquare[s] as number) + correction * correction;
      }
      totals[count * indicatorCount + k] = total;
      const sums = accumulated[k] as ReturnType<typeof stratumAccumulators>;
      sums.sum[stratum] = (sums.sum[stratum] as number) + total;
      if (weight > 0) {
        sums.reached[stratum] = (sums.reached[stratum] as number) + 1;
        reachedPsus[k] = (reachedPsus[k] as number) + 1;
      }
    }
    count++;
  }
  const usePresence = calibration === null;
  const centres = new Float64Array(stratumCount * indicatorCount);
  const untouchedList: (UntouchedMoments | null)[] = [];
  for (let k = 0; k < indicatorCount; k++) {
    const sums = accumulated[k] as ReturnType<typeof stratumAccumulators>;
    sums.listed.set(listed);
    let untouched: UntouchedMoments | null = null;
    if (products !== null) {
      const pick = (from: Float64Array): Float64Array => {
        const own = new Float64Array(stratumCount);
        for (let stratum = 0; stratum < stratumCount; stratum++) own[stratum] = from[stratum * indicatorCount + k] as number;
        return own;
      };
      untouched = untouchedMoments(design, products, corrections[k] as Float64Array, listed, pick(listedCorrection), pick(listedSquare));
    }
    untouchedList.push(untouched);
    stratumCentres(design, sums, usePresence, untouched, centres.subarray(k * stratumCount, (k + 1) * stratumCount));
  }
  // Second pass: squared deviations from the stratum centres, all indicators at once.
  const squares = new Float64Array(stratumCount * indicatorCount);
  for (let position = 0; position < count; position++) {
    const stratum = strata[position] as number;
    for (let k = 0; k < indicatorCount; k++) {
      const deviation = (totals[position * indicatorCount + k] as number) - (centres[k * stratumCount + stratum] as number);
      squares[k * stratumCount + stratum] = (squares[k * stratumCount + stratum] as number) + deviation * deviation;
    }
  }
  return sumsList.map((_, k) => {
    const sums = accumulated[k] as ReturnType<typeof stratumAccumulators>;
    let reachedStrata = 0;
    for (let stratum = 0; stratum < stratumCount; stratum++) if ((sums.reached[stratum] as number) > 0) reachedStrata++;
    const variance = strataVariance(
      design,
      centres.subarray(k * stratumCount, (k + 1) * stratumCount),
      squares.subarray(k * stratumCount, (k + 1) * stratumCount),
      sums,
      usePresence,
      untouchedList[k] as UntouchedMoments | null,
    );
    return { variance, df: (reachedPsus[k] as number) - reachedStrata };
  });
}
