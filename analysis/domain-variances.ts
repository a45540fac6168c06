import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import type { StratumAccumulators, UntouchedMoments } from './sparse-variance.ts';
import { calibrationCorrections, calibrationProducts, type CalibrationProducts } from './weighting/calibration-residuals.ts';
import { psuCorrection, untouchedMoments } from './weighting/residual-variance.ts';
import { stratumCentres, strataVariance } from './sparse-variance.ts';

/** Reusable per-design buffers: totals by [k · cells + position] among the domain's cells. */
const scratchCache = new WeakMap<Design, Float64Array>();

function totalsFor(design: Design, indicatorCount: number): Float64Array {
  let totals = scratchCache.get(design);
  if (totals === undefined || totals.length < design.psuCount * indicatorCount) {
    totals = new Float64Array(design.psuCount * indicatorCount);
    scratchCache.set(design, totals);
  }
  return totals;
}

/** Of every cell: its PSU's stratum and (calibrated) its PSU's one calibration group (−1: several, see psuCorrection) and weight. */
interface CellStrata {
  design: Design;
  products: CalibrationProducts | null;
  strata: Int32Array;
  groups: Int32Array;
  groupWeights: Float64Array;
}

// Made once per list of cells (a breakdown's, shared by the one folded from it) and design, not
// once per group of indicators and domain.
const cellStrataCache = new WeakMap<Int32Array, CellStrata>();

function cellStrata(design: Design, products: CalibrationProducts | null, cellPsu: Int32Array): CellStrata {
  const cached = cellStrataCache.get(cellPsu);
  if (cached !== undefined && cached.design === design && cached.products === products) return cached;
  const count = cellPsu.length;
  const made: CellStrata = { design, products, strata: new Int32Array(count), groups: new Int32Array(count), groupWeights: new Float64Array(count) };
  for (let cell = 0; cell < count; cell++) {
    const psu = cellPsu[cell] as number;
    made.strata[cell] = design.stratumOfPsu[psu] as number;
    if (products !== null) {
      // One group per PSU (PSUs nested in the margins, as with strata wave × region): no loop.
      const groupStart = products.psuStart[psu] as number;
      const single = (products.psuStart[psu + 1] as number) - groupStart === 1;
      made.groups[cell] = single ? (products.psuGroup[groupStart] as number) : -1;
      made.groupWeights[cell] = single ? (products.psuGroupWeight[groupStart] as number) : 0;
    }
  }
  cellStrataCache.set(cellPsu, made);
  return made;
}

/**
 * The variance of a domain's ratio mean for several indicators summed together (sharing one
 * `cellSums` and cells) in one domain: each indicator's totals are made in one tight loop over
 * the cells, whose strata and calibration groups are looked up once per breakdown (`cellStrata`).
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
  const totals = totalsFor(design, indicatorCount);
  const products = calibration === null ? null : calibrationProducts(calibration, design);
  const known = cellStrata(design, products, cellPsu);
  const strata = known.strata.subarray(start, end);
  const groups = known.groups.subarray(start, end);
  const groupWeights = known.groupWeights.subarray(start, end);
  const listed = new Int32Array(stratumCount);
  for (let position = 0; position < count; position++) listed[strata[position] as number] = (listed[strata[position] as number] as number) + 1;
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
