import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvStream, type Cell } from '../../api/exports/csv-stream.ts';
import { csvText } from '../../api/exports/csv-text.ts';
import { safeCell } from '../../api/exports/safe-cell.ts';

/** What the exports wrote before the hand-written writer: csv-stringify over safe cells. */
const reference = (rows: Cell[][]) => stringify(rows.map((row) => row.map((cell) => safeCell(cell ?? ''))));

describe('csvText', () => {
  it('quotes, doubles quotes and neutralises formulas as csv-stringify did', () => {
    const rows: Cell[][] = [
      ['id', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '', null, 0, -1.5, 1e21],
      ['=HYPERLINK("http://evil.example","click")', '+1 and @home', '-2', '@x', '\tx', '\rx', 'Ćevapi – Ђурђевдан', 'plain'],
    ];
    expect(csvText(rows)).toBe(reference(rows));
    expect(csvText(rows)).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
  });

  it('gives the same bytes as csv-stringify on random rows', () => {
    const cell = fc.oneof(
      fc.constant(null), fc.double(), fc.integer(),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', 'ž', "'") }),
      fc.string(),
    );
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
      expect(csvText(rows)).toBe(reference(rows));
    }), { numRuns: 500 });
  });
});

describe('csvStream', () => {
  it('pulls pages only as the client reads (constant memory), and stops the pages when the client goes away', async () => {
    let produced = 0;
    let finished = false;
    const pages = (function* () {
      try {
        for (;;) {
          produced++;
          yield [[produced, 'row']] as Cell[][];
        }
      } finally {
        finished = true;
      }
    })();
    const reader = csvStream(['n', 'text'], pages).getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep the byte order mark to see it
    expect(decoder.decode((await reader.read()).value)).toBe('\uFEFFn,text\n');
    expect(decoder.decode((await reader.read()).value)).toBe('1,row\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // An endless export: only the pages needed to keep two chunks queued were produced.
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
