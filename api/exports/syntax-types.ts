import type { CodebookEntry } from './codebook.ts';

/** How a codebook variable is read from the microdata CSV: a number, or text of some width. */
export function storage(entry: CodebookEntry): { kind: 'number' } | { kind: 'text'; width: number } {
  if (entry.type === 'integer' || entry.type === 'number' || entry.type === 'member') return { kind: 'number' };
  if (['id', 'language', 'mode', 'stratum', 'psu'].includes(entry.variable)) return { kind: 'text', width: entry.variable === 'id' ? 64 : 200 };
  if (entry.type === 'string' || entry.type === 'timestamp') return { kind: 'text', width: 40 };
  if (entry.values.length === 0) {
    return entry.type === 'rating' ? { kind: 'number' } : { kind: 'text', width: 4000 };
  }
  if (entry.values.some((value) => typeof value.value === 'string')) {
    return { kind: 'text', width: Math.max(8, ...entry.values.map((value) => Buffer.byteLength(String(value.value)) + 1)) };
  }
  return { kind: 'number' };
}

/** Value labels that are answers (missing codes are declared as missing, not labelled as levels). */
export function answerLabels(entry: CodebookEntry) {
  const missing = new Set(entry.missing.map((code) => code.value));
  return entry.values.filter((value) => typeof value.value !== 'number' || !missing.has(value.value));
}
