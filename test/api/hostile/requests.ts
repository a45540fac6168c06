import fc from 'fast-check';
import { z } from 'zod';
import type { Operation } from '../../../api/openapi/operations.ts';
import { definitionText, jsonText, metaText, nastyString, objectText, RESERVED_KEYS, uuidText } from './values.ts';

/** One generated request: what is sent, and how it was made (for the failure message). */
export interface HostileRequest {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  caller: Caller;
}

/** Who sends it: the admin's session (with or without its CSRF token), nobody, or a forged credential. */
export type Caller = 'admin' | 'admin-no-csrf' | 'anonymous' | 'bad-token' | 'bad-cookie';

/** What the generator knows of the database it attacks: names and ids that exist, so requests get past the 404s. */
export interface Targets {
  slugs: string[];
  responseIds: string[];
  /** Ids of accounts that may be changed (never the admin's own, whose session the run uses). */
  userIds: number[];
  questionNames: string[];
}

const quoted = (text: string) => JSON.stringify(text);
/** Percent-encodes the UTF-8 bytes of any string (encodeURIComponent throws on a lone surrogate). */
const encoded = (text: string) => Array.from(Buffer.from(text, 'utf8'), (byte) => {
  const character = String.fromCharCode(byte);
  return /[A-Za-z0-9_.~-]/.test(character) ? character : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}).join('');

/** Likely values of each body field, so requests reach the checks behind the schema; any JSON otherwise. */
function fieldText(name: string, targets: Targets): fc.Arbitrary<string> {
  const answers = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...targets.questionNames, ...RESERVED_KEYS.slice(0, 4)), fc.constantFrom(...targets.questionNames).map((question) => `${question}-Comment`), nastyString), jsonText), { maxLength: 8 })
    .map((entries) => objectText([['consent', '1'], ['age_18_plus', '1'], ['lives_in_bih', '1'], ['region', '"tuzla"'], ...entries]));
  const likely: Record<string, fc.Arbitrary<string>> = {
    id: uuidText,
    answers: fc.oneof(answers, jsonText),
    language: fc.oneof(fc.constantFrom('"en"', '"bs"', '"sr-Cyrl"', '"xx"', '""', '"EN"'), jsonText),
    version: fc.oneof(fc.constantFrom('1', '2', '0', '-1', '1.5', '"1"', '99'), jsonText),
    startedAt: fc.oneof(fc.constantFrom('"2026-01-01T10:00:00Z"', '"2026-01-01T10:00:00+02:00"', '"2026-13-45T99:99:99Z"', '"yesterday"', '"2026-01-01"'), jsonText),
    completedAt: fc.oneof(fc.constantFrom('"2026-01-01T10:20:00Z"', '"1999-01-01T00:00:00Z"', '"2026-01-01T10:00:00.000000001Z"'), jsonText),
    paradata: fc.oneof(fc.constantFrom('{}', '{"appVersion":"1","pages":{"p1":3}}', '{"pages":{"__proto__":1}}'), jsonText),
    email: fc.oneof(fc.constantFrom('"nobody@example.org"', '"ADMIN@EXAMPLE.ORG "', '"not an e-mail"', '"a@b"', `"${'a'.repeat(300)}@example.org"`), jsonText),
    password: jsonText,
    currentPassword: jsonText,
    newPassword: jsonText,
    name: fc.oneof(nastyString.map(quoted), jsonText),
    role: fc.oneof(fc.constantFrom('"admin"', '"researcher"', '"evaluator"', '"enumerator"', '"root"', '"ADMIN"'), jsonText),
    disabled: fc.oneof(fc.constantFrom('true', 'false', '"true"', '0'), jsonText),
    slug: fc.oneof(fc.string({ unit: fc.constantFrom(...'abcz09-'), minLength: 1, maxLength: 12 }).map(quoted), fc.constantFrom(...targets.slugs).map(quoted), jsonText),
    content: fc.oneof(fc.tuple(definitionText, metaText).map(([definition, meta]) => `{"definition":${definition},"meta":${meta}}`), jsonText),
    definition: definitionText,
    meta: metaText,
    fromSurvey: fc.oneof(fc.constantFrom(...targets.slugs).map(quoted), jsonText),
    fromTemplate: fc.oneof(fc.constantFrom(...targets.slugs).map(quoted), jsonText),
    fromItems: fc.oneof(fc.constantFrom('{"items":["trust_police"],"title":{"en":"T","bs":"T","hr":"T","sr-Latn":"T"}}', '{"items":[],"title":{}}', '{"items":["nope"],"title":{"en":"T","bs":"T","hr":"T","sr-Latn":"T"}}'), jsonText),
    title: fc.oneof(nastyString.map(quoted), fc.constantFrom('{"default":"T","bs":""}', '{"__proto__":"x"}'), jsonText),
  };
  return likely[name] ?? jsonText;
}

/** A body for an operation: its own fields with likely or hostile values, unknown and reserved keys, or something that is not a JSON object. */
function bodyFor(operation: Operation, targets: Targets): fc.Arbitrary<string | Uint8Array | undefined> {
  const fields = operation.body ? Object.keys((z.toJSONSchema(operation.body, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {}) : [];
  const shaped = fc.tuple(
    fields.length > 0 ? fc.subarray(fields) : fc.constant([] as string[]),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...RESERVED_KEYS), nastyString), jsonText), { maxLength: 2 }),
  ).chain(([chosen, extra]) => fc.tuple(...chosen.map((field) => fieldText(field, targets).map((value): [string, string] => [field, value])))
    .map((entries) => objectText([...entries, ...extra])));
  return fc.oneof(
    { weight: 10, arbitrary: shaped },
    { weight: 2, arbitrary: jsonText },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', '{', '{"a":1}{"b":2}', '\uFEFF{}', 'null', '[]', '"x"', 'a=1&b=2', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constant(`{"padding":"${'x'.repeat(300 * 1024)}"}`) },
  );
}

/** Path parameters: the ones that exist, and ones that do not or cannot. */
function pathValue(name: string, targets: Targets): fc.Arbitrary<string> {
  const odd = fc.oneof(nastyString.map(encoded), fc.constantFrom('%ZZ', '%', '%E0%A4%A', '..', '%2e%2e', 'a%2Fb', '%00', 'x'.repeat(500)));
  const existing: Record<string, fc.Arbitrary<string>> = {
    slug: fc.constantFrom(...targets.slugs),
    id: fc.oneof(fc.constantFrom(...targets.responseIds), fc.constantFrom(...targets.responseIds).map((id) => id.toUpperCase()), fc.constantFrom(...targets.userIds).map(String), fc.uuid()),
    userId: fc.oneof(fc.constantFrom(...targets.userIds).map(String), fc.constantFrom('0', '-1', '1.5', '1e3', '99999999999999999999')),
  };
  return fc.oneof({ weight: 4, arbitrary: existing[name] ?? odd }, { weight: 1, arbitrary: odd });
}

const QUERY_VALUES = ['', '1', '2', '0', '-1', '1000', '1001', '1e3', 'abc', 'region', 'region,channel', 'channel,region,region', 'wave:2025,2024', 'wave:', ':', 'raked', 'design', 'none',
  'codes', 'labels', 'own', 'ess', 'en', 'bs', 'xx', 'trust_fav', 'trust_fav,nope', 'web', 'enumerator', '2026-01-01', '2026-13-01', '2026-01-01T00:00:00Z', 'survey.create'];

/** Cursors: real-looking, base64 of the wrong JSON (deep, long, not a pair), and not base64 at all. */
const cursor = fc.oneof(
  fc.tuple(nastyString, nastyString).map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  fc.constantFrom('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', '{"a":1}', '[1,2]', '["a"]', 'null', '"x"')
    .map((text) => Buffer.from(text).toString('base64url')),
  fc.constantFrom('!!!', '====', '%%%', 'x'.repeat(201)),
);

function queryFor(operation: Operation): fc.Arbitrary<string> {
  const known = operation.query ? Object.keys(operation.query.shape) : [];
  const names = fc.oneof({ weight: 4, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('limit') }, { weight: 1, arbitrary: fc.oneof(nastyString, fc.constantFrom(...RESERVED_KEYS)) });
  const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_VALUES) }, { weight: 2, arbitrary: nastyString }, { weight: 1, arbitrary: cursor });
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.tuple(names, value), { maxLength: 4 }).map((pairs) => (pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : '')) },
    { weight: 1, arbitrary: fc.constantFrom('?%ZZ=1', '?wave=%E0%A4%A', '?=', '?&&&', '?limit=1&limit=2', '?by[]=region', '?cursor=%00') },
  );
}

const CONTENT_TYPES = ['application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; boundary=', '*/*'];

/** Every request to one operation that the generator can make. */
export function requestFor(operation: Operation, targets: Targets): fc.Arbitrary<HostileRequest> {
  const params = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return fc.record({
    path: fc.tuple(...params.map((name) => pathValue(name, targets))).map((values) => params.reduce((path, name, index) => path.replace(`{${name}}`, values[index]!), operation.path)),
    query: queryFor(operation),
    body: operation.method === 'get' ? fc.constantFrom(undefined) : bodyFor(operation, targets),
    contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 8 }),
    caller: fc.constantFrom<Caller>('admin', 'admin', 'admin', 'admin', 'admin', 'admin-no-csrf', 'anonymous', 'bad-token', 'bad-cookie'),
  }).map(({ path, query, body, contentType, caller }) => ({
    operation: `${operation.method.toUpperCase()} ${operation.path}`,
    method: operation.method.toUpperCase(),
    url: `${path}${query}`,
    headers: (contentType === undefined ? {} : { 'content-type': contentType }) as Record<string, string>,
    ...(body === undefined ? {} : { body }),
    caller,
  }));
}
