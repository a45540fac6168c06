import type { IndicatorSpec } from '../../analysis/index.ts';
import type { IndicatorTable } from '../indicators/table.ts';
import type { Cell } from './csv-stream.ts';

export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

const dimensionsOf = (table: IndicatorTable) => table.filters.by;

/** The estimate rows of a table, one line per indicator and group, with a column per dimension. */
export function estimateSheet(table: IndicatorTable): Sheet {
  const dimensions = dimensionsOf(table);
  const labels = new Map(table.indicators.map((indicator) => [indicator.id, indicator.label]));
  return {
    name: 'estimates',
    // includes_synthetic on every line: a file passed on without its notes still says it.
    header: ['indicator', 'label', ...dimensions, 'estimate', 'se', 'ci_low', 'ci_high', 'n', 'n_effective', 'deff', 'flag', 'includes_synthetic'],
    rows: table.estimates.map((row) => [
      row.indicator, labels.get(row.indicator) ?? row.indicator, ...dimensions.map((name) => row.groups[name] ?? '(all)'),
      row.estimate, row.se, row.ciLow, row.ciHigh, row.n, row.nEffective, row.deff, row.flag, table.synthetic > 0 ? 1 : 0,
    ]),
  };
}

/** What each indicator is: its items, favourable codes, missing codes, scale rules and interval. */
export function definitionSheet(indicators: readonly IndicatorSpec[], labels: (indicator: IndicatorSpec) => string): Sheet {
  const list = (values: readonly (string | number)[] | undefined) => (values && values.length > 0 ? values.join(' ') : null);
  return {
    name: 'definitions',
    header: ['indicator', 'label', 'type', 'items', 'favourable', 'unfavourable', 'missing', 'reverse', 'min_valid', 'rescale', 'ci'],
    rows: indicators.map((indicator) => [
      indicator.id, labels(indicator), indicator.type, list(indicator.items ?? (indicator.item ? [indicator.item] : [])),
      list(indicator.favourable), list(indicator.unfavourable), list(indicator.missing), list(indicator.reverse),
      indicator.minValid ?? null,
      indicator.rescale ? `${indicator.rescale.from.join('-')} to ${indicator.rescale.to.join('-')}` : null,
      indicator.ci ?? (indicator.type === 'share' ? 'logit' : 't'),
    ]),
  };
}

/** Cronbach's alpha per construct (and group), one line per item with its item statistics. */
export function reliabilitySheet(table: IndicatorTable): Sheet {
  const dimensions = [...new Set(table.reliability.flatMap((row) => Object.keys(row.groups)))];
  return {
    name: 'reliability',
    header: ['construct', ...dimensions, 'n', 'alpha', 'item', 'item_rest_correlation', 'alpha_if_deleted'],
    rows: table.reliability.flatMap((row) => row.items.map((item) => [
      row.construct, ...dimensions.map((name) => row.groups[name] ?? '(all)'), row.n, row.alpha,
      item.item, item.itemRestCorrelation, item.alphaIfDeleted,
    ])),
  };
}

/** Differences between groups or waves, with their standard errors and p-values. */
export function comparisonSheet(table: IndicatorTable): Sheet {
  const dimensions = dimensionsOf(table);
  return {
    name: 'comparisons',
    header: ['indicator', ...dimensions, 'dimension', 'group_a', 'group_b', 'estimate_a', 'estimate_b', 'difference', 'se', 'ci_low', 'ci_high', 'df', 'p_value', 'n_a', 'n_b', 'flag'],
    rows: table.comparisons.map((row) => [
      row.indicator, ...dimensions.map((name) => row.groups[name] ?? '(all)'), row.dimension, row.groupA, row.groupB,
      row.estimateA, row.estimateB, row.difference, row.se, row.ciLow, row.ciHigh, row.df, row.pValue, row.nA, row.nB, row.flag,
    ]),
  };
}

/** Notes on method and suppression, as lines of text. */
export function methodNotes(table: IndicatorTable): string[] {
  const suppression = table.suppression;
  const synthetic = table.notes.filter((note) => note.startsWith('SYNTHETIC'));
  return [
    ...synthetic,
    `Survey ${table.survey}, questionnaire version ${table.version}; waves: ${table.filters.wave?.join(', ') ?? 'all'}; weighting: ${table.filters.weighting}.`,
    `Design: ${table.design.n} responses, ${table.design.strata} strata (wave x stratum), ${table.design.psus} primary sampling units, ${table.design.degf} degrees of freedom.`,
    'Estimates are design-based (Taylor linearisation, PSUs with replacement within strata), as R survey::svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE); breakdowns are domain estimates over the full design (svyby).',
    'Weighting "raked": design weights raked to the census margins in the questionnaire meta, each wave on its own; "design": design weights only; "none": every response counts the same.',
    'Responses without a design weight (self-completed on the web) count with weight 1, in a stratum of their own per wave, each its own PSU.',
    'Shares use logit intervals (R svyciprop method "logit") unless the definition says otherwise; means and scores use t intervals with the domain\'s degrees of freedom.',
    'Contact channel is a multiple-response dimension: a respondent who used several channels is in each of their groups, so channel groups overlap.',
    suppression
      ? `Suppression: estimates with fewer than ${suppression.minN} responses are withheld (flag "suppressed", n kept); n below ${suppression.flagBelowN} or a relative standard error of ${suppression.flagRse} or more is flagged "unreliable".`
      : 'No suppression rule is set for this survey.',
    `Responses without a design weight in this table: ${table.withoutDesignWeight}.`,
    ...table.notes.filter((note) => !synthetic.includes(note)),
  ];
}
