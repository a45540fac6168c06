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

/**
 * Weighted least squares (gaussian) or iteratively reweighted least squares for the logit link
 * (quasibinomial), to a relative change of the coefficients below 1e-10.
 */
function fit(model: ModelMatrix, weights: Float64Array, binomial: boolean, start: Float64Array | null): Fit {
  const { rows, matrix, outcome, terms } = model;
  const p = terms.length;
  const n = rows.length;
  let beta = start === null ? new Float64Array(p) : Float64Array.from(start);
  const cross = new Float64Array(p * p);
  const right = new Float64Array(p);
  const mu = new Float64Array(n);
  let inverse: Float64Array = new Float64Array(p * p);
  for (let iteration = 0; iteration < 100; iteration++) {
    cross.fill(0);
    right.fill(0);
    for (let i = 0; i < n; i++) {
      const weight = weights[rows[i] as number] as number;
      const base = i * p;
      let working = weight;
      let response = outcome[i] as number;
      if (binomial) {
        let eta = 0;
        for (let j = 0; j < p; j++) eta += (matrix[base + j] as number) * (beta[j] as number);
        // R's glm starts binomial fits at mu = (y + 0.5) / 2 (weights ignored here: prior weights scale both sides).
        const m = start === null && iteration === 0 ? ((outcome[i] as number) + 0.5) / 2 : 1 / (1 + Math.exp(-eta));
        const variance = m * (1 - m);
        const linear = start === null && iteration === 0 ? Math.log(m / (1 - m)) : eta;
        working = weight * variance;
        response = linear + ((outcome[i] as number) - m) / variance;
      }
      for (let j = 0; j < p; j++) {
        const xj = (matrix[base + j] as number) * working;
        if (xj === 0) continue;
        right[j] = (right[j] as number) + xj * response;
        for (let k = j; k < p; k++) cross[j * p + k] = (cross[j * p + k] as number) + xj * (matrix[base + k] as number);
      }
    }
    inverse = invertSymmetric(cross, p);
    const next = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let value = 0;
      for (let k = 0; k < p; k++) value += (inverse[j * p + k] as number) * (right[k] as number);
      next[j] = value;
    }
    let change = 0;
    for (let j = 0; j < p; j++) change = Math.max(change, Math.abs((next[j] as number) - (beta[j] as number)) / (Math.abs(next[j] as number) + 1e-10));
    beta = next;
    if (!binomial || (iteration > 0 && change < 1e-10)) break;
  }
  if (binomial) {
    // cov.unscaled at the converged coefficients.
    cross.fill(0);
    for (let i = 0; i < n; i++) {
      const base = i * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += (matrix[base + j] as number) * (beta[j] as number);
      mu[i] = 1 / (1 + Math.exp(-eta));
      const working = (weights[rows[i] as number] as number) * (mu[i] as number) * (1 - (mu[i] as number));
      for (let j = 0; j < p; j++) {
        const xj = (matrix[base + j] as number) * working;
        if (xj === 0) continue;
        for (let k = j; k < p; k++) cross[j * p + k] = (cross[j * p + k] as number) + xj * (matrix[base + k] as number);
      }
    }
    inverse = invertSymmetric(cross, p);
  } else {
    for (let i = 0; i < n; i++) {
      let value = 0;
      for (let j = 0; j < p; j++) value += (matrix[i * p + j] as number) * (beta[j] as number);
      mu[i] = value;
    }
  }
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = (weights[rows[i] as number] as number) * ((outcome[i] as number) - (mu[i] as number));
  return { coefficients: beta, inverse, score };
}

/** Linearised variances of the coefficients: the influence w(y − μ)·xᵀ(XᵀWX)⁻¹ of every row, by PSU. */
function sandwichVariances(prepared: Prepared, model: ModelMatrix, result: Fit): Float64Array {
  const { design, calibration } = prepared;
  const p = model.terms.length;
  const totals = new Float64Array(design.psuCount * p);
  const steps = calibration?.steps ?? [];
  const stepSums = steps.map((step) => new Float64Array(step.groupCount * p));
  const influence = new Float64Array(p);
  model.rows.forEach((row, i) => {
    const score = result.score[i] as number;
    for (let j = 0; j < p; j++) {
      let value = 0;
      for (let k = 0; k < p; k++) value += (model.matrix[i * p + k] as number) * (result.inverse[k * p + j] as number);
      influence[j] = value * score;
    }
    const at = (design.psuOfRow[row] as number) * p;
    for (let j = 0; j < p; j++) totals[at + j] = (totals[at + j] as number) + (influence[j] as number);
    steps.forEach((step, s) => {
      const base = (step.groups[row] as number) * p;
      const factor = step.factor[row] as number;
      const sums = stepSums[s] as Float64Array;
      for (let j = 0; j < p; j++) sums[base + j] = (sums[base + j] as number) + factor * (influence[j] as number);
    });
  });
  const psus = Int32Array.from({ length: design.psuCount }, (_, psu) => psu);
  return Float64Array.from({ length: p }, (_, j) => {
    const psuTotals = Float64Array.from({ length: design.psuCount }, (_, psu) => totals[psu * p + j] as number);
    const groupSums = steps.map((step, s) => Float64Array.from({ length: step.groupCount }, (_, g) => (stepSums[s] as Float64Array)[g * p + j] as number));
    return influenceVariance(design, calibration, { psus, psuTotals, stepSums: groupSums }, null);
  });
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
