/**
 * What a calibrated (post-stratified or raked) design keeps for its variance: per adjustment
 * step, the group of every row, the weights after the step and how R averages within groups.
 * R's `svyrecvar` replaces each influence value x by x − w_after · m[group], with
 * m[g] = Σ_g x·factor / denominator[g]; post-stratification does this once, raking repeats the
 * pass over its margins ten times.
 */
export interface CalibrationStep {
  /** Column the step adjusts to. */
  column: string;
  groups: Int32Array;
  groupCount: number;
  /** Weights after this step (R: attr(, "weights")). */
  after: Float64Array;
  /** Multiplier of x in the group mean: 1/after (raking) or before/after (post-stratification). */
  factor: Float64Array;
  /** Divisor of the group mean: rows in the group (raking) or Σ weights before (post-stratification). */
  denominator: Float64Array;
}

export interface Calibration {
  kind: 'raking' | 'postStratify';
  steps: CalibrationStep[];
  /** Passes over the steps in the variance: 10 for raking, 1 for post-stratification. */
  passes: number;
  /** Iterations the weights needed (raking), for the record. */
  iterations: number;
  converged: boolean;
}
