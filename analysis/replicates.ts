import type { Columns, ReplicatesSpec } from './types.ts';
import { AnalysisError, dataError } from './errors.ts';
import { numericColumn } from './columns.ts';

/** A replicate-weight design resolved: full replicate weights and R's variance constants. */
export interface Replicates {
  type: ReplicatesSpec['type'];
  /** One column of full replicate weights per replicate (R's combined.weights = TRUE). */
  weights: Float64Array[];
  scale: number;
  rscales: Float64Array;
  mse: boolean;
}

const types = ['BRR', 'Fay', 'JK1', 'JKn', 'bootstrap', 'other'];

function number(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AnalysisError(`design.replicates.${name} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Reads `design.replicates` as `svrepdesign(repweights = columns, weights = ~weight, type, scale,
 * rscales, rho, mse, combined.weights = TRUE)` does, with R's defaults: BRR scale 1/R, Fay
 * 1/(R(1 − rho)²) (both fixed by the type, so a `scale` given for them is refused rather than
 * ignored), JK1 (R − 1)/R, bootstrap 1/(R − 1), otherwise 1; rscales 1 except JKn, which needs
 * them; `mse` false (R's `survey.replicates.mse` default). Replicate weights must be present,
 * numeric and not negative (the error names the column and row).
 *
 * Reference: R `survey::svrepdesign`; Wolter (2007) ch. 3–5.
 *
 * @example
 * resolveReplicates({ r1: new Float64Array([2, 0]), r2: new Float64Array([0, 2]) }, { columns: ['r1', 'r2'], type: 'JK1' });
 * // => { type: 'JK1', scale: 0.5, rscales: [1, 1], mse: false, … }
 */
export function resolveReplicates(data: Columns, spec: ReplicatesSpec): Replicates {
  if (!types.includes(spec.type)) throw new AnalysisError(`design.replicates.type must be one of ${types.join(', ')}, got ${JSON.stringify(spec.type)}`);
  if (!Array.isArray(spec.columns) || spec.columns.length < 2) throw new AnalysisError('design.replicates.columns must list at least two replicate weight columns');
  const weights = spec.columns.map((column) => {
    const values = numericColumn(data, column, 'replicate weight');
    for (let row = 0; row < values.length; row++) {
      const value = values[row] as number;
      if (Number.isNaN(value)) throw dataError(column, row, 'replicate weight is missing');
      if (value < 0) throw dataError(column, row, `replicate weight must not be negative, got ${value}`);
    }
    return values;
  });
  const count = weights.length;
  const given = number(spec.scale, 'scale');
  const rho = number(spec.rho, 'rho');
  if ((spec.type === 'BRR' || spec.type === 'Fay') && given !== undefined) {
    throw new AnalysisError(`design.replicates.scale: a ${spec.type} design's scale is fixed by R (${spec.type === 'BRR' ? '1/R' : '1/(R(1-rho)^2)'}); remove it`);
  }
  if (spec.type === 'Fay' && (rho === undefined || !(rho >= 0 && rho < 1))) throw new AnalysisError('design.replicates.rho: a Fay design needs rho in [0, 1)');
  if (spec.type !== 'Fay' && rho !== undefined) throw new AnalysisError(`design.replicates.rho is used only by Fay designs, not ${spec.type}`);
  const defaults: Record<string, number> = { BRR: 1 / count, Fay: 1 / (count * (1 - (rho ?? 0)) ** 2), JK1: (count - 1) / count, bootstrap: 1 / (count - 1) };
  const scale = spec.type === 'BRR' || spec.type === 'Fay' ? (defaults[spec.type] as number) : (given ?? defaults[spec.type] ?? 1);
  let rscales: Float64Array;
  if (spec.rscales === undefined || spec.rscales === null) {
    if (spec.type === 'JKn') throw new AnalysisError('design.replicates.rscales: a JKn design needs rscales ((n_h - 1)/n_h per replicate), as R does');
    rscales = new Float64Array(count).fill(1);
  } else {
    const list = typeof spec.rscales === 'number' ? [spec.rscales] : spec.rscales;
    if (!Array.isArray(list) || !(list.length === 1 || list.length === count) || list.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      throw new AnalysisError(`design.replicates.rscales must be one number or ${count} numbers (one per replicate column)`);
    }
    rscales = Float64Array.from({ length: count }, (_, k) => list[list.length === 1 ? 0 : k] as number);
  }
  if (spec.mse !== undefined && spec.mse !== null && typeof spec.mse !== 'boolean') throw new AnalysisError('design.replicates.mse must be true or false');
  return { type: spec.type, weights, scale, rscales, mse: spec.mse ?? false };
}

/**
 * The replicate variance of an estimate from its replicate estimates: scale · Σ rscales_r
 * (θ_r − centre)², the centre being the full-sample estimate when `mse` is set, else the mean of
 * the replicates with a positive rscale.
 *
 * Reference: R `survey::svrVar`.
 *
 * @example
 * replicateVariance(replicates, Float64Array.of(0.4, 0.6), 0.5);
 */
export function replicateVariance(replicates: Replicates, thetas: Float64Array, estimate: number): number {
  const { rscales, scale, mse } = replicates;
  let centre = estimate;
  if (!mse) {
    let sum = 0;
    let count = 0;
    thetas.forEach((theta, r) => {
      if ((rscales[r] as number) > 0) {
        sum += theta;
        count++;
      }
    });
    centre = sum / count;
  }
  let total = 0;
  thetas.forEach((theta, r) => (total += (theta - centre) * (theta - centre) * (rscales[r] as number)));
  return total * scale;
}

/**
 * R's `degf()` of a replicate design (or of a domain's rows of it): the rank of its replicate
 * weight matrix minus one, with R's `qr(tol = 1e-5)` rule: a column counts when what is left of it
 * after removing the columns before it keeps more than 1e-5 of its length.
 *
 * Why: R's LINPACK QR (limited pivoting) moves such columns to the end; the Gram matrix Cholesky
 * below makes the same decisions column by column in R × R space, not rows × R.
 *
 * @example
 * replicateDegf(replicates, rows); // => 28 for 29 jackknife replicates
 */
export function replicateDegf(replicates: Replicates, rows: Int32Array | null): number {
  const columns = replicates.weights;
  const count = columns.length;
  const gram = new Float64Array(count * count);
  const visit = (row: number): void => {
    for (let i = 0; i < count; i++) {
      const a = (columns[i] as Float64Array)[row] as number;
      if (a === 0) continue;
      for (let j = i; j < count; j++) gram[i * count + j] = (gram[i * count + j] as number) + a * ((columns[j] as Float64Array)[row] as number);
    }
  };
  if (rows === null) for (let row = 0; row < (columns[0] as Float64Array).length; row++) visit(row);
  else for (const row of rows) visit(row);
  // Cholesky on the kept columns: factor[k][j] for kept k.
  const kept: number[] = [];
  const factor = new Float64Array(count * count);
  for (let j = 0; j < count; j++) {
    const original = gram[j * count + j] as number;
    if (!(original > 0)) continue;
    let residual = original;
    for (const k of kept) {
      let dot = gram[k * count + j] as number;
      for (const m of kept) {
        if (m >= k) break;
        dot -= (factor[m * count + k] as number) * (factor[m * count + j] as number);
      }
      const value = dot / (factor[k * count + k] as number);
      factor[k * count + j] = value;
      residual -= value * value;
    }
    if (residual > 1e-10 * original) {
      factor[j * count + j] = Math.sqrt(residual);
      kept.push(j);
    }
  }
  return kept.length - 1;
}
