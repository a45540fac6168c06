/** Words SPSS syntax reserves (case-insensitive): not allowed as variable names. */
const SPSS_RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);
/** Names Stata reserves. */
const STATA_RESERVED = new Set(['_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi', '_pred', '_rc', '_skip', 'strl', 'using', 'with']);

/**
 * Variable names both formats accept, unique, in column order: letters, digits and `_` (a `-`
 * as in `region-Comment` becomes `_`), starting with a letter, at most `max` bytes (SPSS 64,
 * Stata 32), not a reserved word; a name taken already gets `_2`, `_3`… The CSV keeps its names;
 * the native file's names are its own column names wherever they were valid already.
 *
 * @example
 * fileNames(['region-Comment', 'to', '1st'], 64, 'spss'); // => ['region_Comment', 'to_', 'v1st']
 */
export function fileNames(names: readonly string[], max: number, format: 'spss' | 'stata'): string[] {
  const taken = new Set<string>();
  const reserved = format === 'spss' ? SPSS_RESERVED : STATA_RESERVED;
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `v${base}`;
    if (reserved.has(base.toLowerCase()) || (format === 'stata' && /^str\d+$/i.test(base))) base = `${base}_`;
    base = base.slice(0, max);
    let candidate = base;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base.slice(0, max - String(suffix).length - 1)}_${suffix}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The longest prefix of `text` that fits in `max` UTF-8 bytes without splitting a character. */
export function clipBytes(text: string, max: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}
