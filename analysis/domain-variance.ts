import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import { calibrationCorrections, calibrationProducts } from './weighting/calibration-residuals.ts';
import { psuCorrection, untouchedMoments } from './weighting/residual-variance.ts';
import { combineStrata, stratumAccumulators } from './sparse-variance.ts';

/** Reusable per-design buffers for the PSU totals of one domain and their strata. */
const scratchCache = new WeakMap<Design, { totals: Float64Array; strata: Int32Array }>();

function scratchFor(design: Design): { totals: Float64Array; strata: Int32Array } {
  let scratch = scratchCache.get(design);
  if (scratch === undefined) {
    scratch = { totals: new Float64Array(design.psuCount), strata: new Int32Array(design.psuCount) };
    scratchCache.set(design, scratch);
  }
  return scratch;
}

/**
 * The linearised variance and the degrees of freedom of a domain mean straight from its cells:
 * the same numbers as `influenceVariance` on the domain's influence (see domain-estimate.ts),
 * with the influence totals, calibration residuals and per-stratum sums made in one pass over
 * the PSUs the domain reaches and the squared deviations in a second, into reused buffers.
 *
 * Why: a full table at a million rows visits about two million (domain, PSU) cells per
 * indicator; passes and allocations per cell are what the table's time is made of.
 *
 * Reference: R `survey:::svyrecvar` and `onestrat`; `degf()` of the subset design.
 *
 * @example
 * const { variance, df } = cellVariance(design, null, sums, domain, estimate, sumWeights, []);
 */
export function cellVariance(
  design: Design,
  calibration: Calibration | null,
  sums: DomainSums,
  domain: number,
  estimate: number,
  sumWeights: number,
  stepSums: readonly Float64Array[],
): { variance: number; df: number } {
  const { stratumCount, stratumOfPsu } = design;
  const start = sums.cells.domainStart[domain] as number;
  const end = sums.cells.domainEnd[domain] as number;
  const { cellSums, stride, offset } = sums;
  const cellPsu = sums.cells.cellPsu;
  const { totals, strata } = scratchFor(design);
  const accumulated = stratumAccumulators(stratumCount);
  const products = calibration === null ? null : calibrationProducts(calibration, design);
  const corrections = calibration === null || products === null ? null : calibrationCorrections(calibration, products, stepSums);
  const listedCorrection = new Float64Array(stratumCount);
  const listedSquare = new Float64Array(stratumCount);
  let count = 0;
  let reachedPsus = 0;
  for (let cell = start; cell < end; cell++) {
    const at = cell * stride + offset;
    const weight = cellSums[at + 1] as number;
    const psu = cellPsu[cell] as number;
    const stratum = stratumOfPsu[psu] as number;
    let total = ((cellSums[at] as number) - estimate * weight) / sumWeights;
    if (products !== null && corrections !== null) {
      const first = products.psuStart[psu] as number;
      // One group per PSU (PSUs nested in the margins, as with strata wave × region): no loop.
      const correction = (products.psuStart[psu + 1] as number) - first === 1
        ? (products.psuGroupWeight[first] as number) * (corrections[products.psuGroup[first] as number] as number)
        : psuCorrection(products, corrections, psu);
      total -= correction;
      listedCorrection[stratum] = (listedCorrection[stratum] as number) + correction;
      listedSquare[stratum] = (listedSquare[stratum] as number) + correction * correction;
    }
    totals[count] = total;
    strata[count] = stratum;
    count++;
    accumulated.sum[stratum] = (accumulated.sum[stratum] as number) + total;
    accumulated.listed[stratum] = (accumulated.listed[stratum] as number) + 1;
    if (weight > 0) {
      accumulated.reached[stratum] = (accumulated.reached[stratum] as number) + 1;
      reachedPsus++;
    }
  }
  let reachedStrata = 0;
  for (let stratum = 0; stratum < stratumCount; stratum++) if ((accumulated.reached[stratum] as number) > 0) reachedStrata++;
  const untouched = products === null || corrections === null
    ? null
    : untouchedMoments(design, products, corrections, accumulated.listed, listedCorrection, listedSquare);
  const variance = combineStrata(design, totals, strata, count, accumulated, calibration === null, untouched);
  return { variance, df: reachedPsus - reachedStrata };
}
