import type { Db } from '../db/open.ts';

/** The columns of a stored row this file fills: the response id, and the slots for its packed values and (if those are missing) its JSON. */
export interface PackedSlots {
  id: number;
  packed: number;
  answers: number;
}

/**
 * Fills each row of a page with its response_values blob (or, where there is none yet, its JSON
 * answers), without a join. response_values rows are written in the same transaction as their
 * response, so for a page of responses in rowid order their values usually sit in one run of
 * response_values rowids: one index lookup finds the start of the run and one range read gets
 * it. That halved the export's database time against a LEFT JOIN, which looks every row up in
 * response_values' text primary key. Rows the run does not hold (backfilled later, or
 * interleaved with another survey's) are looked up one by one, so the result never depends on
 * the order.
 */
export function packedFiller(db: Db, slots: PackedSlots): (rows: unknown[][]) => void {
  const start = db.$client.prepare('SELECT rowid FROM response_values WHERE response_id = ?').pluck();
  const run = db.$client.prepare('SELECT response_id, answer_values FROM response_values WHERE rowid >= ? ORDER BY rowid LIMIT ?').raw();
  const one = db.$client.prepare('SELECT answer_values FROM response_values WHERE response_id = ?').pluck();
  const answers = db.$client.prepare('SELECT answers FROM responses WHERE id = ?').pluck();
  return (rows) => {
    if (rows.length === 0) return;
    const first = start.get(rows[0]![slots.id]) as number | undefined;
    const found = first === undefined ? [] : (run.all(first, rows.length) as [string, Buffer][]);
    let next = 0;
    let byId: Map<string, Buffer> | undefined;
    for (const row of rows) {
      const id = row[slots.id] as string;
      let packed: Buffer | undefined;
      if (next < found.length && found[next]![0] === id) packed = found[next++]![1];
      else {
        byId ??= new Map(found);
        packed = byId.get(id) ?? (one.get(id) as Buffer | undefined);
      }
      row[slots.packed] = packed ?? null;
      if (!packed) row[slots.answers] = answers.get(id) as string;
    }
  };
}
