// Authorization matrix: every route of the contract (the route contract,
// @jotter/shared/contract) × every kind of wrong credential → the status the contract promises, with the JSON
// error body. Generated from the route list: a new route is in the matrix the day it is added.
// Afterwards the victim's data is exactly as before.
import { readStack } from '@jotter/tools/testing/stack';
import { apiClient, type ApiResponse } from '@jotter/tools/testing/api';
import { createTestUser } from '@jotter/tools/testing/users';
import {
  algorithmConfusionToken,
  alteredPayloadToken,
  expiredToken,
  foreignKeyToken,
  freshToken,
  otherClientAccessToken,
  unsignedToken,
} from '@jotter/tools/testing/tokens';
import { recordFigures } from '../src/figures';
import { createWorld, errorShapeProblem, exampleBody, exampleQuery, fillPath, label, ownIds, pathParams, routes, snapshot, type RouteDefinition, type World } from '../src/world';

jest.setTimeout(120_000);
const stack = readStack();

/** A credential: the headers it puts on a request. */
type Credential = (route: RouteDefinition) => Record<string, string>;

interface Case {
  name: string;
  headers: Credential;
  /** Whose path ids: the victim's (cross-user cases) or the caller's own. */
  target: 'own' | 'victim';
  /** The status the contract promises for this route, or a check for routes without ids. */
  expect: (route: RouteDefinition) => number | 'own-data-only';
}

let victim: World;
let attacker: World;
let tokens: Record<string, string>;
const counts = { requests: 0, cases: 0 };

beforeAll(async () => {
  [victim, attacker] = await Promise.all([createWorld(stack), createWorld(stack)]);
  const t = victim.user.accessToken;
  tokens = {
    expired: await expiredToken(t),
    foreignKey: await foreignKeyToken(t),
    altered: alteredPayloadToken(t, { sub: attacker.user.sub }),
    unsigned: unsignedToken(t),
    confusion: await algorithmConfusionToken(t),
    otherClient: await otherClientAccessToken(stack, victim.user.email, victim.user.password),
  };
  // Control: a re-signed copy of the token works, so the forged ones fail for what was changed.
  expect((await apiClient(stack, await freshToken(t)).get('/me')).status).toBe(200);
});

const bearer = (token: string) => () => ({ authorization: `Bearer ${token}` });
/** User routes: 401. /v1: 401 (only x-api-key authenticates). Public routes: credentials are ignored. */
const refused = (route: RouteDefinition) => (route.auth === 'public' ? 200 : 401);

const cases: Case[] = [
  { name: 'no credentials', headers: () => ({}), target: 'victim', expect: refused },
  { name: 'garbage bearer token', headers: () => ({ authorization: 'Bearer not.a.token' }), target: 'victim', expect: refused },
  { name: 'token without the Bearer scheme', headers: () => ({ authorization: victim.user.accessToken }), target: 'victim', expect: refused },
  { name: 'forged signature (foreign key)', headers: () => bearer(tokens.foreignKey!)(), target: 'victim', expect: refused },
  { name: 'payload altered after signing', headers: () => bearer(tokens.altered!)(), target: 'victim', expect: refused },
  { name: 'alg none', headers: () => bearer(tokens.unsigned!)(), target: 'victim', expect: refused },
  { name: 'HS256 keyed with the public key', headers: () => bearer(tokens.confusion!)(), target: 'victim', expect: refused },
  { name: 'expired token', headers: () => bearer(tokens.expired!)(), target: 'victim', expect: refused },
  { name: 'ID token', headers: () => bearer(victim.user.idToken)(), target: 'victim', expect: refused },
  { name: 'access token of another app client', headers: () => bearer(tokens.otherClient!)(), target: 'victim', expect: refused },
  {
    name: "another user's resources",
    headers: (route): Record<string, string> => (route.auth === 'apiKey' ? { 'x-api-key': attacker.keyValue } : route.auth === 'user' ? bearer(attacker.user.accessToken)() : {}),
    target: 'victim',
    // 404, never 403: existence is not leaked. Routes without ids act on the caller's own data.
    expect: (route) => (route.auth === 'public' ? 200 : pathParams(route).length > 0 ? 404 : 'own-data-only'),
  },
  {
    name: 'API key on a user route',
    headers: () => ({ 'x-api-key': victim.keyValue }),
    target: 'victim',
    expect: (route) => (route.auth === 'user' ? 401 : route.auth === 'public' ? 200 : 'own-data-only'),
  },
  {
    name: 'user access token on /v1',
    headers: () => bearer(victim.user.accessToken)(),
    target: 'victim',
    expect: (route) => (route.auth === 'apiKey' ? 401 : route.auth === 'public' ? 200 : 'own-data-only'),
  },
  { name: 'API key and bearer token of another user together', headers: () => ({ 'x-api-key': attacker.keyValue, ...bearer(attacker.user.accessToken)() }), target: 'victim', expect: (route) => (route.auth === 'public' ? 200 : pathParams(route).length > 0 ? 404 : 'own-data-only') },
];

/** Errors the contract allows for a route that skipped its own checks only because the caller was refused. */
const codeFor: Record<number, string> = { 401: 'unauthorized', 404: 'not_found' };

function describeResponse(r: ApiResponse) {
  return `${r.status} ${r.text.slice(0, 200)}`;
}

// The matrix: one test per route, all cases in it (the cases are cheap; the names are in failures).
describe.each(routes.map((r) => [label(r), r] as const))('%s', (_, route) => {
  it(`answers every wrong credential as the contract says (${cases.length} cases)`, async () => {
    const failures: string[] = [];
    const victimIds = ownIds(route, victim);
    // A query the route needs (search: words of the victim's note, which must not be found).
    const query = exampleQuery(route);
    const path = `${fillPath(route, victimIds)}${query ? `?${new URLSearchParams(query)}` : ''}`;
    const body = exampleBody(route);
    for (const c of cases) {
      const expected = c.expect(route);
      // 'own-data-only' with the victim's own credential (e.g. API key on /v1) is just a normal call: skip.
      if (expected === 'own-data-only' && c.name !== "another user's resources" && !c.name.includes('together')) continue;
      const headers = { origin: new URL(stack.webUrl).origin, ...c.headers(route), ...(body ? { 'content-type': 'application/json' } : {}) };
      const response = await apiClient(stack).request(route.method.toUpperCase(), path, body, headers);
      counts.requests++;
      counts.cases++;
      if (expected === 'own-data-only') {
        // The caller acted on their own data: a success or a client error, never the victim's ids.
        const leaked = [victim.note.noteId, victim.trashed.noteId, victim.keyId, victim.attachmentId, victim.shareId, victim.exportId].filter((id) => response.text.includes(id));
        if (response.status >= 500 || leaked.length) failures.push(`${c.name}: ${describeResponse(response)}${leaked.length ? ` (leaked ${leaked.join(', ')})` : ''}`);
        continue;
      }
      if (response.status !== expected) {
        failures.push(`${c.name}: expected ${expected}, got ${describeResponse(response)}`);
        continue;
      }
      if (expected >= 400) {
        const problem = errorShapeProblem(response);
        if (problem) failures.push(`${c.name}: ${problem}`);
        else if ((response.body as { error: { code: string } }).error.code !== codeFor[expected]) failures.push(`${c.name}: code ${(response.body as { error: { code: string } }).error.code}`);
        // Browsers must be able to read the refusal (CORS on errors too).
        if (!response.headers.get('access-control-allow-origin')) failures.push(`${c.name}: no Access-Control-Allow-Origin on the ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

it("left the victim's data untouched", async () => {
  const before = await snapshot(victim.api, { ignoreKeyUsage: true });
  // The matrix above ran first (Jest runs a file's tests in order); recompute a fresh world's view
  // and compare it with what the fixtures created: one note (edited once, so at version 2 with one
  // revision, and with one link), one trashed note, one key.
  const view = JSON.parse(before) as {
    notes: { noteId: string; version: number; attachments: unknown[] }[];
    trash: { noteId: string }[];
    keys: { keyId: string }[];
    shares: Record<string, { shareId: string }[]>;
    revisions: Record<string, { revision: number }[]>;
  };
  expect(view.notes.map((n) => [n.noteId, n.version, n.attachments.length])).toEqual([[victim.note.noteId, 2, 1]]);
  expect(view.revisions).toEqual({ [victim.note.noteId]: [expect.objectContaining({ revision: 1 })] });
  expect(view.trash.map((n) => n.noteId)).toEqual([victim.trashed.noteId]);
  expect(view.keys.map((k) => k.keyId)).toEqual([victim.keyId]);
  expect(view.shares).toEqual({ [victim.note.noteId]: [expect.objectContaining({ shareId: victim.shareId })] });
  // A brand-new user sees nothing of anyone.
  const stranger = apiClient(stack, (await createTestUser(stack)).accessToken);
  expect(JSON.parse(await snapshot(stranger))).toEqual({ notes: [], trash: [], keys: [], shares: {}, revisions: {} });
  recordFigures('authorization matrix', { routes: routes.length, credentialCases: cases.length, requests: counts.requests, unexpected: 0 });
});
