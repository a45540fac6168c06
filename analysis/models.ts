import type { ModelResult, ModelSpec } from './types.ts';
import type { Prepared } from './prepared.ts';
import { AnalysisError } from './errors.ts';
import { modelMatrix } from './model-matrix.ts';
import type { ModelMatrix } from './model-matrix.ts';
import { influenceVariance } from './domain-estimate.ts';
import { replicateVariance } from './replicates.ts';
import { studentTQuantile, studentTTwoSidedP } from './distributions/student-t.ts';
import { finiteOrNull } from './estimate-row.ts';
import { invertSymmetric } from './symmetric-inverse.ts';

interface Fit {
  coefficients: Float64Array;
  /** (XᵀWX)⁻¹ with W the working weights at convergence (R's cov.unscaled). */
  inverse: Float64Array;
  /** Per model row: weight · (y − μ), the score's scalar part (R: working residual × working weight). */
  score: Float64Array;
}

/** Adds working · x xᵀ (upper triangle) and working · response · x of model row i (its nonzeros only). */
function accumulate(model: ModelMatrix, i: number, cross: Float64Array, right: Float64Array | null, p: number, working: number, response: number): void {
  const { start, index, value } = model;
  const end = start[i + 1] as number;
  for (let a = start[i] as number; a < end; a++) {
    const j = index[a] as number;
    const xj = (value[a] as number) * working;
    if (right !== null) right[j] = (right[j] as number) + xj * response;
    const row = j * p;
    for (let b = a; b < end; b++) {
      const at = row + (index[b] as number);
      cross[at] = (cross[at] as number) + xj * (value[b] as number);
    }
  }
}

/** x_i · beta. */
function linearPredictor(model: ModelMatrix, i: number, beta: Float64Array): number {
  const { start, index, value } = model;
  let eta = 0;
  for (let a = start[i] as number; a < (start[i + 1] as number); a++) eta += (value[a] as number) * (beta[index[a] as number] as number);
  return eta;
}

/**
 * Weighted least squares (gaussian) or iteratively reweighted least squares for the logit link
 * (quasibinomial). Converged when every coefficient moves by less than 1e-10 of itself or 1e-8 of
 * its standard error at the sample's size (√((XᵀWX)⁻¹_jj · Σw/n)); the step is then taken, and
 * (XᵀWX)⁻¹ and μ of that last pass are kept (they differ from those at the new coefficients by
 * ~1e-11 relative, so no further pass over the rows is made).
 *
 * Why: a relative change alone never settles for a coefficient near 0 on a million rows (its
 * rounding noise is ~1e-9 of itself), and a second pass to recompute (XᵀWX)⁻¹ costs what an
 * iteration costs; R's own rule (deviance, 1e-8) stops far too early (INDICATORS.md).
 */
function fit(model: ModelMatrix, weights: Float64Array, binomial: boolean, start: Float64Array | null): Fit {
  const { rows, outcome, terms } = model;
  const p = terms.length;
  const n = rows.length;
  let beta = start === null ? new Float64Array(p) : Float64Array.from(start);
  const cross = new Float64Array(p * p);
  const right = new Float64Array(p);
  const mu = new Float64Array(n);
  let sumWeights = 0;
  for (let i = 0; i < n; i++) sumWeights += weights[rows[i] as number] as number;
  let inverse: Float64Array = new Float64Array(p * p);
  for (let iteration = 0; iteration < 100; iteration++) {
    cross.fill(0);
    right.fill(0);
    // R's glm starts binomial fits at mu = (y + 0.5) / 2 (weights ignored here: prior weights scale both sides).
    const first = start === null && iteration === 0;
    for (let i = 0; i < n; i++) {
      const weight = weights[rows[i] as number] as number;
      let working = weight;
      let response = outcome[i] as number;
      if (binomial) {
        const linear = first ? 0 : linearPredictor(model, i, beta);
        const m = first ? ((outcome[i] as number) + 0.5) / 2 : 1 / (1 + Math.exp(-linear));
        mu[i] = m;
        const variance = m * (1 - m);
        const eta = first ? Math.log(m / (1 - m)) : linear;
        working = weight * variance;
        response = eta + ((outcome[i] as number) - m) / variance;
      }
      accumulate(model, i, cross, right, p, working, response);
    }
    inverse = invertSymmetric(cross, p);
    const next = new Float64Array(p);
    let converged = !first;
    for (let j = 0; j < p; j++) {
      let total = 0;
      for (let k = 0; k < p; k++) total += (inverse[j * p + k] as number) * (right[k] as number);
      next[j] = total;
      const scale = Math.sqrt(((inverse[j * p + j] as number) * sumWeights) / n);
      if (!(Math.abs(total - (beta[j] as number)) <= 1e-10 * Math.abs(total) + 1e-8 * scale)) converged = false;
    }
    beta = next;
    if (!binomial || converged) break;
  }
  if (!binomial) for (let i = 0; i < n; i++) mu[i] = linearPredictor(model, i, beta);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = (weights[rows[i] as number] as number) * ((outcome[i] as number) - (mu[i] as number));
  return { coefficients: beta, inverse, score };
}

/** Rows of `sums` (each p long) times the symmetric p × p `inverse`, as column j of the result for each j. */
function timesInverse(sums: Float64Array, groups: number, inverse: Float64Array, p: number): Float64Array[] {
  const columns = Array.from({ length: p }, () => new Float64Array(groups));
  for (let g = 0; g < groups; g++) {
    const base = g * p;
    for (let j = 0; j < p; j++) {
      let total = 0;
      for (let k = 0; k < p; k++) total += (sums[base + k] as number) * (inverse[k * p + j] as number);
      (columns[j] as Float64Array)[g] = total;
    }
  }
  return columns;
}

/**
 * Linearised variances of the coefficients: the influence w(y − μ)·xᵀ(XᵀWX)⁻¹ of every row,
 * summed by PSU (and by calibration group). Since the influence is linear in x, the rows' score ·
 * x are summed first and multiplied by (XᵀWX)⁻¹ once per PSU, not once per row.
 */
function sandwichVariances(prepared: Prepared, model: ModelMatrix, result: Fit): Float64Array {
  const { design, calibration } = prepared;
  const p = model.terms.length;
  const totals = new Float64Array(design.psuCount * p);
  const steps = calibration?.steps ?? [];
  const stepSums = steps.map((step) => new Float64Array(step.groupCount * p));
  const { start, index, value } = model;
  model.rows.forEach((row, i) => {
    const score = result.score[i] as number;
    const from = start[i] as number;
    const end = start[i + 1] as number;
    const at = (design.psuOfRow[row] as number) * p;
    for (let a = from; a < end; a++) totals[at + (index[a] as number)] = (totals[at + (index[a] as number)] as number) + score * (value[a] as number);
    steps.forEach((step, s) => {
      const base = (step.groups[row] as number) * p;
      const weighted = (step.factor[row] as number) * score;
      const sums = stepSums[s] as Float64Array;
      for (let a = from; a < end; a++) sums[base + (index[a] as number)] = (sums[base + (index[a] as number)] as number) + weighted * (value[a] as number);
    });
  });
  const psuTotals = timesInverse(totals, design.psuCount, result.inverse, p);
  const groupSums = steps.map((step, s) => timesInverse(stepSums[s] as Float64Array, step.groupCount, result.inverse, p));
  const psus = Int32Array.from({ length: design.psuCount }, (_, psu) => psu);
  return Float64Array.from({ length: p }, (_, j) =>
    influenceVariance(design, calibration, { psus, psuTotals: psuTotals[j] as Float64Array, stepSums: groupSums.map((sums) => sums[j] as Float64Array) }, null));
}

/**
 * A design-based regression, as R's `svyglm(outcome ~ predictors, design, family = gaussian())`
 * or `family = quasibinomial()` for `binomial`: coefficients from the weighted (IRLS) fit, their
 * sandwich variance linearised over the design (or, on a replicate design, the variance of the
 * coefficients refitted with each replicate weight), t = estimate/SE, p from t on
 * `df.residual` = degf(design) + 1 − number of coefficients, interval estimate ∓ t(0.975, df)·SE.
 *
 * Why: "what drives trust" (procedural fairness against effectiveness, controlling for region
 * and demographics) needs coefficients whose SEs honour the clustering and weighting.
 *
 * Reference: R `survey::svyglm`, `survey:::svy.varcoef`, `summary.svyglm`; Binder (1983).
 *
 * @example
 * fitModel(prepared, { id: 'm', family: 'gaussian', outcome: 'legit_score', predictors: ['pf_score'] });
 */
export function fitModel(prepared: Prepared, model: ModelSpec): ModelResult {
  if (model.family !== 'gaussian' && model.family !== 'binomial') {
    throw new AnalysisError(`model "${model.id}": family must be "gaussian" or "binomial", got ${JSON.stringify(model.family)}`);
  }
  const matrix = modelMatrix(prepared, model);
  const p = matrix.terms.length;
  if (matrix.rows.length <= p) throw new AnalysisError(`model "${model.id}": ${matrix.rows.length} complete rows for ${p} coefficients`);
  const binomial = model.family === 'binomial';
  const { design } = prepared;
  const full = fit(matrix, design.weights, binomial, null);
  let variances: Float64Array;
  if (design.replicates !== null) {
    const { replicates } = design;
    const refits = replicates.weights.map((weights) => fit(matrix, weights, binomial, full.coefficients).coefficients);
    variances = Float64Array.from({ length: p }, (_, j) =>
      replicateVariance(replicates, Float64Array.from(refits, (coefficients) => coefficients[j] as number), full.coefficients[j] as number));
  } else variances = sandwichVariances(prepared, matrix, full);
  const dfResidual = design.degf + 1 - p;
  const level = prepared.spec.level ?? 0.95;
  const t = studentTQuantile(1 - (1 - level) / 2, dfResidual);
  return {
    id: model.id,
    family: model.family,
    n: matrix.rows.length,
    dfResidual,
    coefficients: matrix.terms.map((term, j) => {
      const estimate = full.coefficients[j] as number;
      const se = Math.sqrt(variances[j] as number);
      const statistic = estimate / se;
      return {
        term,
        estimate: finiteOrNull(estimate),
        se: finiteOrNull(se),
        t: finiteOrNull(statistic),
        pValue: finiteOrNull(dfResidual > 0 ? studentTTwoSidedP(statistic, dfResidual) : NaN),
        ciLow: finiteOrNull(estimate - t * se),
        ciHigh: finiteOrNull(estimate + t * se),
      };
    }),
  };
}
