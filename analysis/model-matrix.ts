import type { IndicatorSpec, ModelSpec } from './types.ts';
import type { Prepared } from './prepared.ts';
import { AnalysisError } from './errors.ts';
import { labelColumn, numericColumn } from './columns.ts';
import { indicatorValues } from './indicator-values.ts';

/** A model's rows (all variables valid, weight above 0), outcome and design matrix (row-major). */
export interface ModelMatrix {
  terms: string[];
  rows: Int32Array;
  outcome: Float64Array;
  /** rows.length × terms.length, row-major: matrix[i · p + j]. */
  matrix: Float64Array;
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
  const p = terms.length;
  const matrix = new Float64Array(rows.length * p);
  const y = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    y[i] = outcome[row] as number;
    matrix[i * p] = 1;
    columns.forEach((column, k) => {
      const { start, used } = layout[k]!;
      if (used === null) matrix[i * p + start] = column.values![row] as number;
      else {
        const position = used.indexOf(column.codes![row] as number);
        if (position > 0) matrix[i * p + start + position - 1] = 1;
      }
    });
  });
  if (model.family === 'binomial' && y.some((value) => value !== 0 && value !== 1)) {
    throw new AnalysisError(`model "${model.id}": a binomial outcome must be 0/1 (a share indicator), "${model.outcome}" is not`);
  }
  return { terms, rows, outcome: y, matrix };
}
