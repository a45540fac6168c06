import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cyrillicToLatin, latinToCyrillic } from '../../surveys/transliterate.ts';

describe('Serbian Latin → Cyrillic', () => {
  it('writes lj, nj and dž as one letter each', () => {
    expect(latinToCyrillic('ljudi njihove džamije')).toBe('људи њихове џамије');
    expect(latinToCyrillic('Ljubljana, Njegoš, Džaferović')).toBe('Љубљана, Његош, Џаферовић');
    expect(latinToCyrillic('LJUBLJANA NJEGOŠ DŽEP')).toBe('ЉУБЉАНА ЊЕГОШ ЏЕП');
  });

  it('transliterates a whole questionnaire sentence with all special letters', () => {
    expect(latinToCyrillic('Koliko često policija postupa s poštovanjem prema građanima? Ćuprija, žena, đak.'))
      .toBe('Колико често полиција поступа с поштовањем према грађанима? Ћуприја, жена, ђак.');
    expect(latinToCyrillic('Bezbjednost u opštini Brčko')).toBe('Безбједност у општини Брчко');
  });

  it('keeps lj, nj and dž as two letters in the listed words across a morpheme boundary', () => {
    expect(latinToCyrillic('nadživjeti')).toBe('надживјети');
    expect(latinToCyrillic('Podžupan')).toBe('Поджупан');
    expect(latinToCyrillic('injekcija konjunkcija')).toBe('инјекција конјункција');
  });

  it('leaves numbers, placeholders, URLs, e-mail, HTML and brand names untouched', () => {
    expect(latinToCyrillic('Stranica {0} od {1}')).toBe('Страница {0} од {1}');
    expect(latinToCyrillic('Pozovite 122 ili posjetite https://mup.vladars.rs/lat/')).toBe('Позовите 122 или посјетите https://mup.vladars.rs/lat/');
    expect(latinToCyrillic('Pišite na info@trustlens.ba')).toBe('Пишите на info@trustlens.ba');
    expect(latinToCyrillic('<p><strong>Hvala</strong> &nbsp;vam</p>')).toBe('<p><strong>Хвала</strong> &nbsp;вам</p>');
    expect(latinToCyrillic('Policija na Facebooku i X/Twitteru')).toBe('Полиција на Facebooku и X/Twitteru');
  });
});

describe('Serbian Cyrillic → Latin', () => {
  it('writes љ, њ and џ as two letters, capitalised to match the word', () => {
    expect(cyrillicToLatin('Људи, Његош, Џеп')).toBe('Ljudi, Njegoš, Džep');
    expect(cyrillicToLatin('ЉУБЉАНА')).toBe('LJUBLJANA');
    expect(cyrillicToLatin('Страница {0} од {1}')).toBe('Stranica {0} od {1}');
  });
});

const latinLetters = 'abcčćdđefghijklmnoprsštuvzž'.split('').concat(['lj', 'nj', 'dž']);
/** Words of two or more letters: a one-letter upper-case word Љ cannot tell LJ from Lj. */
const latinWord = fc
  .array(fc.constantFrom(...latinLetters), { minLength: 1, maxLength: 12 })
  .map((letters) => letters.join(''))
  .filter((word) => !/^(lj|nj|dž|.)$/.test(word));
const cyrillicLetters = 'абвгдђежзијклљмнњопрстћуфхцчџш'.split('');
/** Cyrillic words without н+ј, л+ј or д+ж, which Latin cannot tell apart from њ, љ and џ. */
const cyrillicWord = fc
  .array(fc.constantFrom(...cyrillicLetters), { minLength: 1, maxLength: 12 })
  .map((letters) => letters.join(''))
  .filter((word) => !/нј|лј|дж/.test(word));

describe('round trips', () => {
  it('Latin → Cyrillic → Latin gives back lower-case, capitalised and upper-case text', () => {
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 6 }), (words) => {
        const lower = words.join(' ');
        const capitalised = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
        for (const text of [lower, capitalised, lower.toUpperCase()]) {
          expect(cyrillicToLatin(latinToCyrillic(text))).toBe(text);
        }
      }),
    );
  });

  it('Cyrillic → Latin → Cyrillic gives back the text', () => {
    fc.assert(
      fc.property(fc.array(cyrillicWord, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(' ');
        expect(latinToCyrillic(cyrillicToLatin(text))).toBe(text);
        const capitalised = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(', ');
        expect(latinToCyrillic(cyrillicToLatin(capitalised))).toBe(capitalised);
      }),
    );
  });
});
