import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorValues } from '../../analysis/index.ts';
import type { IndicatorSpec } from '../../analysis/types.ts';

/** The recode as docs/methods.md states it, row by row: missing → NaN, favourable 1, unfavourable −1, else 0. */
function reference(raw: readonly number[], favourable: number[], unfavourable: number[], missing: number[]): number[] {
  return raw.map((value) =>
    Number.isNaN(value) || missing.includes(value) ? NaN : favourable.includes(value) ? 1 : unfavourable.includes(value) ? -1 : 0);
}

const code = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(2.5, 1500, 99, Number.NaN));

describe('share and net recode (table by code and scan fallback)', () => {
  it('codes every answer as the spec says, for integer, non-integer, large and missing codes', () => {
    fc.assert(fc.property(
      fc.array(code, { minLength: 1, maxLength: 60 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(2.5, 1500)), { minLength: 1, maxLength: 3 }),
      fc.array(fc.integer({ min: -3, max: 10 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(99, -1)), { maxLength: 2 }),
      (raw, favourable, unfavourable, missing) => {
        const data = { q: Float64Array.from(raw) };
        for (const type of ['share', 'net'] as const) {
          const indicator: IndicatorSpec = { id: 'x', type, item: 'q', favourable, unfavourable, missing };
          const expected = reference(raw, favourable, type === 'net' ? unfavourable : [], missing);
          expect([...indicatorValues(data, indicator)]).toEqual(expected);
        }
      },
    ));
  });
});
