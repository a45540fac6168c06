import { cyrillicToLatin } from './transliterate.ts';

/**
 * Our rule for question names, which become variable names in the exports: lower-case ASCII
 * letters, digits and underscores, starting with a letter. SPSS, Stata and R all accept such a
 * name as it is, and it reads the same in each.
 */
export const QUESTION_NAME = /^[a-z][a-z0-9_]*$/;

/** Stata's limit on a variable name (SPSS allows 64 bytes, R more): a name we make stays within it. */
export const MAX_MADE_NAME = 32;

/**
 * A name that follows QUESTION_NAME, made from any name another tool used: camelCase and
 * spaces/hyphens become underscores, diacritics and Serbian Cyrillic become plain Latin letters,
 * and a leading digit gets a `q_` in front. `taken` holds the names already used (lower case);
 * a clash gets `_2`, `_3`, ….
 * @example safeVariableName('fullName', new Set()) // → 'full_name'
 * @example safeVariableName('Hot hatch', new Set()) // → 'hot_hatch'
 */
export function safeVariableName(name: string, taken: ReadonlySet<string>): string {
  const base = cyrillicToLatin(name.normalize('NFC'))
    .replace(/đ/g, 'dj').replace(/Đ/g, 'Dj')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  let candidate = (/^[a-z]/.test(base) ? base : `q_${base}`).replace(/_+$/, '').slice(0, MAX_MADE_NAME).replace(/_+$/, '');
  if (candidate === 'q' && base === '') candidate = 'q';
  if (!taken.has(candidate)) return candidate;
  for (let number = 2; ; number += 1) {
    const suffix = `_${number}`;
    const numbered = `${candidate.slice(0, MAX_MADE_NAME - suffix.length)}${suffix}`;
    if (!taken.has(numbered)) return numbered;
  }
}
