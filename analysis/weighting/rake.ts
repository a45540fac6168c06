import type { Columns, Margins } from '../types.ts';
import type { Calibration, CalibrationStep } from './calibration.ts';
import { marginCodes, postStratifyStep } from './post-stratify.ts';

/**
 * Σ weights per cell of the margins' joint table. With few enough cells, in a typed array indexed
 * by cell (each cell's weights added in row order, as the Map adds them); a Map of the cells met
 * when the table would be large.
 */
function jointTable(codesList: Int32Array[], sizes: number[], weights: Float64Array): Float64Array | Map<number, number> {
  let cells = 1;
  for (const size of sizes) cells *= size;
  if (cells <= Math.max(1 << 16, weights.length)) {
    const table = new Float64Array(cells);
    for (let row = 0; row < weights.length; row++) {
      let key = 0;
      for (let k = 0; k < codesList.length; k++) key = key * (sizes[k] as number) + ((codesList[k] as Int32Array)[row] as number);
      table[key] = (table[key] as number) + (weights[row] as number);
    }
    return table;
  }
  const table = new Map<number, number>();
  for (let row = 0; row < weights.length; row++) {
    let key = 0;
    for (let k = 0; k < codesList.length; k++) key = key * (sizes[k] as number) + ((codesList[k] as Int32Array)[row] as number);
    table.set(key, (table.get(key) ?? 0) + (weights[row] as number));
  }
  return table;
}

/**
 * The largest change of a cell between two joint tables. Every row falls in a cell of both, so
 * both have the same cells; a cell no row falls in is 0 in both typed tables and changes nothing.
 */
function largestChange(before: Float64Array | Map<number, number>, after: Float64Array | Map<number, number>): number {
  let delta = 0;
  if (after instanceof Float64Array) {
    const old = before as Float64Array;
    for (let key = 0; key < after.length; key++) delta = Math.max(delta, Math.abs((old[key] as number) - (after[key] as number)));
    return delta;
  }
  const old = before as Map<number, number>;
  for (const [key, value] of after) delta = Math.max(delta, Math.abs((old.get(key) ?? 0) - value));
  return delta;
}

/**
 * Raking (iterative proportional fitting): post-stratifies to each margin in turn until the
 * weighted joint table of all margin columns changes by less than `epsilon` (R's default 1, in
 * weight units) or after `maxIterations` passes (default 10), exactly as R's `rake()` iterates.
 * A single margin is plain post-stratification.
 *
 * Why: census tables give region, sex and age-group totals separately; raking matches all of
 * them at once. The returned calibration lets the variance use residuals from the margins, as R
 * does for a raked design.
 *
 * Reference: Deming & Stephan (1940); R `rake(design, list(~region, ~sex), list(...))`,
 * `postStratify(design, ~region, ...)`; Lumley (2010) §7.4.
 *
 * @example
 * const { weights } = calibrate({ sex: ['f', 'm'], age: ['y', 'y'] }, new Float64Array([1, 1]),
 *   { sex: { f: 5, m: 5 }, age: { y: 10 } });
 * // weights => [5, 5]
 */
export function calibrate(
  data: Columns,
  weights: Float64Array,
  margins: Margins,
  options: { maxIterations?: number; epsilon?: number } = {},
  marginCodesList?: { codes: Int32Array; labels: string[] }[],
): { weights: Float64Array; calibration: Calibration } {
  const columns = Object.keys(margins);
  // Codes of each margin, in the order of `margins`, may be given (a design updated for appended rows carries them over).
  const codes = marginCodesList ?? columns.map((column) => marginCodes(data, column));
  if (columns.length === 1) {
    const column = columns[0] as string;
    const result = postStratifyStep(data, weights, column, margins[column] ?? {}, codes[0]);
    return {
      weights: result.weights,
      calibration: { kind: 'postStratify', steps: [result.step], passes: 1, iterations: 1, converged: true },
    };
  }
  const maxIterations = options.maxIterations ?? 10;
  const epsilonOption = options.epsilon ?? 1;
  let current = weights;
  const epsilon = epsilonOption < 1 ? epsilonOption * current.reduce((sum, value) => sum + value, 0) : epsilonOption;
  const codeArrays = codes.map((margin) => margin.codes);
  const sizes = codes.map((margin) => margin.labels.length);
  let oldTable = jointTable(codeArrays, sizes, current);
  let steps: CalibrationStep[] = [];
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    steps = [];
    columns.forEach((column, k) => {
      const result = postStratifyStep(data, current, column, margins[column] ?? {}, codes[k]);
      current = result.weights;
      steps.push(result.step);
    });
    const newTable = jointTable(codeArrays, sizes, current);
    const delta = largestChange(oldTable, newTable);
    if (delta < epsilon) {
      converged = true;
      break;
    }
    oldTable = newTable;
    iterations++;
  }
  const rakingSteps = steps.map((step) => {
    const factor = new Float64Array(step.after.length);
    const denominator = new Float64Array(step.groupCount);
    for (let row = 0; row < factor.length; row++) {
      factor[row] = 1 / (step.after[row] as number);
      const group = step.groups[row] as number;
      denominator[group] = (denominator[group] as number) + 1;
    }
    return { ...step, factor, denominator };
  });
  return {
    weights: current,
    calibration: { kind: 'raking', steps: rakingSteps, passes: 10, iterations: iterations + (converged ? 1 : 0), converged },
  };
}
