// A note's history against the local stack: a save keeps the text it replaces, coalesced to one
// revision per window of autosave (the window is passed by moving the note's `lastRevisionAt`
// back, as time would), always before an overwrite after a conflict and before a restore; a
// restore is a new version; another user's note and unknown revisions are 404; deleting the note
// forever deletes its revisions.
import { DynamoDBClient, GetItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod/mini';
import { noteSchema, type Note } from '@jotter/shared/notes';
import { revisionLimits, revisionListSchema, revisionPreviewLength, revisionSchema } from '@jotter/shared/revisions';
import { readStack } from '../../../tools/src/testing/stack';
import { createTestUser } from '../../../tools/src/testing/users';
import { apiClient, type ApiClient } from '../../../tools/src/testing/api';

const stack = readStack();
const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

let api: ApiClient;
let sub: string;

beforeAll(async () => {
  const user = await createTestUser(stack);
  sub = user.sub;
  api = apiClient(stack, user.accessToken);
});
afterAll(() => dynamodb.destroy());

const noteKey = (noteId: string) => ({ pk: { S: `USER#${sub}` }, sk: { S: `NOTE#${noteId}` } });

async function newNote(content = 'one'): Promise<Note> {
  const response = await api.post('/notes', { title: 'History', content });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

async function edit(note: Note, content: string, query = ''): Promise<Note> {
  const response = await api.put(`/notes/${note.noteId}${query}`, { content, version: note.version });
  expect(response.status).toBe(200);
  return z.parse(noteSchema, response.body);
}

async function revisions(noteId: string, query = '') {
  const response = await api.get(`/notes/${noteId}/revisions${query}`);
  expect(response.status).toBe(200);
  return z.parse(revisionListSchema, response.body);
}

/** As if the coalescing window had passed since the note's last revision. */
async function windowPasses(noteId: string) {
  const before = new Date(Date.now() - (revisionLimits.coalesceMinutes * 60 + 1) * 1000).toISOString();
  await dynamodb.send(new UpdateItemCommand({ TableName: stack.tableName, Key: noteKey(noteId), UpdateExpression: 'SET lastRevisionAt = :t', ExpressionAttributeValues: { ':t': { S: before } } }));
}

describe('keeping revisions', () => {
  it('keeps the first text, then at most one revision per window of autosave', async () => {
    let note = await newNote('one');
    note = await edit(note, 'two');
    note = await edit(note, 'three');
    note = await edit(note, 'four');
    expect((await revisions(note.noteId)).items.map((r) => [r.revision, r.contentPreview])).toEqual([[1, 'one']]);

    await windowPasses(note.noteId);
    note = await edit(note, 'five');
    note = await edit(note, 'six');
    const list = await revisions(note.noteId);
    expect(list.items.map((r) => [r.revision, r.contentPreview])).toEqual([
      [4, 'four'],
      [1, 'one'],
    ]);
    expect(list.nextCursor).toBeNull();
    expect(list.items[0]!.title).toBe('History');
  });

  it('always keeps the replaced text before an overwrite after a conflict', async () => {
    let note = await newNote('base');
    note = await edit(note, 'theirs');
    const stale = await api.put(`/notes/${note.noteId}`, { content: 'mine', version: 1 });
    expect(stale.status).toBe(409);
    note = await edit(note, 'mine', '?overwrite=true');
    expect((await revisions(note.noteId)).items.map((r) => r.contentPreview)).toEqual(['theirs', 'base']);
    expect((await api.put(`/notes/${note.noteId}?overwrite=maybe`, { content: 'x', version: note.version })).status).toBe(400);
  });

  it('pages newest first and refuses a foreign cursor', async () => {
    let note = await newNote('r1');
    for (const content of ['r2', 'r3', 'r4']) note = await edit(note, content, '?overwrite=true');
    const first = await revisions(note.noteId, '?limit=2');
    expect(first.items.map((r) => r.revision)).toEqual([3, 2]);
    const second = await revisions(note.noteId, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((r) => r.revision)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    const bad = await api.get(`/notes/${note.noteId}/revisions?cursor=bm90LWEtcmV2aXNpb24`);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('invalid_cursor');
  });

  it(`keeps only the last ${revisionLimits.maxPerNote}, deleting the oldest in the same write`, async () => {
    let note = await newNote('v1');
    for (let i = 2; i <= revisionLimits.maxPerNote + 2; i++) note = await edit(note, `v${i}`, '?overwrite=true');
    const list = await revisions(note.noteId, '?limit=100');
    expect(list.items).toHaveLength(revisionLimits.maxPerNote);
    expect(list.items.at(-1)!.revision).toBe(2);
    expect((await api.get(`/notes/${note.noteId}/revisions/1`)).status).toBe(404);
    const stored = await dynamodb.send(new GetItemCommand({ TableName: stack.tableName, Key: noteKey(note.noteId) }));
    expect(unmarshall(stored.Item!).revisions).toHaveLength(revisionLimits.maxPerNote);
  });
});

describe('reading and restoring', () => {
  it('reads a revision in full, and restores it as a new version, keeping the text it replaces', async () => {
    const long = `# Plan\n\n${'x'.repeat(300)}`;
    let note = await newNote(long);
    note = await edit(note, 'short');
    const listed = (await revisions(note.noteId)).items[0]!;
    expect(listed.contentPreview).toHaveLength(revisionPreviewLength);

    const read = await api.get(`/notes/${note.noteId}/revisions/1`);
    expect(read.status).toBe(200);
    expect(z.parse(revisionSchema, read.body)).toEqual({ revision: 1, title: 'History', content: long, createdAt: listed.createdAt });

    const restored = await api.post(`/notes/${note.noteId}/revisions/1/restore`, { version: note.version });
    expect(restored.status).toBe(200);
    const after = z.parse(noteSchema, restored.body);
    expect(after).toMatchObject({ content: long, version: 3 });
    expect((await api.get(`/notes/${note.noteId}`)).body).toMatchObject({ content: long, version: 3 });
    // History is not rewritten: revision 1 is still there, and the replaced text is revision 2.
    expect((await revisions(note.noteId)).items.map((r) => [r.revision, r.contentPreview])).toEqual([
      [2, 'short'],
      [1, long.slice(0, revisionPreviewLength)],
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    let note = await newNote('a');
    note = await edit(note, 'b');
    const response = await api.post(`/notes/${note.noteId}/revisions/1/restore`, { version: 1 });
    expect(response.status).toBe(409);
    expect((response.body as { error: { code: string } }).error.code).toBe('version_conflict');
    expect((await api.get(`/notes/${note.noteId}`)).body).toMatchObject({ content: 'b', version: 2 });
    expect((await revisions(note.noteId)).items).toHaveLength(1);
  });

  it("answers 404 for an unknown revision, another user's note and a note in the trash", async () => {
    let note = await newNote('a');
    note = await edit(note, 'b');
    expect((await api.get(`/notes/${note.noteId}/revisions/9`)).status).toBe(404);
    expect((await api.post(`/notes/${note.noteId}/revisions/9/restore`, { version: note.version })).status).toBe(404);

    const other = apiClient(stack, (await createTestUser(stack)).accessToken);
    expect((await other.get(`/notes/${note.noteId}/revisions`)).status).toBe(404);
    expect((await other.get(`/notes/${note.noteId}/revisions/1`)).status).toBe(404);
    expect((await other.post(`/notes/${note.noteId}/revisions/1/restore`, { version: note.version })).status).toBe(404);

    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await api.get(`/notes/${note.noteId}/revisions`)).status).toBe(404);
    expect((await api.get(`/notes/${note.noteId}/revisions/1`)).status).toBe(404);
  });

  it('deletes the revisions with the note when it is deleted forever', async () => {
    let note = await newNote('a');
    note = await edit(note, 'b', '?overwrite=true');
    note = await edit(note, 'c', '?overwrite=true');
    const stored = () =>
      dynamodb.send(
        new QueryCommand({
          TableName: stack.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': { S: `USER#${sub}` }, ':prefix': { S: `REV#${note.noteId}#` } },
        }),
      );
    expect((await stored()).Count).toBe(2);
    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await api.delete(`/trash/${note.noteId}`)).status).toBe(204);
    expect((await stored()).Count).toBe(0);
  });

  it('refuses a malformed revision number with 400', async () => {
    const note = await newNote();
    for (const revision of ['0', 'abc', '01', '-1']) expect((await api.get(`/notes/${note.noteId}/revisions/${revision}`)).status).toBe(400);
  });
});
