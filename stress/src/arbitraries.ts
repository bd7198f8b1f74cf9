// fast-check arbitraries for hostile requests: bodies, query strings, path ids and headers. Built
// per route from its contract entry (what parameters, query and body it takes, and a valid body
// example to mutate), so the fuzzer stays close enough to valid input to reach the handlers.
import fc from 'fast-check';
import { encodeSegment, exampleBody, pathParams, type RouteDefinition } from './world';

export interface FuzzRequest {
  method: string;
  /** Path parameter values (raw; URL-encoded when sent unless `rawPath`). */
  ids: Record<string, string>;
  rawPath: boolean;
  query: string;
  /** undefined = no body; a string is sent as is. */
  body: string | undefined;
  headers: Record<string, string>;
}

const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Strings that break things: unicode edge cases, injections, control characters, long runs. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800',
      '\uDFFF',
      '\uFEFF',
      '\u202E',
      'é'.normalize('NFD'),
      '👩‍👩‍👧‍👦'.repeat(20),
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      "' OR '1'='1",
      '${jndi:ldap://x}',
      '{{7*7}}',
      '../../etc/passwd',
      '%00',
      'null',
      'undefined',
      'NaN',
      '-1',
      '1e309',
      '9007199254740993',
      '__proto__',
      'constructor',
    ),
  },
  // Long strings, built rather than generated (generating a million chars one by one is slow).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '😀', '\u0000', '"'), fc.constantFrom(201, 1_000, 100_001, 300_000)).map(([c, n]) => c.repeat(n)) },
);

/** Any JSON value, with nasty strings and pollution keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'json' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom(...pollutionKeys)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Deeply nested arrays or objects, as raw JSON text (depth up to 100k). */
const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(10, 1_000, 20_000, 100_000), fc.boolean())
  .map(([depth, objects]) => (objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`));

/** JSON text with a pollution key in raw form (JSON.stringify would drop a real __proto__). */
const pollutedText = (example: Record<string, unknown>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...pollutionKeys), anyJson).map(([key, value]) => {
    const inner = JSON.stringify(example).slice(1, -1);
    return `{${inner}${inner ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`;
  });

/** The route's valid example with one field changed, removed, or one added. */
const mutatedExample = (example: Record<string, unknown>): fc.Arbitrary<string> => {
  const fields = Object.keys(example);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...fields), anyJson).map(([field, value]) => JSON.stringify({ ...example, [field]: value })),
    fc.constantFrom(...fields).map((field) => JSON.stringify(Object.fromEntries(Object.entries(example).filter(([k]) => k !== field)))),
    fc.tuple(nastyString, anyJson).map(([field, value]) => JSON.stringify({ ...example, [field]: value })),
    fc.tuple(fc.constantFrom(...fields), nastyString).map(([field, value]) => JSON.stringify({ ...example, [field]: value })),
  );
};

/** Not JSON at all, or JSON of the wrong kind. */
const malformedText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('{', '{"title":', '[1,2', 'nul', 'false', 'true', '"\\ud800"', '{"a":1}{"b":2}', '\u0000', '{"title":"x","title":"y","content":""}', 'true', '0', '""'),
  anyJson.map((v) => JSON.stringify(v) ?? 'null'),
);

export function bodyArbitrary(route: RouteDefinition): fc.Arbitrary<string | undefined> {
  const example = exampleBody(route);
  if (!example) {
    // Routes without a body: mostly none, sometimes junk (it must be ignored or refused, not crash).
    return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: malformedText });
  }
  return fc.oneof(
    { weight: 4, arbitrary: mutatedExample(example) },
    { weight: 2, arbitrary: pollutedText(example) },
    { weight: 2, arbitrary: malformedText },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A path id: one of the user's own, someone's random UUID, or garbage. */
export function idArbitrary(own: string, foreign: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: fc.constantFrom(...foreign) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
    { weight: 3, arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 2_000) },
    { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2e%2e', 'a/b', own + '/', `${own}%00`, ' '.repeat(3), own.slice(0, -1)) },
  );
}

const queryKey = fc.oneof(fc.constantFrom('limit', 'cursor', 'q', 'tag', ...pollutionKeys, 'limit[]', 'constructor[prototype][x]', ''), fc.string({ maxLength: 12 }));
const queryValue = fc.oneof(
  fc.constantFrom('0', '1', '20', '100', '101', '-1', '1.5', '1e2', '0x10', '999999999999', 'abc', '', ' 5', '%', 'eyJ4IjoxfQ', 'AAAA'),
  fc.integer().map(String),
  nastyString.filter((s) => s.length < 5_000),
  fc.base64String({ maxLength: 200 }),
);

/** A query string: none, plausible, or hostile (duplicate keys, pollution keys, broken encodings). */
export const queryArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 5,
    arbitrary: fc.array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?limit', '?limit=%', '?limit=%zz', '?cursor=%E0%A4%A', '?a=1&a=2&a=3', '?limit=1&limit=100000') },
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  '',
  '*/*',
);
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });

/** Extra headers: content types, forwarding/identity headers a proxy might trust, junk. */
export const headersArbitrary: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'content-type': contentTypes,
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'),
      'x-forwarded-for': fc.constantFrom('127.0.0.1', '10.0.0.1, 1.2.3.4', 'garbage'),
      'x-amzn-requestid': headerValue,
      'x-api-key': fc.oneof(headerValue, fc.constant('jot_' + 'A'.repeat(43))),
      'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'GET'),
      'content-encoding': fc.constantFrom('gzip', 'deflate', 'identity', 'br'),
      'x-junk': headerValue,
      origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:1'),
    },
    { requiredKeys: [] },
  );

export function requestArbitrary(route: RouteDefinition, own: Record<string, string>, foreign: string[]): fc.Arbitrary<FuzzRequest> {
  const params = pathParams(route);
  const ids = fc.record(Object.fromEntries(params.map((p) => [p, idArbitrary(own[p]!, foreign)]))) as fc.Arbitrary<Record<string, string>>;
  return fc.record({
    method: fc.constant(route.method.toUpperCase()),
    ids,
    rawPath: fc.boolean().map((b) => b && params.length > 0),
    query: route.query ? queryArbitrary : fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryArbitrary }),
    body: bodyArbitrary(route),
    headers: headersArbitrary,
  });
}

/** A short description of a request for failure messages (bodies can be megabytes). */
export function describeRequest(path: string, r: FuzzRequest): string {
  const body = r.body === undefined ? '(none)' : r.body.length > 300 ? `${JSON.stringify(r.body.slice(0, 300))}… (${r.body.length} chars)` : JSON.stringify(r.body);
  return `${r.method} ${path.slice(0, 300)} headers=${JSON.stringify(r.headers).slice(0, 300)} body=${body}`;
}
