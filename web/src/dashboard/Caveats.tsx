import type { IndicatorTable } from './types.ts';

/**
 * Everything a reader must know before quoting the table: rows left out (screened-out contacts,
 * interviews that cannot be raked), responses without a design weight, and the engine's notes.
 * Shown as a list of its own, never in small print.
 */
export function Caveats({ table }: { table: IndicatorTable }) {
  // The synthetic-data warning has its own banner (SyntheticBanner) above everything else.
  const items: string[] = table.notes.filter((note) => !note.startsWith('SYNTHETIC'));
  if (table.withoutDesignWeight > 0) {
    items.push(`${table.withoutDesignWeight} response${table.withoutDesignWeight === 1 ? ' has' : 's have'} no design weight (self-completed on the web, not drawn in the sample): counted with weight 1${table.filters.weighting === 'raked' ? ' before raking' : ''}, each its own sampling point.`);
  }
  if (items.length === 0) return null;
  return (
    <section className="caveats" aria-labelledby="caveats-title">
      <h2 id="caveats-title">Before you use these figures</h2>
      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>
    </section>
  );
}
