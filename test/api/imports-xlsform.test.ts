import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { convertXlsform } from '../../surveys/xlsform/convert.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { sheet } from '../surveys/xlsform/sheet.ts';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';

/**
 * The KoBoToolbox CSV export of an XLSForm, imported into the questionnaire our XLSForm import
 * makes of that same XLSForm: KoBo's names (including one our rule renames, `Contact_Any` →
 * `contact_any`) find their questions through meta.originalNames.
 */
const XLSFORM = {
  survey: sheet(['type', 'name', 'label::English (en)', 'label::Bosnian (bs)', 'relevant', 'required', 'constraint'],
    ['begin group', 'screening', 'Screening', 'Uvod'],
    ['select_one yes_no', 'consent', 'Do you agree to take part?', 'Pristajete li učestvovati?', '', 'yes'],
    ['end group'],
    ['begin group', 'trust', 'Trust', 'Povjerenje', "${consent} = 'yes'"],
    ['select_one scale', 'trust_police', 'How much do you trust the police?', 'Koliko vjerujete policiji?'],
    ['select_one regions or_other', 'region', 'Where do you live?', 'Gdje živite?'],
    ['integer', 'age', 'Age', 'Starost', '', '', '. >= 18 and . <= 110'],
    ['date', 'visit_date', 'Date of the last contact', 'Datum posljednjeg kontakta'],
    ['end group'],
    ['begin group', 'contact', 'Contact', 'Kontakt', "${consent} = 'yes'"],
    ['select_one yes_no', 'Contact_Any', 'Any contact with the police?', 'Kontakt s policijom?'],
    ['select_multiple channels', 'channels_used', 'How did you contact them?', 'Kako ste ih kontaktirali?', "${Contact_Any} = 'yes'"],
    ['text', 'comments', 'Anything else?', 'Još nešto?'],
    ['end group'],
  ),
  choices: sheet(['list_name', 'name', 'label::English (en)', 'label::Bosnian (bs)'],
    ['yes_no', 'yes', 'Yes', 'Da'], ['yes_no', 'no', 'No', 'Ne'],
    ...Array.from({ length: 11 }, (_, point) => ['scale', String(point), String(point), String(point)]),
    ['regions', 'sarajevo', 'Sarajevo', 'Sarajevo'], ['regions', 'tuzla', 'Tuzla', 'Tuzla'], ['regions', 'mostar', 'Mostar', 'Mostar'],
    ['channels', 'phone_122', 'Phone 122', 'Telefon 122'], ['channels', 'facebook', 'Facebook', 'Facebook'], ['channels', 'station', 'Station', 'Stanica'],
  ),
};
const KOBO_CSV = readFileSync('test/fixtures/imports/kobo-wave1.csv', 'utf8').replaceAll('contact/contact_any', 'contact/Contact_Any');

forEachDialect('KoBoToolbox CSV into the questionnaire made from its XLSForm', (ctx) => {
  let context: DialectApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const { definition, meta, renames } = convertXlsform(XLSFORM);
    expect(renames.map((rename) => rename.to)).toContain('contact_any');
    const file: SurveyFile = { slug: 'from-xlsform', definition, meta: { ...meta, design: { weight: 'weight', strata: 'stratum', cluster: 'psu' } } };
    context = await ctx.testApp({ files: [file] });
    await createAccount(context.store, 'admin@example.org', 'admin');
    admin = await signIn(context.app, 'admin@example.org');
  }, 60_000);

  it('imports every row, with the renamed question found by its original name', async () => {
    const response = await context.app.request('/api/surveys/from-xlsform/imports?version=1', { method: 'POST', headers: { ...admin.headers(true), 'content-type': 'text/csv' }, body: KOBO_CSV });
    const report = await response.json() as { imported: number };
    expect(response.status, JSON.stringify(report).slice(0, 3000)).toBe(201);
    expect(report.imported).toBe(4);
    const exported = await context.app.request('/api/surveys/from-xlsform/exports/microdata.csv', { headers: admin.headers() });
    const rows = parse(await exported.text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.psu === 'sa-01')).toMatchObject({ consent: 'yes', trust_police: '7', contact_any: 'yes', channels_used_facebook: '1', age: '34', mode: 'import' });
    expect(rows.find((row) => row.psu === 'us-04')).toMatchObject({ region: 'other', 'region-Comment': 'Bihać', contact_any: 'no' });
  });
});
