import type { Design } from './design.ts';

/**
 * Linearised variance of an estimate from its influence values summed within PSUs: within each
 * stratum, n_h/(n_h − 1) times the sum of squared deviations of the PSU totals from their stratum
 * mean, summed over strata (PSUs sampled with replacement within strata).
 *
 * Why: this is the Taylor-linearisation variance R's `survey` package computes (`svyrecvar` →
 * `onestrat`), including its lonely-PSU options. `psuTotals[offset + p]` is the total of the
 * influence values of PSU p (zero for PSUs outside a domain: the full design is kept, as in
 * `svyby`). `presence[offset + p]` (rows of the domain in PSU p) lets a stratum that the domain
 * does not reach drop out, as it does in R when the design is subset; pass null for a calibrated
 * design, where R keeps every row.
 *
 * Lonely PSUs (a stratum with one PSU in the whole design), as `options(survey.lonely.psu)`:
 * "remove" and "certainty" contribute nothing; "adjust" centres the PSU total at the overall
 * mean (zero) instead of the stratum mean; "average" replaces the stratum's contribution by the
 * average of the other strata; "fail" is refused when the design is built.
 *
 * Reference: Wolter (2007) Introduction to Variance Estimation, §6.11; Lumley (2010) Complex
 * Surveys §2.3 and R `survey:::onestrat`.
 *
 * @example
 * // two strata of two PSUs each, PSU totals (1, -1) and (0.5, -0.5):
 * // 2/1 * (1 + 1) + 2/1 * (0.25 + 0.25) = 5
 */
export function stratifiedVariance(
  design: Design,
  psuTotals: Float64Array,
  offset: number,
  presence: Float64Array | null,
): number {
  const { psusByStratum, stratumStart } = design;
  let sum = 0;
  let strataPresent = 0;
  let strataCounted = 0;
  for (let stratum = 0; stratum < design.stratumCount; stratum++) {
    const start = stratumStart[stratum] as number;
    const end = stratumStart[stratum + 1] as number;
    const psus = end - start;
    let present = psus;
    if (presence !== null) {
      present = 0;
      for (let k = start; k < end; k++) if ((presence[offset + (psusByStratum[k] as number)] as number) > 0) present++;
      if (present === 0) continue;
    }
    strataPresent++;
    let total = 0;
    for (let k = start; k < end; k++) total += psuTotals[offset + (psusByStratum[k] as number)] as number;
    const centre = stratumCentre(design, total, psus, present);
    let squares = 0;
    for (let k = start; k < end; k++) {
      const deviation = (psuTotals[offset + (psusByStratum[k] as number)] as number) - centre;
      squares += deviation * deviation;
    }
    const contribution = stratumContribution(design, stratum, squares, psus, present);
    if (contribution === null) continue;
    sum += contribution;
    strataCounted++;
  }
  return combinedStrata(sum, strataPresent, strataCounted);
}

/**
 * The centre of a stratum's PSU totals: their mean, or zero (the overall mean of influence
 * values) for a lonely PSU under "adjust", as R's onestrat centres it.
 */
export function stratumCentre(design: Design, total: number, psus: number, present: number): number {
  const { lonelyPsu, adjustDomainLonely } = design;
  return lonelyPsu !== 'adjust' || present > 1 || (psus > 1 && !adjustDomainLonely) ? total / psus : 0;
}

/**
 * One stratum's share of the variance from its squared deviations, as R's onestrat weighs it:
 * n_h/(n_h − 1) times the squares, times the finite population correction; null when the
 * stratum drops out of the count ("average" for a lonely PSU, whose share is the others' mean).
 */
export function stratumContribution(design: Design, stratum: number, squares: number, psus: number, present: number): number | null {
  const { lonelyPsu, adjustDomainLonely, fpc } = design;
  // Finite population correction (R's onestrat): a stratum sampled whole adds nothing.
  const correction = fpc === null ? 1 : (fpc[stratum] as number);
  if (correction < 1e-7) return 0;
  if (psus > 1) {
    if (present === 1 && adjustDomainLonely && lonelyPsu === 'average') return null;
    return (correction * squares * psus) / (psus - 1);
  }
  return lonelyPsu === 'average' ? null : correction * squares;
}

/** The strata's shares summed, scaled up for the strata "average" left out of the count. */
export function combinedStrata(sum: number, strataPresent: number, strataCounted: number): number {
  if (strataCounted === 0) return strataPresent === 0 ? 0 : NaN;
  return (sum * strataPresent) / strataCounted;
}
