import type { IndicatorSpec, ModelSpec } from './types.ts';
import type { Prepared } from './prepared.ts';
import { AnalysisError } from './errors.ts';
import { labelColumn, numericColumn } from './columns.ts';
import { indicatorValues } from './indicator-values.ts';

/**
 * A model's rows (all variables valid, weight above 0), outcome and design matrix, stored by row
 * with its nonzero entries only (compressed sparse rows): row i has `value[a]` in column
 * `index[a]` for a from `start[i]` to `start[i + 1]`, columns ascending.
 *
 * Why: a categorical predictor's treatment-contrast columns are 0 but one per row, so a fit that
 * visits only the nonzeros does several times less work (docs/benchmarks.md, models).
 */
export interface ModelMatrix {
  terms: string[];
  rows: Int32Array;
  outcome: Float64Array;
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** The per-respondent values of a name: an indicator's (its 0/1, score or value) or a column's. */
function numericVariable(prepared: Prepared, model: ModelSpec, name: string, role: string): Float64Array {
  const indicator: IndicatorSpec | undefined = (prepared.spec.indicators ?? []).find((entry) => entry.id === name);
  if (indicator !== undefined) {
    return prepared.values.get(name) ?? prepared.derived(`model-values:${JSON.stringify(indicator)}`, () => indicatorValues(prepared.data, indicator));
  }
  if (!(name in prepared.data)) {
    throw new AnalysisError(`model "${model.id}": ${role} "${name}" is neither an indicator of the spec nor a column of the data`);
  }
  return numericColumn(prepared.data, name, `model ${model.id} ${role}`);
}

/**
 * The design matrix of `outcome ~ predictors` as R's `model.matrix` builds it: an intercept, a
 * column per numeric predictor, and per categorical predictor treatment contrasts against its first
 * level in R's `factor()` order (numbers as numbers, text by code point), named `sexmale`. Rows with
 * any variable missing or a weight of 0 are left out (R's na.omit; zero weights add nothing).
 *
 * @example
 * modelMatrix(prepared, { id: 'm', family: 'gaussian', outcome: 'y', predictors: ['x', 'sex'], categorical: ['sex'] });
 * // => { terms: ['(Intercept)', 'x', 'sexmale'], … }
 */
export function modelMatrix(prepared: Prepared, model: ModelSpec): ModelMatrix {
  if (!Array.isArray(model.predictors)) throw new AnalysisError(`model "${model.id}": "predictors" must be a list of names`);
  const categorical = new Set(model.categorical ?? []);
  for (const name of categorical) {
    if (!model.predictors.includes(name)) throw new AnalysisError(`model "${model.id}": categorical "${name}" is not one of its predictors`);
  }
  const outcome = numericVariable(prepared, model, model.outcome, 'outcome');
  const { weights, rowCount } = prepared.design;
  const columns: { name: string; values?: Float64Array; codes?: Int32Array; levels?: string[] }[] = model.predictors.map((name) => {
    if (!categorical.has(name)) return { name, values: numericVariable(prepared, model, name, 'predictor') };
    if (!(name in prepared.data)) throw new AnalysisError(`model "${model.id}": predictor "${name}" is not a column of the data`);
    const { codes, labels } = labelColumn(prepared.data, name, `model ${model.id} predictor`);
    return { name, codes, levels: labels };
  });
  const keep: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    if (!((weights[row] as number) > 0) || Number.isNaN(outcome[row] as number)) continue;
    if (columns.every((column) => (column.values ? !Number.isNaN(column.values[row] as number) : (column.codes![row] as number) >= 0))) keep.push(row);
  }
  const rows = Int32Array.from(keep);
  // Levels that occur among the model's rows (R drops unused levels of the model frame's factors).
  const terms = ['(Intercept)'];
  const layout = columns.map((column) => {
    const start = terms.length;
    if (column.values) {
      terms.push(column.name);
      return { start, used: null as number[] | null };
    }
    const present = new Set<number>();
    for (const row of rows) present.add(column.codes![row] as number);
    const used = [...present].sort((a, b) => a - b);
    for (const code of used.slice(1)) terms.push(`${column.name}${column.levels![code]}`);
    return { start, used };
  });
  // Per categorical column, its code's term (−1: the reference level or unused).
  const termOfCode = layout.map(({ start, used }, k) => {
    if (used === null) return null;
    const map = new Int32Array(columns[k]!.levels!.length).fill(-1);
    used.slice(1).forEach((code, position) => (map[code] = start + position));
    return map;
  });
  const n = rows.length;
  const y = new Float64Array(n);
  const rowStart = new Int32Array(n + 1);
  let index = new Int32Array(n * Math.min(terms.length, columns.length + 1));
  let value = new Float64Array(index.length);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number;
    y[i] = outcome[row] as number;
    index[next] = 0;
    value[next++] = 1;
    for (let k = 0; k < columns.length; k++) {
      const map = termOfCode[k];
      if (map === null || map === undefined) {
        const x = columns[k]!.values![row] as number;
        if (x === 0) continue;
        index[next] = layout[k]!.start;
        value[next++] = x;
      } else {
        const term = map[columns[k]!.codes![row] as number] as number;
        if (term < 0) continue;
        index[next] = term;
        value[next++] = 1;
      }
    }
    rowStart[i + 1] = next;
  }
  index = index.slice(0, next);
  value = value.slice(0, next);
  if (model.family === 'binomial' && y.some((value) => value !== 0 && value !== 1)) {
    throw new AnalysisError(`model "${model.id}": a binomial outcome must be 0/1 (a share indicator), "${model.outcome}" is not`);
  }
  return { terms, rows, outcome: y, start: rowStart, index, value };
}
