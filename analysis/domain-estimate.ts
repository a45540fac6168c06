import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import { calibrationProducts } from './weighting/calibration-residuals.ts';
import { calibratedVariance } from './weighting/residual-variance.ts';
import { sparseStratifiedVariance } from './sparse-variance.ts';
import { cellVariances } from './domain-variances.ts';

/**
 * Influence values of an estimate, summed by PSU (only the PSUs it reaches, `psus[i]` with total
 * `psuTotals[i]`; zero elsewhere) and, for calibrated designs, by calibration group.
 */
export interface Influence {
  psus: Int32Array;
  psuTotals: Float64Array;
  stepSums: Float64Array[];
}

/** One domain's estimate with what intervals, flags and comparisons need. */
export interface DomainEstimate {
  estimate: number;
  variance: number;
  /** Unweighted rows in the domain with a valid value. */
  n: number;
  sumWeights: number;
  /** Design effect as R's svymean(deff = TRUE); NaN when undefined. */
  deff: number;
  /** Degrees of freedom of the domain (R degf() of the subset design). */
  df: number;
  /** Rows of the domain with a valid value including those of weight 0 (R's nrow(design)), when it differs from n. */
  rows?: number;
  influence: Influence;
  /** Σ w of the domain by entry of `influence.psus`, > 0 where it has rows (to drop strata it does not reach); null when calibrated. */
  presence: Float64Array | null;
}

/**
 * Variance of an influence variable: residuals from the calibration when there is one, then the
 * stratified with-replacement variance of the PSU totals. `presence` (rows by entry of
 * `influence.psus`) drops strata the domain does not reach; null keeps the full design.
 *
 * @example
 * influenceVariance(design, null, influence, presence);
 */
export function influenceVariance(
  design: Design,
  calibration: Calibration | null,
  influence: Influence,
  presence: Float64Array | null,
): number {
  const sparse = { psus: influence.psus, totals: influence.psuTotals, presence };
  if (calibration === null) return sparseStratifiedVariance(design, sparse, null);
  const products = calibrationProducts(calibration, design);
  return calibratedVariance(design, calibration, products, { ...sparse, presence: null }, influence.stepSums);
}

/**
 * The ratio mean ȳ = Σwy/Σw of one domain, its Taylor-linearised variance over the full design,
 * its design effect and degrees of freedom.
 *
 * Why: every indicator (share, mean, scale score, net score) is such a mean over its domain.
 * The design effect divides the design variance by the variance under simple random sampling
 * without replacement of the same n from a population of Σw, with the weighted sample variance
 * s² = Σw(y−ȳ)²/Σw · n/(n−1): R's `svymean(deff = TRUE)` (which uses `svyvar`). When the weights
 * do not sum to more than n (unweighted data, where R returns Inf or NA) the with-replacement
 * variance s²/n is used, as R's deff = "replace". Only the PSUs the domain reaches are visited.
 *
 * Reference: Lumley (2010) Complex Surveys §2.3–2.4; Kish (1965) §8.2; R `svymean`, `svyby`.
 *
 * @example
 * const estimate = estimateDomain(design, null, sums, 0);
 * estimate.estimate; // weighted mean of domain 0
 */
export function estimateDomain(
  design: Design,
  calibration: Calibration | null,
  sums: DomainSums,
  domain: number,
): DomainEstimate {
  const start = sums.cells.domainStart[domain] as number;
  const end = sums.cells.domainEnd[domain] as number;
  const { cellSums, stride, offset, domainTotals } = sums;
  const { estimate, sumWeights, n, stepSums } = domainRatio(calibration, sums, domain);
  const psus = sums.cells.cellPsu.subarray(start, end);
  const presence = new Float64Array(end - start);
  const psuTotals = new Float64Array(end - start);
  // Degrees of freedom as R's degf() of the subset: PSUs with rows minus strata with rows.
  const reachedStratum = new Uint8Array(design.stratumCount);
  let df = 0;
  for (let cell = start; cell < end; cell++) {
    const at = cell * stride + offset;
    const weight = cellSums[at + 1] as number;
    presence[cell - start] = weight;
    psuTotals[cell - start] = ((cellSums[at] as number) - estimate * weight) / sumWeights;
    if (weight > 0) {
      df++;
      const stratum = design.stratumOfPsu[psus[cell - start] as number] as number;
      if (reachedStratum[stratum] === 0) {
        reachedStratum[stratum] = 1;
        df--;
      }
    }
  }
  const influence: Influence = { psus, psuTotals, stepSums };
  const variance = n > 0 ? influenceVariance(design, calibration, influence, calibration === null ? presence : null) : NaN;
  return {
    estimate,
    variance,
    n,
    sumWeights,
    deff: variance / srsVariance(domainTotals, domain, estimate, sumWeights, n),
    df,
    influence,
    presence: calibration === null ? presence : null,
  };
}

/** The domain's ratio mean, Σ w, n and per calibration step the group sums of its influence. */
function domainRatio(calibration: Calibration | null, sums: DomainSums, domain: number) {
  const { domainTotals } = sums;
  const sumValues = domainTotals[domain * 4] as number;
  const sumWeights = domainTotals[domain * 4 + 1] as number;
  const n = domainTotals[domain * 4 + 2] as number;
  const estimate = sumValues / sumWeights;
  const stepSums = (calibration?.steps ?? []).map((step, s) => {
    const groupSums = new Float64Array(step.groupCount);
    const base = domain * step.groupCount;
    for (let group = 0; group < step.groupCount; group++) {
      groupSums[group] =
        ((sums.stepValue[s] as Float64Array)[base + group]! - estimate * (sums.stepWeight[s] as Float64Array)[base + group]!) / sumWeights;
    }
    return groupSums;
  });
  return { estimate, sumWeights, n, stepSums };
}

/** The variance under simple random sampling (without replacement from Σw, else with) that the design effect divides by. */
function srsVariance(domainTotals: Float64Array, domain: number, estimate: number, sumWeights: number, n: number): number {
  const spread = (domainTotals[domain * 4 + 3] as number) / sumWeights - estimate * estimate;
  const sampleVariance = (Math.max(spread, 0) * n) / (n - 1);
  return sumWeights > n ? (sampleVariance * (sumWeights - n)) / (sumWeights * n) : sampleVariance / n;
}

/**
 * `estimateDomain` for several indicators summed together, in one domain: the variances come
 * from one visit of the domain's cells (`cellVariances`). Table rows only (no influence kept).
 *
 * @example
 * const [fav, mean] = estimateDomains(design, null, [favSums, meanSums], domain);
 */
export function estimateDomains(
  design: Design,
  calibration: Calibration | null,
  sumsList: readonly DomainSums[],
  domain: number,
): DomainEstimate[] {
  const ratios = sumsList.map((sums) => domainRatio(calibration, sums, domain));
  const variances = cellVariances(
    design, calibration, sumsList, domain,
    Float64Array.from(ratios, (ratio) => ratio.estimate), Float64Array.from(ratios, (ratio) => ratio.sumWeights),
    ratios.map((ratio) => ratio.stepSums),
  );
  return ratios.map(({ estimate, sumWeights, n, stepSums }, k) => {
    const { df } = variances[k] as { variance: number; df: number };
    const variance = n > 0 ? (variances[k] as { variance: number }).variance : NaN;
    return {
      estimate, variance, n, sumWeights,
      deff: variance / srsVariance((sumsList[k] as DomainSums).domainTotals, domain, estimate, sumWeights, n),
      df,
      influence: { psus: new Int32Array(0), psuTotals: new Float64Array(0), stepSums },
      presence: null,
    };
  });
}
