import { describe, expect, it } from 'vitest';
import { ITEM_BANK, findItem } from '../../surveys/items/index.ts';
import { latinToCyrillic } from '../../surveys/transliterate.ts';
import { foldTerm, searchItems, stemTerm } from '../../web/src/builder/item-search.ts';

const names = (query: string, construct: '' | 'contact' = '') => searchItems(ITEM_BANK, { query, construct, ess: '' }).map((item) => item.name);

// Every expectation below is about words as the item bank writes them (surveys/items), in each language.
describe('item search in the builder', () => {
  it('finds "povjerenja" by "povjerenje" and other case forms, in every language that says it', () => {
    // bs, hr and sr-Latn all say "Koliko Vi lično/osobno imate povjerenja u policiju?"
    expect(findItem(ITEM_BANK, 'trust_police').text.bs).toContain('povjerenja');
    for (const query of ['povjerenje', 'povjerenja', 'povjerenju', 'Povjerenje']) {
      expect(names(query)).toEqual(expect.arrayContaining(['trust_police', 'trust_courts', 'trust_local_gov', 'sm_info_trust']));
    }
    expect(names('povjerenje')).not.toContain('eff_burglars');
    expect(names('sudovima')).toEqual(['trust_courts']); // "u sudove"
  });

  it('treats "sigurnost" and "sigurno" as one word, and Serbian "bezbjedno" alike', () => {
    // safe_dark: bs/hr "Koliko se sigurno osjećate", sr "bezbjedno"; cp_meeting: "o sigurnosti", "o bezbjednosti".
    for (const query of ['sigurnost', 'sigurno', 'bezbjedno', 'bezbjednost']) expect(names(query).slice(0, 2).sort()).toEqual(['cp_meeting', 'safe_dark']);
  });

  it('ignores diacritics both ways: c for č and ć, s for š, z for ž, dj for đ', () => {
    expect(names('ucestvujete')).toEqual(['consent']); // "Da li pristajete da učestvujete u ovoj anketi?"
    expect(names('učestvujete')).toEqual(['consent']);
    expect(names('kucanstva')).toContain('contact_initiated'); // hr "netko iz mog kućanstva"
    expect(names('postovanjem')).toEqual(expect.arrayContaining(['pf_respect', 'last_respect']));
    expect(foldTerm('Đorđe')).toBe('djordje');
    expect(foldTerm('ŽUPANIJA')).toBe('zupanija');
  });

  it('reads Serbian Cyrillic as Latin, ijekavian or ekavian', () => {
    const cyrillic = latinToCyrillic('povjerenja'); // as the Cyrillic questionnaire shows it
    expect(cyrillic).toBe('повјерења');
    expect(names(cyrillic)).toContain('trust_police');
    expect(names('поверење')).toContain('trust_police'); // ekavian, as written in Serbia
    expect(names('безбједно').slice(0, 2).sort()).toEqual(['cp_meeting', 'safe_dark']);
    expect(stemTerm(foldTerm('Мјесецима'))).toBe(stemTerm('mjeseci'));
  });

  it('finds English words by their forms and with a typing slip', () => {
    expect(names('successful').sort()).toEqual(['eff_burglars', 'eff_prevent']);
    expect(names('succesful').sort()).toEqual(['eff_burglars', 'eff_prevent']);
    expect(names('respected')).toEqual(expect.arrayContaining(['pf_respect', 'last_respect']));
  });

  it('finds items by name, ESS variable and source, best match first, and never by the project name in every source', () => {
    expect(names('trstplc')).toEqual(['trust_police']);
    expect(names('contact_any')[0]).toBe('contact_any');
    expect(names('trust police')[0]).toBe('trust_police');
    expect(names('WVS')).toEqual(['conf_police']);
    expect(names('trustlens')).toEqual([]);
    expect(names('trust')).not.toContain('consent'); // source "Trustlens", no trust in its text
  });

  it('needs every word of the query, and keeps the construct filter', () => {
    expect(names('kontaktu s policijom 12 mjeseci')).toContain('contact_any');
    expect(names('policiju', 'contact')).toEqual(names('policiju').filter((name) => findItem(ITEM_BANK, name).construct === 'contact'));
    expect(names('povjerenje sudove')).toEqual(['trust_courts']);
    expect(names('')).toHaveLength(ITEM_BANK.length);
  });
});
