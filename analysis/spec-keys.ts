import { AnalysisError } from './errors.ts';

/**
 * The keys each part of the indicator specification may carry (shared/INDICATORS.md, both
 * editions): 'leaf' is a value checked where it is used, 'record' the dimensions (names are data),
 * 'list' a list of objects of the shape in `listItems`.
 */
type Shape = { [key: string]: Shape | 'leaf' | 'record' | 'list' };

const replicates: Shape = { columns: 'leaf', type: 'leaf', scale: 'leaf', rscales: 'leaf', rho: 'leaf', mse: 'leaf' };
const design: Shape = {
  weight: 'leaf', strata: 'leaf', cluster: 'leaf', lonelyPsu: 'leaf', nest: 'leaf', adjustDomainLonely: 'leaf',
  fpc: 'leaf', replicates,
};
const indicator: Shape = {
  id: 'leaf', label: 'leaf', type: 'leaf', item: 'leaf', items: 'leaf', favourable: 'leaf', unfavourable: 'leaf',
  missing: 'leaf', reverse: 'leaf', minValid: 'leaf', rescale: 'leaf', scale: 'leaf', ci: 'leaf',
  denominator: 'leaf', quantile: 'leaf',
};
const reliability: Shape = { id: 'leaf', items: 'leaf', reverse: 'leaf', missing: 'leaf', scale: 'leaf', by: 'leaf' };
const contrast: Shape = {
  id: 'leaf', indicator: 'leaf', type: 'leaf', label: 'leaf',
  group: { dimension: 'leaf', treated: 'leaf', control: 'leaf' },
  time: { dimension: 'leaf', before: 'leaf', after: 'leaf' },
};
const model: Shape = { id: 'leaf', label: 'leaf', family: 'leaf', outcome: 'leaf', predictors: 'leaf', categorical: 'leaf' };
const specShape: Shape = {
  design,
  dimensions: 'record',
  indicators: 'list',
  reliability: 'list',
  weighting: { rake: 'leaf', postStratify: 'leaf' },
  suppression: { minN: 'leaf', flagBelowN: 'leaf', flagRse: 'leaf' },
  level: 'leaf',
  df: 'leaf',
  contrasts: 'list',
  models: 'list',
};
const listItems: Record<string, Shape> = { indicators: indicator, reliability, contrasts: contrast, models: model };
const dimensionShape: Shape = { column: 'leaf', multiple: 'leaf' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function checkObject(value: unknown, shape: Shape, path: string): void {
  if (!isObject(value)) throw new AnalysisError(`spec: "${path}" must be an object`);
  for (const [key, child] of Object.entries(value)) {
    const rule = shape[key];
    const where = `${path}.${key}`;
    if (rule === undefined) {
      throw new AnalysisError(`spec: unknown key "${where}" (allowed in ${path}: ${Object.keys(shape).join(', ')})`);
    }
    if (rule === 'leaf' || child === undefined) continue;
    if (rule === 'record') {
      if (!isObject(child)) throw new AnalysisError(`spec: "${where}" must be an object`);
      for (const [name, dimension] of Object.entries(child)) checkObject(dimension, dimensionShape, `${where}.${name}`);
    } else if (rule === 'list') {
      if (!Array.isArray(child)) throw new AnalysisError(`spec: "${where}" must be a list`);
      child.forEach((entry, index) => checkObject(entry, listItems[key] as Shape, `${where}[${index}]`));
    } else checkObject(child, rule, where);
  }
}

/**
 * Refuses a spec with a key the engine does not know, naming the key by its path
 * (`design.fcp`, `indicators[2].favorable`).
 *
 * Why: a misspelt or unsupported key used to be ignored silently, so a spec that asked for a
 * finite population correction got an answer without one. Refusing is the only safe reading.
 *
 * @example
 * checkSpecKeys({ design: { weight: 'w', fcp: 'n' } });
 * // AnalysisError: spec: unknown key "spec.design.fcp" (allowed in spec.design: weight, strata, …)
 */
export function checkSpecKeys(spec: unknown): void {
  checkObject(spec, specShape, 'spec');
}
