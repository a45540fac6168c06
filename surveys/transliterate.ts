/**
 * Serbian Latin ⇄ Cyrillic transliteration (Vuk Karadžić's one-letter-per-sound alphabet and its
 * Latin counterpart, Gaj's alphabet). Serbian Cyrillic texts in Trustlens are generated from the
 * Serbian Latin ones with `latinToCyrillic`, never typed twice.
 *
 * What is left as it is: URLs, e-mail addresses, `{placeholders}`, HTML tags and entities, words
 * with letters Serbian does not use (q, w, x, y) and brand names in KEEP_LATIN.
 *
 * Limitation: Latin lj, nj and dž are read as one letter (љ, њ, џ). In a few words they are two
 * letters across a morpheme boundary (nad-živjeti, pod-župan, in-jekcija, kon-junkcija); the
 * word stems in TWO_LETTER_STEMS cover the ones we know of, any other such word comes out wrong
 * and must be added there.
 */

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', dž: 'џ', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х',
  i: 'и', j: 'ј', k: 'к', l: 'л', lj: 'љ', m: 'м', n: 'н', nj: 'њ', o: 'о', p: 'п', r: 'р', s: 'с',
  š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

/** Word stems (lower case, Latin) in which lj, nj or dž are two separate letters. */
export const TWO_LETTER_STEMS = [
  'nadživ', 'podžup', 'podžanr', 'odživ', 'injekc', 'konjunk', 'konjug', 'vanjezi', 'tanjug',
] as const;

/** Names kept in Latin script inside Serbian Cyrillic text, also with a case ending (Facebooku). */
export const KEEP_LATIN = new Set(['facebook', 'instagram', 'twitter', 'tiktok', 'viber', 'whatsapp', 'youtube', 'surveyjs', 'trustlens']);

/** Pieces of text never transliterated: URLs, e-mail, {placeholders}, HTML tags and entities. */
const PROTECTED = /(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.-]+|\{[^{}]*\}|<[^>]*>|&[a-z#0-9]+;)/giu;
const LATIN_WORD = /[a-zčćđšžA-ZČĆĐŠŽ\p{L}]+/gu;
const CYRILLIC_WORD = /[\u0400-\u04FF]+/gu;

/** Transliterates Serbian Latin text to Serbian Cyrillic, preserving case. */
export function latinToCyrillic(text: string): string {
  return mapUnprotected(text.normalize('NFC'), (part) => part.replace(LATIN_WORD, latinWordToCyrillic));
}

/** Transliterates Serbian Cyrillic text to Serbian Latin, preserving case (Љубљана → Ljubljana, ЉУБЉАНА → LJUBLJANA). */
export function cyrillicToLatin(text: string): string {
  return mapUnprotected(text, (part) => part.replace(CYRILLIC_WORD, cyrillicWordToLatin));
}

function mapUnprotected(text: string, convert: (part: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    result += convert(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + convert(text.slice(last));
}

function latinWordToCyrillic(word: string): string {
  const lower = word.toLowerCase();
  if (/[qwxy]/.test(lower) || [...KEEP_LATIN].some((name) => lower.startsWith(name)) || /[^a-zčćđšž]/.test(lower)) return word;
  const boundary = twoLetterBoundary(lower);
  let result = '';
  for (let index = 0; index < word.length; ) {
    const pair = lower.slice(index, index + 2);
    const isDigraph = (pair === 'lj' || pair === 'nj' || pair === 'dž') && index + 1 !== boundary;
    const length = isDigraph ? 2 : 1;
    const cyrillic = LATIN_TO_CYRILLIC[lower.slice(index, index + length)]!;
    result += isUpper(word[index]!) ? cyrillic.toUpperCase() : cyrillic;
    index += length;
  }
  return result;
}

/** Index of the second letter of a digraph-looking pair that is really two letters, or -1. */
function twoLetterBoundary(lowerWord: string): number {
  for (const stem of TWO_LETTER_STEMS) {
    const at = lowerWord.indexOf(stem);
    if (at === -1) continue;
    const pair = /lj|nj|dž/.exec(stem);
    if (pair) return at + pair.index + 1;
  }
  return -1;
}

function cyrillicWordToLatin(word: string): string {
  const allUpper = word.length > 1 && word === word.toUpperCase();
  let result = '';
  for (let index = 0; index < word.length; index += 1) {
    const letter = word[index]!;
    const latin = CYRILLIC_TO_LATIN[letter.toLowerCase()];
    if (!latin) {
      result += letter;
      continue;
    }
    if (!isUpper(letter)) result += latin;
    else if (latin.length === 1) result += latin.toUpperCase();
    else {
      const next = word[index + 1];
      const shout = allUpper || (next !== undefined && isUpper(next));
      result += shout ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
  }
  return result;
}

function isUpper(letter: string): boolean {
  return letter !== letter.toLowerCase() && letter === letter.toUpperCase();
}
