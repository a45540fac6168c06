import { describe, expect, it } from 'vitest';
import { choiceLabels, formatDuration, percent, quotaShare, quotaTotals } from '../../web/src/monitor/progress.ts';

describe('fieldwork monitor figures', () => {
  it('formats durations and shares for people', () => {
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(null)).toBe('—');
    expect(percent(0.756)).toBe('76%');
    expect(percent(null)).toBe('—');
  });

  it('measures quotas, counting a region beyond its target only up to the target', () => {
    expect(quotaShare({ responses: 3, target: 4 })).toBe(0.75);
    expect(quotaShare({ responses: 3, target: null })).toBeNull();
    expect(quotaTotals([{ responses: 9, target: 5 }, { responses: 1, target: 4 }, { responses: 7, target: null }])).toEqual({ reached: 6, target: 9 });
    expect(quotaTotals([{ responses: 1, target: null }])).toBeNull();
  });

  it('names regions by their English choice text', () => {
    const definition = { pages: [{ elements: [{ name: 'region', choices: [{ value: 'sarajevo', text: { default: 'Sarajevo Canton', bs: 'Kanton Sarajevo' } }, 'brcko'] }] }] };
    expect([...choiceLabels(definition, 'region')]).toEqual([['sarajevo', 'Sarajevo Canton'], ['brcko', 'brcko']]);
  });
});
