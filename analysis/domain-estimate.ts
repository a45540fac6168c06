import type { Design } from './design.ts';
import type { DomainSums } from './domain-sums.ts';
import type { Calibration } from './weighting/calibration.ts';
import { calibrationProducts, residualPsuTotals } from './weighting/calibration-residuals.ts';
import { domainDegreesOfFreedom, stratifiedVariance } from './variance.ts';

/** Influence values of an estimate, summed by PSU and (for calibrated designs) by calibration group. */
export interface Influence {
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
  influence: Influence;
  /** Rows of the domain by PSU (to drop strata the domain does not reach); null when calibrated. */
  presence: Float64Array | null;
}

/**
 * Variance of an influence variable: residuals from the calibration when there is one, then the
 * stratified with-replacement variance of the PSU totals.
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
  if (calibration === null) return stratifiedVariance(design, influence.psuTotals, 0, presence);
  const products = calibrationProducts(calibration, design.psuOfRow, design.psuCount);
  const residuals = residualPsuTotals(calibration, products, influence.psuTotals, influence.stepSums, design.psuCount);
  return stratifiedVariance(design, residuals, 0, null);
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
 * variance s²/n is used, as R's deff = "replace".
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
  const { psuCount } = sums;
  const offset = domain * psuCount;
  let sumWeights = 0;
  let sumValues = 0;
  let n = 0;
  for (let psu = 0; psu < psuCount; psu++) {
    sumWeights += sums.weight[offset + psu] as number;
    sumValues += sums.weightedValue[offset + psu] as number;
    n += sums.rows[offset + psu] as number;
  }
  const estimate = sumValues / sumWeights;
  const psuTotals = new Float64Array(psuCount);
  for (let psu = 0; psu < psuCount; psu++) {
    psuTotals[psu] = ((sums.weightedValue[offset + psu] as number) - estimate * (sums.weight[offset + psu] as number)) / sumWeights;
  }
  const stepSums = (calibration?.steps ?? []).map((step, s) => {
    const groupSums = new Float64Array(step.groupCount);
    const base = domain * step.groupCount;
    for (let group = 0; group < step.groupCount; group++) {
      groupSums[group] =
        ((sums.stepValue[s] as Float64Array)[base + group]! - estimate * (sums.stepWeight[s] as Float64Array)[base + group]!) / sumWeights;
    }
    return groupSums;
  });
  const presence = sums.rows.subarray(offset, offset + psuCount);
  const influence = { psuTotals, stepSums };
  const variance = n > 0 ? influenceVariance(design, calibration, influence, calibration === null ? presence : null) : NaN;
  const spread = (sums.weightedSquare[domain] as number) / sumWeights - estimate * estimate;
  const sampleVariance = (Math.max(spread, 0) * n) / (n - 1);
  const srsVariance = sumWeights > n ? (sampleVariance * (sumWeights - n)) / (sumWeights * n) : sampleVariance / n;
  return {
    estimate,
    variance,
    n,
    sumWeights,
    deff: variance / srsVariance,
    df: domainDegreesOfFreedom(design, presence, 0),
    influence,
    presence: calibration === null ? presence : null,
  };
}
