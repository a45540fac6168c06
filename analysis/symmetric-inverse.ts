import { AnalysisError } from './errors.ts';

/**
 * The inverse of a symmetric positive definite p × p matrix given by its upper triangle
 * (row-major, `upper[j · p + k]` for k ≥ j), by Cholesky factorisation; the full inverse back.
 *
 * Why: a model's XᵀWX is small (a few dozen terms); a singular one means a predictor is constant
 * or collinear, which is refused rather than silently dropped (R would report NA coefficients).
 *
 * @example
 * invertSymmetric(Float64Array.of(4, 2, 0, 3), 2); // => [0.375, -0.25, -0.25, 0.5]
 */
export function invertSymmetric(upper: Float64Array, p: number): Float64Array {
  const factor = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) {
      let value = upper[j * p + k] as number;
      for (let m = 0; m < j; m++) value -= (factor[m * p + j] as number) * (factor[m * p + k] as number);
      if (k === j) {
        if (!(value > 1e-12 * Math.abs(upper[j * p + j] as number)) || !(value > 0)) {
          throw new AnalysisError(`model: term ${j + 1} is constant or collinear with the others (the design matrix is singular)`);
        }
        factor[j * p + j] = Math.sqrt(value);
      } else factor[j * p + k] = value / (factor[j * p + j] as number);
    }
  }
  // Inverse of the upper factor U (XᵀWX = UᵀU), then (UᵀU)⁻¹ = U⁻¹U⁻ᵀ.
  const inverseFactor = new Float64Array(p * p);
  for (let j = p - 1; j >= 0; j--) {
    inverseFactor[j * p + j] = 1 / (factor[j * p + j] as number);
    for (let k = j + 1; k < p; k++) {
      let value = 0;
      for (let m = j + 1; m <= k; m++) value += (factor[j * p + m] as number) * (inverseFactor[m * p + k] as number);
      inverseFactor[j * p + k] = -value / (factor[j * p + j] as number);
    }
  }
  const inverse = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) {
      let value = 0;
      for (let m = k; m < p; m++) value += (inverseFactor[j * p + m] as number) * (inverseFactor[k * p + m] as number);
      inverse[j * p + k] = value;
      inverse[k * p + j] = value;
    }
  }
  return inverse;
}
