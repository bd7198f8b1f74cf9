// The read-only developer API (/v1) against the local stack: x-api-key only, the key owner's notes
// only, no writes, revocation at once, and the daily quota (apiKeyDailyQuota, 100 on the dev
// stage) counted and enforced by our code with the same numbers GET /keys shows.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod/mini';
import { createdKeySchema, keyListSchema, type CreatedKey } from '@jotter/shared/keys';
import { noteListSchema, noteSchema, type Note } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';
import { awayFromUtcMidnight } from '@jotter/tools/testing/processes';
import { apiEvent } from '../../../bench/src/lib/events';
import { getStoredItem, putStoredItem } from '@jotter/tools/testing/table';
import { LOCAL_CREDENTIALS } from '@jotter/tools/stack/config';

// Room for the usage tests to wait out a UTC midnight (awayFromUtcMidnight).
jest.setTimeout(90_000);

const stack = readStack();
const anonymous = apiClient(stack);
/** The dev stage's params (services/api/serverless.yml apiKeyDailyQuota, v1UserDailyQuota). */
const dailyQuota = 100;
const userDailyQuota = 300;
const lambda = new LambdaClient({ region: stack.region, endpoint: stack.lambdaEndpoint, credentials: LOCAL_CREDENTIALS });
afterAll(() => lambda.destroy());

const today = () => new Date().toISOString().slice(0, 10);

function expectError(response: { status: number; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

async function createNote(api: ApiClient, title: string): Promise<Note> {
  const response = await api.post('/notes', { title, content: `${title} body` });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

async function createKey(api: ApiClient): Promise<CreatedKey> {
  const response = await api.post('/keys', { name: 'test key' });
  expect(response.status).toBe(201);
  return z.parse(createdKeySchema, response.body);
}

const v1 = (key: string, path: string) => anonymous.get(`/v1${path}`, { 'x-api-key': key });

async function usageOf(api: ApiClient, keyId: string) {
  const response = await api.get('/keys');
  expect(response.status).toBe(200);
  return z.parse(keyListSchema, response.body).items.find((k) => k.keyId === keyId);
}

let aliceUser: TestUser;
let alice: ApiClient;
let bob: ApiClient;
let aliceNotes: Note[];
let bobNote: Note;

beforeAll(async () => {
  [aliceUser] = await Promise.all([createTestUser(stack)]);
  alice = apiClient(stack, aliceUser.accessToken);
  bob = apiClient(stack, (await createTestUser(stack)).accessToken);
  aliceNotes = [await createNote(alice, 'alice 1'), await createNote(alice, 'alice 2')];
  bobNote = await createNote(bob, 'bob 1');
});

describe('GET /v1/notes with an API key', () => {
  it('returns the key owner’s notes, newest first, and nobody else’s', async () => {
    const key = await createKey(alice);
    const response = await v1(key.value, '/notes');
    expect(response.status).toBe(200);
    const page = z.parse(noteListSchema, response.body);
    expect(page.items.map((n) => n.noteId)).toEqual([aliceNotes[1]!.noteId, aliceNotes[0]!.noteId]);
    expect(page.nextCursor).toBeNull();
    // Same shape and content as the user route.
    expect(response.body).toEqual((await alice.get('/notes')).body);
  });

  it('pages with limit and cursor like /notes', async () => {
    const key = await createKey(alice);
    const first = z.parse(noteListSchema, (await v1(key.value, '/notes?limit=1')).body);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = z.parse(noteListSchema, (await v1(key.value, `/notes?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).body);
    expect(second.items.map((n) => n.noteId)).toEqual([aliceNotes[0]!.noteId]);
    expectError(await v1(key.value, '/notes?limit=0'), 400, 'validation_failed');
  });

  it('reads one of the owner’s notes; another user’s note is 404 not_found', async () => {
    const key = await createKey(alice);
    const own = await v1(key.value, `/notes/${aliceNotes[0]!.noteId}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(aliceNotes[0]);
    expectError(await v1(key.value, `/notes/${bobNote.noteId}`), 404, 'not_found');
    // And Bob's key sees Bob's note.
    const bobKey = await createKey(bob);
    expect((await v1(bobKey.value, `/notes/${bobNote.noteId}`)).body).toEqual(bobNote);
  });
});

describe('/v1 credentials', () => {
  it('refuses no key, a wrong key and a malformed key with 401 unauthorized', async () => {
    expectError(await anonymous.get('/v1/notes'), 401, 'unauthorized');
    expectError(await v1(`jot_${'A'.repeat(43)}`, '/notes'), 401, 'unauthorized');
    expectError(await v1('not-a-key', '/notes'), 401, 'unauthorized');
    expectError(await v1('', '/notes'), 401, 'unauthorized');
  });

  it('the gateway’s own 401 (authorizer denial) and 404 (no such route) carry a request id in x-request-id and error.requestId', async () => {
    for (const response of [await v1(`jot_${'B'.repeat(43)}`, '/notes'), await anonymous.get('/v1/nowhere', { 'x-api-key': `jot_${'B'.repeat(43)}` })]) {
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toEqual({ error: expect.objectContaining({ requestId: id }) });
    }
    const [a, b] = [await anonymous.get('/v1/notes'), await anonymous.get('/v1/notes')];
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it('refuses access and ID tokens (only x-api-key authenticates /v1)', async () => {
    expectError(await alice.get('/v1/notes'), 401, 'unauthorized');
    expectError(await apiClient(stack, aliceUser.idToken).get('/v1/notes'), 401, 'unauthorized');
  });

  it('refuses writes: POST/PUT/DELETE on /v1 are not routes (404 not_found)', async () => {
    const key = await createKey(alice);
    const headers = { 'x-api-key': key.value };
    expectError(await anonymous.post('/v1/notes', { title: 'x', content: 'y' }, headers), 404, 'not_found');
    expectError(await anonymous.put(`/v1/notes/${aliceNotes[0]!.noteId}`, { content: 'y', version: 1 }, headers), 404, 'not_found');
    expectError(await anonymous.delete(`/v1/notes/${aliceNotes[0]!.noteId}`, undefined, headers), 404, 'not_found');
    // Nothing changed.
    expect((await alice.get(`/notes/${aliceNotes[0]!.noteId}`)).body).toEqual(aliceNotes[0]);
  });

  it('stops accepting a revoked key on the very next request', async () => {
    const key = await createKey(alice);
    expect((await v1(key.value, '/notes')).status).toBe(200);
    expect((await alice.delete(`/keys/${key.keyId}`)).status).toBe(204);
    expectError(await v1(key.value, '/notes'), 401, 'unauthorized');
    expectError(await v1(key.value, `/notes/${aliceNotes[0]!.noteId}`), 401, 'unauthorized');
  });

  it('refuses a revoked key even when the authorizer still admits it (an index lagging behind, as on AWS)', async () => {
    const key = await createKey(alice);
    expect((await v1(key.value, '/notes')).status).toBe(200);
    expect((await alice.delete(`/keys/${key.keyId}`)).status).toBe(204);
    // What API Gateway would invoke the function with had the authorizer's byLookup Query still
    // found the key: its owner and key id in the authorizer context.
    const event = apiEvent({ method: 'GET', resource: '/v1/notes', authorizer: { sub: aliceUser.sub, keyId: key.keyId } });
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'jotter-api-dev-v1ListNotes', Payload: Buffer.from(JSON.stringify(event)) }));
    const response = JSON.parse(Buffer.from(result.Payload!).toString()) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
    // Refused before anything was written: the revoked key left no usage behind.
    const usage = await getStoredItem(stack, { pk: `USER#${aliceUser.sub}`, sk: `KEY#${key.keyId}#DAY#${today()}` });
    expect(usage?.requests?.N).toBe('1');
  });
});

describe('usage and the daily quota', () => {
  // Usage is counted per UTC day and month: both tests run away from a UTC midnight (a month end).
  it('counts each request in today’s and this month’s usage and sets lastUsedAt', async () => {
    await awayFromUtcMidnight();
    const key = await createKey(alice);
    const before = Date.now();
    for (let i = 0; i < 3; i++) expect((await v1(key.value, '/notes')).status).toBe(200);
    expect((await v1(key.value, `/notes/${aliceNotes[0]!.noteId}`)).status).toBe(200);
    // A request for a missing note still uses the quota, like any answered request.
    expect((await v1(key.value, `/notes/${bobNote.noteId}`)).status).toBe(404);
    const listed = await usageOf(alice, key.keyId);
    expect(listed?.usage).toEqual({ today: 5, month: 5 });
    expect(Date.parse(listed!.lastUsedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it(`answers 429 quota_exceeded with Retry-After after ${dailyQuota} requests in a day, counting exactly ${dailyQuota}`, async () => {
    await awayFromUtcMidnight();
    const key = await createKey(alice);
    // In parallel batches: the conditional counter must not let more than the quota through.
    const statuses: number[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const responses = await Promise.all(Array.from({ length: 20 }, () => v1(key.value, '/notes?limit=1')));
      statuses.push(...responses.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(dailyQuota);
    expect(statuses.filter((s) => s === 429)).toHaveLength(120 - dailyQuota);

    const refused = await v1(key.value, '/notes');
    expectError(refused, 429, 'quota_exceeded');
    const retryAfter = Number(refused.headers.get('retry-after'));
    const now = new Date();
    const toMidnight = (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
    expect(retryAfter).toBeGreaterThan(0);
    expect(Math.abs(retryAfter - toMidnight)).toBeLessThanOrEqual(5);

    // Refused requests are not counted; the numbers match the requests that were served.
    expect((await usageOf(alice, key.keyId))?.usage).toEqual({ today: dailyQuota, month: dailyQuota });
    // The per-key quota is per key: another key of the same user still works.
    const other = await createKey(alice);
    expect((await v1(other.value, '/notes')).status).toBe(200);
  });

  it(`counts all of a user's keys against ${userDailyQuota} requests per UTC day, which revoking and recreating keys does not reset`, async () => {
    await awayFromUtcMidnight();
    const user = await createTestUser(stack);
    const owner = apiClient(stack, user.accessToken);
    await createNote(owner, 'quota');
    const counter = { pk: `USER#${user.sub}`, sk: `QUOTA#v1Requests#${today()}` };
    const used = async () => Number((await getStoredItem(stack, counter))?.used?.N ?? 0);
    // The user's keys made all but one of today's requests (seeded: the limit is realistic).
    await putStoredItem(stack, counter, { type: { S: 'quota' }, used: { N: String(userDailyQuota - 1) } });

    const first = await createKey(owner);
    expect((await v1(first.value, '/notes')).status).toBe(200);
    expect(await used()).toBe(userDailyQuota);

    const refused = await v1(first.value, '/notes');
    expectError(refused, 429, 'quota_exceeded');
    expect(refused.body).toEqual({ error: expect.objectContaining({ quota: { name: 'v1Requests', limit: userDailyQuota, used: userDailyQuota } }) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Nothing written by the refused request: neither counter moved.
    expect(await used()).toBe(userDailyQuota);
    expect((await usageOf(owner, first.keyId))?.usage.today).toBe(1);

    // A new key (the old one revoked) is still the same user's.
    expect((await owner.delete(`/keys/${first.keyId}`)).status).toBe(204);
    const second = await createKey(owner);
    expectError(await v1(second.value, '/notes'), 429, 'quota_exceeded');
    expect((await usageOf(owner, second.keyId))?.usage.today).toBe(0);
  });
});
