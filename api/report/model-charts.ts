import type { TopLevelSpec } from 'vega-lite';
import type { ModelEntry } from '../indicators/model-table.ts';

// As charts.ts: labels never cut (labelLimit 0), the same fonts.
const FONT = { font: 'Helvetica, Arial, sans-serif', labelFontSize: 11, titleFontSize: 11, labelLimit: 0 };

/** What a model's coefficients measure, for the axis. */
export function coefficientScale(model: Pick<ModelEntry, 'family' | 'outcome'>): string {
  return model.family === 'binomial' ? `difference in the log-odds of "${model.outcome.label}"` : `difference in ${model.outcome.label}`;
}

/**
 * Dot-and-whisker chart of a model's coefficients (the intercept left out: it is on another scale),
 * each with its 95% interval, a line at 0 (no difference), one row per term labelled in words,
 * in the model's order. Withheld (suppressed) coefficients are left out.
 */
export function coefficientChart(model: ModelEntry, title: string): TopLevelSpec {
  const values = model.coefficients.filter((row) => row.term !== '(Intercept)' && row.estimate !== null).map((row) => ({
    term: row.shortLabel, estimate: row.estimate, low: row.ciLow ?? row.estimate, high: row.ciHigh ?? row.estimate,
    clear: row.ciLow !== null && row.ciHigh !== null && (row.ciLow > 0 || row.ciHigh < 0) ? 'interval excludes 0' : 'interval includes 0',
  }));
  const order = values.map((row) => row.term);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, fontSize: 13, limit: 0, anchor: 'start', ...(model.references.length > 0 ? { subtitle: `Categories against: ${model.references.join('; ')}`, subtitleFontSize: 11 } : {}) }, width: 360, height: { step: 20 }, config: { axis: FONT, legend: FONT },
    data: { values },
    encoding: { y: { field: 'term', type: 'nominal', sort: order, title: null } },
    layer: [
      { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null } },
      { mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'low', type: 'quantitative', title: `${coefficientScale(model)} (95% CI)` }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: {
        x: { field: 'estimate', type: 'quantitative' },
        color: { field: 'clear', type: 'nominal', scale: { domain: ['interval excludes 0', 'interval includes 0'], range: ['#1f4e79', '#767676'] }, legend: { title: null, orient: 'bottom' } },
      } },
    ],
  } as TopLevelSpec;
}
