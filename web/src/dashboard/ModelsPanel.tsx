import { useState } from 'react';
import { useStaffJson } from '../lib/use-staff-json.ts';
import { formatCoefficient, formatP, type FittedModel, type ModelTable } from './model-types.ts';

interface Props {
  slug: string;
  /** '' for every wave pooled. */
  wave: string;
  weighting: string;
}

/**
 * "What drives trust": the survey's design-based models (R svyglm) for the wave and weighting
 * chosen above, one at a time: a dot-and-whisker chart of the coefficients with 95% intervals
 * (drawn by the server, as the other charts) and the same numbers as a table, which is what a
 * screen reader reads.
 */
export function ModelsPanel({ slug, wave, weighting }: Props) {
  const [chosen, setChosen] = useState('');
  const query = new URLSearchParams({ weighting, ...(wave ? { wave } : {}) });
  const { data: table, error } = useStaffJson<ModelTable>(`/api/surveys/${slug}/models?${query}`, 'The models could not be loaded.');

  const model = table?.models.find((entry) => entry.id === chosen) ?? table?.models[0];
  return (
    <section className="models-panel" aria-labelledby="models-heading">
      <h2 id="models-heading">What drives trust</h2>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {table && model && (
        <>
          {table.models.length > 1 && (
            <label>Model
              <select value={model.id} onChange={(event) => setChosen(event.target.value)}>
                {table.models.map((entry) => <option key={entry.id} value={entry.id}>{entry.label}</option>)}
              </select>
            </label>
          )}
          <ModelView model={model} table={table} chart={`/api/surveys/${slug}/models.svg?${new URLSearchParams({ ...Object.fromEntries(query), models: model.id })}`} />
        </>
      )}
    </section>
  );
}

function ModelView({ model, table, chart }: { model: FittedModel; table: ModelTable; chart: string }) {
  const when = table.filters.wave ? `wave ${table.filters.wave.join(', ')}` : 'all waves pooled';
  if (model.error) return <p className="notice">This model cannot be fitted to these responses: {model.error}</p>;
  const scale = model.family === 'binomial' ? `the log-odds of "${model.outcome.label}"` : model.outcome.label;
  return (
    <>
      <p className="hint">
        Design-based regression ({model.family === 'binomial' ? 'logistic' : 'linear'}, as R's svyglm) of {model.outcome.label} on {model.n} respondents, {when}, {table.filters.weighting} weights.
        Each coefficient is the difference in {scale} with the other predictors held equal: an association in these data, not proof of a cause.
        {model.references.length > 0 && ` Categories are compared with ${model.references.join('; ')}.`}
      </p>
      {model.flag === 'suppressed' && <p className="notice">Fewer than {table.suppression.minN} respondents: the coefficients are withheld.</p>}
      {model.flag === 'unreliable' && <p className="notice">Fewer than {table.suppression.flagBelowN} respondents: read these coefficients as unreliable.</p>}
      {model.flag !== 'suppressed' && (
        <figure className="chart">
          <img src={chart} alt={`Chart of the coefficients of "${model.label}" with 95% intervals; the table below gives the same numbers.`} />
        </figure>
      )}
      <table className="data-table coefficients">
        <caption>{model.label}, {when}: coefficients with 95% intervals (n = {model.n})</caption>
        <thead>
          <tr><th scope="col">Predictor</th><th scope="col">Coefficient</th><th scope="col">95% interval</th><th scope="col">p-value</th></tr>
        </thead>
        <tbody>
          {model.coefficients.map((row) => (
            <tr key={row.term}>
              <th scope="row">{row.label}</th>
              <td>{formatCoefficient(row.estimate)}</td>
              <td>{row.ciLow === null ? '–' : `${formatCoefficient(row.ciLow)} to ${formatCoefficient(row.ciHigh)}`}</td>
              <td>{formatP(row.pValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
