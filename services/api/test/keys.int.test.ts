// API keys (/keys) against the local stack: created with a value shown once, listed without it,
// at most 10 per user even when requested in parallel, at most keyCreationDailyQuota created per
// user and UTC day, revoked at once.
import * as z from 'zod/mini';
import { createdKeySchema, keyListSchema, type CreatedKey } from '@jotter/shared/keys';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';
import { awayFromUtcMidnight } from '@jotter/tools/testing/processes';
import { getStoredItem, putStoredItem } from '@jotter/tools/testing/table';

const stack = readStack();

const newUser = async () => apiClient(stack, (await createTestUser(stack)).accessToken);

function expectError(response: { status: number; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

async function createKey(api: ApiClient, name = 'my script'): Promise<CreatedKey> {
  const response = await api.post('/keys', { name });
  expect(response.status).toBe(201);
  return z.parse(createdKeySchema, response.body);
}

async function listKeys(api: ApiClient) {
  const response = await api.get('/keys');
  expect(response.status).toBe(200);
  return z.parse(keyListSchema, response.body).items;
}

describe('POST /keys', () => {
  it('creates a key: 201 with a jot_ value, listed without the value', async () => {
    const user = await newUser();
    const key = await createKey(user, '  Reading list sync  ');
    expect(key.name).toBe('Reading list sync');
    expect(key.value).toMatch(/^jot_[A-Za-z0-9_-]{43}$/);
    const items = await listKeys(user);
    expect(items).toEqual([{ keyId: key.keyId, name: key.name, createdAt: key.createdAt, lastUsedAt: null, usage: { today: 0, month: 0 } }]);
    expect(JSON.stringify(items)).not.toContain(key.value);
  });

  it('stores only the SHA-256 of the value', async () => {
    const { createHash } = await import('node:crypto');
    const owner = await createTestUser(stack);
    const key = await createKey(apiClient(stack, owner.accessToken));
    const Item = await getStoredItem(stack, { pk: `USER#${owner.sub}`, sk: `KEY#${key.keyId}` });
    expect(Item?.gsi2pk?.S).toBe(`APIKEY#${createHash('sha256').update(key.value).digest('hex')}`);
    expect(JSON.stringify(Item)).not.toContain(key.value);
  });

  it.each([[{}], [{ name: '' }], [{ name: '   ' }], [{ name: 'x'.repeat(101) }], [{ name: 'ok', extra: 1 }]])(
    'refuses %j with validation_failed',
    async (body) => {
      const user = await newUser();
      expectError(await user.post('/keys', body), 400, 'validation_failed');
    },
  );

  it('allows 10 keys per user, also when 12 are requested at once (409 limit_exceeded for the rest)', async () => {
    const user = await newUser();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => user.post('/keys', { name: `key ${i}` })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    for (const r of responses.filter((r) => r.status !== 201)) expectError(r, 409, 'limit_exceeded');
    expect(await listKeys(user)).toHaveLength(10);

    // Revoking one frees a slot, exactly one.
    const [first] = await listKeys(user);
    expect((await user.delete(`/keys/${first!.keyId}`)).status).toBe(204);
    await createKey(user, 'replacement');
    expectError(await user.post('/keys', { name: 'one too many' }), 409, 'limit_exceeded');
  });

  it('allows keyCreationDailyQuota (50) creations per user and UTC day, revoked keys included: 429 quota_exceeded beyond, writing nothing', async () => {
    await awayFromUtcMidnight();
    const limit = 50;
    const owner = await createTestUser(stack);
    const user = apiClient(stack, owner.accessToken);
    const counter = { pk: `USER#${owner.sub}`, sk: `QUOTA#keyCreations#${new Date().toISOString().slice(0, 10)}` };
    // Seeded: the user already created (and revoked) all but one of today's keys.
    await putStoredItem(stack, counter, { type: { S: 'quota' }, used: { N: String(limit - 1) } });
    await createKey(user, 'last one today');
    const refused = await user.post('/keys', { name: 'one too many today' });
    expectError(refused, 429, 'quota_exceeded');
    expect(refused.body).toEqual({ error: expect.objectContaining({ quota: { name: 'keyCreations', limit, used: limit } }) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await listKeys(user)).map((k) => k.name)).toEqual(['last one today']);
    expect((await getStoredItem(stack, { pk: counter.pk, sk: 'KEYS' }))?.keyCount?.N).toBe('1');
    expect((await getStoredItem(stack, counter))?.used?.N).toBe(String(limit));
  });

  it('requires a signed-in user (an API key is not a user credential)', async () => {
    const user = await newUser();
    const key = await createKey(user);
    expectError(await apiClient(stack).get('/keys'), 401, 'unauthorized');
    expectError(await apiClient(stack).get('/keys', { 'x-api-key': key.value }), 401, 'unauthorized');
    expectError(await apiClient(stack).get('/notes', { 'x-api-key': key.value }), 401, 'unauthorized');
    expectError(await apiClient(stack).post('/keys', { name: 'x' }, { 'x-api-key': key.value }), 401, 'unauthorized');
  });
});

describe('GET /keys and DELETE /keys/{keyId}', () => {
  it('lists only the caller’s keys, newest first', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const a1 = await createKey(alice, 'first');
    const a2 = await createKey(alice, 'second');
    await createKey(bob, 'bob’s');
    expect((await listKeys(alice)).map((k) => k.keyId)).toEqual([a2.keyId, a1.keyId]);
  });

  it('revokes a key (204), then 404 not_found; another user cannot revoke it', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const key = await createKey(alice);
    expectError(await bob.delete(`/keys/${key.keyId}`), 404, 'not_found');
    expect(await listKeys(alice)).toHaveLength(1);
    const revoked = await alice.delete(`/keys/${key.keyId}`);
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    expect(await listKeys(alice)).toEqual([]);
    expectError(await alice.delete(`/keys/${key.keyId}`), 404, 'not_found');
    expectError(await alice.delete('/keys/not-a-uuid'), 400, 'validation_failed');
  });
});
