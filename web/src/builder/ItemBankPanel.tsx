import { useMemo, useState } from 'react';
import { CONSTRUCTS, type Construct, type Item } from '../../../surveys/items/index.ts';
import { constructsOf, describeScale, essVariables, itemLanguages, searchItems } from './item-search.ts';

interface Props {
  bank: Item[];
  /** Names already in the questionnaire (shown as added). */
  used: Set<string>;
  /** Adds the items; returns the filter questions that came along with follow-up items. */
  onAdd: (items: Item[]) => Item[];
}

/**
 * The item bank: search (tolerant of case endings, diacritics and script), filter by construct
 * and ESS variable, add one item or a whole construct. A follow-up item says when it is asked and
 * arrives with that condition (and its filter question, when the questionnaire lacks it).
 */
export function ItemBankPanel({ bank, used, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [added, setAdded] = useState('');
  const [construct, setConstruct] = useState<Construct | ''>('');
  const [ess, setEss] = useState('');
  const found = useMemo(() => searchItems(bank, { query, construct, ess }), [bank, query, construct, ess]);
  const constructItems = construct ? bank.filter((item) => item.construct === construct && !used.has(item.name)) : [];
  const add = (items: Item[]) => {
    const alsoAdded = onAdd(items);
    const names = items.map((item) => item.name).join(', ');
    setAdded(alsoAdded.length === 0 ? `Added ${names}.`
      : `Added ${names}, and ${alsoAdded.map((item) => item.name).join(', ')} before it: the item bank asks ${names} only after ${alsoAdded.length === 1 ? 'that question' : 'those questions'}.`);
  };

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
        <button type="button" disabled={constructItems.length === 0} onClick={() => add(constructItems)}>
          Add the whole construct “{CONSTRUCTS[construct]}” ({constructItems.length} items)
        </button>
      )}
      <p className="hint" aria-live="polite">{found.length} items</p>
      <p className="hint" role="status">{added}</p>
      {/* Scrolls on its own, so it takes keyboard focus (arrow keys scroll it) even when every item is added and no button is left in it. */}
      <ul className="item-list" tabIndex={0} aria-label="Items found">
        {found.map((item) => (
          <li key={item.name}>
            <div>
              <strong>{item.text.en}</strong>
              <div className="hint">
                <code>{item.name}</code>{item.ess && <> · ESS <code>{item.ess}</code></>} · {describeScale(item)} · {itemLanguages(item).join(' ')}
                {item.askedIf && <> · asked only if <code>{item.askedIf.visibleIf}</code></>}
              </div>
            </div>
            {used.has(item.name)
              ? <span className="tag">added</span>
              : <button type="button" aria-label={`Add ${item.name}`} onClick={() => add([item])}>Add</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
