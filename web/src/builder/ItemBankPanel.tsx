import { useMemo, useState } from 'react';
import { CONSTRUCTS, type Construct, type Item } from '../../../surveys/items/index.ts';
import { constructsOf, describeScale, essVariables, itemLanguages, searchItems } from './item-search.ts';

interface Props {
  bank: Item[];
  /** Names already in the questionnaire (shown as added). */
  used: Set<string>;
  onAdd: (items: Item[]) => void;
}

/** The item bank: search, filter by construct and ESS variable, add one item or a whole construct. */
export function ItemBankPanel({ bank, used, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [construct, setConstruct] = useState<Construct | ''>('');
  const [ess, setEss] = useState('');
  const found = useMemo(() => searchItems(bank, { query, construct, ess }), [bank, query, construct, ess]);
  const constructItems = construct ? bank.filter((item) => item.construct === construct && !used.has(item.name)) : [];

  return (
    <section className="panel item-bank" aria-labelledby="item-bank-title">
      <h2 id="item-bank-title">Item bank</h2>
      <div className="filters">
        <label>Search items<input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="words in any language, name or ESS variable" /></label>
        <label>Construct
          <select value={construct} onChange={(event) => setConstruct(event.target.value as Construct | '')}>
            <option value="">All constructs</option>
            {constructsOf(bank).map((entry) => <option key={entry.id} value={entry.id}>{entry.label} ({entry.count})</option>)}
          </select>
        </label>
        <label>ESS variable
          <select value={ess} onChange={(event) => setEss(event.target.value)}>
            <option value="">Any</option>
            <option value="ess">Any ESS item</option>
            {essVariables(bank).map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
      </div>
      {construct && (
        <button type="button" disabled={constructItems.length === 0} onClick={() => onAdd(constructItems)}>
          Add the whole construct “{CONSTRUCTS[construct]}” ({constructItems.length} items)
        </button>
      )}
      <p className="hint" aria-live="polite">{found.length} items</p>
      <ul className="item-list">
        {found.map((item) => (
          <li key={item.name}>
            <div>
              <strong>{item.text.en}</strong>
              <div className="hint">
                <code>{item.name}</code>{item.ess && <> · ESS <code>{item.ess}</code></>} · {describeScale(item)} · {itemLanguages(item).join(' ')}
              </div>
            </div>
            {used.has(item.name)
              ? <span className="tag">added</span>
              : <button type="button" aria-label={`Add ${item.name}`} onClick={() => onAdd([item])}>Add</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
