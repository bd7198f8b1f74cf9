// Live sync against the local stack: serverless-offline's WebSocket API, the table's stream
// forwarded with AWS's record shape, the fan-out posting through the management API.
import { randomUUID } from 'node:crypto';
import { noteSchema, type Note } from '@jotter/shared/notes';
import type { LiveEvent } from '@jotter/shared/live';
import { connectionKeys } from '@jotter/shared/server/keys';
import * as z from 'zod/mini';
import { apiClient, type ApiClient } from '../../../tools/src/testing/api';
import { openLive, type LiveClient } from '../../../tools/src/testing/live';
import { readStack } from '../../../tools/src/testing/stack';
import { getStoredItem, putStoredItem, queryStoredItems } from '../../../tools/src/testing/table';
import { expiredToken, foreignKeyToken } from '../../../tools/src/testing/tokens';
import { createTestUser, type TestUser } from '../../../tools/src/testing/users';

jest.setTimeout(120_000);

const stack = readStack();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const connectionItems = (sub: string, connectionId: string) =>
  Promise.all([
    getStoredItem(stack, { pk: connectionKeys.pk(sub), sk: connectionKeys.sk(connectionId) }),
    getStoredItem(stack, { pk: connectionKeys.byIdPk(connectionId), sk: connectionKeys.byIdSk }),
  ]);

async function createNote(api: ApiClient, title: string): Promise<Note> {
  const response = await api.post('/notes', { title, content: 'body' });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

/**
 * Ten notes, each: created, edited six times, trashed, restored, edited once more: 100 writes.
 * The notes go in parallel, each note's writes one after another.
 */
async function hundredWrites(api: ApiClient): Promise<Map<string, LiveEvent['type'][]>> {
  const expected = new Map<string, LiveEvent['type'][]>();
  await Promise.all(
    Array.from({ length: 10 }, async (_, i) => {
      let note = await createNote(api, `Live ${i}`);
      const edit = async (n: number) => {
        const response = await api.put(`/notes/${note.noteId}`, { title: `Live ${i}.${n}`, content: `edit ${n}`, version: note.version });
        expect(response.status).toBe(200);
        note = z.parse(noteSchema, response.body);
      };
      for (let n = 0; n < 6; n++) await edit(n);
      expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
      const restored = await api.post(`/trash/${note.noteId}/restore`);
      expect(restored.status).toBe(200);
      note = z.parse(noteSchema, restored.body);
      await edit(6);
      expected.set(note.noteId, ['note.created', ...Array<LiveEvent['type']>(6).fill('note.updated'), 'note.deleted', 'note.restored', 'note.updated']);
    }),
  );
  return expected;
}

describe('live sync', () => {
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([createTestUser(stack), createTestUser(stack)]);
  });

  it("delivers each user's note events, in order per note, to every connection of that user only", async () => {
    const connections = { alice: await Promise.all([openLive(stack, alice.accessToken), openLive(stack, alice.accessToken)]), bob: await Promise.all([openLive(stack, bob.accessToken), openLive(stack, bob.accessToken)]) };
    const [aliceExpected, bobExpected] = await Promise.all([hundredWrites(apiClient(stack, alice.accessToken)), hundredWrites(apiClient(stack, bob.accessToken))]);
    const check = async (clients: LiveClient[], expected: Map<string, LiveEvent['type'][]>) => {
      for (const client of clients) {
        await client.waitForEvents(100);
        await sleep(300); // nothing more may come
        expect(client.events).toHaveLength(100);
        for (const [noteId, types] of expected) {
          const ofNote = client.events.filter((event) => event.noteId === noteId);
          expect(ofNote.map((event) => event.type)).toEqual(types);
          const versions = ofNote.map((event) => event.version);
          expect(versions).toEqual([...versions].sort((a, b) => a - b));
        }
      }
    };
    await check(connections.alice, aliceExpected);
    await check(connections.bob, bobExpected);
    await Promise.all([...connections.alice, ...connections.bob].map((client) => client.close()));
  });

  it('refuses a connection without a token, with a forged one or with an expired one', async () => {
    await expect(openLive(stack, undefined)).rejects.toThrow('refused: 401');
    await expect(openLive(stack, 'not-a-token')).rejects.toThrow('refused: 401');
    await expect(openLive(stack, await foreignKeyToken(alice.accessToken))).rejects.toThrow('refused: 401');
    await expect(openLive(stack, await expiredToken(alice.accessToken))).rejects.toThrow('refused: 401');
    // The control: the same helper with the real token connects.
    await (await openLive(stack, alice.accessToken)).close();
  });

  it("removes a closed connection's items", async () => {
    const client = await openLive(stack, alice.accessToken);
    const api = apiClient(stack, alice.accessToken);
    await createNote(api, 'Find my connection');
    await client.waitForEvents(1);
    const { sub } = alice;
    // The connection id is not told to the client: find it through the item the fan-out reads.
    const items = await queryStoredItems(stack, connectionKeys.pk(sub), connectionKeys.prefix);
    expect(items).toHaveLength(1);
    const connectionId = String(items[0]!.connectionId!.S);
    expect((await connectionItems(sub, connectionId)).every(Boolean)).toBe(true);
    await client.close();
    await eventually(async () => (await connectionItems(sub, connectionId)).every((item) => item === undefined), 'both items removed');
  });

  it('removes a connection the WebSocket API no longer knows (410) on the next event', async () => {
    const { sub } = bob;
    const connectionId = `gone-${randomUUID()}`;
    const expiresAt = { N: String(Math.floor(Date.now() / 1000) + 3600) };
    await putStoredItem(stack, { pk: connectionKeys.pk(sub), sk: connectionKeys.sk(connectionId) }, { type: { S: 'connection' }, connectionId: { S: connectionId }, tokenExp: expiresAt, expiresAt });
    await putStoredItem(stack, { pk: connectionKeys.byIdPk(connectionId), sk: connectionKeys.byIdSk }, { type: { S: 'connection' }, ownerId: { S: sub }, expiresAt });
    await createNote(apiClient(stack, bob.accessToken), 'Wake the fan-out');
    await eventually(async () => (await connectionItems(sub, connectionId)).every((item) => item === undefined), 'the gone connection removed');
  });

  it('closes a connection that sends more than a few messages a second, and keeps one that pings', async () => {
    const calm = await openLive(stack, alice.accessToken);
    const noisy = await openLive(stack, alice.accessToken);
    calm.send('ping');
    for (let i = 0; i < 20; i++) noisy.send('ping');
    await expect(Promise.race([noisy.closed, sleep(5_000).then(() => 'still open')])).resolves.toEqual({ code: expect.any(Number) });
    const stillOpen = await Promise.race([calm.closed.then(() => 'closed'), sleep(500).then(() => 'open')]);
    expect(stillOpen).toBe('open');
    await calm.close();
  });
});
