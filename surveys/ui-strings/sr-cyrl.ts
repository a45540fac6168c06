import { latinToCyrillic } from '../transliterate.ts';
import { serbianLatinUiStrings } from './sr-latn.ts';

/** Serbian Cyrillic interface strings, transliterated from the Serbian Latin ones ({0} placeholders kept). */
export const serbianCyrillicUiStrings: Record<string, string> = Object.fromEntries(
  Object.entries(serbianLatinUiStrings).map(([key, text]) => [key, latinToCyrillic(text)]),
);
