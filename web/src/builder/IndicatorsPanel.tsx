import { ITEM_BANK } from '../../../surveys/items/index.ts';
import { choicesOf } from './choice-lists.ts';
import type { Editing } from './editing.ts';
import { deriveForDraft, regionQuotas, removeIndicator, setRegionQuota, updateIndicator } from './indicators.ts';
import { ProblemNote } from './ProblemNote.tsx';

/** The indicator set (derived from the items, editable) and the quota target of each region. */
export function IndicatorsPanel({ editing }: { editing: Editing }) {
  const { draft, change, problems } = editing;
  const indicators = draft.meta.indicators ?? [];
  const regions = choicesOf(draft, 'region');
  const quotas = regionQuotas(draft);

  return (
    <section className="panel indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicators</h2>
      <p className="hint">One scale score per construct with two or more items on one scale, a share favourable per item, a mean for 0–10 items.</p>
      <button type="button" onClick={() => change((current) => deriveForDraft(current, ITEM_BANK))}>Derive indicators from the items</button>
      <ProblemNote problems={problems.get('meta:indicators')} />
      <ProblemNote problems={problems.get('meta:reliability')} />
      {indicators.length === 0 ? <p>No indicators yet.</p> : (
        <table className="data-table">
          <thead><tr><th scope="col">Indicator</th><th scope="col">Type</th><th scope="col">Items</th><th scope="col">Label</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.id}>
                <td><code>{indicator.id}</code></td>
                <td>{indicator.type}</td>
                <td>{(indicator.items ?? [indicator.item]).join(', ')}</td>
                <td>
                  <input type="text" aria-label={`Label of ${indicator.id}`} value={typeof indicator.label === 'string' ? indicator.label : ''}
                    onChange={(event) => change((current) => updateIndicator(current, indicator.id, { label: event.target.value }))} />
                </td>
                <td><button type="button" className="small" onClick={() => change((current) => removeIndicator(current, indicator.id))}>Remove<span className="visually-hidden"> {indicator.id}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Quota targets by region</h3>
      {regions.length === 0 ? <p className="hint">Quotas need a “region” question.</p> : (
        <div className="quota-grid">
          {regions.map((region) => (
            <label key={String(region.value)}>{region.text.default ?? String(region.value)}
              <input type="number" min={0} inputMode="numeric" value={quotas[String(region.value)] ?? ''}
                onChange={(event) => change((current) => setRegionQuota(current, String(region.value), event.target.value === '' ? undefined : Number(event.target.value)))} />
            </label>
          ))}
        </div>
      )}
    </section>
  );
}
