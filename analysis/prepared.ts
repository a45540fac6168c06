import type { AnalysisSpec, Columns, DimensionSpec, IndicatorSpec } from './types.ts';
import type { Design } from './design.ts';
import { buildDesign } from './design.ts';
import { appendDesign, appendMarginCodes } from './design-append.ts';
import type { Calibration } from './weighting/calibration.ts';
import { calibrate } from './weighting/rake.ts';
import { AnalysisError } from './errors.ts';
import { appendDimension, resolveDimension } from './domains.ts';
import type { ResolvedDimension } from './domains.ts';
import { indicatorValues, ratioDenominator } from './indicator-values.ts';
import { checkSpecKeys } from './spec-keys.ts';
import { rowCount, tailColumns } from './columns.ts';
import { appendRows, roomyCopy } from './growable.ts';

/**
 * How a derived value of the first rows becomes that of all rows (rows appended after them), or
 * undefined when it cannot be (it is made again on first use then). It must give exactly what
 * `make` gives on all rows.
 *
 * An append rule is kept with the updated design, and with each design updated from that one, so
 * it must not hold a Prepared, its data or its values: make it with a module-level function of
 * plain specs (names, indicator definitions). A closure written inside a function that also uses
 * the Prepared keeps that whole Prepared alive (V8 gives the closures of one scope one shared
 * context), so every updated design would keep the first one's columns and values: ≈ 370 MB at a
 * million responses (test/analysis/prepared-append.test.ts checks that it is let go).
 */
export type AppendDerived<T> = (previous: T, next: Prepared, from: number, before: Prepared) => T | undefined;

// What is carried over to appended rows is made with room to grow, so the appended rows' values
// are written after the first rows' in place instead of copying a million rows (growable.ts).
const growableDimension = (dimension: ResolvedDimension): ResolvedDimension => ({ ...dimension, layers: dimension.layers.map((layer) => roomyCopy(layer)) });
const growableValues = (design: Design, values: Float64Array): { values: Float64Array; zeroWeightRows: Int32Array } =>
  design.zeroWeights ? withoutZeroWeights(design, values) : { values: roomyCopy(values), zeroWeightRows: new Int32Array(0) };

/** A dimension of the appended rows (see AppendDerived: made from the names alone). */
const appendDimensionRule = (name: string, dimensionSpec: DimensionSpec | undefined): AppendDerived<ResolvedDimension> =>
  (previous, next, from) => appendDimension(previous, next.data, name, dimensionSpec, from);

// Row by row: the appended rows' values follow the first rows' (rows of weight 0 are masked by
// weight, which raking changes: made again then).
const appendValuesRule = (indicator: IndicatorSpec): AppendDerived<{ values: Float64Array; zeroWeightRows: Int32Array }> =>
  (previous, next, from) => next.design.zeroWeights ? undefined
    : { values: appendRows(previous.values, indicatorValues(tailColumns(next.data, from), indicator)), zeroWeightRows: new Int32Array(0) };

const appendDenominatorRule = (indicator: IndicatorSpec): AppendDerived<Float64Array> =>
  (previous, next, from) => next.design.zeroWeights ? undefined : appendRows(previous, ratioDenominator(tailColumns(next.data, from), indicator));

/** A derived value, with how to carry it over to appended rows (none: made again). */
interface DerivedEntry { value: unknown; append: AppendDerived<unknown> | undefined }

/** A spec resolved against data: the (calibrated) design, indicator variables and dimensions. */
export interface Prepared {
  spec: AnalysisSpec;
  data: Columns;
  design: Design;
  calibration: Calibration | null;
  values: Map<string, Float64Array>;
  /** Per indicator, rows of weight 0 with a valid value (outside `values`; R's `nrow(design)` still counts them). */
  zeroWeightRows: Map<string, Int32Array>;
  /** Ratio indicators' denominators, NaN where the numerator or the denominator is not valid. */
  denominators: Map<string, Float64Array>;
  dimension: (name: string) => ResolvedDimension;
  /**
   * A value derived from the prepared data alone (a breakdown's cells, a scale's items, an
   * indicator's values), made on first use and kept with the Prepared and every Prepared made
   * from it by `withIndicators`, so a caller that reuses it (the API, for unchanged responses)
   * does not make it again.
   */
  derived: <T>(key: string, make: () => T, append?: AppendDerived<T>) => T;
  /** What `derived` made so far, by key (read by `appendPrepared`). */
  derivedEntries: ReadonlyMap<string, DerivedEntry>;
}

/**
 * Resolves design, weighting and indicators once, so every breakdown and comparison reuses them.
 * Raises an `AnalysisError` naming the column and row for any problem in the data, and naming
 * the key for any key of the spec the engine does not know.
 *
 * Reference: R `svydesign(...)` then `rake(...)` or `postStratify(...)`.
 *
 * @example
 * const prepared = prepare(data, spec);
 * prepared.design.degf;
 */
export function prepare(data: Columns, spec: AnalysisSpec): Prepared {
  checkSpecKeys(spec);
  return withIndicators(prepareDesign(data, spec), spec);
}

/**
 * The design part of `prepare`: design, weighting (raking, post-stratification) and dimensions,
 * no indicator yet. `withIndicators` adds them, as often as needed, on the same design.
 *
 * Why: raking a million rows and indexing their breakdowns costs more than one indicator's
 * estimates; a dashboard that switches indicators keeps the design.
 *
 * @example
 * const design = prepareDesign(data, spec);
 * estimatePreparedTable(withIndicators(design, { ...spec, indicators: [trustFav] }), { by: ['region'] });
 */
export function prepareDesign(data: Columns, spec: AnalysisSpec): Prepared {
  return preparedOf(data, spec, weightedDesign(data, spec));
}

/**
 * The design and its calibration. With `previous` (prepared from the first rows of `data`), the
 * earlier rows' strata, PSU and margin codes are carried over and only the appended rows are
 * looked up (design-append.ts); the raking itself is done again on every row (weights move).
 */
function weightedDesign(data: Columns, spec: AnalysisSpec, previous?: Prepared): { design: Design; calibration: Calibration | null } {
  let design = (previous && appendDesign(previous.design, data, spec.design)) ?? buildDesign(data, spec.design);
  let calibration: Calibration | null = null;
  const { rake, postStratify } = spec.weighting ?? {};
  const raking = rake !== undefined && Object.keys(rake).length > 0;
  // Both go through calibrate, for which one margin is post-stratification.
  const margins = raking ? rake : postStratify;
  if (!raking && margins !== undefined && Object.keys(margins).length > 1) {
    throw new AnalysisError('weighting.postStratify takes one margin column; use weighting.rake for several');
  }
  if (margins !== undefined && Object.keys(margins).length > 0) {
    if (design.replicates !== null) throw new AnalysisError('weighting: raking or post-stratifying a replicate-weight design is not supported (rake the replicate weights before)');
    const codes = previous ? appendMarginCodes(previous.calibration, data, margins) : undefined;
    const result = calibrate(data, design.weights, margins, {}, codes);
    design = { ...design, weights: result.weights };
    calibration = result.calibration;
  }
  return { design, calibration };
}

/** A Prepared of a design, nothing derived yet. (Its closures see only what is passed here, not an earlier Prepared.) */
function preparedOf(data: Columns, spec: AnalysisSpec, { design, calibration }: { design: Design; calibration: Calibration | null }): Prepared {
  const made = new Map<string, DerivedEntry>();
  const derived = <T>(key: string, make: () => T, append?: AppendDerived<T>): T => {
    let entry = made.get(key);
    if (entry === undefined) made.set(key, (entry = { value: make(), append: append as AppendDerived<unknown> | undefined }));
    return entry.value as T;
  };
  const dimension = (name: string): ResolvedDimension => {
    const dimensionSpec = spec.dimensions?.[name];
    return derived(`dimension:${name}:${JSON.stringify(dimensionSpec ?? null)}`, () => growableDimension(resolveDimension(data, name, dimensionSpec)), appendDimensionRule(name, dimensionSpec));
  };
  return { spec: { ...spec, indicators: [] }, data, design, calibration, values: new Map(), zeroWeightRows: new Map(), denominators: new Map(), dimension, derived, derivedEntries: made };
}

/**
 * `prepareDesign(data, spec)` for data whose first rows are those `previous` was prepared from,
 * followed by appended ones (new responses during fieldwork), with the same design, weighting
 * and dimensions in `spec`. The weighting is made again (raking moves every weight), on the
 * earlier rows' strata, PSU and margin codes carried over (design-append.ts), and what was derived row by row (indicator values, dimensions, a scale's value
 * patterns) is read for the appended rows alone and joined to what the first rows gave: the
 * results equal those of a fresh `prepareDesign`, number for number. What cannot be carried over
 * (e.g. a dimension that gains a label) is made again on first use.
 *
 * The caller must make sure the first rows are unchanged (the API knows from its change stamp).
 *
 * @example
 * const later = appendPrepared(prepared, dataWithNewRows, spec);
 */
export function appendPrepared(previous: Prepared, data: Columns, spec: AnalysisSpec): Prepared {
  const from = previous.design.rowCount;
  if (rowCount(data) < from) return prepareDesign(data, spec);
  let weighted: ReturnType<typeof weightedDesign>;
  try {
    weighted = weightedDesign(data, spec, previous);
  } catch (error) {
    // An appended row the engine refuses: built afresh, whose error is the one a fresh design gives.
    if (!(error instanceof AnalysisError)) throw error;
    weighted = weightedDesign(data, spec);
  }
  const next = preparedOf(data, spec, weighted);
  const made = next.derivedEntries as Map<string, DerivedEntry>;
  for (const [key, entry] of previous.derivedEntries) {
    if (entry.append === undefined || made.has(key)) continue;
    let value: unknown;
    try {
      value = entry.append(entry.value, next, from, previous);
    } catch (error) {
      // An appended row the engine refuses: made again on all rows, whose error names the right row.
      if (error instanceof AnalysisError) continue;
      throw error;
    }
    if (value !== undefined) made.set(key, { value, append: entry.append });
  }
  return next;
}

/**
 * Lets go of what `appendPrepared` would not carry over from `previous` (derived values without
 * a way to append, such as a table's plan), for a caller that updates it and keeps only the
 * result: the memory is free before the new design is built. What `previous` (and every
 * `withIndicators` of it) is asked later is made again.
 */
export function releaseUncarried(previous: Prepared): void {
  const made = previous.derivedEntries as Map<string, DerivedEntry>;
  for (const [key, entry] of made) if (entry.append === undefined) made.delete(key);
}

/**
 * The prepared design with the indicators (and reliability sets, suppression) of `spec`, whose
 * design, weighting and dimensions must be those the design was prepared with. Each indicator's
 * values are made once per prepared design and shared by every call that asks for it again.
 *
 * @example
 * const design = prepareDesign(data, spec);
 * const first = withIndicators(design, { ...spec, indicators: [trustFav] });
 */
export function withIndicators(base: Prepared, spec: AnalysisSpec): Prepared {
  const { data, derived } = base;
  const values = new Map<string, Float64Array>();
  const zeroWeightRows = new Map<string, Int32Array>();
  const denominators = new Map<string, Float64Array>();
  for (const indicator of spec.indicators ?? []) {
    if (values.has(indicator.id)) throw new AnalysisError(`indicator id "${indicator.id}" is used twice`);
    // The label does not change the values: keyed by everything else.
    const { label: _label, ...definition } = indicator;
    const made = derived(`values:${JSON.stringify(definition)}`, () => growableValues(base.design, indicatorValues(data, indicator)), appendValuesRule(indicator));
    values.set(indicator.id, made.values);
    zeroWeightRows.set(indicator.id, made.zeroWeightRows);
    if (indicator.type === 'ratio') {
      denominators.set(indicator.id, derived(`denominator:${JSON.stringify(definition)}`,
        () => growableValues(base.design, ratioDenominator(data, indicator)).values, appendDenominatorRule(indicator)));
    }
  }
  return { ...base, spec, values, zeroWeightRows, denominators };
}

/**
 * An indicator's values with rows of weight 0 outside its domains (NaN): they add nothing to any
 * weighted sum, and R leaves them out of n, of the degrees of freedom and of the design effect's n
 * (`svymean`'s `nobs <- sum(weights(design) != 0)`); their PSUs stay in the design.
 */
export function withoutZeroWeights(design: Design, values: Float64Array): { values: Float64Array; zeroWeightRows: Int32Array } {
  if (!design.zeroWeights) return { values, zeroWeightRows: new Int32Array(0) };
  const masked = Float64Array.from(values);
  const rows: number[] = [];
  for (let row = 0; row < masked.length; row++) {
    if (design.weights[row] !== 0) continue;
    if (!Number.isNaN(masked[row] as number)) rows.push(row);
    masked[row] = NaN;
  }
  return { values: masked, zeroWeightRows: Int32Array.from(rows) };
}
