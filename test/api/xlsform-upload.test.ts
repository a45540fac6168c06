import { describe, expect, it } from 'vitest';
import { surveys } from '../../api/db/schema.ts';
import { createUser, signIn } from './accounts.ts';
import { post, testApp } from './helpers.ts';
import { xlsformFile, xlsformForm } from './xlsform-workbook.ts';

const SLOW = { timeout: 60_000 };

/** A Bosnian and Serbian Cyrillic XLSForm, as KoBoToolbox users write one (names as they typed them). */
const MULTILINGUAL = {
  survey: [
    ['type', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)', 'required', 'relevant', 'constraint', 'constraint_message::Bosnian (bs)', 'constraint_message::Serbian Cyrillic (sr-Cyrl)'],
    ['select_one yes_no', 'Contact', 'Jeste li imali kontakt s policijom?', 'Да ли сте имали контакт са полицијом?', 'yes'],
    ['select_multiple channel or_other', 'Channels', 'Kako?', 'Како?', '', "${Contact} = 'yes'"],
    ['integer', 'Visits', 'Koliko puta?', 'Колико пута?', '', "selected(${Channels}, 'station')", '. > 0', 'Najmanje jednom', 'Бар једном'],
    ['start', 'start'],
  ],
  choices: [
    ['list_name', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)'],
    ['yes_no', 'yes', 'Da', 'Да'], ['yes_no', 'no', 'Ne', 'Не'],
    ['channel', 'station', 'U stanici', 'У станици'], ['channel', 'app', 'Aplikacija', 'Апликација'],
  ],
  settings: [['form_title', 'form_id', 'version', 'default_language'], ['Kontakt s policijom', 'kontakt', '3', 'bs']],
};

async function setUp() {
  const context = testApp([]);
  createUser(context.db, 'res@example.org', 'researcher');
  createUser(context.db, 'eval@example.org', 'evaluator');
  const session = await signIn(context.app, 'res@example.org');
  const upload = async (form: FormData | string, headers: Record<string, string> = {}, as = session) => {
    const { 'content-type': _json, ...sessionHeaders } = as.headers(true);
    const response = await context.app.request('/api/surveys', { method: 'POST', headers: { ...sessionHeaders, ...headers }, body: form });
    return { status: response.status, body: await response.json() };
  };
  const call = async (method: string, path: string) => {
    const response = await context.app.request(path, { method, headers: session.headers(method !== 'GET') });
    return { status: response.status, body: await response.json() };
  };
  return { context, session, upload, call };
}

describe('POST /api/surveys with an XLSForm (multipart, fromXlsform)', SLOW, () => {
  it('makes a draft in Bosnian and Serbian Cyrillic, lists the rows left out and the renamed names, and it can be published and answered', async () => {
    const { context, upload, call } = await setUp();
    const created = await upload(xlsformForm('kontakt', await xlsformFile(MULTILINGUAL), 'kontakt.xlsx', { title: 'Kontakt s policijom' }));
    expect(created.status).toBe(201);
    expect(created.body.draft.meta.languages).toEqual(['bs', 'sr-Cyrl']);
    expect(created.body.draft.problems).toEqual([]);
    expect(created.body.renames.map(({ from, to }: { from: string; to: string }) => `${from} → ${to}`)).toEqual(['Contact → contact', 'Channels → channels', 'Visits → visits']);
    expect(created.body.xlsform).toEqual({
      file: 'kontakt.xlsx', formId: 'kontakt', formVersion: '3',
      unmapped: [{ sheet: 'survey', row: 5, name: 'start', reason: expect.stringContaining('metadata') }],
    });
    const [contact, channels, visits] = created.body.draft.definition.pages[0].elements;
    expect(contact).toMatchObject({ name: 'contact', title: { bs: 'Jeste li imali kontakt s policijom?', 'sr-Cyrl': 'Да ли сте имали контакт са полицијом?' }, isRequired: true });
    expect(channels).toMatchObject({ name: 'channels', visibleIf: "{contact} = 'yes'", showOtherItem: true });
    expect(visits).toMatchObject({ name: 'visits', visibleIf: "{channels} contains 'station'" });

    // The draft reads back as the builder opens it, with the checker's verdict.
    expect((await call('GET', '/api/surveys/kontakt/draft')).body).toMatchObject({ problems: [], definition: created.body.draft.definition });
    expect((await call('POST', '/api/surveys/kontakt/publish')).status).toBe(201);
    const answer = (answers: Record<string, unknown>) => post(context.app, 'kontakt', { id: crypto.randomUUID(), language: 'sr-Cyrl', answers });
    expect((await answer({ contact: 'yes', channels: ['station', 'other'], 'channels-Comment': 'Фејсбук', visits: 2 })).status).toBe(201);
    const refused = await answer({ contact: 'no', channels: ['app'], visits: 0 });
    expect(refused.status).toBe(422);
    const codebook = await call('GET', '/api/surveys/kontakt/exports/codebook.json');
    const entries = (codebook.body.variables ?? codebook.body) as { variable: string; originalName: string | null }[];
    expect(entries.filter((entry) => ['contact', 'visits'].includes(entry.variable)).map((entry) => entry.originalName)).toEqual(['Contact', 'Visits']);
  });

  it('refuses what is not an XLSForm with a 4xx naming the field, and stores nothing', async () => {
    const { context, upload, session } = await setUp();
    const good = await xlsformFile(MULTILINGUAL);
    const before = context.db.select().from(surveys).all().length;
    const issue = async (form: FormData | string, headers: Record<string, string> = {}) => {
      const response = await upload(form, headers);
      return [response.status, response.body.error?.details?.[0]?.field, response.body.error?.details?.[0]?.issue ?? response.body.error?.message];
    };
    expect(await issue(xlsformForm('a-csv', new TextEncoder().encode('type,name,label\ntext,q,Q\n'), 'form.csv'))).toEqual([422, 'fromXlsform', expect.stringContaining('is not an .xlsx file')]);
    expect(await issue(xlsformForm('an-xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(40).fill(0)]), 'form.xls'))).toEqual([422, 'fromXlsform', expect.stringContaining('old Excel .xls')]);
    expect(await issue(xlsformForm('cut-short', good.slice(0, Math.floor(good.length / 2))))).toEqual([422, 'fromXlsform', expect.stringContaining('cut short')]);
    const damaged = good.slice();
    damaged.fill(0x41, 40, Math.floor(good.length * 0.6)); // the parts' data overwritten, the zip directory intact
    expect(await issue(xlsformForm('damaged', damaged))).toEqual([422, 'fromXlsform', expect.stringContaining('damaged or not an Excel workbook')]);
    expect(await issue(xlsformForm('bomb', inflatedDirectory(good)))).toEqual([422, 'fromXlsform', expect.stringContaining('unpacks to')]);
    const noSurvey = await xlsformFile({ choices: MULTILINGUAL.choices });
    expect(await issue(xlsformForm('no-survey', noSurvey))).toEqual([422, 'fromXlsform', 'needs a sheet named "survey"']);
    expect(await issue(xlsformForm('no-file', undefined))).toEqual([422, 'fromXlsform', 'upload the XLSForm as a file (.xlsx)']);
    expect(await issue(xlsformForm('Bad Slug', good))).toEqual([422, 'slug', expect.stringContaining('lower-case')]);
    expect(await issue(xlsformForm('extra', good, 'form.xlsx', { definition: '{}' }))).toEqual([422, 'definition', 'unknown field']);
    const garbled = await upload('--x\r\nnot really multipart', { 'content-type': 'multipart/form-data; boundary=x' });
    expect([garbled.status, garbled.body.error.type]).toEqual([400, 'bad_request']);
    const large = new FormData();
    large.set('slug', 'too-large');
    large.set('fromXlsform', new File([new Uint8Array(70 * 1024)], 'big.xlsx'));
    expect((await upload(large)).status).toBe(413);
    expect(context.db.select().from(surveys).all().length).toBe(before);

    expect((await upload(xlsformForm('kontakt', good))).status).toBe(201);
    expect((await upload(xlsformForm('kontakt', good))).status).toBe(409);
    const evaluator = await signIn(context.app, 'eval@example.org');
    expect((await upload(xlsformForm('by-evaluator', good), {}, evaluator)).status).toBe(403);
    expect((await context.app.request('/api/surveys', { method: 'POST', body: xlsformForm('anonymous', good) })).status).toBe(401);
    expect(session).toBeDefined();
  });
});

/** The same file with its zip directory claiming a part of 1 GB: a zip bomb's shape, refused before anything is inflated. */
function inflatedDirectory(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const directory = view.getUint32(at + 16, true);
    view.setUint32(directory + 24, 1024 * 1024 * 1024, true);
    return copy;
  }
  throw new Error('no zip directory');
}
