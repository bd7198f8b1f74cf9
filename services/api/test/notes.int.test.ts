// The notes and trash routes of the REST contract (packages/shared/src/contract) against the local stack.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { noteListSchema, noteSchema, type Note, type NoteList } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiResponse } from '@jotter/tools/testing/api';
import { getStoredItem, putStoredItem } from '@jotter/tools/testing/table';

const stack = readStack();
type Api = ReturnType<typeof apiClient>;

let alice: Api;
let bob: Api;
let aliceUser: TestUser;

beforeAll(async () => {
  [aliceUser] = await Promise.all([createTestUser(stack)]);
  const bobUser = await createTestUser(stack);
  alice = apiClient(stack, aliceUser.accessToken);
  bob = apiClient(stack, bobUser.accessToken);
});

async function createNote(api: Api, title = 'A note', content = 'Some text'): Promise<Note> {
  const response = await api.post('/notes', { title, content });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

/** Every note of the user's list (or trash), following cursors. */
async function listAll(api: Api, path = '/notes', limit = 100): Promise<Note[]> {
  const items: Note[] = [];
  let cursor: string | null = null;
  do {
    const response: ApiResponse = await api.get(`${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page: NoteList = z.parse(noteListSchema, response.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function expectError(response: { status: number; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

function detailPaths(response: { body: unknown }): string[] {
  return ((response.body as { error: { details?: { path: string }[] } }).error.details ?? []).map((d) => d.path).sort();
}

describe('creating and reading notes', () => {
  it('creates a note (201) and reads it back', async () => {
    const note = await createNote(alice, 'Groceries', 'Milk, eggs');
    expect(note).toMatchObject({ title: 'Groceries', content: 'Milk, eggs', version: 1, attachments: [] });
    expect(note.createdAt).toBe(note.updatedAt);
    const read = await alice.get(`/notes/${note.noteId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(note);
  });

  it('accepts an empty body text and the exact limits', async () => {
    const note = await createNote(alice, 'x'.repeat(200), '');
    expect(note.content).toBe('');
    const long = await createNote(alice, 'Long', 'é'.repeat(100_000));
    expect(long.content).toHaveLength(100_000);
  });

  it('answers 404 not_found for a note that does not exist', async () => {
    expectError(await alice.get('/notes/3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11'), 404, 'not_found');
  });
});

describe('listing', () => {
  it('pages through 46 notes with limit=20: each exactly once, newest updatedAt first', async () => {
    const user = apiClient(stack, (await createTestUser(stack)).accessToken);
    const created: Note[] = [];
    for (let i = 0; i < 46; i++) created.push(await createNote(user, `Note ${i}`, `Body ${i}`));

    const pages: Note[][] = [];
    let cursor: string | null = null;
    do {
      const response: ApiResponse = await user.get(`/notes?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      const page: NoteList = z.parse(noteListSchema, response.body);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(pages.map((p) => p.length)).toEqual([20, 20, 6]);
    const ids = pages.flat().map((n) => n.noteId);
    expect(new Set(ids).size).toBe(46);
    expect(ids).toEqual([...created].reverse().map((n) => n.noteId));
    const times = pages.flat().map((n) => n.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('moves an edited note to the top', async () => {
    const user = apiClient(stack, (await createTestUser(stack)).accessToken);
    const first = await createNote(user, 'first');
    await createNote(user, 'second');
    await user.put(`/notes/${first.noteId}`, { content: 'edited', version: 1 });
    expect((await listAll(user)).map((n) => n.title)).toEqual(['first', 'second']);
  });

  it('defaults to 20 items and an empty list has no cursor', async () => {
    const user = apiClient(stack, (await createTestUser(stack)).accessToken);
    const empty = await user.get('/notes');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([['0'], ['101'], ['-1'], ['abc'], ['1.5'], ['']])('refuses limit=%s with validation_failed', async (limit) => {
    const response = await alice.get(`/notes?limit=${limit}`);
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).toEqual(['query.limit']);
  });

  it('refuses unknown query parameters', async () => {
    const response = await alice.get('/notes?sort=asc');
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).toEqual(['query.sort']);
  });

  it('refuses a tampered or foreign cursor with 400, never another user’s data', async () => {
    for (let i = 0; i < 3; i++) await createNote(bob, `bob ${i}`);
    const bobPage = z.parse(noteListSchema, (await bob.get('/notes?limit=1')).body);
    expect(bobPage.nextCursor).toEqual(expect.any(String));

    // Bob's cursor used by Alice.
    expectError(await alice.get(`/notes?cursor=${encodeURIComponent(bobPage.nextCursor!)}`), 400, 'invalid_cursor');
    // A cursor edited to point into Bob's partition while keeping Alice's list key.
    const decoded = JSON.parse(Buffer.from(bobPage.nextCursor!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, gsi1pk: decoded.gsi1pk.replace(/^USER#[^#]+/, `USER#${aliceUser.sub}`) })).toString('base64url');
    expectError(await alice.get(`/notes?cursor=${forged}`), 400, 'invalid_cursor');
    for (const junk of ['abc', 'e30', Buffer.from('[1,2]').toString('base64url'), '%00%ff', 'x'.repeat(2000)]) {
      expectError(await alice.get(`/notes?cursor=${junk}`), 400, 'invalid_cursor');
    }
    // A trash cursor is not a notes cursor.
    expectError(await bob.get(`/trash?cursor=${encodeURIComponent(bobPage.nextCursor!)}`), 400, 'invalid_cursor');
  });
});

describe('updating', () => {
  it('updates title and content and bumps the version', async () => {
    const note = await createNote(alice);
    const response = await alice.put(`/notes/${note.noteId}`, { title: 'Renamed', version: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'Renamed', content: note.content, version: 2 });
    const again = await alice.put(`/notes/${note.noteId}`, { content: 'New body', version: 2 });
    expect(again.body).toMatchObject({ title: 'Renamed', content: 'New body', version: 3 });
  });

  it('refuses a stale version with 409 version_conflict and changes nothing', async () => {
    const note = await createNote(alice, 'v1', 'original');
    await alice.put(`/notes/${note.noteId}`, { content: 'second', version: 1 });
    const stale = await alice.put(`/notes/${note.noteId}`, { content: 'lost?', version: 1 });
    expectError(stale, 409, 'version_conflict');
    expect((await alice.get(`/notes/${note.noteId}`)).body).toMatchObject({ content: 'second', version: 2 });
  });

  it('lets exactly one of 20 concurrent writers with the same version win', async () => {
    const note = await createNote(alice, 'race', 'start');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => alice.put(`/notes/${note.noteId}`, { content: `writer ${i}`, version: 1 })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const winner = responses.find((r) => r.status === 200)!.body as Note;
    const stored = (await alice.get(`/notes/${note.noteId}`)).body as Note;
    expect(stored).toMatchObject({ version: 2, content: winner.content });
  });
});

describe('ownership', () => {
  it('hides one user’s notes from another (404, never 403) and leaves them untouched', async () => {
    const note = await createNote(alice, 'private', 'secret');
    expectError(await bob.get(`/notes/${note.noteId}`), 404, 'not_found');
    expectError(await bob.put(`/notes/${note.noteId}`, { content: 'hacked', version: 1 }), 404, 'not_found');
    expectError(await bob.delete(`/notes/${note.noteId}`), 404, 'not_found');
    expectError(await bob.post(`/trash/${note.noteId}/restore`), 404, 'not_found');
    expectError(await bob.delete(`/trash/${note.noteId}`), 404, 'not_found');
    expect((await listAll(bob)).map((n) => n.noteId)).not.toContain(note.noteId);
    expect((await alice.get(`/notes/${note.noteId}`)).body).toEqual(note);
  });
});

describe('trash', () => {
  it('deletes to the trash, restores, and deletes forever', async () => {
    const note = await createNote(alice, 'to trash');
    const deleted = await alice.delete(`/notes/${note.noteId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectError(await alice.get(`/notes/${note.noteId}`), 404, 'not_found');
    expect((await listAll(alice)).map((n) => n.noteId)).not.toContain(note.noteId);
    const trashed = (await listAll(alice, '/trash')).find((n) => n.noteId === note.noteId);
    expect(trashed?.deletedAt).toEqual(expect.any(String));
    expectError(await alice.delete(`/notes/${note.noteId}`), 404, 'not_found');

    const restored = await alice.post(`/trash/${note.noteId}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ noteId: note.noteId, title: 'to trash' });
    expect((restored.body as Note).deletedAt).toBeUndefined();
    expect((await listAll(alice))[0]?.noteId).toBe(note.noteId);
    expectError(await alice.post(`/trash/${note.noteId}/restore`), 404, 'not_found');

    // Only trashed notes can be deleted for good.
    expectError(await alice.delete(`/trash/${note.noteId}`), 404, 'not_found');
    await alice.delete(`/notes/${note.noteId}`);
    expect((await alice.delete(`/trash/${note.noteId}`)).status).toBe(204);
    expect((await listAll(alice, '/trash')).map((n) => n.noteId)).not.toContain(note.noteId);
    expectError(await alice.get(`/notes/${note.noteId}`), 404, 'not_found');
    expectError(await alice.post(`/trash/${note.noteId}/restore`), 404, 'not_found');
  });
});

describe('the notes quota (noteQuota: 10,000 per account, the trash included)', () => {
  const limit = 10_000;

  it('refuses the note past the limit with 409 limit_exceeded, writing nothing; deleting one forever makes room', async () => {
    const owner = await createTestUser(stack);
    const user = apiClient(stack, owner.accessToken);
    const counter = { pk: `USER#${owner.sub}`, sk: 'QUOTA#notes' };
    const used = async () => (await getStoredItem(stack, counter))?.used?.N;
    const first = await createNote(user, 'first');
    expect(await used()).toBe('1');
    // Seeded: the account holds all but one of its notes (a realistic limit, no stage of its own).
    await putStoredItem(stack, counter, { type: { S: 'quota' }, used: { N: String(limit - 1) } });
    const last = await createNote(user, 'the last one');
    expect(await used()).toBe(String(limit));

    const refused = await user.post('/notes', { title: 'one too many', content: '' });
    expectError(refused, 409, 'limit_exceeded');
    expect(refused.body).toEqual({ error: expect.objectContaining({ quota: { name: 'notes', limit, used: limit } }) });
    const ownId = randomUUID();
    expectError(await user.put(`/notes/${ownId}`, { title: 'mine', content: '', tags: ['t'] }), 409, 'limit_exceeded');
    expectError(await user.get(`/notes/${ownId}`), 404, 'not_found');
    expect((await listAll(user)).map((n) => n.noteId).sort()).toEqual([first.noteId, last.noteId].sort());
    expect((await user.get('/tags')).body).toEqual({ items: [] });
    expect(await used()).toBe(String(limit));

    // A trashed note still counts; deleted forever, it gives its place back.
    expect((await user.delete(`/notes/${first.noteId}`)).status).toBe(204);
    expectError(await user.post('/notes', { title: 'still too many', content: '' }), 409, 'limit_exceeded');
    expect((await user.delete(`/trash/${first.noteId}`)).status).toBe(204);
    expect(await used()).toBe(String(limit - 1));
    await createNote(user, 'room again');
    expect(await used()).toBe(String(limit));
  });

  it('lets exactly the notes that fit through when 20 are created at once', async () => {
    const owner = await createTestUser(stack);
    const user = apiClient(stack, owner.accessToken);
    const counter = { pk: `USER#${owner.sub}`, sk: 'QUOTA#notes' };
    await putStoredItem(stack, counter, { type: { S: 'quota' }, used: { N: String(limit - 5) } });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => user.post('/notes', { title: `parallel ${i}`, content: '' })));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
    expect(await listAll(user)).toHaveLength(5);
    expect((await getStoredItem(stack, counter))?.used?.N).toBe(String(limit));
  });
});

describe('bad input is a clear 4xx and writes nothing', () => {
  let user: Api;
  let note: Note;
  beforeAll(async () => {
    user = apiClient(stack, (await createTestUser(stack)).accessToken);
    note = await createNote(user, 'keep', 'unchanged');
  });

  const snapshot = async () => JSON.stringify([await listAll(user), await listAll(user, '/trash')]);

  it.each<[string, unknown, string[]]>([
    ['missing fields', {}, ['body.content', 'body.title']],
    ['wrong types', { title: 5, content: ['x'] }, ['body.content', 'body.title']],
    ['an empty title', { title: '   ', content: '' }, ['body.title']],
    ['an over-long title', { title: 'x'.repeat(201), content: '' }, ['body.title']],
    ['over-long content', { title: 't', content: 'x'.repeat(100_001) }, ['body.content']],
    ['unknown fields', { title: 't', content: 'c', colour: 'red' }, ['body.colour']],
    ['a prototype-pollution key', JSON.parse('{"title":"t","content":"c","__proto__":{"admin":true}}'), ['body.__proto__']],
    ['an array body', [], ['body']],
    ['a null body', null, ['body']],
  ])('POST /notes with %s → 400 naming the fields', async (_, body, paths) => {
    const before = await snapshot();
    const response = await user.post('/notes', body);
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).toEqual(paths);
    expect(await snapshot()).toBe(before);
  });

  it.each<[string, unknown, string[]]>([
    ['no version', { title: 'x' }, ['body.version']],
    ['a fractional version', { title: 'x', version: 1.5 }, ['body.version']],
    ['a string version', { title: 'x', version: '1' }, ['body.version']],
    ['a null title', { title: null, version: 1 }, ['body.title']],
    ['unknown fields', { version: 1, owner: 'me' }, ['body.owner']],
  ])('PUT /notes/{id} with %s → 400 naming the fields', async (_, body, paths) => {
    const before = await snapshot();
    const response = await user.put(`/notes/${note.noteId}`, body);
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).toEqual(paths);
    expect(await snapshot()).toBe(before);
  });

  it('refuses invalid JSON', async () => {
    const before = await snapshot();
    const response = await user.post('/notes', '{"title": "x",', { 'Content-Type': 'application/json' });
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).toEqual(['body']);
    expect(await snapshot()).toBe(before);
  });

  it.each([['not-a-uuid'], ['1'], ['3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e1']])('refuses the note id %s with 400', async (id) => {
    for (const response of [
      await user.get(`/notes/${id}`),
      await user.put(`/notes/${id}`, { version: 1 }),
      await user.delete(`/notes/${id}`),
      await user.post(`/trash/${id}/restore`),
      await user.delete(`/trash/${id}`),
    ]) {
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).toEqual(['params.noteId']);
    }
  });

  it('refuses a body over the limit with 413 and the error body', async () => {
    const before = await snapshot();
    const response = await user.post('/notes', { title: 'big', content: 'x'.repeat(1_100_000) });
    expectError(response, 413, 'payload_too_large');
    expect(await snapshot()).toBe(before);
  });
});
